// Congestion control against RFC 5681: fast retransmit and fast recovery on the third duplicate
// ACK (the lost segment chosen by the link's seed), and slow start doubling cwnd per RTT.
import { describe, expect, it } from 'vitest';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import { seqDiff } from '../../net/tcp/seq.ts';
import type { Packet } from '../../net/wire/packet.ts';
import {
  findSeed,
  ISS_A,
  lostPackets,
  recordsOf,
  segmentEnd,
  SMSS,
  tcp,
  transfer,
} from './tcpTransferTestNet.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

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
      if (r.type === 'link.rx' && carriesIp(r) && r.node === 'A' && tcp(r.packet).ack === lostSeq)
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
      if (
        r.type !== 'link.txBegin' ||
        !carriesIp(r) ||
        r.node !== 'A' ||
        r.packet.transport.kind !== 'tcp'
      )
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
