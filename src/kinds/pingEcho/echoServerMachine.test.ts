import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Simulator } from '../../engine/simulator.ts';
import { echoServerMachine, type EchoRequest } from './echoServerMachine.ts';

describe('echoServerMachine', () => {
  it('serves requests one at a time in arrival order, each after the service time', () => {
    const sim = new Simulator();
    const replies: string[] = [];
    const machine = echoServerMachine.provide({
      actions: {
        sendReply: (_, r: EchoRequest) => replies.push(`${sim.now() / 1e6}ms ${r.from}#${r.seq}`),
      },
    });
    const actor = createActor(machine, { clock: sim.clock, input: { serviceMs: 10 } }).start();
    const request = (from: string, seq: number) => () =>
      actor.send({ type: 'net.request', request: { from, seq, attempt: 0, size: 56 } });
    // Three requests at 0, 1 and 25 ms: the second waits for the first (served 10-20 ms), the
    // third arrives while the server is idle again.
    sim.schedule(0, request('a', 1));
    sim.schedule(1_000_000, request('b', 1));
    sim.schedule(25_000_000, request('a', 2));
    sim.run({ until: 12_000_000 });
    expect(actor.getSnapshot().context.queue).toHaveLength(1);
    expect(actor.getSnapshot().value).toBe('serving');
    sim.run();
    expect(replies).toEqual(['10ms a#1', '20ms b#1', '35ms a#2']);
    expect(actor.getSnapshot().value).toBe('idle');
  });

  it('with no service time answers each request as it arrives, setting no timer', () => {
    const sim = new Simulator();
    const replies: string[] = [];
    const machine = echoServerMachine.provide({
      actions: { sendReply: (_, r: EchoRequest) => replies.push(`${r.from}#${r.seq}`) },
    });
    const actor = createActor(machine, { clock: sim.clock, input: { serviceMs: 0 } }).start();
    actor.send({ type: 'net.request', request: { from: 'a', seq: 1, attempt: 0, size: 56 } });
    actor.send({ type: 'net.request', request: { from: 'b', seq: 1, attempt: 0, size: 56 } });
    // Both answered inside send(), in order; nothing waits in the queue or on the clock.
    expect(replies).toEqual(['a#1', 'b#1']);
    expect(actor.getSnapshot().value).toBe('idle');
    expect(actor.getSnapshot().context.queue).toHaveLength(0);
    expect(sim.pending).toBe(0);
  });
});
