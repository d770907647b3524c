// The sender's SACK scoreboard against hand-worked cases of RFC 6675 section 4 (IsLost, SetPipe,
// NextSeg): SMSS 1000, ten segments sent from 1000 to 11000, the first one lost.
import { describe, expect, it } from 'vitest';
import { SackScoreboard } from './sackScoreboard.ts';

const SMSS = 1000;
const board = () => new SackScoreboard({ iss: 999, smss: SMSS });
const block = (left: number, right: number) => ({ left, right });

describe('SackScoreboard', () => {
  it('marks SACKed ranges, merging them, and forgets what the cumulative ACK passes', () => {
    const b = board();
    expect(b.update(1000, [block(2000, 3000)], 11_000)).toBe(1000);
    expect(b.update(1000, [block(3000, 4000), block(2000, 3000)], 11_000)).toBe(1000);
    expect(b.ranges()).toEqual([block(2000, 4000)]);
    expect([b.isSacked(1999), b.isSacked(2000), b.isSacked(3999), b.isSacked(4000)]).toEqual([
      false,
      true,
      true,
      false,
    ]);
    // Blocks below the ACK (a D-SACK, RFC 2883) or past SND.MAX are not marked.
    expect(b.update(1000, [block(500, 900), block(11_000, 12_000)], 11_000)).toBe(0);
    // The lost segment was resent and arrived: the ACK covers everything SACKed.
    b.update(4000, [], 11_000);
    expect(b.hasSacks).toBe(false);
  });

  it('IsLost: more than (DupThresh - 1) * SMSS bytes SACKed above, as three duplicate ACKs', () => {
    const b = board();
    b.update(1000, [block(2000, 4000)], 11_000);
    // 2000 bytes above 1000 is not more than 2 * 1000: like two duplicate ACKs, not yet lost.
    expect(b.isLost(1000)).toBe(false);
    b.update(1000, [block(2000, 5000)], 11_000);
    expect(b.isLost(1000)).toBe(true);
    // Above byte 3000 lie only 1999 SACKed bytes (3001 to 4999): not lost by that count.
    expect(b.isLost(3000)).toBe(false);
  });

  it('IsLost: DupThresh separate SACKed ranges above, however short', () => {
    const b = board();
    b.update(1000, [block(2000, 2100), block(3000, 3100)], 11_000);
    expect(b.isLost(1000)).toBe(false);
    b.update(1000, [block(4000, 4100)], 11_000);
    expect(b.isLost(1000)).toBe(true);
  });

  it('SetPipe: unSACKed bytes not lost, plus bytes resent', () => {
    const b = board();
    b.update(1000, [block(2000, 5000)], 11_000);
    // [1000, 2000) is lost (not in the network); [2000, 5000) SACKed; [5000, 11000) in flight.
    expect(b.pipe(11_000, 1000)).toBe(6000);
    // After resending [1000, 2000) (HighRxt 2000) those bytes are in the network again.
    expect(b.pipe(11_000, 2000)).toBe(7000);
    // With nothing SACKed the pipe is the flight size.
    const fresh = board();
    fresh.update(1000, [], 11_000);
    expect(fresh.pipe(11_000, 1000)).toBe(10_000);
  });

  it('NextSeg rule 1: the first lost byte above HighRxt, one SMSS at most', () => {
    const b = board();
    b.update(1000, [block(2000, 5000)], 11_000);
    expect(b.lostSegment(1000)).toEqual({ seq: 1000, length: 1000 });
    // Resent already: nothing lost is left below the highest SACKed byte.
    expect(b.lostSegment(2000)).toBeUndefined();
    // Two holes: [1000, 2000) and [5000, 6000), SACKed [2000, 5000) and [6000, 9000).
    const two = board();
    two.update(1000, [block(2000, 5000), block(6000, 9000)], 11_000);
    expect(two.lostSegment(1000)).toEqual({ seq: 1000, length: 1000 });
    expect(two.lostSegment(2000)).toEqual({ seq: 5000, length: 1000 });
    expect(two.lostSegment(6000)).toBeUndefined();
  });

  it('NextSeg rule 3: an unSACKed hole that IsLost does not yet condemn', () => {
    const b = board();
    b.update(1000, [block(2000, 3000)], 11_000);
    expect(b.lostSegment(1000)).toBeUndefined();
    expect(b.unsackedSegment(1000)).toEqual({ seq: 1000, length: 1000 });
  });

  it('works across the wrap of sequence numbers at 2^32', () => {
    const b = new SackScoreboard({ iss: 2 ** 32 - 1500, smss: SMSS });
    const seq = (offset: number) => (2 ** 32 - 1500 + offset) % 2 ** 32;
    b.update(seq(1), [block(seq(1001), seq(4001))], seq(10_001));
    expect(b.ranges()).toEqual([block(seq(1001), seq(4001))]);
    expect(b.isLost(seq(1))).toBe(true);
    expect(b.lostSegment(seq(1))).toEqual({ seq: seq(1), length: 1000 });
  });
});
