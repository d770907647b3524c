import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Simulator } from '../../engine/simulator.ts';
import { pingerMachine } from './pingerMachine.ts';

function start(intervalMs = 1000) {
  const sim = new Simulator();
  const log: string[] = [];
  const note = (what: string) => log.push(`${sim.now() / 1e6}ms ${what}`);
  const machine = pingerMachine.provide({
    actions: {
      sendRequest: (_, p) => note(`send ${p.seq}/${p.attempt}`),
      acceptReply: (_, p) => note(`reply ${p.seq}/${p.attempt}`),
      ignoreReply: (_, p) => note(`ignore ${p.seq}/${p.attempt}`),
      noteTimeout: (_, p) => note(`timeout ${p.seq}/${p.attempt}`),
      giveUp: (_, p) => note(`give up ${p.seq}`),
    },
  });
  const actor = createActor(machine, {
    clock: sim.clock,
    input: { count: 2, timeoutMs: 100, intervalMs, retries: 1, startMs: 5 },
  }).start();
  return { sim, actor, log };
}

describe('pingerMachine', () => {
  it('waits for the start delay, then sends and waits for the reply', () => {
    const { sim, actor, log } = start();
    expect(actor.getSnapshot().value).toBe('starting');
    sim.run({ until: 5_000_000 });
    expect(actor.getSnapshot().value).toBe('awaitingReply');
    sim.schedule(30_000_000, () => actor.send({ type: 'net.reply', seq: 1, attempt: 0 }));
    sim.run({ until: 40_000_000 });
    expect(actor.getSnapshot().value).toBe('pausing');
    expect(log).toEqual(['5ms send 1/0', '35ms reply 1/0']);
  });

  it('retries once after the timeout, then gives up and moves to the next request', () => {
    const { sim, actor, log } = start();
    sim.run({ until: 1_250_000_000 });
    expect(log).toEqual([
      '5ms send 1/0',
      '105ms timeout 1/0',
      '105ms send 1/1',
      '205ms give up 1',
      '1205ms send 2/0',
    ]);
    expect(actor.getSnapshot().context).toMatchObject({ seq: 2, attempt: 0 });
  });

  it('ignores a reply to another request and finishes after the last one', () => {
    const { sim, actor, log } = start();
    sim.schedule(10_000_000, () => actor.send({ type: 'net.reply', seq: 7, attempt: 0 }));
    sim.schedule(20_000_000, () => actor.send({ type: 'net.reply', seq: 1, attempt: 0 }));
    sim.run({ until: 1_100_000_000 });
    actor.send({ type: 'net.reply', seq: 2, attempt: 0 });
    expect(actor.getSnapshot().value).toBe('done');
    expect(log).toEqual([
      '5ms send 1/0',
      '10ms ignore 7/0',
      '20ms reply 1/0',
      '1020ms send 2/0',
      '1100ms reply 2/0',
    ]);
    expect(sim.pending).toBe(0);
  });

  it('with no interval sends the next request as the reply arrives, with no timer between', () => {
    const { sim, actor, log } = start(0);
    sim.run({ until: 5_000_000 });
    actor.send({ type: 'net.reply', seq: 1, attempt: 0 });
    // Sent inside send(): only the new request's reply timeout is on the clock.
    expect(log).toEqual(['5ms send 1/0', '5ms reply 1/0', '5ms send 2/0']);
    expect(actor.getSnapshot().value).toBe('awaitingReply');
    expect(sim.pending).toBe(1);
  });
});
