// The live decorations of the topology, checked against a real run of the bulk transfer.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { parseScenarioText, runScenario, type Scenario } from '../../sim/index.ts';
import {
  backlogFullAt,
  cpuBusyAt,
  liveIndex,
  portsAt,
  queueAt,
  queueText,
  utilizationAt,
  utilizationWindow,
} from './topologyLive.ts';
import { recordList } from '../../engine/traceRecords.ts';

const parsed = parseScenarioText(readFileSync('simulations/tcp-bulk-transfer.json', 'utf8'));
if (!parsed.ok) throw new Error('the bulk transfer scenario is invalid');
const scenario: Scenario = parsed.scenario;
const records: readonly TraceRecord[] = runScenario(scenario).simulation.sim.trace.records;
const list = recordList(records);
const wan = scenario.links.find((l) => l.id === 'wan')!;
const MS = 1e6;

describe('topologyLive', () => {
  it('shows the server listening from t=0, and the client’s port only as a TCP bind', () => {
    const index = liveIndex(list);
    expect(portsAt(index, 'server', 0).map((p) => p.text)).toEqual(['TCP 5001 LISTEN']);
    const connected = records.find(
      (r) => r.type === 'socket.state' && r.node === 'server' && r.state === 'ESTABLISHED',
    )!;
    expect(portsAt(index, 'server', connected.t).map((p) => p.text)).toEqual(['TCP 5001 LISTEN']);
    expect(portsAt(index, 'laptop', connected.t)).toEqual([]);
    expect(backlogFullAt(index, 'server', connected.t)).toBe(false);
  });

  it('has the router’s queue to the server at its capacity when it drops', () => {
    const index = liveIndex(list);
    const drops = records.filter((r) => r.type === 'queue.drop' && r.link === 'wan');
    expect(drops.length).toBeGreaterThan(0);
    for (const drop of drops) {
      const fill = queueAt(index, wan, 'router', drop.t);
      expect(fill.packets).toBe(20);
      expect(fill.fraction).toBe(1);
      expect(queueText(fill, 'router eth1')).toBe('queue at router eth1: 20 of 20 packets');
    }
    expect(queueAt(index, wan, 'router', 0).packets).toBe(0);
  });

  it('measures the wan link busy during the transfer and idle before it', () => {
    const index = liveIndex(list);
    const first = records.find((r) => r.type === 'link.txBegin' && r.link === 'wan')!;
    expect(utilizationAt(index, wan, 0)).toBe(0);
    expect(utilizationAt(index, wan, first.t)).toBe(0);
    expect(utilizationWindow(wan)).toBe(100 * MS);
    // From the records: each direction's transmissions as [begin, end] intervals.
    const intervals: [number, number][] = [];
    const open = new Map<string, number>();
    for (const r of records) {
      if (r.type === 'link.txBegin' && r.link === 'wan') open.set(r.node, r.t);
      if (r.type === 'link.txEnd' && r.link === 'wan') intervals.push([open.get(r.node)!, r.t]);
    }
    /** Busy time of the window [from, to] by 1 µs sampling, and the router's own idle time. */
    const reference = (from: number, to: number) => {
      let busy = 0;
      let routerIdle = 0;
      for (let x = from; x < to; x += 1000) {
        const on = intervals.filter(([b, e]) => b <= x && x < e);
        if (on.length > 0) busy++;
        if (
          !on.some(([b]) =>
            records.some(
              (r) =>
                r.t === b && r.type === 'link.txBegin' && r.link === 'wan' && r.node === 'router',
            ),
          )
        )
          routerIdle++;
      }
      const n = Math.ceil((to - from) / 1000);
      return { busy: busy / n, routerBackToBack: routerIdle / n < 0.02 };
    };
    let checked = 0;
    for (let t = 500 * MS; t <= 1000 * MS; t += 100 * MS) {
      const u = utilizationAt(index, wan, t);
      const ref = reference(t - 100 * MS, t);
      expect(u).toBeCloseTo(ref.busy, 2);
      if (ref.routerBackToBack) {
        expect(u).toBeGreaterThan(0.9);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('extends its index as records stream in', () => {
    const cut = records.findIndex((r) => r.type === 'socket.state') + 1;
    const growing: TraceRecord[] = records.slice(0, cut);
    const growingList = recordList(growing);
    expect(portsAt(liveIndex(growingList), 'server', 0).map((p) => p.text)).toEqual([
      'TCP 5001 LISTEN',
    ]);
    growing.push(...records.slice(cut));
    const drop = records.find((r) => r.type === 'queue.drop')!;
    expect(queueAt(liveIndex(growingList), wan, 'router', drop.t).packets).toBe(20);
  });
});

describe('cpuBusyAt', () => {
  // Two cores: A runs on core 0 from 1 to 5 ms, B is switched to on core 1 at 2 ms and runs to 4.
  const cpu: TraceRecord[] = [
    { t: 1 * MS, type: 'cpu.dispatch', node: 'web', core: 0, job: 'A', remaining: 4 * MS },
    { t: 2 * MS, type: 'cpu.switch', node: 'web', core: 1, job: 'B' },
    { t: 3 * MS, type: 'cpu.dispatch', node: 'web', core: 1, job: 'B', remaining: 1 * MS },
    { t: 4 * MS, type: 'cpu.complete', node: 'web', core: 1, job: 'B' },
    { t: 5 * MS, type: 'cpu.block', node: 'web', core: 0, job: 'A', io: MS },
  ];
  const index = liveIndex(recordList(cpu));

  it('counts the cores running or switching at t, of the configured cores', () => {
    expect(cpuBusyAt(index, 'web', 0, 2)).toEqual({ busy: 0, cores: 2 });
    expect(cpuBusyAt(index, 'web', 2 * MS, 2)).toEqual({ busy: 2, cores: 2 });
    expect(cpuBusyAt(index, 'web', 4 * MS, 4)).toEqual({ busy: 1, cores: 4 });
    expect(cpuBusyAt(index, 'web', 5 * MS)).toEqual({ busy: 0, cores: 2 });
    expect(cpuBusyAt(index, 'pc', 5 * MS)).toBeNull();
  });
});
