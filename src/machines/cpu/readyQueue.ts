// The ready queue: jobs ordered by a policy key, ties broken by `seq` (the scheduler numbers a job
// when its burst arrives, so the job that arrived first wins). A binary heap for keyed policies, a
// ring buffer, in the order of entry, when the key is constant (FCFS, RR).

/** What the queue orders: `key` (lower runs first), then `seq` (lower runs first). */
export interface ReadyEntry {
  key: number;
  seq: number;
}

/** A ready queue; no two entries in it share a `seq`. */
export interface ReadyQueue<T extends ReadyEntry> {
  readonly size: number;
  push(entry: T): void;
  /** The entry that runs next, without removing it. */
  peek(): T | undefined;
  pop(): T | undefined;
}

/** First-come first-served (FCFS, RR): a growable ring buffer, O(1) per operation. */
export class FifoReadyQueue<T extends ReadyEntry> implements ReadyQueue<T> {
  private items: (T | undefined)[] = new Array<T | undefined>(16);
  private head = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(entry: T): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) % this.items.length] = entry;
    this.count++;
  }

  peek(): T | undefined {
    return this.count === 0 ? undefined : this.items[this.head];
  }

  pop(): T | undefined {
    if (this.count === 0) return undefined;
    const entry = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) % this.items.length;
    this.count--;
    return entry;
  }

  private grow(): void {
    const next = new Array<T | undefined>(this.items.length * 2);
    for (let i = 0; i < this.count; i++) next[i] = this.items[(this.head + i) % this.items.length];
    this.items = next;
    this.head = 0;
  }
}

/** Keyed policies (SJF, SRTF, priority): a binary min-heap on (key, seq), O(log n). */
export class HeapReadyQueue<T extends ReadyEntry> implements ReadyQueue<T> {
  private readonly heap: T[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(entry: T): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as T;
      if (!before(entry, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  peek(): T | undefined {
    return this.heap[0];
  }

  pop(): T | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    const n = heap.length;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && before(heap[right] as T, heap[left] as T)) child = right;
      if (!before(heap[child] as T, last)) break;
      heap[i] = heap[child] as T;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}

function before(a: ReadyEntry, b: ReadyEntry): boolean {
  return a.key < b.key || (a.key === b.key && a.seq < b.seq);
}
