// A node's link-layer tables at time t, from the trace alone: a host's or router's ARP cache (as
// `ip neigh` lists it: address, interface, MAC, state) from its arp.* records, and a switch's MAC
// address table (MAC, port, age) from the frames that reached it. Each row says until when it
// holds: an entry's reachable time, a stale entry's removal, an unanswered request's next try,
// a switch entry's ageing.

import type { TraceRecord, TraceRecords, TraceType } from '../../engine/trace.ts';
import { recordsOfTypes } from '../../engine/traceRecords.ts';
import '../../net/ip/arpTrace.ts';
import '../../net/ip/ipTrace.ts';
import { SWITCH_AGEING_NS } from '../../net/link/learningSwitch.ts';
import { ARP_DEFAULTS } from '../../net/wire/arpCache.ts';
import { isBpduFrame } from '../../net/wire/frame.ts';
import '../../net/link/stpTrace.ts';
import { formatMac, isMulticast, type MacAddress } from '../../net/wire/mac.ts';
import type { Scenario } from '../../sim/documents.ts';
import { interfaceMac, scenarioMacs } from '../../sim/scenario/scenarioMacs.ts';

/** One entry of an ARP cache, as `ip neigh` shows it, with when its state ends. */
export interface ArpRow {
  iface: string;
  /** The neighbour's address, dotted. */
  ip: string;
  /** Its MAC (02:00:0a:00:00:01), or null while it is asked for. */
  mac: string | null;
  /** Linux's names: REACHABLE (fresh), STALE (expired, asked for again when next used), INCOMPLETE. */
  state: 'REACHABLE' | 'STALE' | 'INCOMPLETE';
  /** When it entered that state. */
  since: number;
  /** When the state ends: expiry, removal, or the next request (or the failure after the last). */
  until: number;
  /** For INCOMPLETE: the requests sent so far (1 to 3). */
  probes?: number;
}

/** One entry of a switch's MAC address table. */
export interface MacTableRow {
  mac: string;
  port: string;
  /** When a frame from this MAC last came in on `port`. */
  lastSeen: number;
  /** When the entry ages out if no frame comes from it first. */
  until: number;
}

const ARP_TYPES: readonly TraceType[] = [
  'arp.request',
  'arp.learn',
  'arp.expire',
  'arp.forget',
  'arp.fail',
  'iface.state',
  'node.crash',
];
const TYPES = {
  arp: new Set<TraceType>(ARP_TYPES),
  mac: new Set<TraceType>(['link.rx', 'stp.port', 'stp.flush']),
  both: new Set<TraceType>([...ARP_TYPES, 'link.rx', 'stp.port', 'stp.flush']),
};

/**
 * The records of one node that its tables read, in time order: compute it once per trace, then
 * ask for the tables at any time. `arp` for `arpCacheAt` alone, `mac` (every frame it received)
 * for `macTableAt` alone.
 */
export function neighbourRecords(
  records: TraceRecords,
  node: string,
  tables: keyof typeof TYPES = 'both',
): TraceRecord[] {
  return recordsOfTypes(records, TYPES[tables]).filter((r) => 'node' in r && r.node === node);
}

/**
 * The node's ARP cache at `time` (every interface), in the order entries were made, from its own
 * records (`neighbourRecords`): as the node's caches hold it, with Linux's default timers.
 */
export function arpCacheAt(records: readonly TraceRecord[], time: number): ArpRow[] {
  const { reachableNs, retransNs, staleNs } = ARP_DEFAULTS;
  const rows = new Map<string, ArpRow>();
  for (const r of records) {
    if (r.t > time) break;
    switch (r.type) {
      case 'arp.request': {
        const key = `${r.iface}|${r.target}`;
        if (r.probe === 1) rows.delete(key); // a new resolution goes to the end, as the cache's
        rows.set(key, {
          iface: r.iface,
          ip: r.target,
          mac: null,
          state: 'INCOMPLETE',
          since: r.probe === 1 ? r.t : (rows.get(key)?.since ?? r.t),
          // The next request, or after the last (maxProbes) the failure: one retransNs on.
          until: r.t + retransNs,
          probes: r.probe,
        });
        break;
      }
      case 'arp.learn':
        rows.set(`${r.iface}|${r.ip}`, {
          iface: r.iface,
          ip: r.ip,
          mac: r.mac,
          state: 'REACHABLE',
          since: r.t,
          until: r.t + reachableNs,
        });
        break;
      case 'arp.expire':
        rows.set(`${r.iface}|${r.ip}`, {
          iface: r.iface,
          ip: r.ip,
          mac: r.mac,
          state: 'STALE',
          since: r.t,
          until: r.t + staleNs,
        });
        break;
      case 'arp.forget':
      case 'arp.fail':
        rows.delete(`${r.iface}|${r.ip}`);
        break;
      case 'iface.state':
        if (!r.up) for (const [key, row] of rows) if (row.iface === r.iface) rows.delete(key);
        break;
      case 'node.crash':
        rows.clear();
        break;
      default:
        break;
    }
  }
  return [...rows.values()];
}

/**
 * A switch's MAC address table at `time`, learned from the source address of every frame that
 * reached one of its ports (the switch's own rule: learningSwitch.ts), less the entries not seen
 * for the ageing time and those its spanning tree flushed (none learned on a discarding port).
 * In the order first learned.
 */
export function macTableAt(
  records: readonly TraceRecord[],
  time: number,
  ageingNs: number = SWITCH_AGEING_NS,
): MacTableRow[] {
  // As the switch's own Map: a MAC keeps its place when it is learned again or moves port.
  const table = new Map<MacAddress, { port: string; lastSeen: number }>();
  // With a spanning tree: each port's state, and whether the switch runs one at all.
  const states = new Map<string, string>();
  for (const r of records) {
    if (r.t > time) break;
    if (r.type === 'stp.port') states.set(r.port, r.state);
    if (r.type === 'stp.flush') {
      for (const [mac, entry] of table) if (r.ports.includes(entry.port)) table.delete(mac);
    }
    if (r.type !== 'link.rx') continue;
    // A switch that runs the tree takes BPDUs for itself, and learns nothing on a discarding port.
    if (states.size > 0 && (isBpduFrame(r.packet) || states.get(r.iface) === 'discarding'))
      continue;
    const eth = r.packet.eth;
    if (eth === undefined || isMulticast(eth.src)) continue;
    table.set(eth.src, { port: r.iface, lastSeen: r.t });
  }
  const rows: MacTableRow[] = [];
  for (const [mac, { port, lastSeen }] of table) {
    if (time - lastSeen >= ageingNs) continue;
    rows.push({ mac: formatMac(mac), port, lastSeen, until: lastSeen + ageingNs });
  }
  return rows;
}

/**
 * Whose each MAC of the scenario is: formatted MAC → `label(node, iface)` (by default
 * `node:iface`), to name table rows.
 */
export function macOwners(
  scenario: Pick<Scenario, 'nodes'>,
  label: (node: string, iface: string) => string = (node, iface) => `${node}:${iface}`,
): Map<string, string> {
  const macs = scenarioMacs(scenario);
  const owners = new Map<string, string>();
  for (const node of scenario.nodes) {
    for (const iface of node.interfaces ?? []) {
      const mac = interfaceMac(macs, node.id, iface.name);
      if (mac !== undefined) owners.set(formatMac(mac), label(node.id, iface.name));
    }
  }
  return owners;
}
