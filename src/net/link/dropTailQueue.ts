// A drop-tail (FIFO) queue of frames waiting for a transmitter, bounded in packets (frames)
// and/or bytes (their sizes on the wire): a frame that would exceed either bound is refused, and
// the caller traces the drop.

import type { Frame } from '../wire/frame.ts';

/** Queue bounds; an absent bound is unlimited. Only waiting packets count, not the one on the wire. */
export interface QueueLimits {
  /** Most packets that may wait. */
  packets?: number;
  /** Most bytes (sum of wire sizes) that may wait. */
  bytes?: number;
}

/** A FIFO of packets with their wire sizes, refusing arrivals beyond its limits. */
export class DropTailQueue {
  private items: (Frame | undefined)[] = [];
  private sizes: number[] = [];
  private head = 0;
  private byteCount = 0;
  private readonly maxFrames: number;
  private readonly maxBytes: number;

  constructor(limits: QueueLimits = {}) {
    this.maxFrames = checkLimit('packets', limits.packets);
    this.maxBytes = checkLimit('bytes', limits.bytes);
  }

  /** Frames waiting. */
  get packets(): number {
    return this.items.length - this.head;
  }

  /** Bytes waiting (sum of their wire sizes). */
  get bytes(): number {
    return this.byteCount;
  }

  /** Appends the packet unless it would exceed a limit; returns whether it was accepted. */
  offer(packet: Frame, size: number): boolean {
    if (this.packets + 1 > this.maxFrames || this.byteCount + size > this.maxBytes) return false;
    this.items.push(packet);
    this.sizes.push(size);
    this.byteCount += size;
    return true;
  }

  /** Removes and returns the oldest packet, or undefined when empty. */
  poll(): Frame | undefined {
    if (this.head === this.items.length) return undefined;
    const packet = this.items[this.head];
    this.items[this.head] = undefined;
    this.byteCount -= this.sizes[this.head] as number;
    this.head++;
    if (this.head === this.items.length) {
      this.items = [];
      this.sizes = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.sizes = this.sizes.slice(this.head);
      this.head = 0;
    }
    return packet;
  }

  /** Empties the queue and returns what was waiting, oldest first. */
  clear(): Frame[] {
    const waiting = this.items.slice(this.head) as Frame[];
    this.items = [];
    this.sizes = [];
    this.head = 0;
    this.byteCount = 0;
    return waiting;
  }
}

function checkLimit(name: string, value: number | undefined): number {
  if (value === undefined) return Infinity;
  if (!(Number.isInteger(value) && value >= 0) && value !== Infinity) {
    throw new RangeError(`queue limit ${name} must be a non-negative integer, got ${value}`);
  }
  return value;
}
