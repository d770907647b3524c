import { describe, expect, it } from 'vitest';
import { RtoEstimator } from './rtoEstimator.ts';

const MS = 1_000_000;
const S = 1_000_000_000;

describe('RtoEstimator (RFC 6298)', () => {
  it('starts at 1 s with no SRTT (2.1)', () => {
    const rto = new RtoEstimator();
    expect(rto.rto).toBe(1 * S);
    expect(rto.srtt).toBeUndefined();
    expect(rto.rttvar).toBeUndefined();
  });

  it('follows (2.2) and (2.3) for samples 100, 120, 80 ms with G = 1 ms', () => {
    // A 1 ns minimum so the raw formula shows.
    const rto = new RtoEstimator({ minRto: 1, granularity: 1 * MS });
    // R = 100 ms: SRTT = 100 ms, RTTVAR = 100/2 = 50 ms,
    // RTO = 100 + max(1, 4*50 = 200) = 300 ms.
    expect(rto.addSample(100 * MS)).toBe(300 * MS);
    expect(rto.srtt).toBe(100 * MS);
    expect(rto.rttvar).toBe(50 * MS);
    // R' = 120 ms: RTTVAR = 3/4*50 + 1/4*|100 - 120| = 37.5 + 5 = 42.5 ms,
    // SRTT = 7/8*100 + 1/8*120 = 87.5 + 15 = 102.5 ms, RTO = 102.5 + max(1, 4*42.5 = 170) = 272.5 ms.
    expect(rto.addSample(120 * MS)).toBe(272_500_000);
    expect(rto.rttvar).toBe(42_500_000);
    expect(rto.srtt).toBe(102_500_000);
    // R' = 80 ms: RTTVAR = 3/4*42.5 + 1/4*|102.5 - 80| = 31.875 + 5.625 = 37.5 ms,
    // SRTT = 7/8*102.5 + 1/8*80 = 89.6875 + 10 = 99.6875 ms,
    // RTO = 99.6875 + max(1, 4*37.5 = 150) = 249.6875 ms.
    expect(rto.addSample(80 * MS)).toBe(249_687_500);
    expect(rto.rttvar).toBe(37_500_000);
    expect(rto.srtt).toBe(99_687_500);
    // R' = 100 ms: RTTVAR = 3/4*37.5 + 1/4*|99.6875 - 100| = 28.125 + 0.078125 = 28.203125 ms
    // = 28 203 125 ns exactly; SRTT = 7/8*99.6875 + 1/8*100 = 99.7265625 ms = 99 726 562.5 ns,
    // rounded half up to 99 726 563 ns; RTO = 99 726 563 + 4*28 203 125 = 212 539 063 ns.
    expect(rto.addSample(100 * MS)).toBe(212_539_063);
    expect(rto.rttvar).toBe(28_203_125);
    expect(rto.srtt).toBe(99_726_563);
  });

  it('rounds each update to the nearest nanosecond, halves up', () => {
    const rto = new RtoEstimator({ minRto: 1, granularity: 1 });
    // R = 5 ns: SRTT = 5, RTTVAR = 5/2 = 2.5 -> 3, RTO = 5 + max(1, 12) = 17.
    expect(rto.addSample(5)).toBe(17);
    expect(rto.rttvar).toBe(3);
    // R' = 0: RTTVAR = (3*3 + |5 - 0|)/4 = 14/4 = 3.5 -> 4; SRTT = (7*5 + 0)/8 = 4.375 -> 4;
    // RTO = 4 + max(1, 16) = 20.
    expect(rto.addSample(0)).toBe(20);
    expect(rto.rttvar).toBe(4);
    expect(rto.srtt).toBe(4);
    // R' = 10: RTTVAR = (3*4 + |4 - 10|)/4 = 18/4 = 4.5 -> 5; SRTT = (7*4 + 10)/8 = 4.75 -> 5;
    // RTO = 5 + 20 = 25.
    expect(rto.addSample(10)).toBe(25);
  });

  it('uses G when K*RTTVAR is smaller', () => {
    const rto = new RtoEstimator({ minRto: 1, granularity: 500 * MS });
    // R = 100 ms: RTTVAR = 50 ms, RTO = 100 + max(500, 4*50 = 200) = 600 ms.
    expect(rto.addSample(100 * MS)).toBe(600 * MS);
  });

  it('rounds an RTO below the minimum up to it (2.4): 1 s by default', () => {
    const rto = new RtoEstimator();
    // Same samples as above: raw RTOs 300, 272.5 and 249.6875 ms are all below 1 s.
    expect(rto.addSample(100 * MS)).toBe(1 * S);
    expect(rto.addSample(120 * MS)).toBe(1 * S);
    expect(rto.addSample(80 * MS)).toBe(1 * S);
    expect(rto.srtt).toBe(99_687_500);
    // A Linux-like 200 ms minimum. R = 20 ms: SRTT = 20, RTTVAR = 10,
    // RTO = 20 + max(1, 4*10) = 60 ms, rounded up to 200 ms.
    const linux = new RtoEstimator({ minRto: 200 * MS });
    expect(linux.addSample(20 * MS)).toBe(200 * MS);
    // R' = 400 ms: RTTVAR = 3/4*10 + 1/4*|20 - 400| = 7.5 + 95 = 102.5 ms,
    // SRTT = 7/8*20 + 1/8*400 = 17.5 + 50 = 67.5 ms, RTO = 67.5 + 4*102.5 = 477.5 ms (no clamp).
    expect(linux.addSample(400 * MS)).toBe(477_500_000);
  });

  it('doubles on each timeout up to the maximum (5.5), and a new sample ends the backoff', () => {
    const rto = new RtoEstimator();
    expect(rto.backoff()).toBe(2 * S);
    rto.addSample(100 * MS); // RTO = max(300 ms, 1 s) = 1 s
    expect(rto.rto).toBe(1 * S);
    expect(rto.backoffs).toBe(0);
    // 1 s doubled: 2, 4, 8, 16, 32, then 64 capped to 60, and 60 stays 60.
    const seen = [1, 2, 3, 4, 5, 6, 7].map(() => rto.backoff() / S);
    expect(seen).toEqual([2, 4, 8, 16, 32, 60, 60]);
    expect(rto.backoffs).toBe(7);
    // A new sample (R' = 120 ms) recomputes from SRTT/RTTVAR: 272.5 ms -> 1 s, backoff cleared.
    expect(rto.addSample(120 * MS)).toBe(1 * S);
    expect(rto.backoffs).toBe(0);
    expect(rto.srtt).toBe(102_500_000);
  });

  it('backs off from a raw RTO when the minimum is lower', () => {
    const rto = new RtoEstimator({ minRto: 1, maxRto: 120 * S });
    rto.addSample(100 * MS); // 300 ms
    // 300 ms * 2^k: 600 ms, 1.2 s, 2.4 s
    expect([rto.backoff(), rto.backoff(), rto.backoff()]).toEqual([600 * MS, 1200 * MS, 2400 * MS]);
  });

  it('re-initialises the RTO to 3 s for data after a SYN timeout (5.7)', () => {
    const rto = new RtoEstimator();
    rto.backoff(); // the SYN timed out once: 1 s -> 2 s
    expect(rto.afterSynTimeout()).toBe(3 * S);
    expect(rto.backoffs).toBe(0);
    // An implementation already starting at 3 s keeps what it has.
    const classic = new RtoEstimator({ initialRto: 3 * S });
    classic.backoff(); // 6 s
    expect(classic.afterSynTimeout()).toBe(6 * S);
  });

  it('accepts a maximum above 60 s and refuses one below, and bad samples', () => {
    const rto = new RtoEstimator({ maxRto: 120 * S, initialRto: 3 * S });
    // 3 s doubled: 6, 12, 24, 48, 96, then 192 capped to 120.
    expect([1, 2, 3, 4, 5, 6].map(() => rto.backoff() / S)).toEqual([6, 12, 24, 48, 96, 120]);
    expect(() => new RtoEstimator({ maxRto: 30 * S })).toThrow(/60 s/);
    expect(() => new RtoEstimator({ minRto: 61 * S })).toThrow(/minRto/);
    expect(() => new RtoEstimator({ granularity: 0 })).toThrow(/granularity/);
    expect(() => rto.addSample(-1)).toThrow(/non-negative/);
    expect(() => rto.addSample(1.5)).toThrow(/whole/);
  });
});
