import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from './eventQueue.ts';

const noop = (): void => {};

function drain(queue: EventQueue): { time: number; arg: unknown }[] {
  const out: { time: number; arg: unknown }[] = [];
  while (queue.pop()) out.push({ time: queue.poppedTime, arg: queue.poppedArg });
  return out;
}

describe('EventQueue', () => {
  it('pops in time order and, for equal times, in insertion order', () => {
    const queue = new EventQueue(4);
    queue.push(30, noop, 'c');
    queue.push(10, noop, 'a1');
    queue.push(20, noop, 'b');
    queue.push(10, noop, 'a2');
    queue.push(10, noop, 'a3');
    expect(drain(queue).map((e) => e.arg)).toEqual(['a1', 'a2', 'a3', 'b', 'c']);
  });

  it('cancels a pending event and refuses stale handles', () => {
    const queue = new EventQueue();
    const a = queue.push(5, noop, 'a');
    const b = queue.push(6, noop, 'b');
    expect(queue.cancel(a)).toBe(true);
    expect(queue.cancel(a)).toBe(false);
    expect(queue.isPending(a)).toBe(false);
    expect(queue.isPending(b)).toBe(true);
    // The freed slot is reused by the next push; the old handle must not reach the new event.
    const c = queue.push(7, noop, 'c');
    expect(queue.cancel(a)).toBe(false);
    expect(queue.isPending(c)).toBe(true);
    expect(drain(queue).map((e) => e.arg)).toEqual(['b', 'c']);
    expect(queue.cancel(b)).toBe(false);
    expect(queue.cancel(-1)).toBe(false);
    expect(queue.cancel(1.5)).toBe(false);
  });

  it('matches a sorted reference under random pushes, pops and cancels (property)', () => {
    type Op = { kind: 'push'; time: number } | { kind: 'pop' } | { kind: 'cancel'; pick: number };
    const op = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), time: fc.integer({ min: 0, max: 50 }) }),
      fc.record({ kind: fc.constant('pop' as const) }),
      fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops: Op[]) => {
        const queue = new EventQueue(16);
        // Reference: a list of live events sorted by (time, seq).
        let reference: { time: number; seq: number; id: number }[] = [];
        let seq = 0;
        const ids: number[] = [];
        for (const o of ops) {
          if (o.kind === 'push') {
            const s = seq++;
            const id = queue.push(o.time, noop, s);
            ids.push(id);
            reference.push({ time: o.time, seq: s, id });
            reference.sort((x, y) => x.time - y.time || x.seq - y.seq);
          } else if (o.kind === 'pop') {
            const expected = reference.shift();
            const handler = queue.pop();
            if (expected === undefined) {
              expect(handler).toBeUndefined();
            } else {
              expect(queue.poppedTime).toBe(expected.time);
              expect(queue.poppedArg).toBe(expected.seq);
            }
          } else if (ids.length > 0) {
            const id = ids[o.pick % ids.length] as number;
            const live = reference.some((r) => r.id === id);
            expect(queue.cancel(id)).toBe(live);
            reference = reference.filter((r) => r.id !== id);
          }
          expect(queue.size).toBe(reference.length);
        }
      }),
    );
  });

  it('grows past its initial capacity', () => {
    const queue = new EventQueue(16);
    for (let i = 1000; i > 0; i--) queue.push(i, noop, i);
    const times = drain(queue).map((e) => e.time);
    expect(times).toHaveLength(1000);
    expect(times[0]).toBe(1);
    expect(times[999]).toBe(1000);
  });
});
