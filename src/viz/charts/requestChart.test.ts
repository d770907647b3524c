// The request latency chart on hand-made records: one line per server app (server.reply latency)
// and per HTTP client (http.response latency), in ms, cut at the time shown.
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { networkNames } from '../names/index.ts';
import { chartData } from './chartData.ts';
import { recordList } from '../../engine/traceRecords.ts';

const MS = 1e6;
const records: TraceRecord[] = [
  {
    t: 10 * MS,
    type: 'server.reply',
    node: 'web',
    app: 'web',
    req: 1,
    status: 200,
    latency: 4 * MS,
  },
  {
    t: 12 * MS,
    type: 'http.response',
    node: 'pc',
    app: 'http',
    conn: '49152>10.0.0.2:80',
    req: 1,
    status: 200,
    bytes: 100,
    latency: 7 * MS,
  },
  {
    t: 20 * MS,
    type: 'server.reply',
    node: 'web',
    app: 'web',
    req: 2,
    status: 200,
    latency: 6 * MS,
  },
];
const names = networkNames([
  { id: 'web', label: 'Web server', role: 'server' },
  { id: 'pc', label: 'PC', role: 'client' },
]);

describe('request latency chart', () => {
  it('has a server line and a dashed client line, in ms, up to the time shown', () => {
    const chart = chartData({ records: recordList(records), time: 15 * MS, names }, 'requests');
    expect(chart.lines.map((l) => [l.label, l.dashed, l.points.v])).toEqual([
      ['Web server web (server: request to reply)', false, [4]],
      ['PC (client: request to response)', true, [7]],
    ]);
    // The whole-run extents come from the whole trace: 20 ms across, 7 ms up.
    expect(chart.xMax).toBe(20 * MS);
    expect(chart.yMax).toBe(7);
  });
});
