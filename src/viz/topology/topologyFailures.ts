// What has failed in the topology picture at time t, read from the trace: a crashed node, an
// interface down, a link down, and a link's settings as its last linkChange left them. Indexed
// once per records array (extended as a streaming run appends to it); each query is a binary
// search over one thing's changes.

import type { TraceRecord, TraceRecords } from '../../engine/trace.ts';
import '../../net/ip/ipTrace.ts';
import '../../net/link/linkTrace.ts';
import type { ScenarioLink } from '../../sim/scenario/scenarioSchema.ts';
import { countAtOrBefore } from './topologyLive.ts';

/** When something went down or came back up, in time order. */
interface UpDown {
  t: number[];
  down: boolean[];
}

/** A link's changes of settings, in time order. */
interface Changes {
  t: number[];
  settings: { bandwidth: number; latency: number; loss: number }[];
}

/** The trace indexed for the failures. */
export interface FailureIndex {
  /** How many records have been read. */
  count: number;
  /** Keyed by `node <id>`, `iface <node> <name>`, `link <id>`. */
  states: Map<string, UpDown>;
  changes: Map<string, Changes>;
}

const TYPES: ReadonlySet<string> = new Set([
  'node.crash',
  'node.restart',
  'iface.state',
  'link.state',
  'link.change',
]);

const cache = new WeakMap<TraceRecords, FailureIndex>();

function note(index: FailureIndex, key: string, t: number, down: boolean): void {
  let s = index.states.get(key);
  if (!s) index.states.set(key, (s = { t: [], down: [] }));
  s.t.push(t);
  s.down.push(down);
}

function read(index: FailureIndex, r: TraceRecord): void {
  switch (r.type) {
    case 'node.crash':
    case 'node.restart':
      note(index, `node ${r.node}`, r.t, r.type === 'node.crash');
      break;
    case 'iface.state':
      note(index, `iface ${r.node} ${r.iface}`, r.t, !r.up);
      break;
    case 'link.state':
      note(index, `link ${r.link}`, r.t, !r.up);
      break;
    case 'link.change': {
      let c = index.changes.get(r.link);
      if (!c) index.changes.set(r.link, (c = { t: [], settings: [] }));
      c.t.push(r.t);
      c.settings.push({ bandwidth: r.bandwidth, latency: r.latency, loss: r.loss });
      break;
    }
  }
}

/** The failures of a records array, extended with any records appended since the last call. */
export function failureIndex(records: TraceRecords): FailureIndex {
  let index = cache.get(records);
  if (!index) cache.set(records, (index = { count: 0, states: new Map(), changes: new Map() }));
  for (; index.count < records.length; index.count++) {
    if (TYPES.has(records.typeAt(index.count))) read(index, records.get(index.count));
  }
  return index;
}

function downAt(index: FailureIndex, key: string, t: number): boolean {
  const s = index.states.get(key);
  if (!s) return false;
  const n = countAtOrBefore(s.t, t);
  return n > 0 && s.down[n - 1] === true;
}

/** Whether the node has crashed (and not restarted) at t. */
export function nodeDownAt(index: FailureIndex, node: string, t: number): boolean {
  return downAt(index, `node ${node}`, t);
}

/** Whether the node's interface is down at t. */
export function interfaceDownAt(
  index: FailureIndex,
  node: string,
  iface: string,
  t: number,
): boolean {
  return downAt(index, `iface ${node} ${iface}`, t);
}

/** Whether the link is down at t. */
export function linkDownAt(index: FailureIndex, link: string, t: number): boolean {
  return downAt(index, `link ${link}`, t);
}

/** The link as it is at t: its document's settings, with its last change at or before t. */
export function linkAt(index: FailureIndex, link: ScenarioLink, t: number): ScenarioLink {
  const c = index.changes.get(link.id);
  const n = c ? countAtOrBefore(c.t, t) : 0;
  if (!c || n === 0) return link;
  const { bandwidth, latency, loss } = c.settings[n - 1]!;
  const changed: ScenarioLink = { ...link, bandwidth, latency };
  if (!link.burstLoss) changed.loss = loss;
  return changed;
}
