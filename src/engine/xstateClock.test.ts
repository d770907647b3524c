import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, raise, sendTo, setup } from 'xstate';
import { Simulator } from './simulator.ts';

afterEach(() => vi.restoreAllMocks());

describe('XState on simulated time', () => {
  it('lets an hour-long `after` pass in well under a second, with no real timer', () => {
    const realSetTimeout = vi.spyOn(globalThis, 'setTimeout');
    const realSetInterval = vi.spyOn(globalThis, 'setInterval');
    const sim = new Simulator();
    const machine = setup({}).createMachine({
      initial: 'waiting',
      states: {
        waiting: { after: { 3600000: 'done' } },
        done: { type: 'final' },
      },
    });
    const actor = createActor(machine, { clock: sim.clock }).start();
    const wallStart = performance.now();
    const result = sim.run();
    const wallMs = performance.now() - wallStart;

    expect(actor.getSnapshot().value).toBe('done');
    expect(result.now).toBe(3_600_000_000_000); // one hour in ns
    expect(realSetTimeout).not.toHaveBeenCalled();
    expect(realSetInterval).not.toHaveBeenCalled();
    expect(wallMs).toBeLessThan(1000);
  });

  it('cancels an `after` timer when the state is left early', () => {
    const sim = new Simulator();
    const machine = setup({}).createMachine({
      initial: 'waiting',
      states: {
        waiting: { after: { 500: 'timedOut' }, on: { reply: 'answered' } },
        timedOut: {},
        answered: {},
      },
    });
    const actor = createActor(machine, { clock: sim.clock }).start();
    sim.schedule(100_000_000, () => actor.send({ type: 'reply' })); // 100 ms
    sim.run();
    expect(actor.getSnapshot().value).toBe('answered');
    expect(sim.pending).toBe(0);
    expect(sim.now()).toBe(100_000_000);
  });

  it('delivers delayed raise and sendTo events at the simulated time they name', () => {
    const sim = new Simulator();
    const seenAt: Record<string, number> = {};
    const receiver = setup({
      actions: { note: (_, name: string) => (seenAt[name] = sim.now()) },
    }).createMachine({
      on: { ping: { actions: { type: 'note', params: 'sendTo' } } },
    });
    const sender = setup({
      actors: { receiver },
      actions: { note: (_, name: string) => (seenAt[name] = sim.now()) },
    }).createMachine({
      invoke: { src: 'receiver', id: 'receiver' },
      entry: [
        raise({ type: 'tick' }, { delay: 250 }),
        sendTo('receiver', { type: 'ping' }, { delay: 1.5 }),
      ],
      on: { tick: { actions: { type: 'note', params: 'raise' } } },
    });
    createActor(sender, { clock: sim.clock }).start();
    sim.run();
    expect(seenAt).toEqual({ sendTo: 1_500_000, raise: 250_000_000 });
  });
});
