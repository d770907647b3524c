// The mail client's machine alone on a simulated clock: waiting, sending, fetching; messages due
// while it is busy wait their turn in order, sends before a fetch that is due, and a fetch due
// during a fetch runs once more after it.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Simulator } from '../../engine/simulator.ts';
import { mailClientMachine } from './mailClientMachine.ts';

function start() {
  const sim = new Simulator();
  const log: string[] = [];
  const machine = mailClientMachine.provide({
    actions: {
      send: (_, index) => log.push(`send ${index}`),
      fetch: () => log.push('fetch'),
    },
  });
  const actor = createActor(machine, { clock: sim.clock });
  actor.start();
  return { actor, log, state: () => actor.getSnapshot().value };
}

describe('mailClientMachine', () => {
  it('waits, sends a message that comes due, and waits again', () => {
    const { actor, log, state } = start();
    expect(state()).toBe('waiting');
    actor.send({ type: 'mail.sendDue', index: 0 });
    expect(state()).toBe('sending');
    actor.send({ type: 'mail.done' });
    expect(state()).toBe('waiting');
    expect(log).toEqual(['send 0']);
  });

  it('queues what comes due while busy: the messages in order, then the fetch', () => {
    const { actor, log, state } = start();
    actor.send({ type: 'mail.fetchDue' });
    actor.send({ type: 'mail.sendDue', index: 2 });
    actor.send({ type: 'mail.fetchDue' });
    actor.send({ type: 'mail.sendDue', index: 0 });
    expect(state()).toBe('fetching');
    actor.send({ type: 'mail.done' }); // the fetch: the messages go first
    actor.send({ type: 'mail.done' }); // send 2
    actor.send({ type: 'mail.done' }); // send 0, then the fetch that came due meanwhile
    expect(state()).toBe('fetching');
    actor.send({ type: 'mail.done' });
    expect(state()).toBe('waiting');
    expect(log).toEqual(['fetch', 'send 2', 'send 0', 'fetch']);
  });

  it('fetches again after a fetch when another came due during it', () => {
    const { actor, log, state } = start();
    actor.send({ type: 'mail.fetchDue' });
    actor.send({ type: 'mail.fetchDue' });
    actor.send({ type: 'mail.done' });
    expect(state()).toBe('fetching');
    actor.send({ type: 'mail.done' });
    expect(log).toEqual(['fetch', 'fetch']);
    expect(state()).toBe('waiting');
  });
});
