import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { sinkMachine } from './sinkMachine.ts';

describe('sinkMachine', () => {
  it('listens, accepts each connection, and goes idle when the last one closes', () => {
    const log: string[] = [];
    const machine = sinkMachine.provide({
      actions: { listen: () => log.push('listen'), accept: () => log.push('accept') },
    });
    const actor = createActor(machine).start();
    expect(actor.getSnapshot().value).toBe('starting');
    actor.send({ type: 'tcp.listening' });
    actor.send({ type: 'tcp.connection' });
    actor.send({ type: 'tcp.connection' });
    expect(actor.getSnapshot().context).toEqual({ accepted: 2, open: 2 });
    actor.send({ type: 'tcp.connectionClosed' });
    expect(actor.getSnapshot().value).toBe('receiving');
    actor.send({ type: 'tcp.connectionClosed' });
    expect(actor.getSnapshot().value).toBe('idle');
    expect(log).toEqual(['listen', 'accept', 'accept']);
  });

  it('fails when it cannot listen', () => {
    const actor = createActor(sinkMachine).start();
    actor.send({ type: 'tcp.error', error: 'EADDRINUSE' });
    expect(actor.getSnapshot().value).toBe('failed');
  });
});
