// The charts' data from a real run of simulations/tcp-bulk-transfer.json: lines cut at the time
// shown, units for people, whole-run extents, and which chart and series a selection points at.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { parseScenarioText, runScenario } from '../../sim/index.ts';
import { networkNames } from '../names/index.ts';
import { CHARTS, chartData, chartSummary, connectionLabel, focusOf } from './chartData.ts';
import { recordList } from '../../engine/traceRecords.ts';

const text = readFileSync(
  new URL('../../../simulations/tcp-bulk-transfer.json', import.meta.url),
  'utf8',
);
const parsed = parseScenarioText(text);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const records = runScenario(parsed.scenario).simulation.sim.trace.records;
const names = networkNames(parsed.scenario.nodes);
const cwndRecords = records.filter((r): r is TraceRecord<'tcp.cwnd'> => r.type === 'tcp.cwnd');
const conn = cwndRecords[0]!;
const end = records[records.length - 1]!.t;

describe('chart data', () => {
  it('plots cwnd and ssthresh up to the time shown, holding the last value until then', () => {
    const time = 1_000_000_000;
    const chart = chartData({ records: recordList(records), time, names }, 'cwnd');
    expect(chart.lines.map((l) => l.label)).toEqual([
      'cwnd, Laptop :59820 → Server (10.0.2.20:5001)',
      'ssthresh, Laptop :59820 → Server (10.0.2.20:5001)',
    ]);
    const before = cwndRecords.filter((r) => r.t <= time);
    const cwnd = chart.lines[0]!.points;
    expect(cwnd.t).toEqual([...before.map((r) => r.t), time]);
    expect(cwnd.v).toEqual([...before.map((r) => r.cwnd), before[before.length - 1]!.cwnd]);
    expect(chart.lines[1]!.dashed).toBe(true);
    // The extents cover the whole trace ("Whole run" keeps its axes still while time runs).
    expect(chart.xMax).toBe(cwndRecords[cwndRecords.length - 1]!.t);
    expect(chart.yMax).toBe(Math.max(...cwndRecords.map((r) => Math.max(r.cwnd, r.ssthresh))));
    expect(chartData({ records: recordList(records), time: 10, names }, 'cwnd').yMax).toBe(
      chart.yMax,
    );
  });

  it('plots RTO and SRTT in milliseconds', () => {
    const chart = chartData({ records: recordList(records), time: end, names }, 'rto');
    expect(chart.unit).toBe('ms');
    const rto = records.filter((r): r is TraceRecord<'tcp.rto'> => r.type === 'tcp.rto');
    const first = chart.lines.find((l) => l.key.endsWith('/RTO'))!;
    expect(first.points.v[0]).toBe(rto[0]!.rto / 1e6);
    expect(chart.groups.length).toBe(2);
  });

  it('bins throughput per link direction, with one group per link', () => {
    const chart = chartData({ records: recordList(records), time: end, names }, 'throughput');
    expect(chart.groups.map((g) => g.key).sort()).toEqual(['lan', 'wan']);
    expect(chart.lines.length).toBe(4);
    // The chart ends with the transfer's last frame, when it arrived (about 2.065 s: 120 bins
    // would be 17.2 ms, rounded up to 20 ms).
    const lastArrival = records.filter((r) => r.type === 'link.rx').at(-1)!.t;
    expect(chart.xMax).toBe(lastArrival);
    expect(lastArrival / 120).toBeGreaterThan(15_000_000);
    expect(lastArrival / 120).toBeLessThan(20_000_000);
    expect(chart.binNs).toBe(20_000_000);
    const wan = chart.lines.find((l) => l.label === 'wan: Router → Server')!;
    expect(Math.max(...wan.points.v)).toBeLessThanOrEqual(2e6 * (1 + 1e-9));
    expect(new Set(chart.lines.map((l) => l.color)).size).toBe(4);
    const focused = chartData(
      { records: recordList(records), time: end, names },
      'throughput',
      'wan',
    );
    expect(focused.lines.map((l) => l.label).sort()).toEqual([
      'wan: Router → Server',
      'wan: Server → Router',
    ]);
  });

  it('says when a chart has nothing to show', () => {
    const chart = chartData({ records: recordList(records), time: end, names }, 'latency');
    expect(chart.lines).toEqual([]);
    expect(chartSummary(chart, String)).toBe(`Request latency: ${CHARTS[0]!.empty}`);
  });

  it('describes itself in words', () => {
    const chart = chartData(
      { records: recordList(records), time: 500_000_000, names },
      'queue',
      'router:eth1',
    );
    expect(chartSummary(chart, String)).toMatch(
      /^Queue length per interface from 0 s to 500 ms\. Router eth1 \(link wan\): \d+ points, now \d+ packets\.$/,
    );
  });
});

describe('selections', () => {
  const groups = chartData({ records: recordList(records), time: end, names }, 'cwnd').groups;

  it('a connection opens its congestion window', () => {
    expect(focusOf({ kind: 'connection', node: conn.node, conn: conn.conn }, groups)).toEqual({
      chart: 'cwnd',
      group: `${conn.node} ${conn.conn}`,
    });
  });

  it('a link opens its throughput; a node picks its first series', () => {
    const links = chartData(
      { records: recordList(records), time: end, names },
      'throughput',
    ).groups;
    expect(focusOf({ kind: 'link', link: 'wan' }, links)).toEqual({
      chart: 'throughput',
      group: 'wan',
    });
    expect(focusOf({ kind: 'packet', pkt: 3, link: 'lan' }, links).group).toBe('lan');
    expect(focusOf({ kind: 'node', node: 'laptop' }, groups).chart).toBe(null);
    expect(focusOf(null, groups)).toEqual({ chart: null, group: null });
  });

  it('names a connection by its node, local port and peer', () => {
    expect(connectionLabel('server', '10.0.2.20:5001>10.0.1.10:59820', names)).toBe(
      'Server :5001 → Laptop (10.0.1.10:59820)',
    );
  });
});
