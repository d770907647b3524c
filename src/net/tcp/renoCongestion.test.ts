import { describe, expect, it } from 'vitest';
import { RenoCongestion, initialWindow } from './renoCongestion.ts';
import type { CongestionEvent } from './renoCongestion.ts';

describe('initialWindow (RFC 5681 section 3.1)', () => {
  it.each([
    [536, 2144], // <= 1095: 4 * 536
    [1095, 4380], // <= 1095: 4 * 1095
    [1096, 3288], // (1095, 2190]: 3 * 1096
    [1460, 4380], // (1095, 2190]: 3 * 1460, also RFC 3390's min(5840, max(2920, 4380))
    [2190, 6570], // (1095, 2190]: 3 * 2190
    [2191, 4382], // > 2190: 2 * 2191
    [9000, 18000], // > 2190: 2 * 9000
  ])('SMSS %i -> %i bytes', (smss, iw) => {
    expect(initialWindow(smss)).toBe(iw);
  });
});

/** Acknowledges one window's worth of SMSS-sized segments, one ACK each (one RTT). */
function oneRtt(reno: RenoCongestion): void {
  const acks = Math.floor(reno.cwnd / reno.smss);
  for (let i = 0; i < acks; i++) reno.onAck(reno.smss);
}

describe('RenoCongestion', () => {
  it('starts with IW and a high ssthresh, in slow start', () => {
    const reno = new RenoCongestion({ smss: 1460 });
    expect(reno.cwnd).toBe(4380);
    expect(reno.ssthresh).toBe(65_535);
    expect(reno.phase).toBe('slowStart');
  });

  it('doubles cwnd every RTT in slow start (eq. 2, one ACK per segment)', () => {
    const reno = new RenoCongestion({ smss: 1000 });
    // IW = 4 * 1000 = 4000 (SMSS <= 1095). Each RTT has cwnd/SMSS ACKs each adding SMSS:
    // 4000 + 4*1000 = 8000, 8000 + 8*1000 = 16000, 16000 + 16*1000 = 32000.
    const perRtt: number[] = [];
    for (let rtt = 0; rtt < 3; rtt++) {
      oneRtt(reno);
      perRtt.push(reno.cwnd);
    }
    expect(perRtt).toEqual([8000, 16000, 32000]);
  });

  it('adds min(N, SMSS) per ACK in slow start', () => {
    const reno = new RenoCongestion({ smss: 1000 });
    expect(reno.onAck(3000).cwnd).toBe(5000); // 4000 + min(3000, 1000)
    expect(reno.onAck(500).cwnd).toBe(5500); // 5000 + min(500, 1000)
  });

  it('grows by about one SMSS per RTT in congestion avoidance (eq. 3)', () => {
    const reno = new RenoCongestion({ smss: 1000, initialWindow: 10_000, initialSsthresh: 10_000 });
    expect(reno.phase).toBe('congestionAvoidance'); // cwnd = ssthresh: CA chosen
    // Ten ACKs, each adding floor(1000*1000 / cwnd):
    // 10000 + 100 = 10100; + floor(99.00) = 99 -> 10199; + floor(98.05) = 98 -> 10297;
    // + floor(97.11) = 97 -> 10394; + floor(96.21) = 96 -> 10490; + floor(95.33) = 95 -> 10585;
    // + floor(94.47) = 94 -> 10679; + floor(93.64) = 93 -> 10772; + floor(92.83) = 92 -> 10864;
    // + floor(92.05) = 92 -> 10956: 956 bytes, a little under one SMSS, in one RTT.
    const seen: number[] = [];
    for (let i = 0; i < 10; i++) seen.push(reno.onAck(1000).cwnd);
    expect(seen).toEqual([10100, 10199, 10297, 10394, 10490, 10585, 10679, 10772, 10864, 10956]);
  });

  it('adds at least one byte per ACK in congestion avoidance', () => {
    const reno = new RenoCongestion({ smss: 10, initialWindow: 200, initialSsthresh: 100 });
    // floor(10*10 / 200) = 0, rounded up to 1.
    expect(reno.onAck(10).cwnd).toBe(201);
  });

  it('leaves slow start once cwnd reaches ssthresh, overshooting by at most one step', () => {
    const reno = new RenoCongestion({ smss: 1000, initialSsthresh: 4500 });
    // 4000 < 4500: slow start, + 1000 = 5000 (eq. 2 has no clamp at ssthresh).
    expect(reno.onAck(1000)).toMatchObject({ cause: 'slowStart', cwnd: 5000 });
    // 5000 >= 4500: congestion avoidance, + floor(10^6 / 5000) = 200.
    expect(reno.onAck(1000)).toMatchObject({ cause: 'congestionAvoidance', cwnd: 5200 });
  });

  it('fast-retransmits on the 3rd duplicate ACK, inflates, and deflates on new data', () => {
    const events: CongestionEvent[] = [];
    const reno = new RenoCongestion({
      smss: 1000,
      initialWindow: 10_000,
      initialSsthresh: 8_000,
      onChange: (event) => events.push(event),
    });
    const flight = 10_000;
    expect(reno.onDuplicateAck(flight)).toBeUndefined();
    expect(reno.onDuplicateAck(flight)).toBeUndefined();
    expect(reno.cwnd).toBe(10_000);
    // 3rd: ssthresh = max(10000/2, 2*1000) = 5000; cwnd = 5000 + 3*1000 = 8000.
    expect(reno.onDuplicateAck(flight)).toEqual({
      cause: 'fastRetransmit',
      cwnd: 8000,
      ssthresh: 5000,
      previousCwnd: 10_000,
      previousSsthresh: 8_000,
      phase: 'fastRecovery',
    });
    // 4th and 5th: + SMSS each: 9000, 10000.
    expect(reno.onDuplicateAck(flight)).toMatchObject({ cause: 'recoveryInflate', cwnd: 9000 });
    expect(reno.onDuplicateAck(flight)).toMatchObject({ cause: 'recoveryInflate', cwnd: 10_000 });
    expect(reno.duplicateAcks).toBe(5);
    // New data acked: cwnd = ssthresh = 5000, congestion avoidance (cwnd = ssthresh).
    expect(reno.onAck(1000)).toMatchObject({ cause: 'recoveryExit', cwnd: 5000, ssthresh: 5000 });
    expect(reno.phase).toBe('congestionAvoidance');
    expect(reno.duplicateAcks).toBe(0);
    // Next ACK: 5000 + floor(10^6 / 5000) = 5200.
    expect(reno.onAck(1000).cwnd).toBe(5200);
    expect(events.map((e) => e.cause)).toEqual([
      'fastRetransmit',
      'recoveryInflate',
      'recoveryInflate',
      'recoveryExit',
      'congestionAvoidance',
    ]);
  });

  it('uses 2*SMSS as the floor of ssthresh', () => {
    const reno = new RenoCongestion({ smss: 1000 });
    for (let i = 0; i < 3; i++) reno.onDuplicateAck(3000);
    // ssthresh = max(3000/2 = 1500, 2000) = 2000; cwnd = 2000 + 3000 = 5000.
    expect([reno.ssthresh, reno.cwnd]).toEqual([2000, 5000]);
  });

  it('ends recovery on a partial ACK (Reno) and halves again on 3 more duplicates', () => {
    const reno = new RenoCongestion({ smss: 1000, initialWindow: 16_000, initialSsthresh: 16_000 });
    for (let i = 0; i < 3; i++) reno.onDuplicateAck(16_000);
    // ssthresh = 16000/2 = 8000, cwnd = 8000 + 3000 = 11000.
    expect(reno.cwnd).toBe(11_000);
    // A partial ACK (a second loss remains) still deflates to ssthresh and ends recovery.
    expect(reno.onAck(4000)).toMatchObject({ cause: 'recoveryExit', cwnd: 8000 });
    expect(reno.onDuplicateAck(12_000)).toBeUndefined();
    expect(reno.onDuplicateAck(12_000)).toBeUndefined();
    // ssthresh = max(12000/2, 2000) = 6000, cwnd = 6000 + 3000 = 9000.
    expect(reno.onDuplicateAck(12_000)).toMatchObject({
      cause: 'fastRetransmit',
      ssthresh: 6000,
      cwnd: 9000,
    });
  });

  it('collapses to one SMSS on a timeout and keeps ssthresh on a repeated one', () => {
    const reno = new RenoCongestion({ smss: 1000, initialWindow: 10_000 });
    // ssthresh = max(9000/2, 2000) = 4500; cwnd = LW = 1000.
    expect(reno.onTimeout(9000)).toMatchObject({ cause: 'timeout', cwnd: 1000, ssthresh: 4500 });
    expect(reno.phase).toBe('slowStart');
    // The same segment times out again: ssthresh held at 4500, not max(1000/2, 2000) = 2000.
    expect(reno.onTimeout(1000)).toMatchObject({ cwnd: 1000, ssthresh: 4500 });
    // Slow start again: 2000, 3000, 4000, 5000 (overshoot), then CA + floor(10^6/5000) = 200.
    const seen = [1, 2, 3, 4, 5].map(() => reno.onAck(1000).cwnd);
    expect(seen).toEqual([2000, 3000, 4000, 5000, 5200]);
    // New data was acknowledged, so the next timeout reduces again: max(6000/2, 2000) = 3000.
    expect(reno.onTimeout(6000)).toMatchObject({ cwnd: 1000, ssthresh: 3000 });
  });

  it('leaves fast recovery on a timeout', () => {
    const reno = new RenoCongestion({ smss: 1000, initialWindow: 10_000 });
    for (let i = 0; i < 3; i++) reno.onDuplicateAck(10_000);
    expect(reno.phase).toBe('fastRecovery');
    // ssthresh was 5000; the timeout sets max(8000/2, 2000) = 4000 and cwnd 1000.
    expect(reno.onTimeout(8000)).toMatchObject({ cwnd: 1000, ssthresh: 4000, phase: 'slowStart' });
    expect(reno.duplicateAcks).toBe(0);
  });

  it('refuses a bad SMSS', () => {
    expect(() => new RenoCongestion({ smss: 0 })).toThrow(/smss/);
  });
});
