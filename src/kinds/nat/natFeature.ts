// The NAT of a node with a `nat` setting, wired into its IP layer as Linux wires nf_nat into
// netfilter: translations of destinations (port forwards, and the answers of masqueraded flows)
// at PREROUTING on a public interface, of sources (masquerade, and the answers of forwarded
// flows) at POSTROUTING out of one. One translation table per public interface (natTable.ts);
// entries leave it on simulated time, swept by one engine event at the earliest expiry. Every
// mapping, translation and expiry is a trace record (natTrace.ts), and the figures are folded
// from them.

import type { EventId, Simulator } from '../../engine/simulator.ts';
import type { TraceFold } from '../../engine/traceFold.ts';
import type { NetInterface } from '../../net/ip/netInterface.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { IP_PROTOCOL, type Packet } from '../../net/wire/packet.ts';
import type { HostNode } from '../../sim/kinds/roleKind.ts';
import { NatTable, type NatConfig, type NatEntry, type NatTimeouts } from './natTable.ts';
import { translateInbound, translateOutbound, type NatResult } from './natTranslate.ts';
import type { NatSettings } from './natSchemas.ts';
import type { NatProtocol } from './natTrace.ts';
import './natTrace.ts';

const ANY = { network: 0, length: 0 };

/** The translation table of each public interface, by interface name, from the node's setting. */
export function natTables(
  settings: NatSettings,
  addressOf: (iface: string) => Ipv4Address,
): Map<string, NatTable> {
  const names = new Set([
    ...(settings.masquerade ?? []).map((r) => r.out),
    ...(settings.portForwards ?? []).map((r) => r.in),
  ]);
  const timeouts = timeoutsOf(settings);
  const tables = new Map<string, NatTable>();
  for (const name of names) {
    const masquerade = (settings.masquerade ?? []).filter((r) => r.out === name);
    const portRange = masquerade.find((r) => r.toPorts)?.toPorts;
    const config: NatConfig = {
      publicAddress: addressOf(name),
      privateNetworks: masquerade.map((r) => r.source ?? ANY),
      forwards: (settings.portForwards ?? [])
        .filter((r) => r.in === name)
        .map((r) => ({
          protocol: r.protocol,
          publicPorts: r.port,
          privateAddress: r.to.address,
          ...(r.to.port === undefined ? {} : { privatePort: r.to.port }),
        })),
      timeouts,
      ...(portRange ? { portRange } : {}),
    };
    tables.set(name, new NatTable(config));
  }
  return tables;
}

function timeoutsOf(settings: NatSettings): Partial<NatTimeouts> {
  const t = settings.timeouts ?? {};
  const out: Partial<NatTimeouts> = {};
  if (t.tcpEstablished !== undefined) out.tcpIdleTimeoutNs = t.tcpEstablished;
  if (t.tcpUnreplied !== undefined) out.tcpUnrepliedTimeoutNs = t.tcpUnreplied;
  if (t.udp !== undefined) out.udpTimeoutNs = t.udp;
  if (t.udpStream !== undefined) out.udpStreamTimeoutNs = t.udpStream;
  if (t.icmp !== undefined) out.icmpTimeoutNs = t.icmp;
  return out;
}

const PROTOCOL_NAMES: Record<number, NatProtocol> = {
  [IP_PROTOCOL.tcp]: 'tcp',
  [IP_PROTOCOL.udp]: 'udp',
  [IP_PROTOCOL.icmp]: 'icmp',
};

/** An end of a flow as the records write it: `address:port`, the address alone for ICMP. */
function end(protocol: number, address: number, port: number): string {
  const text = formatIpv4(address);
  return protocol === IP_PROTOCOL.tcp || protocol === IP_PROTOCOL.udp ? `${text}:${port}` : text;
}

/** A packet's source or destination as the records write it. */
function packetEnd(packet: Packet, which: 'src' | 'dst'): string {
  const t = packet.transport;
  const address = formatIpv4(packet.ip[which]);
  if (t.kind !== 'tcp' && t.kind !== 'udp') return address;
  return `${address}:${which === 'src' ? t.srcPort : t.dstPort}`;
}

/** What the records say of one mapping: its number on the node and its three ends. */
interface Mapping {
  id: number;
  protocol: NatProtocol;
  inside: string;
  outside: string;
}

/**
 * Installs the NAT of `host` (its `nat` setting, validated): hooks at PREROUTING and POSTROUTING
 * and the sweep of expired entries. Returns the tables, by public interface.
 */
export function installNat(
  sim: Simulator,
  host: HostNode,
  settings: NatSettings,
): Map<string, NatTable> {
  const node = host.spec.id;
  const net = host.net;
  const tables = natTables(settings, (name) => net.iface(name).address);
  const mappings = new Map<NatEntry, Mapping>();
  let lastId = 0;
  let sweepAt = Infinity;
  let sweepEvent: EventId | undefined;

  const mapped = (entry: NatEntry): Mapping => {
    let mapping = mappings.get(entry);
    if (mapping) return mapping;
    const { original: o, reply: r } = entry;
    const protocol = PROTOCOL_NAMES[o.protocol] ?? 'icmp';
    const snat = entry.kind === 'snat';
    const inside = snat ? end(o.protocol, o.src, o.srcPort) : end(o.protocol, r.src, r.srcPort);
    const outside = snat ? end(o.protocol, r.dst, r.dstPort) : end(o.protocol, o.dst, o.dstPort);
    const remote = snat ? end(o.protocol, o.dst, o.dstPort) : end(o.protocol, o.src, o.srcPort);
    mapping = { id: ++lastId, protocol, inside, outside };
    mappings.set(entry, mapping);
    const { id } = mapping;
    sim.record({
      t: sim.now(),
      type: 'nat.map',
      node,
      entry: id,
      kind: entry.kind,
      protocol,
      inside,
      outside,
      remote,
    });
    return mapping;
  };

  const gone = (entry: NatEntry, reason: 'timeout' | 'closed' | 'reset'): void => {
    const mapping = mappings.get(entry);
    if (!mapping) return;
    mappings.delete(entry);
    const { id: entryId, protocol, inside, outside } = mapping;
    sim.record({
      t: sim.now(),
      type: 'nat.expire',
      node,
      entry: entryId,
      protocol,
      inside,
      outside,
      reason,
    });
  };

  /** Removes every entry due at `now`, then waits for the next one due. */
  const sweep = (): void => {
    if (sweepEvent !== undefined) sim.cancel(sweepEvent);
    sweepEvent = undefined;
    sweepAt = Infinity;
    const now = sim.now();
    for (const table of tables.values())
      for (const entry of table.expire(now)) gone(entry, 'timeout');
    plan();
  };

  /** The sweep at the earliest expiry of any entry; none while the tables are empty. */
  const plan = (): void => {
    let next = Infinity;
    for (const table of tables.values())
      for (const entry of table.entries()) next = Math.min(next, entry.expiresAt);
    if (next === sweepAt) return;
    if (sweepEvent !== undefined) sim.cancel(sweepEvent);
    sweepEvent = next === Infinity ? undefined : sim.scheduleAt(next, sweep);
    sweepAt = next;
  };

  /** The packet to go on with after `result`, its records made; undefined when it is dropped. */
  const settle = (
    packet: Packet,
    result: NatResult,
    way: 'out' | 'in',
    iface: NetInterface,
    table: NatTable,
  ) => {
    if (!result.translated) {
      if (result.reason === 'no-free-port') {
        sim.record({ t: sim.now(), type: 'nat.drop', node, pkt: packet.id, reason: 'noFreePort' });
        return undefined;
      }
      if (
        way === 'in' &&
        result.reason !== 'invalid' &&
        packet.ip.dst === table.config.publicAddress
      )
        sim.record({
          t: sim.now(),
          type: 'nat.unmatched',
          node,
          pkt: packet.id,
          iface: iface.name,
          to: packetEnd(packet, 'dst'),
        });
      return packet;
    }
    const { entry } = result;
    const mapping = mapped(entry);
    if (sim.trace.wants('nat.translate')) {
      const which = way === 'out' ? 'src' : 'dst';
      sim.record({
        t: sim.now(),
        type: 'nat.translate',
        node,
        pkt: packet.id,
        entry: mapping.id,
        way,
        from: packetEnd(packet, which),
        to: packetEnd(result.packet, which),
      });
    }
    // Sweep again sooner for a new entry or one whose timeout got shorter (an answered flow's may
    // be set so); when an entry closed and none is left, no sweep: the run may end.
    if (result.event === 'close') {
      const t = packet.transport;
      gone(entry, t.kind === 'tcp' && t.flags.rst ? 'reset' : 'closed');
      if (tablesEmpty(tables)) plan();
    } else if (entry.expiresAt < sweepAt) plan();
    return result.packet;
  };

  net.addHook('prerouting', (packet, { inIface }) => {
    const table = inIface && tables.get(inIface.name);
    if (!table || !inIface) return packet;
    if (sim.now() >= sweepAt) sweep();
    return settle(packet, translateInbound(table, packet, sim.now()), 'in', inIface, table);
  });
  net.addHook('postrouting', (packet, { outIface }) => {
    const table = outIface && tables.get(outIface.name);
    if (!table || !outIface) return packet;
    if (sim.now() >= sweepAt) sweep();
    return settle(packet, translateOutbound(table, packet, sim.now()), 'out', outIface, table);
  });
  return tables;
}

function tablesEmpty(tables: Map<string, NatTable>): boolean {
  for (const table of tables.values()) if (table.size > 0) return false;
  return true;
}

/** What a node's NAT did, folded from its nat.* records. */
export interface NatFigures {
  node: string;
  /** Its public interfaces, comma-separated (`wan`). */
  interfaces: string;
  mappings: number;
  /** Packets translated leaving by the public side, and arriving on it. */
  translatedOut: number;
  translatedIn: number;
  /** Packets for the NAT's own public address that no mapping or port forward claimed. */
  unmatched: number;
  /** Packets dropped because no public port was free. */
  dropped: number;
}

/** Folds the nat.* records of `node` (the caller routes the node's records here). */
export function natFigures(node: string, settings: NatSettings): TraceFold<NatFigures> {
  const interfaces = [
    ...new Set([
      ...(settings.masquerade ?? []).map((r) => r.out),
      ...(settings.portForwards ?? []).map((r) => r.in),
    ]),
  ].join(', ');
  const f = { mappings: 0, translatedOut: 0, translatedIn: 0, unmatched: 0, dropped: 0 };
  return {
    types: ['nat.map', 'nat.translate', 'nat.unmatched', 'nat.drop'],
    add(record) {
      if (record.type === 'nat.map') f.mappings++;
      else if (record.type === 'nat.translate') {
        if (record.way === 'out') f.translatedOut++;
        else f.translatedIn++;
      } else if (record.type === 'nat.unmatched') f.unmatched++;
      else if (record.type === 'nat.drop') f.dropped++;
    },
    result: () => ({ node, interfaces, ...f }),
  };
}

/** `nat        router (wan): 4 mappings, 120 translated out, 118 in, ...`. */
export function natLines(f: NatFigures): string[] {
  return [
    `nat        ${f.node} (${f.interfaces}): ${f.mappings} mappings, ` +
      `${f.translatedOut} translated out, ${f.translatedIn} in, ` +
      `${f.unmatched} inbound with no mapping, ${f.dropped} dropped for want of a port`,
  ];
}

/** NAT's behaviour, as the registry loads it (NODE_NAT in kindRegistry.ts). */
export const natBehaviour = {
  install: installNat,
  figures: natFigures,
  lines: natLines,
};
