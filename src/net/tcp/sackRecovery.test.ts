// SACK loss recovery (RFC 6675 section 5) on hand-worked ACK sequences: SMSS 1000, ten segments
// sent from 1000 to 11000 (SND.MAX), the first one (1000-2000) lost.
import { describe, expect, it } from 'vitest';
import { SackRecovery } from './sackRecovery.ts';

const block = (left: number, right: number) => ({ left, right });
const recovery = () => new SackRecovery({ iss: 999, smss: 1000 });

describe('SackRecovery', () => {
  it('enters on the third ACK bringing new SACK information (steps 2.a and 4)', () => {
    const r = recovery();
    expect(r.onAck(1000, [block(2000, 3000)], 1000, 11_000)).toBeUndefined();
    expect(r.onAck(1000, [block(2000, 4000)], 1000, 11_000)).toBeUndefined();
    // An ACK repeating known blocks is no duplicate by RFC 6675's definition (section 2).
    expect(r.onAck(1000, [block(2000, 4000)], 1000, 11_000)).toBeUndefined();
    expect(r.duplicateAcks).toBe(2);
    expect(r.onAck(1000, [block(2000, 5000)], 1000, 11_000)).toBe('enter');
  });

  it('enters early when IsLost(HighACK + 1) holds (step 2.b): ACKs were lost', () => {
    const r = recovery();
    expect(r.onAck(1000, [block(2000, 3000)], 1000, 11_000)).toBeUndefined();
    // 3000 bytes SACKed above 1000 > (3 - 1) * 1000: lost after two duplicate ACKs.
    expect(r.onAck(1000, [block(2000, 5000)], 1000, 11_000)).toBe('enter');
  });

  it('resends the first hole, counts it in the pipe, then sends new data (NextSeg 1, 2, 3)', () => {
    const r = recovery();
    r.onAck(1000, [block(2000, 5000)], 1000, 11_000);
    const first = r.enter(1000, 11_000);
    expect(first).toEqual({ seq: 1000, length: 1000 });
    expect(r.pipe(11_000)).toBe(6000); // [5000, 11000): not lost, not SACKed
    r.resent(first.seq, first.length);
    expect(r.pipe(11_000)).toBe(7000); // plus the resent 1000 bytes
    expect(r.next(true)).toEqual({ kind: 'new' });
    expect(r.next(false)).toBeUndefined();
    // A second hole shows up above: [6000, 7000) with 3000 bytes SACKed beyond it.
    r.onAck(1000, [block(2000, 6000), block(7000, 10_000)], 1000, 11_000);
    expect(r.next(true)).toEqual({ kind: 'resend', rule: 1, seq: 6000, length: 1000 });
  });

  it('rule 3: resends an unSACKed hole IsLost does not condemn when nothing new can go', () => {
    const r = recovery();
    r.onAck(1000, [block(2000, 2500)], 1000, 11_000);
    r.onAck(1000, [block(3000, 3500)], 1000, 11_000);
    expect(r.onAck(1000, [block(4000, 4500)], 1000, 11_000)).toBe('enter');
    const first = r.enter(1000, 11_000);
    r.resent(first.seq, first.length);
    // Holes [2500, 3000) and [3500, 4000) are below 2 separate SACKed ranges at most: not lost.
    expect(r.next(true)).toEqual({ kind: 'new' });
    expect(r.next(false)).toEqual({ kind: 'resend', rule: 3, seq: 2500, length: 500 });
  });

  it('stays in recovery on partial ACKs and leaves on the ACK of RecoveryPoint (step A)', () => {
    const r = recovery();
    r.onAck(1000, [block(2000, 5000)], 1000, 11_000);
    r.enter(1000, 11_000);
    expect(r.onAck(5000, [], 1000, 11_000)).toBeUndefined();
    expect(r.inRecovery).toBe(true);
    expect(r.onAck(11_000, [], 5000, 11_000)).toBe('exit');
    expect(r.inRecovery).toBe(false);
  });

  it('after a timeout, starts no recovery before the ACK reaches SND.MAX of then (5.1)', () => {
    const r = recovery();
    r.onTimeout(11_000);
    expect(r.onAck(1000, [block(2000, 6000)], 1000, 11_000)).toBeUndefined();
    expect(r.onAck(11_000, [], 1000, 15_000)).toBeUndefined();
    r.onAck(11_000, [block(12_000, 13_000)], 11_000, 15_000);
    r.onAck(11_000, [block(12_000, 14_000)], 11_000, 15_000);
    expect(r.onAck(11_000, [block(12_000, 15_000)], 11_000, 15_000)).toBe('enter');
  });
});
