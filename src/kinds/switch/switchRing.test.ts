// simulations/switch-ring.json: three switches in a ring run the Rapid Spanning Tree Protocol.
// Worked by hand from IEEE 802.1D-2004: the bridge IDs are 32768 (all priorities default) and
// each switch's MAC, FNV-1a of its id (src/net/wire/mac.ts): s1 02:00:e1:a5:e4:6b, s2
// 02:00:6f:9e:75:30, s3 02:00:95:a0:ef:99, so s2 has the lowest and is the root. Every link is
// 100 Mbit/s: path cost 200,000 (Table 17-3). s1 and s3 reach s2 directly (root ports p1, cost
// 200,000); on l-31 between them both offer cost 200,000, and s3's lower bridge ID makes its
// p2 designated, so s1's p2 is the one alternate (blocked) port. The ping (84-byte packets in
// 102-byte frames, 8.16 µs a hop) goes pc-a → s1 → s2 → s3 → pc-b: 2 × (300 µs + 4 × 8.16 µs) =
// 665.28 µs. When l-12 fails at 4.5 s, s1's alternate port becomes its root port at once (no
// timer: RSTP's rapid transition of an alternate to root), and the path is 3 hops: 2 × (200 µs
// + 3 × 8.16 µs) = 448.96 µs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { NS_PER_MS, NS_PER_S, NS_PER_US } from '../../engine/time.ts';
import { isBpduFrame } from '../../net/wire/frame.ts';
import { formatMac } from '../../net/wire/mac.ts';
import { bridgeMac, parseScenarioText, runScenario, scenarioMacs } from '../../sim/index.ts';
import type { Scenario } from '../../sim/index.ts';
import { scenarioWarnings } from '../../sim/scenario/scenarioWarnings.ts';
import { recordsOfType, runSimulationFile } from '../../../tests/support/vizTestRuns.ts';

const { scenario, records } = runSimulationFile('switch-ring.json');
const FAIL = 4500 * NS_PER_MS;

/** Each port's last role and state at `time`, as "node:port" → "role/state". */
function portsAt(trace: readonly TraceRecord[], time: number): Map<string, string> {
  const ports = new Map<string, string>();
  for (const r of recordsOfType(trace, 'stp.port')) {
    if (r.t <= time) ports.set(`${r.node}:${r.port}`, `${r.role}/${r.state}`);
  }
  return ports;
}

describe('simulations/switch-ring.json', () => {
  it('derives each switch’s MAC as worked by hand: s2 has the lowest', () => {
    const macs = scenarioMacs(scenario);
    expect(['s1', 's2', 's3'].map((s) => formatMac(bridgeMac(macs, s)!))).toEqual([
      '02:00:e1:a5:e4:6b',
      '02:00:6f:9e:75:30',
      '02:00:95:a0:ef:99',
    ]);
  });

  it('elects s2, the lowest bridge ID, as root; s1 and s3 reach it at one hop’s cost', () => {
    const last = new Map(
      recordsOfType(records, 'stp.root')
        .filter((r) => r.t < FAIL)
        .map((r) => [r.node, r]),
    );
    expect([...last.values()].map((r) => [r.node, r.root, r.cost, r.rootPort]).sort()).toEqual([
      ['s1', '8000.02006f9e7530', 200_000, 'p1'],
      ['s2', '8000.02006f9e7530', 0, null],
      ['s3', '8000.02006f9e7530', 200_000, 'p1'],
    ]);
  });

  it('blocks exactly one port, s1’s on the link to s3, within a millisecond', () => {
    const changes = recordsOfType(records, 'stp.port').filter((r) => r.t < FAIL);
    expect(changes.at(-1)!.t).toBeLessThan(NS_PER_MS);
    expect(Object.fromEntries(portsAt(records, NS_PER_S))).toEqual({
      's1:p1': 'root/forwarding',
      's1:p2': 'alternate/discarding',
      's1:p3': 'designated/forwarding', // edge port to PC A
      's2:p1': 'designated/forwarding',
      's2:p2': 'designated/forwarding',
      's3:p1': 'root/forwarding',
      's3:p2': 'designated/forwarding',
      's3:p3': 'designated/forwarding', // edge port to PC B
    });
  });

  it('lets every ping cross, through the root, then round the failed link', () => {
    const replies = recordsOfType(records, 'app.reply');
    expect(replies.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // The first waits for ARP; then 4 hops, then 3 once l-12 is down.
    expect(replies.slice(1, 4).map((r) => r.rtt)).toEqual([665_280, 665_280, 665_280]);
    expect(replies.slice(4).map((r) => r.rtt)).toEqual([448_960, 448_960, 448_960, 448_960]);
  });

  it('sends each data frame round no loop: 65 frames, counted by hand, and the blocked port drops one', () => {
    const data = recordsOfType(records, 'link.txBegin').filter((r) => !isBpduFrame(r.packet));
    // ARP request: l-a, l-12, l-23, l-b, and l-31 (s3 floods it to s1, whose p2 drops it); ARP
    // reply 4 links; pings 1-4: 8 links a round trip; pings 5-8: 6.
    expect(data).toHaveLength(5 + 4 + 4 * 8 + 4 * 6);
    expect(recordsOfType(records, 'stp.discard').map((r) => [r.node, r.port])).toEqual([
      ['s1', 'p2'],
    ]);
    const bpdus = recordsOfType(records, 'link.txBegin').filter((r) => isBpduFrame(r.packet));
    expect(bpdus.length).toBeLessThan(60); // hellos every 2 s on designated ports, and news
  });

  it('unblocks the alternate port when l-12 fails, and tells s3 to flush within one hop', () => {
    expect(Object.fromEntries(portsAt(records, FAIL))).toMatchObject({
      's1:p1': 'disabled/discarding',
      's1:p2': 'root/forwarding',
      's2:p1': 'disabled/discarding',
    });
    const flush = recordsOfType(records, 'stp.flush').find((r) => r.node === 's3')!;
    // s1's TC BPDU: 64 bytes at 100 Mbit/s (5.12 µs) and 100 µs on l-31.
    expect(flush.t).toBe(FAIL + 100 * NS_PER_US + 5120);
    expect([flush.reason, flush.port, flush.ports]).toEqual(['tcReceived', 'p2', ['p1']]);
  });

  it('warns of no switch loop while the switches run the spanning tree', () => {
    expect(scenarioWarnings(scenario).filter((w) => w.message.includes('loop'))).toEqual([]);
  });
});

describe('the same ring with "stp": false', () => {
  const text = readFileSync(
    new URL('../../../simulations/switch-ring.json', import.meta.url),
    'utf8',
  );
  const doc = JSON.parse(text) as { nodes: { role: string; stp?: boolean }[]; until: string };
  for (const node of doc.nodes) if (node.role === 'switch') node.stp = false;
  doc.until = '1010ms';
  const parsed = parseScenarioText(JSON.stringify(doc));
  if (!parsed.ok) throw new Error('does not validate');
  const off: Scenario = parsed.scenario;

  it('storms: the ARP broadcast circles the ring until the run ends', () => {
    const trace = runScenario(off).simulation.sim.trace.records;
    const ring = recordsOfType(trace, 'link.txBegin').filter((r) => r.link === 'l-12');
    // The one request at 1 s goes round both ways, again and again: every ~316 µs a copy.
    expect(ring.length).toBeGreaterThan(50);
    expect(recordsOfType(trace, 'link.txBegin').some((r) => isBpduFrame(r.packet))).toBe(false);
  });

  it('warns of the loop', () => {
    expect(scenarioWarnings(off).some((w) => w.message.includes('loop'))).toBe(true);
  });
});
