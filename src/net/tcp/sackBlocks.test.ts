// The receiver's SACK blocks against RFC 2018 section 5's worked examples: a window of 8
// segments of 500 bytes from sequence number 5000, with segments lost on the way.
import { describe, expect, it } from 'vitest';
import { ReceiveBuffer } from './receiveBuffer.ts';
import { SackReporter } from './sackBlocks.ts';

/** A receiver at RCV.NXT 5000 and its reporter; `arrive` feeds one 500-byte segment. */
function receiver() {
  const buffer = new ReceiveBuffer({ irs: 4999, capacity: 65_535 });
  const reporter = new SackReporter();
  const arrive = (seq: number) => {
    const result = buffer.receive(seq, new Uint8Array(500));
    if (result.outOfOrder) reporter.onOutOfOrder(seq, buffer.outOfOrderRanges());
    if (!buffer.hasOutOfOrder) reporter.clear();
    const blocks = reporter.blocks(buffer.outOfOrderRanges(), 4);
    return [buffer.rcvNxt, ...blocks.map((b) => `${b.left}-${b.right}`)];
  };
  return { arrive };
}

describe('SACK blocks (RFC 2018 section 4, examples of section 5)', () => {
  it('case 2: the first segment is lost, the other seven each extend one block', () => {
    const { arrive } = receiver();
    expect(arrive(5500)).toEqual([5000, '5500-6000']);
    expect(arrive(6000)).toEqual([5000, '5500-6500']);
    expect(arrive(6500)).toEqual([5000, '5500-7000']);
    expect(arrive(7000)).toEqual([5000, '5500-7500']);
    expect(arrive(7500)).toEqual([5000, '5500-8000']);
    expect(arrive(8000)).toEqual([5000, '5500-8500']);
    expect(arrive(8500)).toEqual([5000, '5500-9000']);
  });

  it('case 3 and 4: every other segment lost, the newest block first, then the holes fill', () => {
    const { arrive } = receiver();
    expect(arrive(5000)).toEqual([5500]);
    expect(arrive(6000)).toEqual([5500, '6000-6500']);
    expect(arrive(7000)).toEqual([5500, '7000-7500', '6000-6500']);
    expect(arrive(8000)).toEqual([5500, '8000-8500', '7000-7500', '6000-6500']);
    // The 4th segment (6500) is resent and arrives: its block, merged, comes first.
    expect(arrive(6500)).toEqual([5500, '6000-7500', '8000-8500']);
    // The 2nd segment (5500) arrives: the ACK moves to 7500, one block is left.
    expect(arrive(5500)).toEqual([7500, '8000-8500']);
  });

  it('sends at most the blocks that fit, the most recent ones', () => {
    const buffer = new ReceiveBuffer({ irs: 4999, capacity: 65_535 });
    const reporter = new SackReporter();
    for (const seq of [6000, 7000, 8000, 9000]) {
      buffer.receive(seq, new Uint8Array(500));
      reporter.onOutOfOrder(seq, buffer.outOfOrderRanges());
    }
    // Beside timestamps only 3 fit (RFC 2018 section 3): the oldest, 6000-6500, is left out.
    expect(reporter.blocks(buffer.outOfOrderRanges(), 3).map((b) => b.left)).toEqual([
      9000, 8000, 7000,
    ]);
  });
});
