import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { CONCURRENCY_MODELS, CONCURRENCY_MODEL_NAMES } from './concurrencyModels.ts';
import type { ConcurrencyStrategy } from './concurrencyStrategy.ts';
import type { ConcurrencyConfig } from './serverConfig.ts';
import { startWorker, type Worker } from './serverThreads.ts';

interface Task {
  name: string;
  wanted: boolean;
}

/** A strategy with a host that logs what it is asked to do. */
function strategy(config: Partial<ConcurrencyConfig> & Pick<ConcurrencyConfig, 'model'>) {
  const sim = new Simulator();
  const log: string[] = [];
  const cpuFreed: (() => void)[] = [];
  const full: ConcurrencyConfig = { limit: 2, overLimit: 'queue', queueLimit: 1, ...config };
  const s: ConcurrencyStrategy<Task> = new CONCURRENCY_MODELS[full.model]<Task>({
    config: full,
    thread: (name) => {
      log.push(`thread ${name}`);
      return startWorker(sim, 'n', 'web', name);
    },
    work: (task, freed) => {
      log.push(`work ${task.name}`);
      if (freed) cpuFreed.push(freed);
    },
    wanted: (task) => task.wanted,
    drop: (task) => log.push(`drop ${task.name}`),
  });
  s.start();
  const state = (w: Worker | undefined) => String(w?.actor.getSnapshot().value);
  return { s, log, cpuFreed, state, sim };
}

describe('concurrency strategies', () => {
  it('the table names the four models', () => {
    expect(CONCURRENCY_MODEL_NAMES).toEqual([
      'single',
      'threadPerConnection',
      'workerPool',
      'eventLoop',
    ]);
  });

  it('single: one standing thread; room only while it is free; never refuses', () => {
    const { s, log, state } = strategy({ model: 'single', overLimit: 'refuse' });
    expect(log).toEqual(['thread w1']);
    expect(s.hasRoom(0, 0)).toBe(true);
    const w1 = s.threadFor();
    w1?.actor.send({ type: 'server.assign' });
    expect(s.hasRoom(0, 0)).toBe(false); // its connection is gone, but it still works for it
    expect(s.refusal).toBeUndefined();
    s.free(w1 as Worker);
    expect(state(w1)).toBe('idle');
    expect(s.hasRoom(0, 0)).toBe(true);
  });

  it('threadPerConnection: a new thread per connection, which exits; refuses only when told', () => {
    const { s, log, state } = strategy({ model: 'threadPerConnection', overLimit: 'refuse' });
    expect(log).toEqual([]);
    expect([s.hasRoom(1, 0), s.hasRoom(2, 0)]).toEqual([true, false]);
    expect(s.refusal).toBe('2 at once');
    const [t1, t2] = [s.threadFor(), s.threadFor()];
    expect([t1?.name, t2?.name]).toEqual(['t1', 't2']);
    s.free(t1 as Worker);
    expect(t1?.actor.getSnapshot().status).toBe('done'); // exited
    expect(state(t2)).toBe('idle');
    expect(strategy({ model: 'threadPerConnection' }).s.refusal).toBeUndefined();
  });

  it('workerPool: limit workers at start; room while one is free or the queue has room', () => {
    const { s, log } = strategy({ model: 'workerPool', overLimit: 'refuse' });
    expect(log).toEqual(['thread w1', 'thread w2']);
    const [w1, w2] = [s.threadFor(), s.threadFor()];
    expect([w1?.name, w2?.name, s.threadFor()]).toEqual(['w1', 'w2', undefined]);
    expect([s.hasRoom(2, 0), s.hasRoom(3, 1)]).toEqual([true, false]);
    expect(s.refusal).toBe('pool queue full');
    s.free(w2 as Worker);
    expect(s.hasRoom(3, 1)).toBe(true);
    expect(s.threadFor()).toBe(w2);
  });

  it('threads block on I/O and go back to reading after each reply', () => {
    const { s, state } = strategy({ model: 'workerPool' });
    const w1 = s.threadFor() as Worker;
    w1.actor.send({ type: 'server.assign' });
    w1.actor.send({ type: 'server.work' });
    s.blockedOnIo(w1);
    expect(state(w1)).toBe('waitingForIo');
    s.replied(w1);
    expect(state(w1)).toBe('reading');
  });

  it('eventLoop: one thread for every connection; CPU work one task at a time', () => {
    const { s, log, cpuFreed, state } = strategy({ model: 'eventLoop', limit: 3 });
    expect(log).toEqual(['thread loop']);
    const loop = s.threadFor();
    expect(s.threadFor()).toBe(loop);
    expect([s.hasRoom(2, 0), s.hasRoom(3, 0)]).toEqual([true, false]);
    loop?.actor.send({ type: 'server.work' });
    s.run({ name: 'a', wanted: true });
    s.run({ name: 'b', wanted: false });
    s.run({ name: 'c', wanted: true });
    // Only a runs; b's connection is gone by the time the loop gets to it.
    expect(log.slice(1)).toEqual(['work a']);
    cpuFreed.shift()?.();
    expect(log.slice(1)).toEqual(['work a', 'drop b', 'work c']);
    // I/O and replies do not move the loop; running dry does.
    s.blockedOnIo(loop as Worker);
    s.replied(loop as Worker);
    expect(state(loop)).toBe('working');
    cpuFreed.shift()?.();
    expect(state(loop)).toBe('reading');
  });
});
