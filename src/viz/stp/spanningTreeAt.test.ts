// A switch's spanning tree and MAC table folded from the trace of simulations/switch-ring.json
// (worked by hand in src/kinds/switch/switchRing.test.ts): s1 takes root s2 through p1 at cost
// 200,000 and blocks p2; after l-12 fails at 4.5 s, p2 is its root port at cost 400,000. Its MAC
// table learns nothing on the blocked port, and forgets PC B behind p1 when p1's link goes down.
import { describe, expect, it } from 'vitest';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import { recordList } from '../../engine/traceRecords.ts';
import { runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { blockedPortsAt, spanningTreeAt, spanningTreeRecords } from './spanningTreeAt.ts';
import { macTableAt, neighbourRecords } from '../neighbours/index.ts';

const records = recordList(runSimulationFile('switch-ring.json').records);
const s1 = spanningTreeRecords(records, 's1');

describe('spanningTreeAt', () => {
  it('is null before the switch starts its tree', () => {
    expect(spanningTreeAt(s1, -1)).toBeNull();
  });

  it('shows s1 taking s2 as root through p1, p2 blocked', () => {
    expect(spanningTreeAt(s1, NS_PER_S)).toEqual({
      bridge: '8000.0200e1a5e46b',
      root: '8000.02006f9e7530',
      cost: 200_000,
      rootPort: 'p1',
      ports: [
        { port: 'p1', role: 'root', state: 'forwarding' },
        { port: 'p2', role: 'alternate', state: 'discarding' },
        { port: 'p3', role: 'designated', state: 'forwarding' },
      ],
    });
    expect(blockedPortsAt(records, NS_PER_S)).toEqual(new Set(['s1:p2']));
  });

  it('shows p2 as root port once l-12 is down, and nothing blocked', () => {
    const view = spanningTreeAt(s1, 5 * NS_PER_S)!;
    expect([view.rootPort, view.cost]).toEqual(['p2', 400_000]);
    expect(view.ports[0]).toEqual({ port: 'p1', role: 'disabled', state: 'discarding' });
    expect(blockedPortsAt(records, 5 * NS_PER_S)).toEqual(new Set());
  });
});

describe('macTableAt with a spanning tree', () => {
  const own = neighbourRecords(records, 's1', 'mac');
  it('learns PC A on p3 and PC B on p1, nothing on the blocked p2, and forgets p1 when it fails', () => {
    const before = macTableAt(own, 4 * NS_PER_S).map((r) => r.port);
    expect(before.sort()).toEqual(['p1', 'p3']);
    const after = macTableAt(own, 4500 * NS_PER_MS).map((r) => r.port);
    expect(after).toEqual(['p3']);
  });
});
