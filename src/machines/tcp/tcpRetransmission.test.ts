// Retransmission and congestion control against the RFCs, on links whose behaviour is known:
// fast retransmit on the third duplicate ACK (RFC 5681 3.2), timeout backoff and Karn's rule,
// the RTO of RFC 6298 from the path's RTT worked out by hand, slow start doubling per RTT, and
// recovery cases that used to hang (ACKs numbered below the peer's RCV.NXT, TIME-WAIT, zero window).
// A chosen segment is lost by picking the link's seed: the search reads which packets the link
// lost from the trace (`link.lost`) and keeps the first seed whose losses are the wanted ones.
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import { seqAdd, seqDiff } from '../../net/tcp/seq.ts';
import type { Packet, TcpHeader } from '../../net/wire/packet.ts';
import {
  A,
  B,
  figureLines,
  twoHosts,
  type TwoHosts,
  type TwoHostsOptions,
} from '../../../tests/support/tcpNetwork.ts';
import { DEFAULT_TCP_CONFIG } from './tcpConfig.ts';
import type { TcpConnection } from './tcpConnection.ts';

const SMSS = 1460;
const ISS_A = 1000;
const ISS_B = 5000;

const tcp = (packet: Packet): TcpHeader => packet.transport as TcpHeader;

/** One past the last sequence number a segment occupies: SEG.SEQ + SEG.LEN (SYN, FIN count 1). */
const segmentEnd = (packet: Packet): number => {
  const h = tcp(packet);
  return seqAdd(h.seq, packet.payload.length + (h.flags.syn ? 1 : 0) + (h.flags.fin ? 1 : 0));
};

/** Transmission time of `bytes` at `bandwidth` bit/s, in ns (exact for the rates used here). */
const tx = (bytes: number, bandwidth: number): number => (bytes * 8 * NS_PER_S) / bandwidth;

interface Transfer {
  net: TwoHosts;
  client: TcpConnection;
  received: () => number;
}

/**
 * A connects to B:80 and, once connected, writes `bytes` (then closes, unless `keepOpen`); B
 * accepts at once, counts what it reads and closes when A's FIN arrives.
 */
function transfer(options: TwoHostsOptions, bytes: number, keepOpen = false): Transfer {
  const net = twoHosts({ issA: [ISS_A], issB: [ISS_B], ...options });
  let received = 0;
  const listener = net.b.tcp.listen(80);
  if (!listener.ok) throw new Error(listener.error);
  listener.value.onConnection = (l) => {
    const accepted = l.accept();
    if (!accepted.ok) return;
    const server = accepted.value;
    server.handlers.onData = (b) => (received += b.length);
    server.handlers.onEnd = () => server.close();
  };
  const conn = net.a.tcp.connect(B, 80);
  if (!conn.ok) throw new Error(conn.error);
  const client = conn.value;
  client.handlers.onConnect = () => {
    if (bytes > 0) client.send(new Uint8Array(bytes));
    if (!keepOpen) client.close();
  };
  return { net, client, received: () => received };
}

/** Trace records of `type` from `node`. */
function recordsOf<K extends TraceRecord['type']>(
  net: TwoHosts,
  type: K,
  node: string,
): TraceRecord<K>[] {
  return net.sim.trace.ofType(type).filter((r) => (r as { node?: string }).node === node);
}

/** The packets lost on the wire, as the trace tells: `link.lost` joined with its `link.txBegin`. */
function lostPackets(net: TwoHosts): { node: string; packet: Packet }[] {
  const sent = new Map(net.sim.trace.ofType('link.txBegin').map((r) => [r.pkt, r.packet]));
  return net.sim.trace
    .ofType('link.lost')
    .map((r) => ({ node: r.node, packet: sent.get(r.pkt) as Packet }));
}

/** The first seed in 1..tries whose run satisfies `wanted`; the run is returned with it. */
function findSeed<T extends { net: TwoHosts }>(
  run: (seed: number) => T,
  wanted: (result: T) => boolean,
  tries = 3000,
): T & { seed: number } {
  for (let seed = 1; seed <= tries; seed++) {
    const result = run(seed);
    if (wanted(result)) return { ...result, seed };
  }
  throw new Error(`no seed in 1..${tries} gives the wanted losses`);
}

describe('fast retransmit and fast recovery (RFC 5681 3.2)', () => {
  // 10 Mbit/s, 10 ms each way, 2% loss in both directions; 60 KB from A. The seed is chosen so
  // that the link loses exactly one packet: a full data segment from A in the middle of the
  // stream, so that enough segments follow it to produce three duplicate ACKs.
  const BYTES = 60 * 1024;
  const found = findSeed(
    (seed) => {
      const t = transfer(
        { seed, link: { bandwidth: 10e6, delay: 10 * NS_PER_MS, loss: 0.02 } },
        BYTES,
      );
      t.net.sim.run({ until: 120 * NS_PER_S });
      return t;
    },
    ({ net }) => {
      const lost = lostPackets(net);
      if (lost.length !== 1 || lost[0]?.node !== 'A') return false;
      const packet = lost[0].packet;
      const offset = seqDiff(tcp(packet).seq, ISS_A + 1);
      return packet.payload.length === SMSS && offset >= 9 * SMSS && offset <= BYTES - 8 * SMSS;
    },
  );
  const { net } = found;
  const lost = (lostPackets(net)[0] as { packet: Packet }).packet;
  const lostSeq = tcp(lost).seq;

  it('retransmits the lost segment when the third duplicate ACK arrives', () => {
    // ACKs reaching A that acknowledge exactly up to the lost segment: the first acknowledged the
    // segment before it (new data); each later one is a duplicate (no data, same window).
    const trace = net.sim.trace;
    const acksAtLost: number[] = [];
    let retransmitAt = -1;
    for (let i = 0; i < trace.length; i++) {
      const r = trace.get(i);
      if (r.type === 'link.rx' && r.node === 'A' && tcp(r.packet).ack === lostSeq)
        acksAtLost.push(i);
      if (r.type === 'tcp.retransmit' && retransmitAt < 0) retransmitAt = i;
    }
    expect(acksAtLost.length).toBeGreaterThanOrEqual(4);
    const third = acksAtLost[3] as number; // new-data ACK, then duplicates 1, 2, 3
    const retransmit = trace.get(retransmitAt);
    if (retransmit.type !== 'tcp.retransmit') throw new Error('no retransmission');
    expect([retransmit.reason, retransmit.seq, retransmit.bytes]).toEqual([
      'fastRetransmit',
      lostSeq,
      SMSS,
    ]);
    // Right after the third duplicate is processed, before any later ACK, at the same time.
    expect(retransmitAt).toBeGreaterThan(third);
    expect(retransmitAt).toBeLessThan(acksAtLost[4] ?? Infinity);
    expect(retransmit.t).toBe(trace.timeAt(third));
    expect(recordsOf(net, 'tcp.retransmit', 'A')).toHaveLength(1);
    expect(found.received()).toBe(BYTES);
  });

  it('sets ssthresh = max(FlightSize/2, 2*SMSS) and cwnd = ssthresh + 3*SMSS, then deflates', () => {
    const trace = net.sim.trace;
    const cwnd = recordsOf(net, 'tcp.cwnd', 'A');
    const enter = cwnd.findIndex((r) => r.cause === 'fastRetransmit');
    const record = cwnd[enter];
    if (!record) throw new Error('no fastRetransmit cwnd record');
    // FlightSize = SND.NXT - SND.UNA when the third duplicate arrived. SND.UNA is the lost
    // segment's sequence number; SND.NXT is the end of the highest segment A had handed to the
    // link by then: those that began transmission, and those still waiting in A's queue (the
    // queue is FIFO, so they are the next ones to begin; `queue.length` tells how many).
    let index = -1;
    for (let i = 0; i < trace.length && index < 0; i++) {
      const r = trace.get(i);
      if (r.type === 'tcp.cwnd' && r.node === 'A' && r.cause === 'fastRetransmit') index = i;
    }
    let waiting = 0;
    let sndNxt = lostSeq;
    const later: Packet[] = [];
    for (let i = 0; i < trace.length; i++) {
      const r = trace.get(i);
      if (r.type === 'queue.length' && r.node === 'A' && i < index) waiting = r.packets;
      if (r.type !== 'link.txBegin' || r.node !== 'A' || r.packet.transport.kind !== 'tcp')
        continue;
      if (i < index) {
        const end = segmentEnd(r.packet);
        if (seqDiff(end, sndNxt) > 0) sndNxt = end;
      } else later.push(r.packet);
    }
    for (const packet of later.slice(0, waiting)) {
      const end = segmentEnd(packet);
      if (seqDiff(end, sndNxt) > 0) sndNxt = end;
    }
    const flightSize = seqDiff(sndNxt, lostSeq);
    expect(flightSize).toBeGreaterThanOrEqual(4 * SMSS); // the lost one and three after it
    // RFC 5681 (4): ssthresh = max(FlightSize / 2, 2*SMSS); 3.2 step 3: cwnd = ssthresh + 3*SMSS.
    const ssthresh = Math.max(Math.floor(flightSize / 2), 2 * SMSS);
    expect(record.ssthresh).toBe(ssthresh);
    expect(record.cwnd).toBe(ssthresh + 3 * SMSS);
    // 3.2 step 4: each further duplicate inflates cwnd by SMSS; step 6: the ACK of new data
    // (here the cumulative ACK after the retransmission filled the hole) sets cwnd = ssthresh.
    let expected = ssthresh + 3 * SMSS;
    let next = enter + 1;
    while (cwnd[next]?.cause === 'recoveryInflate') {
      expected += SMSS;
      expect(cwnd[next]?.cwnd).toBe(expected);
      next++;
    }
    expect(cwnd[next]?.cause).toBe('recoveryExit');
    expect([cwnd[next]?.cwnd, cwnd[next]?.ssthresh]).toEqual([ssthresh, ssthresh]);
  });
});

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

describe('slow start (RFC 5681 3.1)', () => {
  it('starts at IW = 3 SMSS and doubles cwnd every RTT, B acknowledging every segment', () => {
    // 100 Mbit/s, 50 ms each way: a flight of up to 24 segments (24 * 120 us = 2.9 ms) is sent
    // well within one RTT, so flights are separated by idle gaps of about 100 ms.
    // IW (3.1): SMSS = 1460 is above 1095 and at most 2190 bytes, so IW = 3 * SMSS = 4380.
    // Each ACK of a full segment adds min(N, SMSS) = SMSS (eq. 2): a flight of n segments
    // brings n ACKs and the next flight has 2n: 3, 6, 12, 24. (The fifth would be 48 but the
    // 65535-byte receive window holds only 44 full segments.)
    const DELAY = 50 * NS_PER_MS;
    const { net, received } = transfer({ link: { bandwidth: 100e6, delay: DELAY } }, 200_000);
    net.sim.run();
    expect(received()).toBe(200_000);
    const data = recordsOf(net, 'link.txBegin', 'A').filter((r) => r.packet.payload.length > 0);
    const flights: number[] = [];
    let last = -Infinity;
    for (const r of data) {
      if (r.t - last > DELAY) flights.push(0);
      flights[flights.length - 1] = (flights.at(-1) ?? 0) + 1;
      last = r.t;
    }
    expect(flights.slice(0, 4)).toEqual([3, 6, 12, 24]);
    // cwnd after the j-th ACK of new data: 4380 + 1460 * j, in slow start while cwnd < ssthresh
    // (initially 65535): the 42nd ACK takes cwnd from 64240 to 65700 and ends slow start.
    const cwnd = recordsOf(net, 'tcp.cwnd', 'A');
    const slowStart = cwnd.slice(0, 42);
    expect(slowStart.map((r) => r.cause)).toEqual(slowStart.map(() => 'slowStart'));
    expect(slowStart.map((r) => r.cwnd)).toEqual(slowStart.map((_, j) => 4380 + SMSS * (j + 1)));
    expect(cwnd[42]?.cause).toBe('congestionAvoidance');
    // B acknowledges every data segment of those flights with its own ACK.
    const acks = recordsOf(net, 'link.txBegin', 'B').filter(
      (r) => r.t < (data[45]?.t ?? 0) && !tcp(r.packet).flags.syn,
    );
    expect(acks.length).toBe(45);
  });
});

describe('recovery that used to hang', () => {
  it('both sides time out holding data the peer already has: ACKs still get through', () => {
    // 10 ms each way. At 1 s A and B each write two segments; they cross and arrive at 1.010 s;
    // the link goes down from 1.015 s to 1.016 s and drops every ACK of them. At 2 s both
    // timers expire and both go back to SND.UNA. Before the fix their ACKs carried the rewound
    // SND.NXT, below the peer's RCV.NXT: each found the other's ACK unacceptable and answered
    // with an ACK, forever (an ACK storm, the ACK field never read).
    const d = 10 * NS_PER_MS;
    const { net, client } = transfer({ link: { delay: d } }, 0, true);
    net.sim.run({ until: NS_PER_S - 1 });
    const s = net.b.tcp.openConnections()[0];
    if (!s) throw new Error('no server connection');
    let got = 0;
    client.handlers.onData = (b) => (got += b.length);
    net.sim.scheduleAt(NS_PER_S, () => {
      client.send(new Uint8Array(2 * SMSS));
      s.send(new Uint8Array(2 * SMSS));
    });
    net.sim.scheduleAt(NS_PER_S + 1.5 * d, () => net.link.setUp(false));
    net.sim.scheduleAt(NS_PER_S + 1.6 * d, () => net.link.setUp(true));
    const run = net.sim.run({ until: 10 * NS_PER_S, maxEvents: 100_000 });
    expect(run.reason).toBe('until');
    expect(got).toBe(2 * SMSS);
    expect(client.stats.inFlight).toBe(0);
    expect(s.stats.inFlight).toBe(0);
    // One retransmission each, then quiet: no more than a handful of segments after 2 s.
    const after = net.sim.trace.ofType('link.txBegin').filter((r) => r.t >= 2 * NS_PER_S);
    expect(after.length).toBeLessThanOrEqual(6);
  });

  it('a timeout retransmission of data reaching TIME-WAIT is acknowledged', () => {
    // 10 ms each way. A closes at 1 s (B: CLOSE-WAIT). At 2 s B writes two segments and closes:
    // data, data, FIN; A acknowledges each and enters TIME-WAIT; the link is down from 2.015 s
    // to 2.018 s and drops those three ACKs. B's timer expires at 3 s: it goes back to SND.UNA
    // and resends the first data segment, without FIN. Before the fix A in TIME-WAIT ignored it
    // and B retransmitted until A's 2 MSL ended and A's port answered with RST.
    const d = 10 * NS_PER_MS;
    const { net, client } = transfer({ link: { delay: d } }, 0, true);
    net.sim.run({ until: NS_PER_S });
    const server = net.b.tcp.openConnections()[0];
    if (!server) throw new Error('no server connection');
    server.handlers.onEnd = () => {};
    const closed: Record<string, number> = {};
    server.handlers.onClose = () => (closed.B = net.sim.now());
    client.handlers.onClose = () => (closed.A = net.sim.now());
    client.close();
    net.sim.scheduleAt(2 * NS_PER_S, () => {
      server.send(new Uint8Array(2 * SMSS));
      server.close();
    });
    net.sim.scheduleAt(2 * NS_PER_S + 1.5 * d, () => net.link.setUp(false));
    net.sim.scheduleAt(2 * NS_PER_S + 1.8 * d, () => net.link.setUp(true));
    net.sim.run();
    // B's retransmission at 3 s reaches A at 3.010 s; A's ACK reaches B at 3.020 s.
    expect(closed.B).toBeGreaterThan(3 * NS_PER_S);
    expect(closed.B).toBeLessThan(3 * NS_PER_S + 3 * d);
    expect(recordsOf(net, 'tcp.retransmit', 'B')).toHaveLength(1);
    const rst = net.sim.trace
      .ofType('link.txBegin')
      .filter((r) => r.packet.transport.kind === 'tcp' && tcp(r.packet).flags.rst);
    expect(rst).toEqual([]);
    expect(net.sim.trace.ofType('socket.error')).toEqual([]);
  });

  it('a close during a simultaneous open sends its FIN once the SYN is acknowledged', () => {
    // RFC 9293 figure 7 with ISS 100/300, 10 ms each way: the SYNs cross and both sides are in
    // SYN-RECEIVED at 10 ms; A's app closes at 16 ms (FIN-WAIT-1, the FIN waits for the ACK of
    // the SYN). Before the fix A answered B's SYN+ACK with a challenge ACK without reading its
    // ACK, never sent the FIN, and after 15 empty retransmissions gave up (ETIMEDOUT), leaving
    // B ESTABLISHED. With `lose`, both SYN+ACKs are lost (link down 15-15.5 ms): A's timer,
    // in FIN-WAIT-1 with its SYN unacknowledged, must send the SYN+ACK again, 1 s after the first.
    for (const lose of [false, true]) {
      const d = 10 * NS_PER_MS;
      const net = twoHosts({ issA: [100], issB: [300], link: { delay: d } });
      const a = net.a.tcp.connect(B, 2000, 1000);
      const b = net.b.tcp.connect(A, 1000, 2000);
      if (!a.ok || !b.ok) throw new Error('connect failed');
      const errors: string[] = [];
      a.value.handlers.onError = (e) => errors.push(`A ${e}`);
      b.value.handlers.onError = (e) => errors.push(`B ${e}`);
      b.value.handlers.onEnd = () => b.value.close();
      if (lose) {
        net.sim.scheduleAt(15 * NS_PER_MS, () => net.link.setUp(false));
        net.sim.scheduleAt(15.5 * NS_PER_MS, () => net.link.setUp(true));
      }
      net.sim.scheduleAt(16 * NS_PER_MS, () => {
        expect(a.value.state).toBe('SYN-RECEIVED');
        a.value.close();
      });
      net.sim.run();
      const lines = figureLines(net.sim.trace.records).filter((l) => l.startsWith('A'));
      const resent = lose
        ? ['A --> lost #4', 'A FIN-WAIT-1', 'A --> <SEQ=100><ACK=301><CTL=SYN,ACK>']
        : ['A FIN-WAIT-1'];
      expect(lines).toEqual([
        'A SYN-SENT',
        'A --> <SEQ=100><CTL=SYN>',
        'A SYN-RECEIVED',
        'A --> <SEQ=100><ACK=301><CTL=SYN,ACK>',
        ...resent,
        'A --> <SEQ=101><ACK=301><CTL=FIN,ACK>',
        'A FIN-WAIT-2',
        'A TIME-WAIT',
        'A --> <SEQ=102><ACK=302><CTL=ACK>',
        'A CLOSED',
      ]);
      if (lose) {
        const retransmit = recordsOf(net, 'tcp.retransmit', 'A');
        // A sent its SYN+ACK when B's SYN (44 bytes: 352 ns at 1 Gbit/s) arrived, at 10 ms +
        // 352 ns, and armed the timer with the initial RTO of 1 s.
        expect(retransmit.map((r) => [r.t, r.seq])).toEqual([[d + 352 + NS_PER_S, 100]]);
      }
      expect(errors).toEqual([]);
      expect(b.value.state).toBe('CLOSED');
    }
  });

  it('a lost window update does not stall the sender: the persist timer probes (RFC 9293 3.8.6.1)', () => {
    // B's app accepts only at 5 s; until then A's bytes fill B's 65535-byte receive buffer and
    // its window reaches 0. When the app accepts, B's window update is lost (link down). A,
    // with nothing in flight and a zero window, probes one RTO after the zero window arrived
    // and backs off like the retransmission timer: RTO = 1 s (the RTT is 2 ms, below the
    // minimum), so probes at t0 + 1, t0 + 1 + 2, t0 + 1 + 2 + 4 s; the third finds the window open.
    const net = twoHosts({ issA: [ISS_A], issB: [ISS_B] });
    const listener = net.b.tcp.listen(80);
    if (!listener.ok) throw new Error(listener.error);
    let got = 0;
    const ACCEPT = 5 * NS_PER_S;
    net.sim.scheduleAt(ACCEPT, () => {
      const accepted = listener.value.accept();
      if (accepted.ok) accepted.value.handlers.onData = (b) => (got += b.length);
    });
    net.sim.scheduleAt(ACCEPT + 1, () => net.link.setUp(false));
    net.sim.scheduleAt(ACCEPT + 2 * NS_PER_MS, () => net.link.setUp(true));
    const conn = net.a.tcp.connect(B, 80);
    if (!conn.ok) throw new Error(conn.error);
    conn.value.handlers.onConnect = () => conn.value.send(new Uint8Array(100_000));
    net.sim.run({ until: 60 * NS_PER_S });
    expect(got).toBe(100_000);
    const zero = recordsOf(net, 'link.rx', 'A').find((r) => tcp(r.packet).window === 0);
    if (!zero) throw new Error('the window never closed');
    const t0 = zero.t;
    const una = seqAdd(ISS_A + 1, 65_535); // B holds 65535 bytes: everything sent is acknowledged
    const probes = recordsOf(net, 'link.txBegin', 'A').filter(
      (r) => r.t > t0 && r.packet.payload.length === 0 && tcp(r.packet).seq === seqAdd(una, -1),
    );
    expect(probes.map((r) => r.t - t0)).toEqual([1, 3, 7].map((s) => s * NS_PER_S));
  });
});
