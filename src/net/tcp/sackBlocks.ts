// The SACK blocks a data receiver reports (RFC 2018 section 4): the block holding the segment that
// triggered the ACK first, then the other blocks in the order they were last reported, so that
// every block is repeated in a few ACKs in case some are lost.

import type { SackBlock } from '../wire/tcpOptions.ts';
import { seqLe, seqLt } from './seq.ts';

/** Out-of-order ranges as the receive buffer gives them: [first, one past the last] sequence. */
export type SeqRange = readonly [number, number];

function containing(ranges: readonly SeqRange[], seq: number): SeqRange | undefined {
  for (const range of ranges) if (seqLe(range[0], seq) && seqLt(seq, range[1])) return range;
  return undefined;
}

/** Remembers which out-of-order blocks were reported most recently. */
export class SackReporter {
  /** Left edges of the blocks, most recently reported first. */
  private recent: number[] = [];

  /**
   * A segment starting at `seq` arrived out of order; `ranges` is what the receive buffer holds
   * out of order now (it includes that segment). Its block becomes the first one reported.
   */
  onOutOfOrder(seq: number, ranges: readonly SeqRange[]): void {
    this.recent = [seq, ...this.recent];
    this.recent = this.current(ranges, Infinity).map((block) => block.left);
  }

  /**
   * The blocks to send now, at most `max`: each remembered block as the receive buffer now holds
   * it (merged with neighbours that arrived since), dropping those the cumulative ACK passed;
   * then any block not reported yet, lowest first.
   */
  blocks(ranges: readonly SeqRange[], max: number): SackBlock[] {
    return this.current(ranges, max);
  }

  /** Forgets every block (the hole was filled and nothing waits out of order). */
  clear(): void {
    this.recent = [];
  }

  private current(ranges: readonly SeqRange[], max: number): SackBlock[] {
    const blocks: SackBlock[] = [];
    const used = new Set<number>();
    const add = (range: SeqRange | undefined) => {
      if (!range || used.has(range[0]) || blocks.length >= max) return;
      used.add(range[0]);
      blocks.push({ left: range[0], right: range[1] });
    };
    for (const left of this.recent) add(containing(ranges, left));
    for (const range of ranges) add(range);
    return blocks;
  }
}
