// The retransmission timer against RFC 6298: timeout backoff and Karn's rule on a lossy link,
// and the RTO from RTT samples on a path whose RTT is worked out by hand.
import { describe, expect, it } from 'vitest';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import { DEFAULT_TCP_CONFIG } from './tcpConfig.ts';
import { findSeed, lostPackets, recordsOf, SMSS, transfer, tx } from './tcpTransferTestNet.ts';

describe('retransmission timeout (RFC 6298 5.5-5.7, RFC 5681 eq. 4)', () => {
  // One 1000-byte write at 1 s on a 1 Gbit/s, 1 ms link with 30% loss; the seed is chosen so
  // that the link loses exactly two packets: that data segment and its first retransmission.
  // With no segment after it there are no duplicate ACKs: only the timer can recover it.
  const found = findSeed(
    (seed) => {
      const t = transfer({ seed, link: { loss: 0.3 } }, 0, true);
      t.net.sim.scheduleAt(NS_PER_S, () => t.client.send(new Uint8Array(1000)));
      t.net.sim.run({ until: 30 * NS_PER_S });
      return t;
    },
    ({ net }) => {
      const lost = lostPackets(net);
      return (
        lost.length === 2 && lost.every((l) => l.node === 'A' && l.packet.payload.length === 1000)
      );
    },
  );
  const { net } = found;

  it('retransmits after RTO, doubling it each time; Karn: the late ACK gives no sample', () => {
    // The handshake's RTT (about 2 ms) gives RTO = SRTT + 4*RTTVAR = 3*R, well below the 1 s
    // minimum of RFC 6298 (2.4), so RTO = 1 s. The segment leaves at 1 s and is lost; the
    // timer expires at 1 + 1 = 2 s: RTO doubles to 2 s (5.5) and the segment goes again (5.4),
    // lost again; expiry at 2 + 2 = 4 s: RTO 4 s, third copy, which arrives.
    const { minRto } = DEFAULT_TCP_CONFIG;
    const firstRto = minRto;
    const retransmits = recordsOf(net, 'tcp.retransmit', 'A');
    expect(retransmits.map((r) => [r.t, r.reason, r.bytes])).toEqual([
      [NS_PER_S + firstRto, 'timeout', 1000],
      [NS_PER_S + firstRto + 2 * firstRto, 'timeout', 1000],
    ]);
    const rto = recordsOf(net, 'tcp.rto', 'A');
    const backoffs = rto.filter((r) => r.cause === 'backoff');
    expect(backoffs.map((r) => [r.t, r.rto])).toEqual([
      [NS_PER_S + firstRto, 2 * firstRto],
      [NS_PER_S + 3 * firstRto, 4 * firstRto],
    ]);
    // Karn's rule (RFC 6298 3): the ACK of a retransmitted segment is no RTT sample, so the only
    // sample is the handshake's, and the backed-off RTO stays (5.7 keeps it until a new sample).
    expect(rto.filter((r) => r.cause === 'sample')).toHaveLength(1);
    expect(found.client.stats.rto).toBe(4 * firstRto);
    expect(found.received()).toBe(1000);
  });

  it('collapses cwnd to 1 SMSS with ssthresh = max(FlightSize/2, 2*SMSS), kept on a repeat', () => {
    // FlightSize = 1000 bytes: ssthresh = max(500, 2920) = 2920; cwnd = LW = 1 SMSS = 1460.
    const timeouts = recordsOf(net, 'tcp.cwnd', 'A').filter((r) => r.cause === 'timeout');
    expect(timeouts.map((r) => [r.cwnd, r.ssthresh])).toEqual([
      [SMSS, 2 * SMSS],
      [SMSS, 2 * SMSS],
    ]);
  });
});

describe('RTO from RTT samples (RFC 6298 2.2-2.4) on a path of known RTT', () => {
  // 1 Mbit/s, 200 ms each way, nothing lost. Sizes on the wire: SYN and SYN+ACK 44 bytes
  // (20 IP + 20 TCP + 4 MSS option), a pure ACK 40, a full segment 40 + 1460 = 1500.
  // Transmission at 1 Mbit/s: 44 B -> 352 us, 40 B -> 320 us, 1500 B -> 12 ms.
  // RTT of A's SYN: 352 us + 200 ms + 352 us + 200 ms = 400.704 ms.
  // RTT of a lone full segment from A: 12 ms + 200 ms + 320 us + 200 ms = 412.32 ms.
  // A writes one full segment every 2 s, so each is timed alone on an idle path.
  const BANDWIDTH = 1e6;
  const DELAY = 200 * NS_PER_MS;
  const synRtt = 2 * tx(44, BANDWIDTH) + 2 * DELAY;
  const dataRtt = tx(1500, BANDWIDTH) + tx(40, BANDWIDTH) + 2 * DELAY;
  const t = transfer({ link: { bandwidth: BANDWIDTH, delay: DELAY } }, 0, true);
  const SEGMENTS = 6;
  for (let k = 1; k <= SEGMENTS; k++)
    t.net.sim.scheduleAt(2 * k * NS_PER_S, () => t.client.send(new Uint8Array(SMSS)));
  t.net.sim.run({ until: 2 * (SEGMENTS + 1) * NS_PER_S });

  it('the path is what the arithmetic assumes', () => {
    expect(synRtt).toBe(400_704_000);
    expect(dataRtt).toBe(412_320_000);
    const sizes = recordsOf(t.net, 'link.txBegin', 'A').map((r) => r.bytes);
    expect(sizes.slice(0, 3)).toEqual([44, 40, 1500]);
    expect(recordsOf(t.net, 'link.txBegin', 'B')[0]?.bytes).toBe(44);
  });

  it('SRTT, RTTVAR and RTO follow the RFC 6298 equations', () => {
    // (2.2) first sample R: SRTT = R, RTTVAR = R/2, RTO = SRTT + max(G, K*RTTVAR), K = 4.
    //   R = 400.704 ms: SRTT = 400.704, RTTVAR = 200.352, RTO = 400.704 + 801.408 = 1202.112 ms.
    // (2.3) next sample R' = 412.32 ms, with alpha = 1/8, beta = 1/4 (RTTVAR uses the old SRTT):
    //   RTTVAR = 3/4 * 200.352 + 1/4 * |400.704 - 412.32| = 150.264 + 2.904 = 153.168 ms,
    //   SRTT = 7/8 * 400.704 + 1/8 * 412.32 = 350.616 + 51.54 = 402.156 ms,
    //   RTO = 402.156 + 4 * 153.168 = 1014.828 ms.
    // Third: RTTVAR = 114.876 + 2.541 = 117.417, SRTT = 351.8865 + 51.54 = 403.4265,
    //   RTO = 403.4265 + 469.668 = 873.0945 ms < 1 s, so (2.4) rounds it up to 1 s.
    const expected: { srtt: number; rttvar: number; rto: number }[] = [];
    let srtt = synRtt;
    let rttvar = synRtt / 2;
    const G = NS_PER_MS; // clock granularity of the estimator
    const { minRto, maxRto } = DEFAULT_TCP_CONFIG;
    const rtoOf = (s: number, v: number): number =>
      Math.min(Math.max(s + Math.max(G, 4 * v), minRto), maxRto);
    expected.push({ srtt, rttvar, rto: rtoOf(srtt, rttvar) });
    for (let k = 0; k < SEGMENTS; k++) {
      rttvar = (3 / 4) * rttvar + (1 / 4) * Math.abs(srtt - dataRtt);
      srtt = (7 / 8) * srtt + (1 / 8) * dataRtt;
      expected.push({ srtt, rttvar, rto: rtoOf(srtt, rttvar) });
    }
    expect(expected.slice(0, 3).map((e) => e.rto)).toEqual([
      1_202_112_000,
      1_014_828_000,
      NS_PER_S,
    ]);
    const samples = recordsOf(t.net, 'tcp.rto', 'A');
    expect(samples.map((r) => r.cause)).toEqual(expected.map(() => 'sample'));
    samples.forEach((r, k) => {
      const e = expected[k] as { srtt: number; rttvar: number; rto: number };
      // The estimator keeps whole nanoseconds, rounding each step: allow 1 ns per step.
      expect(Math.abs((r.srtt ?? 0) - e.srtt)).toBeLessThanOrEqual(k + 1);
      expect(Math.abs((r.rttvar ?? 0) - e.rttvar)).toBeLessThanOrEqual(k + 1);
      expect(Math.abs(r.rto - e.rto)).toBeLessThanOrEqual(5 * (k + 1));
    });
    // Each sample is taken when the ACK arrives: one RTT after the segment left.
    expect(samples.map((r) => r.t)).toEqual([
      synRtt,
      ...Array.from({ length: SEGMENTS }, (_, k) => 2 * (k + 1) * NS_PER_S + dataRtt),
    ]);
  });

  it("B's first sample is its SYN+ACK's round trip: 352 us + 200 ms + 320 us + 200 ms", () => {
    const first = recordsOf(t.net, 'tcp.rto', 'B')[0];
    const r = tx(44, BANDWIDTH) + tx(40, BANDWIDTH) + 2 * DELAY; // 400.672 ms
    expect(first?.srtt).toBe(r);
    expect(first?.rttvar).toBe(r / 2);
    expect(first?.rto).toBe(3 * r); // 1202.016 ms, above the 1 s minimum
  });
});
