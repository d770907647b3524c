// What a node looks like from its own shell at time t: its socket table like `ss -tuan`, from the
// socket.* records up to t, its routes like `ip route`, and the state of each app and connection.

import type { TraceRecord, TraceRecords, TraceType } from '../../engine/trace.ts';
import { recordsOfTypes } from '../../engine/traceRecords.ts';
import type { TcpState } from '../../machines/tcp/tcpConnectionMachine.ts';
import { contains, formatIpv4, formatPrefix } from '../../net/wire/ipv4Address.ts';
import { appLabels, type Scenario, type ScenarioNode } from '../../sim/index.ts';
import { interfaceMac, scenarioMacs } from '../../sim/scenario/scenarioMacs.ts';
import { formatMac, type MacAddress } from '../../net/wire/mac.ts';
import { APP_VIEWS } from '../kinds/viewRegistry.ts';
import { formatInterfaceAddress, splitLinkEnd } from '../names/index.ts';
import { DEFAULT_MTU } from '../../net/ip/netInterface.ts';

const APP_VIEW_OF = new Map(APP_VIEWS.map((view) => [view.type, view]));

/** One line of `ss -tuan`. */
export interface SocketRow {
  netid: 'tcp' | 'udp';
  /** RFC 9293 state for TCP; `UNCONN` for a UDP socket, as ss prints it. */
  state: TcpState | 'UNCONN';
  /** `10.0.1.10:59820`, or `0.0.0.0:5001` for a socket bound to every address. */
  local: string;
  /** `10.0.2.20:5001`, or `0.0.0.0:*` when there is no peer. */
  peer: string;
  /** The TCP connection's name in the trace (`local>remote`, or `*:port` for a listener). */
  conn?: string;
  /** When the socket entered its current state. */
  since: number;
}

/** The records at or before `time` (records are in time order). */
export function recordsUntil(records: readonly TraceRecord[], time: number): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((records[mid] as TraceRecord).t <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const NODE_TYPES: ReadonlySet<TraceType> = new Set<TraceType>([
  'socket.bind',
  'socket.release',
  'socket.state',
  'app.state',
]);

/**
 * The records of one node that its socket table and machines read, in time order: compute it once
 * per trace, then ask socketTable & co. at any time without scanning the whole trace again.
 */
export function nodeRecords(records: TraceRecords, node: string): TraceRecord[] {
  return recordsOfTypes(records, NODE_TYPES).filter((r) => 'node' in r && r.node === node);
}

function ends(conn: string): { local: string; peer: string } {
  const [local = conn, peer] = conn.split('>');
  if (peer === undefined) return { local: local.replace(/^\*:/, '0.0.0.0:'), peer: '0.0.0.0:*' };
  return { local, peer };
}

/**
 * The node's sockets at `time`, like `ss -tuan`: UDP sockets from socket.bind/socket.release,
 * TCP listeners and connections from socket.state (a connection leaves the table at CLOSED).
 * Rows keep the order in which the sockets first appeared.
 */
export function socketTable(
  records: readonly TraceRecord[],
  node: string,
  time: number,
): SocketRow[] {
  const rows = new Map<string, SocketRow>();
  const end = recordsUntil(records, time);
  for (let i = 0; i < end; i++) {
    const r = records[i] as TraceRecord;
    if (!('node' in r) || r.node !== node) continue;
    if (r.type === 'socket.bind' && r.protocol === 'udp') {
      rows.set(`udp ${r.port}`, {
        netid: 'udp',
        state: 'UNCONN',
        local: `0.0.0.0:${r.port}`,
        peer: '0.0.0.0:*',
        since: r.t,
      });
    } else if (r.type === 'socket.release' && r.protocol === 'udp') {
      rows.delete(`udp ${r.port}`);
    } else if (r.type === 'socket.state') {
      const key = `tcp ${r.conn}`;
      if (r.state === 'CLOSED') {
        rows.delete(key);
        continue;
      }
      const row = rows.get(key);
      if (row) {
        row.state = r.state;
        row.since = r.t;
      } else {
        rows.set(key, { netid: 'tcp', state: r.state, ...ends(r.conn), conn: r.conn, since: r.t });
      }
    }
  }
  return [...rows.values()];
}

/** The state of one TCP connection at `time`, undefined before its first state. */
export function connectionStateAt(
  records: readonly TraceRecord[],
  node: string,
  conn: string,
  time: number,
): TcpState | undefined {
  let state: TcpState | undefined;
  const end = recordsUntil(records, time);
  for (let i = 0; i < end; i++) {
    const r = records[i] as TraceRecord;
    if (r.type === 'socket.state' && r.node === node && r.conn === conn) state = r.state;
  }
  return state;
}

/** Each application of a node with its machine's state at `time` (null before it started). */
/**
 * The names a node's applications go by in `app.state` records before they record anything: its
 * name in the trace (`pinger`, `web`, `http2`) for each app its kind lists (a workload's users,
 * `http/u3`, appear as they start; plain-code servers have no states to show).
 */
export function appTraceNames(node: ScenarioNode): string[] {
  const labels = appLabels(node);
  return (node.apps ?? []).flatMap((app, index) =>
    (APP_VIEW_OF.get(app.type)?.listedBeforeStart?.(app) ?? true) ? [labels[index] as string] : [],
  );
}

export function appStatesAt(
  records: readonly TraceRecord[],
  node: ScenarioNode,
  time: number,
): { app: string; state: string | null }[] {
  const states = new Map<string, string | null>();
  for (const name of appTraceNames(node)) states.set(name, null);
  const end = recordsUntil(records, time);
  for (let i = 0; i < end; i++) {
    const r = records[i] as TraceRecord;
    if (r.type === 'app.state' && r.node === node.id) states.set(r.app, r.state);
  }
  return [...states].map(([app, state]) => ({ app, state }));
}

/** One line of `ip route`. */
export interface RouteLine {
  kind: 'default' | 'static' | 'connected';
  /** `10.0.1.0/24`, or `default`. */
  destination: string;
  via?: string;
  dev?: string;
  /** The line as `ip route` prints it. */
  text: string;
}

/** The interface whose subnet holds `address`. */
function devFor(node: ScenarioNode, address: number): string | undefined {
  return node.interfaces?.find((i) => i.address && contains(i.address.prefix, address))?.name;
}

/**
 * A node's routing table as `ip route` prints it: the default route, static routes, then one
 * connected route per interface subnet (`proto kernel scope link src ...`).
 */
export function routeTable(node: ScenarioNode): RouteLine[] {
  const lines: RouteLine[] = [];
  const dev = (d: string | undefined) => (d === undefined ? '' : ` dev ${d}`);
  if (node.gateway !== undefined) {
    const via = formatIpv4(node.gateway);
    const d = devFor(node, node.gateway);
    lines.push({
      kind: 'default',
      destination: 'default',
      via,
      ...(d ? { dev: d } : {}),
      text: `default via ${via}${dev(d)}`,
    });
  }
  const rest: { line: RouteLine; network: number; length: number }[] = [];
  for (const route of node.routes ?? []) {
    const via = formatIpv4(route.via);
    const d = devFor(node, route.via);
    const destination = formatPrefix(route.to);
    const text = `${destination} via ${via}${dev(d)}`;
    const line: RouteLine = { kind: 'static', destination, via, ...(d ? { dev: d } : {}), text };
    rest.push({ line, network: route.to.network, length: route.to.length });
  }
  for (const iface of node.interfaces ?? []) {
    if (!iface.address) continue;
    const destination = formatPrefix(iface.address.prefix);
    const src = formatIpv4(iface.address.address);
    const text = `${destination} dev ${iface.name} proto kernel scope link src ${src}`;
    const line: RouteLine = { kind: 'connected', destination, dev: iface.name, text };
    rest.push({ line, network: iface.address.prefix.network, length: iface.address.prefix.length });
  }
  rest.sort((a, b) => a.network - b.network || b.length - a.length);
  for (const { line } of rest) lines.push(line);
  return lines;
}

/** One interface of a node and what it is plugged into. */
export interface InterfaceLine {
  name: string;
  /**
   * `10.0.1.10/24`, or undefined for a switch port, and for an interface configured by DHCP
   * while it holds no lease (withLeases gives it the leased address).
   */
  address?: string;
  /** Its address comes from DHCP (`"address": "dhcp"`). */
  dhcp?: true;
  /** Its MAC (`02:00:…`), for an addressed interface; a switch port has none of its own. */
  mac?: string;
  /** Its MTU in bytes (1500 unless the scenario says), or undefined for a switch port. */
  mtu?: number;
  /** The link plugged in, and the node and interface at its other end. */
  link?: string;
  peer?: { node: string; iface: string | undefined };
}

/**
 * A node's interfaces with their addresses, MACs, MTUs and links, like `ip -brief address` with
 * the MTU of `ip link` and the cable.
 */
export function interfaceLines(
  scenario: Scenario,
  nodeId: string,
  macs: ReadonlyMap<string, MacAddress> = scenarioMacs(scenario),
): InterfaceLine[] {
  const node = scenario.nodes.find((n) => n.id === nodeId);
  const single = (node?.interfaces?.length ?? 0) === 1;
  return (node?.interfaces ?? []).map((iface) => {
    const plugged = (end: string) => {
      const e = splitLinkEnd(end);
      return e.node === nodeId && (e.iface === iface.name || (e.iface === undefined && single));
    };
    const link = scenario.links.find((l) => plugged(l.a) || plugged(l.b));
    const other = link ? splitLinkEnd(plugged(link.a) ? link.b : link.a) : undefined;
    const mac = interfaceMac(macs, nodeId, iface.name);
    return {
      name: iface.name,
      ...(iface.address
        ? { address: formatInterfaceAddress(iface.address), mtu: iface.mtu ?? DEFAULT_MTU }
        : {}),
      ...(iface.dhcp ? { dhcp: true as const, mtu: iface.mtu ?? DEFAULT_MTU } : {}),
      ...(mac !== undefined ? { mac: formatMac(mac) } : {}),
      ...(link && other ? { link: link.id, peer: { node: other.node, iface: other.iface } } : {}),
    };
  });
}

/**
 * The lines with each DHCP interface's address at a moment: `leases` maps an interface to the
 * address it holds then (`192.168.1.100/24`), or to null (none yet, or the lease ran out).
 */
export function withLeases(
  lines: readonly InterfaceLine[],
  leases: ReadonlyMap<string, string | null>,
): InterfaceLine[] {
  return lines.map((line) => {
    if (!line.dhcp) return line;
    const leased = leases.get(line.name);
    if (leased) return { ...line, address: leased };
    const waiting = { ...line };
    delete waiting.address;
    return waiting;
  });
}
