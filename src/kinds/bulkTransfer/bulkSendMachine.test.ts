import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Simulator } from '../../engine/simulator.ts';
import { bulkSendMachine } from './bulkSendMachine.ts';

function start() {
  const sim = new Simulator();
  const log: string[] = [];
  const note = (what: string) => () => log.push(`${sim.now() / 1e6}ms ${what}`);
  const machine = bulkSendMachine.provide({
    actions: {
      connect: note('connect'),
      write: note('write'),
      close: note('close'),
      failed: (_, e) => log.push(`failed ${e}`),
    },
  });
  const actor = createActor(machine, { clock: sim.clock, input: { startMs: 100 } }).start();
  return { sim, actor, log };
}

describe('bulkSendMachine', () => {
  it('connects after the start delay, writes once connected, closes when all is written', () => {
    const { sim, actor, log } = start();
    sim.run();
    expect(actor.getSnapshot().value).toBe('connecting');
    actor.send({ type: 'tcp.connected' });
    actor.send({ type: 'tcp.allWritten' });
    expect(actor.getSnapshot().value).toBe('closing');
    actor.send({ type: 'tcp.closed' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(log).toEqual(['100ms connect', '100ms write', '100ms close']);
  });

  it('fails from any state on a socket error', () => {
    const { sim, actor, log } = start();
    sim.run();
    actor.send({ type: 'tcp.error', error: 'ECONNREFUSED' });
    expect(actor.getSnapshot().value).toBe('failed');
    expect(log).toEqual(['100ms connect', 'failed ECONNREFUSED']);
  });
});
