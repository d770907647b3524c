import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { serverConnectionMachine, type ServerConnectionEvent } from './serverConnectionMachine.ts';

type Step = ServerConnectionEvent['type'] | ServerConnectionEvent;

/**
 * Drives a machine through events and returns "state [actions]" after each one, leaving out the
 * keep-alive timer's actions unless `timer`.
 */
function drive(steps: Step[], timer = false) {
  const actions: string[] = [];
  const note = (name: string) => () => actions.push(name);
  const machine = serverConnectionMachine.provide({
    actions: {
      armKeepAlive: () => timer && actions.push('arm'),
      disarmKeepAlive: () => timer && actions.push('disarm'),
      startWork: note('work'),
      refuse: note('refuse'),
      stopCounting: note('uncount'),
      close: (_, reason) => actions.push(`close:${reason}`),
      freeThread: note('free'),
      leaveQueue: note('leave'),
      takeMore: note('take'),
    },
  });
  const actor = createActor(machine, { input: {} }).start();
  const seen = steps.map((step) => {
    actions.length = 0;
    actor.send((typeof step === 'string' ? { type: step } : step) as ServerConnectionEvent);
    return `${actor.getSnapshot().value} [${actions.join(' ')}]`;
  });
  return { seen, actor };
}

const assign = (queued = false): ServerConnectionEvent => ({ type: 'conn.assign', queued });
const replied = (close = false, queued = false): ServerConnectionEvent => ({
  type: 'conn.replied',
  close,
  queued,
});

describe('serverConnectionMachine', () => {
  it('serves requests on a persistent connection until the client closes it', () => {
    const { seen } = drive([
      assign(),
      'conn.request',
      'conn.io',
      replied(),
      'conn.request',
      replied(),
      'conn.end',
      'conn.closed',
    ]);
    expect(seen).toEqual([
      'reading []',
      'working [work]',
      'waitingForIo []',
      'reading []',
      'working [work]',
      'reading []',
      'closing [uncount close:peerClosed free take]',
      'closed [take]',
    ]);
  });

  it('a client that closes while its request is in work still gets the reply, then the close', () => {
    const { seen } = drive([assign(), 'conn.request', 'conn.end', 'conn.io', replied()]);
    expect(seen).toEqual([
      'reading []',
      'working [work]',
      // Not closed here: the request is still being served.
      'working []',
      'waitingForIo []',
      'closing [uncount close:peerClosed free take]',
    ]);
  });

  it('pipelined requests are served one after the other before a pending close', () => {
    const { seen } = drive([assign(true), 'conn.end', replied(false, true), replied()]);
    expect(seen).toEqual([
      'working [work]',
      'working []',
      'working [work]',
      'closing [uncount close:peerClosed free take]',
    ]);
  });

  it('a reply with Connection: close ends the connection, whatever waits behind it', () => {
    const { seen } = drive([assign(), 'conn.request', replied(true, true)]);
    expect(seen.at(-1)).toBe('closing [uncount close:done free take]');
  });

  it('times out only while reading: bytes restart the keep-alive timer, a request stops it', () => {
    const { seen } = drive(
      [assign(), 'conn.data', 'conn.request', 'conn.idle', replied(), 'conn.idle'],
      true,
    );
    expect(seen).toEqual([
      'reading [arm]',
      'reading [disarm arm]',
      'working [disarm work]',
      // A late timer event is ignored while a request is in work.
      'working []',
      'reading [arm]',
      'closing [disarm uncount close:idle free take]',
    ]);
  });

  it('a reset in the middle of a request frees the thread only once the work is done', () => {
    const { seen, actor } = drive([assign(), 'conn.request', 'conn.reset', 'conn.io', replied()]);
    expect(seen).toEqual([
      'reading []',
      'working [work]',
      'abandoned [uncount take]',
      'abandoned []',
      'closed [free take]',
    ]);
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('an event loop drops the request of a reset connection without running it', () => {
    const { seen } = drive([assign(), 'conn.request', 'conn.reset', 'conn.dropped']);
    expect(seen.slice(2)).toEqual(['abandoned [uncount take]', 'closed []']);
  });

  it('a reset while reading frees the thread at once', () => {
    const { seen } = drive([assign(), 'conn.reset']);
    expect(seen.at(-1)).toBe('closed [uncount free take]');
  });

  it('waits for a thread; a client gone meanwhile leaves the queue', () => {
    const { seen } = drive(['conn.request', 'conn.reset']);
    expect(seen).toEqual(['accepted []', 'closed [uncount leave take]']);
  });

  it('a client that closed while waiting for a thread is closed when a thread takes it', () => {
    expect(drive(['conn.end', assign()]).seen).toEqual([
      'accepted []',
      'closing [uncount close:peerClosed free take]',
    ]);
    // ...unless its requests arrived first: they are served, then the connection closes.
    expect(drive(['conn.end', assign(true), replied()]).seen.slice(1)).toEqual([
      'working [work]',
      'closing [uncount close:peerClosed free take]',
    ]);
  });

  it('a refused connection is answered and closed, never counted', () => {
    const { seen } = drive(['conn.refuse', 'conn.data', 'conn.end', 'conn.reset']);
    expect(seen).toEqual(['refused [refuse]', 'refused []', 'refused []', 'closed [take]']);
  });
});
