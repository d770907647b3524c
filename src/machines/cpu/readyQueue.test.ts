// Tests of the ready queues: order by key, FIFO among equal keys (the textbooks' tie rule).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FifoReadyQueue, HeapReadyQueue, type ReadyEntry } from './readyQueue.ts';

describe('ready queues', () => {
  it('the heap pops by (key, seq) for any pushes and pops', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined })),
        (ops) => {
          const heap = new HeapReadyQueue<ReadyEntry>();
          const model: ReadyEntry[] = [];
          let seq = 0;
          for (const op of ops) {
            if (op === undefined) {
              model.sort((a, b) => a.key - b.key || a.seq - b.seq);
              expect(heap.pop()).toBe(model.shift());
            } else {
              const e = { key: op, seq: seq++ };
              heap.push(e);
              model.push(e);
            }
            expect(heap.size).toBe(model.length);
          }
        },
      ),
    );
  });

  it('the FIFO queue keeps arrival order across growth', () => {
    const q = new FifoReadyQueue<ReadyEntry>();
    for (let i = 0; i < 40; i++) q.push({ key: 0, seq: i });
    for (let i = 0; i < 20; i++) expect(q.pop()?.seq).toBe(i);
    for (let i = 40; i < 100; i++) q.push({ key: 0, seq: i });
    for (let i = 20; i < 100; i++) expect(q.pop()?.seq).toBe(i);
    expect(q.pop()).toBeUndefined();
    expect(q.peek()).toBeUndefined();
  });
});
