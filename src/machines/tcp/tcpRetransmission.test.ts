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
  // 1 Mbit/s, 200 ms each way, nothing lost. IP sizes: SYN and SYN+ACK 44 bytes (20 IP + 20 TCP
  // + 4 MSS option), a pure ACK 40, a full segment 40 + 1460 = 1500. On the wire each is an
  // Ethernet frame, 18 bytes more and at least 64: SYN, SYN+ACK, ACK and ARP frames 64 bytes
  // (512 us at 1 Mbit/s), a full segment 1518 (12.144 ms).
  // A's SYN first waits for ARP: request and reply, 512 us + 200 ms each way = 401.024 ms. TCP
  // times the SYN from when it sent it, so that wait is in its first sample (as in Linux):
  // RTT of A's SYN: 401.024 ms + 512 us + 200 ms + 512 us + 200 ms = 802.048 ms.
  // RTT of a lone full segment from A: 12.144 ms + 200 ms + 512 us + 200 ms = 412.656 ms.
  // A writes one full segment every 2 s, so each is timed alone on an idle path.
  const BANDWIDTH = 1e6;
  const DELAY = 200 * NS_PER_MS;
  const arp = 2 * (tx(64, BANDWIDTH) + DELAY);
  const synRtt = arp + 2 * tx(64, BANDWIDTH) + 2 * DELAY;
  const dataRtt = tx(1518, BANDWIDTH) + tx(64, BANDWIDTH) + 2 * DELAY;
  const t = transfer({ link: { bandwidth: BANDWIDTH, delay: DELAY } }, 0, true);
  const SEGMENTS = 6;
  for (let k = 1; k <= SEGMENTS; k++)
    t.net.sim.scheduleAt(2 * k * NS_PER_S, () => t.client.send(new Uint8Array(SMSS)));
  t.net.sim.run({ until: 2 * (SEGMENTS + 1) * NS_PER_S });

  it('the path is what the arithmetic assumes', () => {
    expect(synRtt).toBe(802_048_000);
    expect(dataRtt).toBe(412_656_000);
    const sizes = recordsOf(t.net, 'link.txBegin', 'A').map((r) => r.bytes);
    expect(sizes.slice(0, 3)).toEqual([64, 64, 1518]);
    expect(recordsOf(t.net, 'link.txBegin', 'B')[0]?.bytes).toBe(64);
    // One ARP exchange, A asking; B learned A's MAC from the request.
    expect(t.net.sim.trace.ofType('arp.request').map((r) => r.node)).toEqual(['A']);
  });

  it('SRTT, RTTVAR and RTO follow the RFC 6298 equations', () => {
    // (2.2) first sample R: SRTT = R, RTTVAR = R/2, RTO = SRTT + max(G, K*RTTVAR), K = 4.
    //   R = 802.048 ms: SRTT = 802.048, RTTVAR = 401.024, RTO = 802.048 + 1604.096 = 2406.144 ms.
    // (2.3) next sample R' = 412.656 ms, with alpha = 1/8, beta = 1/4 (RTTVAR uses the old SRTT):
    //   RTTVAR = 3/4 * 401.024 + 1/4 * |802.048 - 412.656| = 300.768 + 97.348 = 398.116 ms,
    //   SRTT = 7/8 * 802.048 + 1/8 * 412.656 = 701.792 + 51.582 = 753.374 ms,
    //   RTO = 753.374 + 4 * 398.116 = 2345.838 ms.
    // Third: RTTVAR = 298.587 + 85.1795 = 383.7665, SRTT = 659.20225 + 51.582 = 710.78425,
    //   RTO = 710.78425 + 1535.066 = 2245.85025 ms (the ARP wait in the first sample fades out
    //   over the later ones).
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
      2_406_144_000, 2_345_838_000, 2_245_850_250,
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

  it("B's first sample is its SYN+ACK's round trip: 512 us + 200 ms + 512 us + 200 ms", () => {
    // B knows A's MAC from A's ARP request: its SYN+ACK waits for nothing.
    const first = recordsOf(t.net, 'tcp.rto', 'B')[0];
    const r = tx(64, BANDWIDTH) + tx(64, BANDWIDTH) + 2 * DELAY; // 401.024 ms
    expect(first?.srtt).toBe(r);
    expect(first?.rttvar).toBe(r / 2);
    expect(first?.rto).toBe(3 * r); // 1203.072 ms, above the 1 s minimum
  });
});
