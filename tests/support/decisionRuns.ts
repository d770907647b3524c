// For the decisions' tests: a scenario run headless (a file of simulations/ or a document built
// in the test), the steps of a packet at a node as a learner reads them, and the packets to ask
// about, found in the trace by what they are (never by a hard-coded id).

import { carriesIp } from '../../src/net/link/linkRecords.ts';
import type { TraceRecord } from '../../src/engine/trace.ts';
import { recordList } from '../../src/engine/traceRecords.ts';
import type { Packet } from '../../src/net/wire/packet.ts';
import { parseScenarioText, runScenario, type Scenario } from '../../src/sim/index.ts';
import { runSimulationFile } from './vizTestRuns.ts';
import { formatMac } from '../../src/net/wire/mac.ts';
import { interfaceMac, scenarioMacs } from '../../src/sim/scenario/scenarioMacs.ts';
import { networkNames } from '../../src/viz/names/index.ts';
import {
  nodeDecisions,
  type DecisionStep,
  type VisitDecisions,
} from '../../src/viz/decisions/index.ts';

/** A run: its scenario and trace. */
export interface Run {
  scenario: Scenario;
  records: readonly TraceRecord[];
}

/** A file of simulations/, run once per test process. */
export function fileRun(name: string): Run {
  return runSimulationFile(name);
}

/** A scenario document built in a test, run to its end. */
export function documentRun(document: unknown): Run {
  const parsed = parseScenarioText(JSON.stringify(document));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const run = runScenario(parsed.scenario);
  return { scenario: parsed.scenario, records: run.simulation.sim.trace.records };
}

/** The visits of packet `pkt` at `node`, in `language`. */
export function visits(run: Run, pkt: number, node: string, language = 'en'): VisitDecisions[] {
  const names = networkNames(run.scenario.nodes, run.scenario.events ?? [], language);
  return nodeDecisions(
    { scenario: run.scenario, records: recordList(run.records), names },
    pkt,
    node,
    language,
  );
}

/** The steps of the packet's only visit to `node` (a test fails if it passed twice or never). */
export function steps(run: Run, pkt: number, node: string, language = 'en'): DecisionStep[] {
  const all = visits(run, pkt, node, language);
  if (all.length !== 1) throw new Error(`packet ${pkt} visited ${node} ${all.length} times`);
  return (all[0] as VisitDecisions).steps;
}

/** `layer way outcome: text [entry]`, one line a step: what a learner reads, compactly. */
export function lines(list: readonly DecisionStep[]): string[] {
  return list.map(
    (s) =>
      `${s.layer} ${s.way} ${s.outcome}: ${s.text}${s.entry === undefined ? '' : ` [${s.entry}]`}`,
  );
}

/** The first packet some node sent (`link.txBegin`) that `test` picks, with the sender. */
export function firstSent(
  run: Run,
  test: (packet: Packet, sender: string) => boolean,
): { packet: Packet; node: string; t: number } {
  for (const r of run.records) {
    if (r.type === 'link.txBegin' && carriesIp(r) && test(r.packet, r.node))
      return { packet: r.packet, node: r.node, t: r.t };
  }
  throw new Error('no such packet in the trace');
}

/** The MAC the run gives `node`'s interface `iface` (02:00:…), as the trace prints it. */
export function macOf(run: Run, node: string, iface: string): string {
  const mac = interfaceMac(scenarioMacs(run.scenario), node, iface);
  if (mac === undefined) throw new Error(`${node}:${iface} has no MAC`);
  return formatMac(mac);
}

/** The id of the first record of `type` that `test` picks (an ARP frame's, by what it says). */
export function firstPkt<T extends TraceRecord['type']>(
  run: Run,
  type: T,
  test: (record: TraceRecord<T>) => boolean = () => true,
): number {
  for (const r of run.records) {
    if (r.type === type && 'pkt' in r && test(r as TraceRecord<T>)) return r.pkt;
  }
  throw new Error(`no ${type} in the trace`);
}
