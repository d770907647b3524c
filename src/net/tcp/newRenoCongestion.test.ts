// NewReno (RFC 6582) against hand-worked windows: partial ACKs that stay in fast recovery, the
// full ACK that ends it, and `recover`, which keeps a timeout's duplicate ACKs from a second halving.
import { describe, expect, it } from 'vitest';
import {
  createCongestionControl,
  NewRenoCongestion,
  type NewRenoOptions,
} from './newRenoCongestion.ts';
import { RenoCongestion, type CongestionEvent } from './renoCongestion.ts';
import { seqAdd } from './seq.ts';

// SMSS 1000 and ISS 0: data byte k has sequence number k + 1, so segment i (from 1) holds
// [1000(i-1) + 1, 1000i + 1). Segment i's ACK (all through it) is 1000i + 1.
const SMSS = 1000;
const ackAfter = (segment: number, iss = 0) => seqAdd(iss, 1000 * segment + 1);

function newReno(options: Partial<NewRenoOptions> = {}) {
  const events: CongestionEvent[] = [];
  const cc = new NewRenoCongestion({
    smss: SMSS,
    iss: 0,
    initialWindow: 12_000,
    onChange: (e) => events.push(e),
    ...options,
  });
  return { cc, events };
}

describe('NewReno fast recovery (RFC 6582 3.2)', () => {
  // Twelve segments in flight (SND.MAX = ackAfter(12) = 12001); segments 2, 5 and 7 are lost.
  // Segment 1's ACK is new data; 3, 4 and 6 bring three duplicates of ackAfter(1).
  function lossOfThree() {
    const run = newReno({ initialWindow: 12_000, initialSsthresh: 65_535 });
    const { cc } = run;
    cc.onAck(SMSS, ackAfter(1)); // slow start: 12000 + 1000 = 13000
    const flight = 11 * SMSS; // SND.NXT - SND.UNA = 12001 - 1001
    expect(cc.onDuplicateAck(flight, ackAfter(1), ackAfter(12))).toBeUndefined();
    expect(cc.onDuplicateAck(flight, ackAfter(1), ackAfter(12))).toBeUndefined();
    const enter = cc.onDuplicateAck(flight, ackAfter(1), ackAfter(12));
    return { ...run, enter };
  }

  it('enters on the third duplicate ACK: recover = SND.MAX, ssthresh = FlightSize/2', () => {
    const { cc, enter } = lossOfThree();
    // RFC 5681 eq. 4: ssthresh = max(11000 / 2, 2000) = 5500; step 3: cwnd = 5500 + 3000.
    expect(enter).toMatchObject({ cause: 'fastRetransmit', ssthresh: 5500, cwnd: 8500 });
    expect(cc.recover).toBe(12_001);
    expect(cc.phase).toBe('fastRecovery');
    expect(cc.partialAcks).toBe(0);
  });

  it('stays in recovery on partial ACKs, deflating by the data acked plus one SMSS back', () => {
    const { cc, events } = lossOfThree();
    // Segments 8 to 12 arrive: five more duplicates, each + SMSS: 9500 ... 13500.
    for (let i = 0; i < 5; i++) cc.onDuplicateAck(11 * SMSS, ackAfter(1), ackAfter(12));
    expect(cc.cwnd).toBe(13_500);
    // The resent segment 2 arrives; 3 and 4 were held, so the ACK is ackAfter(4) = 4001 <
    // recover: a partial ACK of 3000 bytes. Step 5: cwnd = 13500 - 3000 + 1000 (>= SMSS acked).
    expect(cc.onAck(3 * SMSS, ackAfter(4))).toMatchObject({
      cause: 'partialAck',
      cwnd: 11_500,
      ssthresh: 5500,
      phase: 'fastRecovery',
    });
    expect(cc.partialAcks).toBe(1);
    // Segment 5 resent: ACK ackAfter(6), 2000 bytes: 11500 - 2000 + 1000 = 10500.
    expect(cc.onAck(2 * SMSS, ackAfter(6))).toMatchObject({ cause: 'partialAck', cwnd: 10_500 });
    expect(cc.partialAcks).toBe(2);
    // Segment 7 resent: ACK ackAfter(12) = recover, a full ACK: cwnd = ssthresh (3.2 step 5's
    // second choice) and congestion avoidance, since cwnd = ssthresh.
    expect(cc.onAck(6 * SMSS, ackAfter(12))).toMatchObject({
      cause: 'recoveryExit',
      cwnd: 5500,
      ssthresh: 5500,
      phase: 'congestionAvoidance',
    });
    expect(cc.partialAcks).toBe(0);
    expect(events.map((e) => e.cause)).toEqual([
      'slowStart',
      'fastRetransmit',
      ...Array<string>(5).fill('recoveryInflate'),
      'partialAck',
      'partialAck',
      'recoveryExit',
    ]);
  });

  it('adds no SMSS back for a partial ACK of less than one SMSS, and never goes below 0', () => {
    const { cc } = lossOfThree();
    // 8500 - 500 = 8000: the ACK covered half a segment (a short segment in the window).
    expect(cc.onAck(500, seqAdd(ackAfter(1), 500))).toMatchObject({
      cause: 'partialAck',
      cwnd: 8000,
    });
    // 8000 - 10000 would be negative: 0, then + SMSS for an ACK of >= SMSS.
    expect(cc.onAck(10 * SMSS, seqAdd(ackAfter(11), 500))).toMatchObject({
      cause: 'partialAck',
      cwnd: 1000,
    });
  });

  it('counts duplicate ACKs during recovery as Reno does, after a partial ACK too', () => {
    const { cc } = lossOfThree();
    cc.onAck(3 * SMSS, ackAfter(4)); // 8500 - 3000 + 1000 = 6500
    expect(cc.onDuplicateAck(8 * SMSS, ackAfter(4), ackAfter(12))).toMatchObject({
      cause: 'recoveryInflate',
      cwnd: 7500,
    });
  });

  it('leaves recovery on a timeout and records recover = SND.MAX (3.2, retransmit timeouts)', () => {
    const { cc } = lossOfThree();
    cc.onAck(3 * SMSS, ackAfter(4));
    // FlightSize 8000 at the timeout: ssthresh = 4000, cwnd = 1 SMSS; SND.MAX is now 14001.
    expect(cc.onTimeout(8 * SMSS, ackAfter(14))).toMatchObject({
      cause: 'timeout',
      cwnd: 1000,
      ssthresh: 4000,
      phase: 'slowStart',
    });
    expect(cc.recover).toBe(14_001);
    expect(cc.partialAcks).toBe(0);
  });
});

describe('recover: no fast retransmit from a timeout’s duplicates (RFC 6582 3.2 step 1)', () => {
  it('refuses three duplicates that do not cover more than recover; Reno halves again', () => {
    // Ten segments out (SND.MAX 10001), the timer expires: recover = 10001, i.e. the highest
    // byte sent is 10000. Go-back-N resends data the peer holds; its duplicate ACKs say 4001.
    const { cc } = newReno({ initialWindow: 10_000 });
    const reno = new RenoCongestion({ smss: SMSS, initialWindow: 10_000 });
    for (const c of [cc, reno]) {
      c.onTimeout(10 * SMSS, ackAfter(10)); // ssthresh = max(10000 / 2, 2000) = 5000, cwnd 1000
      c.onAck(3 * SMSS, ackAfter(4)); // slow start: 2000
    }
    for (let i = 0; i < 4; i++) {
      expect(cc.onDuplicateAck(6 * SMSS, ackAfter(4), ackAfter(10))).toBeUndefined();
    }
    expect([cc.cwnd, cc.ssthresh, cc.phase]).toEqual([2000, 5000, 'slowStart']);
    // Reno (RFC 5681) takes the same three as a new loss: ssthresh = max(6000 / 2, 2000).
    reno.onDuplicateAck(6 * SMSS);
    reno.onDuplicateAck(6 * SMSS);
    expect(reno.onDuplicateAck(6 * SMSS)).toMatchObject({
      cause: 'fastRetransmit',
      ssthresh: 3000,
    });
  });

  it('enters once the ACK covers more than the highest byte sent before the timeout', () => {
    const { cc } = newReno({ initialWindow: 10_000 });
    cc.onTimeout(10 * SMSS, ackAfter(10));
    // ACK 10000 leaves byte 10000 (= recover's highest byte) unacknowledged: refused.
    cc.onAck(SMSS, 10_000);
    for (let i = 0; i < 3; i++) expect(cc.onDuplicateAck(SMSS, 10_000, 12_001)).toBeUndefined();
    // ACK 10001 covers all of it: the next three duplicates are a new loss.
    cc.onAck(1, 10_001);
    cc.onDuplicateAck(2000, 10_001, 12_001);
    cc.onDuplicateAck(2000, 10_001, 12_001);
    expect(cc.onDuplicateAck(2000, 10_001, 12_001)?.cause).toBe('fastRetransmit');
    expect(cc.recover).toBe(12_001);
  });

  it('starts with recover = ISS and compares across the 2^32 wrap', () => {
    const iss = 2 ** 32 - 500; // data from 2^32 - 499; segment 1's ACK wraps to 501
    const { cc } = newReno({ iss });
    expect(cc.recover).toBe(iss);
    cc.onAck(SMSS, ackAfter(1, iss));
    cc.onDuplicateAck(4000, ackAfter(1, iss), ackAfter(5, iss));
    cc.onDuplicateAck(4000, ackAfter(1, iss), ackAfter(5, iss));
    expect(cc.onDuplicateAck(4000, ackAfter(1, iss), ackAfter(5, iss))?.cause).toBe(
      'fastRetransmit',
    );
    expect(cc.recover).toBe(4501); // (2^32 - 500) + 5001 - 2^32
    // An ACK of 3501 (< recover across the wrap) is partial; 4501 is full.
    expect(cc.onAck(2000, ackAfter(3, iss)).cause).toBe('partialAck');
    expect(cc.onAck(2000, ackAfter(5, iss)).cause).toBe('recoveryExit');
  });
});

describe('createCongestionControl', () => {
  it('makes NewReno by name, and Reno, which ends recovery on a partial ACK', () => {
    const options = { smss: SMSS, iss: 0, initialWindow: 10_000 };
    expect(createCongestionControl('newreno', options)).toBeInstanceOf(NewRenoCongestion);
    const reno = createCongestionControl('reno', options);
    expect(reno).not.toBeInstanceOf(NewRenoCongestion);
    for (let i = 0; i < 3; i++) reno.onDuplicateAck(10 * SMSS, 1, 10_001);
    // ssthresh 5000, cwnd 8000; a partial ACK (2001 < 10001) deflates to ssthresh and exits.
    expect(reno.onAck(2000, 2001)).toMatchObject({ cause: 'recoveryExit', cwnd: 5000 });
    expect(reno.partialAcks).toBe(0);
  });
});

describe('the window in SACK loss recovery (RFC 6675 5 step 4.2)', () => {
  it('sets ssthresh = cwnd = FlightSize / 2 without inflation, and keeps it on the way out', () => {
    // 12 segments in flight: ssthresh = max(12000 / 2, 2 * 1000) = 6000, and cwnd with it (no
    // + 3 SMSS: the sender counts what is in flight, the pipe, instead).
    const { cc, events } = newReno();
    expect(cc.enterSackRecovery(12_000)).toMatchObject({
      cause: 'sackRecovery',
      cwnd: 6000,
      ssthresh: 6000,
      previousCwnd: 12_000,
      phase: 'fastRecovery',
    });
    expect(cc.exitSackRecovery()).toMatchObject({
      cause: 'recoveryExit',
      cwnd: 6000,
      phase: 'congestionAvoidance',
    });
    // The floor of 2 SMSS holds for a small flight (RFC 5681 eq. 4).
    expect(cc.enterSackRecovery(3000)).toMatchObject({ cwnd: 2000, ssthresh: 2000 });
    expect(events.map((e) => e.cause)).toEqual(['sackRecovery', 'recoveryExit', 'sackRecovery']);
  });
});
