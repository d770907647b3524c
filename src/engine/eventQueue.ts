// The pending-event set: a binary min-heap over typed arrays, ordered by (time, seq), with cancel.
// Measured on these machines a typed-array heap runs ~1.4x faster than an object heap at 1k
// pending events and ~3.5x at 100k (see bench/engineBench.ts), so events live in parallel arrays.

/**
 * Identifies a scheduled event for `cancel`. It packs the event's storage slot and a generation
 * counter, so a handle kept after its event ran (or was cancelled) can never cancel another event.
 */
export type EventId = number;

const SLOT_BITS = 2 ** 26; // up to 67M simultaneously pending events
const GENERATION_LIMIT = 2 ** 26;

/** Handler of a scheduled event; `arg` is whatever was passed to `push`. */
export type EventHandler = (arg: unknown) => void;

/** A min-heap of events keyed by (time, seq); ties in time pop in insertion (FIFO) order. */
export class EventQueue {
  // Heap order: position -> slot. Keys are copied into the heap arrays so sifting reads
  // contiguous memory instead of chasing slot indices.
  private heapTime: Float64Array;
  private heapSeq: Float64Array;
  private heapSlot: Int32Array;
  // Slot storage: slot -> data.
  private slotPos: Int32Array;
  private slotGen: Int32Array;
  private slotHandler: (EventHandler | undefined)[] = [];
  private slotArg: unknown[] = [];
  private freeSlots: Int32Array;
  private freeCount = 0;
  private slotCount = 0;
  private count = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(16, initialCapacity);
    this.heapTime = new Float64Array(capacity);
    this.heapSeq = new Float64Array(capacity);
    this.heapSlot = new Int32Array(capacity);
    this.slotPos = new Int32Array(capacity);
    this.slotGen = new Int32Array(capacity);
    this.freeSlots = new Int32Array(capacity);
  }

  /** Number of pending events. */
  get size(): number {
    return this.count;
  }

  /** Time of the earliest pending event, or `Infinity` when none is pending. */
  peekTime(): number {
    return this.count > 0 ? (this.heapTime[0] as number) : Infinity;
  }

  /** Adds an event at absolute time `time` and returns its handle. */
  push(time: number, handler: EventHandler, arg?: unknown): EventId {
    const slot = this.allocateSlot();
    this.slotHandler[slot] = handler;
    this.slotArg[slot] = arg;
    this.siftUp(this.count++, time, this.nextSeq++, slot);
    return (this.slotGen[slot] as number) * SLOT_BITS + slot;
  }

  /** Time of the event most recently returned by `pop`. */
  poppedTime = 0;
  /** Argument of the event most recently returned by `pop`. */
  poppedArg: unknown = undefined;

  /**
   * Removes the earliest event and returns its handler; its time and argument are left in
   * `poppedTime` and `poppedArg`, so no object is allocated per event. Undefined when empty.
   */
  pop(): EventHandler | undefined {
    if (this.count === 0) return undefined;
    const slot = this.heapSlot[0] as number;
    const handler = this.slotHandler[slot] as EventHandler;
    this.poppedTime = this.heapTime[0] as number;
    this.poppedArg = this.slotArg[slot];
    this.removeAt(0);
    return handler;
  }

  /** Removes a pending event. Returns false if it already ran, was cancelled, or never existed. */
  cancel(id: EventId): boolean {
    if (!Number.isSafeInteger(id) || id < 0) return false;
    const slot = id % SLOT_BITS;
    const gen = Math.floor(id / SLOT_BITS);
    if (slot >= this.slotCount || this.slotGen[slot] !== gen) return false;
    const pos = this.slotPos[slot] as number;
    if (pos < 0) return false;
    this.removeAt(pos);
    return true;
  }

  /** True while the event is pending. */
  isPending(id: EventId): boolean {
    const slot = id % SLOT_BITS;
    return (
      slot < this.slotCount &&
      this.slotGen[slot] === Math.floor(id / SLOT_BITS) &&
      (this.slotPos[slot] as number) >= 0
    );
  }

  private removeAt(pos: number): void {
    const slot = this.heapSlot[pos] as number;
    this.releaseSlot(slot);
    const last = --this.count;
    if (pos === last) return;
    // Move the last element into the hole, then restore heap order in whichever direction it needs.
    const time = this.heapTime[last] as number;
    const seq = this.heapSeq[last] as number;
    const movedSlot = this.heapSlot[last] as number;
    if (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pt = this.heapTime[parent] as number;
      if (time < pt || (time === pt && seq < (this.heapSeq[parent] as number))) {
        this.siftUp(pos, time, seq, movedSlot);
        return;
      }
    }
    this.siftDown(pos, time, seq, movedSlot);
  }

  private siftUp(pos: number, time: number, seq: number, slot: number): void {
    const { heapTime, heapSeq, heapSlot, slotPos } = this;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pt = heapTime[parent] as number;
      if (pt < time || (pt === time && (heapSeq[parent] as number) < seq)) break;
      heapTime[pos] = pt;
      heapSeq[pos] = heapSeq[parent] as number;
      const ps = heapSlot[parent] as number;
      heapSlot[pos] = ps;
      slotPos[ps] = pos;
      pos = parent;
    }
    heapTime[pos] = time;
    heapSeq[pos] = seq;
    heapSlot[pos] = slot;
    slotPos[slot] = pos;
  }

  private siftDown(pos: number, time: number, seq: number, slot: number): void {
    const { heapTime, heapSeq, heapSlot, slotPos } = this;
    const n = this.count;
    for (;;) {
      let child = 2 * pos + 1;
      if (child >= n) break;
      let ct = heapTime[child] as number;
      let cs = heapSeq[child] as number;
      const right = child + 1;
      if (right < n) {
        const rt = heapTime[right] as number;
        const rs = heapSeq[right] as number;
        if (rt < ct || (rt === ct && rs < cs)) {
          child = right;
          ct = rt;
          cs = rs;
        }
      }
      if (time < ct || (time === ct && seq < cs)) break;
      heapTime[pos] = ct;
      heapSeq[pos] = cs;
      const moved = heapSlot[child] as number;
      heapSlot[pos] = moved;
      slotPos[moved] = pos;
      pos = child;
    }
    heapTime[pos] = time;
    heapSeq[pos] = seq;
    heapSlot[pos] = slot;
    slotPos[slot] = pos;
  }

  private allocateSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount] as number;
    if (this.slotCount === this.slotPos.length) this.grow();
    if (this.slotCount >= SLOT_BITS) throw new RangeError('too many pending events (67M)');
    return this.slotCount++;
  }

  private releaseSlot(slot: number): void {
    this.slotPos[slot] = -1;
    this.slotHandler[slot] = undefined;
    this.slotArg[slot] = undefined;
    this.slotGen[slot] = ((this.slotGen[slot] as number) + 1) % GENERATION_LIMIT;
    this.freeSlots[this.freeCount++] = slot;
  }

  private grow(): void {
    const capacity = this.slotPos.length * 2;
    this.heapTime = resized(this.heapTime, new Float64Array(capacity));
    this.heapSeq = resized(this.heapSeq, new Float64Array(capacity));
    this.heapSlot = resized(this.heapSlot, new Int32Array(capacity));
    this.slotPos = resized(this.slotPos, new Int32Array(capacity));
    this.slotGen = resized(this.slotGen, new Int32Array(capacity));
    this.freeSlots = resized(this.freeSlots, new Int32Array(capacity));
  }
}

function resized<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
