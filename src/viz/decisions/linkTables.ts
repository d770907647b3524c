// The link-layer tables the ARP and switch steps name, read from the trace as the node inspector
// reads them (src/viz/neighbours): a node's ARP cache just before a moment, its entries as
// `ip neigh` prints them, a switch's entries as `bridge fdb show` prints them, and a MAC with the
// interface it belongs to ("02:00:93:0c:61:3d (Router, eth0)").

import { formatMac, type MacAddress } from '../../net/wire/mac.ts';
import type { Scenario } from '../../sim/documents.ts';
import { interfaceMac, scenarioMacs } from '../../sim/scenario/scenarioMacs.ts';
import { arpCacheAt, macOwners, neighbourRecords, type ArpRow } from '../neighbours/index.ts';
import type { DecisionContext } from './decisionTypes.ts';

/** The node's ARP cache (every interface) as it stood just before time `t`. */
export function arpCacheBefore(context: DecisionContext, node: string, t: number): ArpRow[] {
  return arpCacheAt(neighbourRecords(context.records, node, 'arp'), t - 1);
}

/** `10.0.0.1 dev eth0 lladdr 02:00:0a:00:00:01 REACHABLE`, as `ip neigh` prints an entry. */
export function neighLine(
  ip: string,
  iface: string,
  mac: string | null,
  state: ArpRow['state'] | 'FAILED',
): string {
  return `${ip} dev ${iface}${mac === null ? '' : ` lladdr ${mac}`} ${state}`;
}

/** `02:00:0a:00:00:01 dev p1 master switch`, as `bridge fdb show` prints a learned entry. */
export function fdbLine(mac: string, port: string, node: string): string {
  return `${mac} dev ${port} master ${node}`;
}

/** The MAC in text, with whose interface it is when the scenario says: `02:00:… (Router, eth0)`. */
export function macText(context: DecisionContext, mac: MacAddress | string): string {
  const text = typeof mac === 'string' ? mac : formatMac(mac);
  const owner = owners(context).get(text);
  return owner === undefined ? text : `${text} (${owner})`;
}

const ownerCache = new WeakMap<object, Map<string, string>>();

/** Whose each MAC of the scenario is, named as the view names nodes (made once per scenario). */
function owners(context: DecisionContext): Map<string, string> {
  const key = context.names;
  let map = ownerCache.get(key);
  if (!map) {
    const { names } = context;
    map = macOwners(context.scenario, (node, iface) =>
      names.hasSeveralInterfaces(node) ? `${names.name(node)}, ${iface}` : names.name(node),
    );
    ownerCache.set(key, map);
  }
  return map;
}

const macCache = new WeakMap<Scenario, ReadonlyMap<string, MacAddress>>();

/** The MAC of `node`'s interface `iface` in the scenario, if it has an address. */
export function ownMac(
  context: DecisionContext,
  node: string,
  iface: string,
): MacAddress | undefined {
  let macs = macCache.get(context.scenario);
  if (!macs) {
    macs = scenarioMacs(context.scenario);
    macCache.set(context.scenario, macs);
  }
  // A switch port's own MAC is only its BPDUs' source: frames pass it whatever their address.
  if (context.scenario.nodes.find((n) => n.id === node)?.role === 'switch') return undefined;
  return interfaceMac(macs, node, iface);
}
