// Chart series from real runs of simulations/, checked against values derived from the trace
// independently: binned bytes sum to the bytes received, cwnd points are the tcp.cwnd records,
// and the 2 Mbit/s bottleneck never shows more than 2 Mbit/s.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { parseScenarioText, runScenario } from '../../sim/index.ts';
import {
  bytesReceivedBy,
  countAtMost,
  niceBinWidth,
  pointsUntil,
  throughputBins,
  traceSeries,
} from './series.ts';
import { recordList } from '../../engine/traceRecords.ts';
import { frameWireLength } from '../../net/wire/frame.ts';

function run(name: string) {
  const text = readFileSync(new URL(`../../../simulations/${name}`, import.meta.url), 'utf8');
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const { simulation, summary } = runScenario(parsed.scenario);
  return { records: simulation.sim.trace.records, summary };
}

function only<T extends TraceRecord['type']>(records: readonly TraceRecord[], type: T) {
  return records.filter((r): r is TraceRecord<T> => r.type === type);
}

const bulk = run('tcp-bulk-transfer.json');
const ping = run('ping-over-a-link.json');

describe('series of the TCP bulk transfer', () => {
  const s = traceSeries(recordList(bulk.records));

  it('has one cwnd series per connection, equal to its tcp.cwnd records', () => {
    const cwnd = only(bulk.records, 'tcp.cwnd');
    expect(cwnd.length).toBeGreaterThan(100);
    const conns = new Set(cwnd.map((r) => `${r.node} ${r.conn}`));
    expect([...s.cwnd.keys()].sort()).toEqual([...conns].sort());
    for (const [key, series] of s.cwnd) {
      const mine = cwnd.filter((r) => `${r.node} ${r.conn}` === key);
      expect(series.cwnd.t).toEqual(mine.map((r) => r.t));
      expect(series.cwnd.v).toEqual(mine.map((r) => r.cwnd));
      expect(series.ssthresh.v).toEqual(mine.map((r) => r.ssthresh));
    }
  });

  it('has RTO and SRTT per connection, equal to the tcp.rto records', () => {
    const rto = only(bulk.records, 'tcp.rto');
    for (const [key, series] of s.rto) {
      const mine = rto.filter((r) => `${r.node} ${r.conn}` === key);
      expect(series.rto.v).toEqual(mine.map((r) => r.rto));
      const timed = mine.filter((r) => r.srtt !== null);
      expect(series.srtt.t).toEqual(timed.map((r) => r.t));
      expect(series.srtt.v).toEqual(timed.map((r) => r.srtt));
    }
    expect(s.rto.size).toBe(2);
  });

  it('has the queue length of every sending interface', () => {
    const lengths = only(bulk.records, 'queue.length');
    const router = s.queue.get('router:eth1');
    if (!router) throw new Error('no queue series at router eth1');
    const mine = lengths.filter((r) => r.node === 'router' && r.iface === 'eth1');
    expect(router.packets.v).toEqual(mine.map((r) => r.packets));
    // The queue at the bottleneck fills to its 20 packets, as the summary says.
    const wan = bulk.summary.links.find((l) => l.link === 'wan');
    expect(Math.max(...router.packets.v)).toBe(wan?.directions[0].maxQueue);
    expect(Math.max(...router.packets.v)).toBe(20);
  });

  it('bins bytes so that they sum to the bytes received, in every link direction', () => {
    // Bytes on the wire: each frame's, as the link sent it (ARP frames too).
    const rx = only(bulk.records, 'link.rx');
    expect(s.throughput.size).toBe(4);
    for (const dir of s.throughput.values()) {
      const received = rx
        .filter((r) => r.link === dir.link && r.node === dir.to)
        .reduce((sum, r) => sum + frameWireLength(r.packet), 0);
      expect(received).toBeGreaterThan(0);
      for (const width of [1e6, 60e6, 250e6]) {
        const bins = throughputBins(dir, width, s.end);
        const sum = bins.reduce((total, b) => total + b.bytes, 0);
        expect(sum).toBeCloseTo(received, 6);
      }
      // Cut at a moment in the middle: only the packets received by then count.
      const mid = 1_500_000_000;
      const byMid = rx
        .filter((r) => r.link === dir.link && r.node === dir.to && r.t <= mid)
        .reduce((sum, r) => sum + frameWireLength(r.packet), 0);
      const bins = throughputBins(dir, 20e6, mid);
      expect(bins.reduce((total, b) => total + b.bytes, 0)).toBeCloseTo(byMid, 6);
      expect(bins[bins.length - 1]?.end).toBe(mid);
    }
    // With no loss, what the router sent towards the server all arrived (summary of the run).
    const wan = bulk.summary.links.find((l) => l.link === 'wan');
    const forward = s.throughput.get('wan router>server');
    expect(forward?.cumBytes[forward.cumBytes.length - 1]).toBe(wan?.directions[0].bytesSent);
  });

  it('never shows more than 2 Mbit/s on the 2 Mbit/s link, in bins of 10 transmissions or more', () => {
    const dir = s.throughput.get('wan router>server');
    if (!dir) throw new Error('no throughput series router -> server on wan');
    // A full-size packet (1500 bytes, a 1518-byte frame) takes 6.072 ms at 2 Mbit/s; the trace
    // says so too.
    const txTime = (1518 * 8 * 1e9) / 2e6;
    expect(dir.maxDuration).toBe(txTime);
    // Spreading each packet over its own transmission keeps even one-transmission bins honest.
    for (const factor of [1, 10, 13, 20, 50, 100]) {
      const bins = throughputBins(dir, factor * txTime, s.end);
      const peak = Math.max(...bins.map((b) => b.bitsPerSecond));
      expect(peak).toBeLessThanOrEqual(2e6 * (1 + 1e-9));
      // The bottleneck is busy for stretches of the transfer: some bins reach the link rate
      // (the longest bins also span times when the link is idle).
      if (factor <= 50) expect(peak).toBeGreaterThan(1.99e6);
    }
  });

  it('counts bytes received by a moment, spreading each packet over its transmission', () => {
    const dir = s.throughput.get('wan router>server');
    if (!dir) throw new Error('no wan series');
    const first = { start: dir.start[0] as number, end: dir.end[0] as number };
    const bytes = dir.bytes[0] as number;
    expect(bytesReceivedBy(dir, first.start)).toBe(0);
    expect(bytesReceivedBy(dir, (first.start + first.end) / 2)).toBeCloseTo(bytes / 2, 9);
    expect(bytesReceivedBy(dir, first.end)).toBe(bytes);
    expect(bytesReceivedBy(dir, first.end, first.end - 1)).toBe(0);
  });
});

describe('latency of the pinger', () => {
  it('is the rtt of every timed app.reply, per pinger', () => {
    const s = traceSeries(recordList(ping.records));
    const timed = only(ping.records, 'app.reply').filter((r) => r.rtt !== null);
    expect(timed.length).toBeGreaterThan(0);
    expect([...s.latency.keys()]).toEqual(['laptop']);
    expect(s.latency.get('laptop')?.rtt.t).toEqual(timed.map((r) => r.t));
    expect(s.latency.get('laptop')?.rtt.v).toEqual(timed.map((r) => r.rtt));
  });
});

describe('reading a growing trace', () => {
  it('reads only new records, and ends where one pass over the whole trace ends', () => {
    const growing: TraceRecord[] = [];
    const growingList = recordList(growing);
    for (let i = 0; i < bulk.records.length; i += 333) {
      growing.push(...bulk.records.slice(i, i + 333));
      traceSeries(growingList);
    }
    const once = traceSeries(recordList([...bulk.records]));
    const grown = traceSeries(growingList);
    expect(grown.read).toBe(bulk.records.length);
    expect(grown.end).toBe(once.end);
    expect(grown.cwnd).toEqual(once.cwnd);
    expect(grown.throughput).toEqual(once.throughput);
    expect(grown.queue).toEqual(once.queue);
    // The same array again costs nothing and gives the same object.
    expect(traceSeries(growingList)).toBe(grown);
  });

  it('handles 100k+ records in one pass', () => {
    const many: TraceRecord[] = [];
    for (let i = 0; i < 120_000; i++) {
      many.push({
        t: i * 1000,
        type: 'queue.length',
        link: 'l',
        node: 'n',
        iface: 'e',
        packets: i % 7,
        bytes: 0,
      });
    }
    const s = traceSeries(recordList(many));
    expect(s.queue.get('n:e')?.packets.t.length).toBe(120_000);
    const shown = pointsUntil(s.queue.get('n:e')!.packets, 50_500, true);
    expect(shown.t).toEqual([...Array.from({ length: 51 }, (_, i) => i * 1000), 50_500]);
    expect(shown.v[shown.v.length - 1]).toBe(50 % 7);
  });
});

describe('helpers', () => {
  it('counts sorted values at or below x', () => {
    expect(countAtMost([], 5)).toBe(0);
    expect(countAtMost([1, 2, 2, 3], 2)).toBe(3);
    expect(countAtMost([1, 2, 2, 3], 0)).toBe(0);
    expect(countAtMost([1, 2, 2, 3], 9)).toBe(4);
  });

  it('picks round bin widths', () => {
    expect(niceBinWidth(30e9)).toBe(250e6);
    expect(niceBinWidth(31e9)).toBe(500e6);
    expect(niceBinWidth(3e9)).toBe(25e6);
    expect(niceBinWidth(1e9, 100)).toBe(10e6);
    expect(niceBinWidth(0)).toBe(1);
  });
});
