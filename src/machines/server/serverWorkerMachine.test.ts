import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { serverWorkerMachine } from './serverWorkerMachine.ts';

describe('serverWorkerMachine', () => {
  it('goes idle -> reading -> working -> waitingForIo -> reading -> idle', () => {
    const actor = createActor(serverWorkerMachine).start();
    const seen: string[] = [actor.getSnapshot().value as string];
    for (const type of [
      'server.assign',
      'server.work',
      'server.io',
      'server.replied',
      'server.release',
    ] as const) {
      actor.send({ type });
      seen.push(actor.getSnapshot().value as string);
    }
    expect(seen).toEqual(['idle', 'reading', 'working', 'waitingForIo', 'reading', 'idle']);
  });

  it('cannot drop a connection in the middle of a request', () => {
    const actor = createActor(serverWorkerMachine).start();
    actor.send({ type: 'server.assign' });
    actor.send({ type: 'server.work' });
    actor.send({ type: 'server.release' });
    expect(actor.getSnapshot().value).toBe('working');
  });

  it('a per-connection thread exits for good', () => {
    const actor = createActor(serverWorkerMachine).start();
    actor.send({ type: 'server.assign' });
    actor.send({ type: 'server.exit' });
    expect(actor.getSnapshot().status).toBe('done');
  });
});
