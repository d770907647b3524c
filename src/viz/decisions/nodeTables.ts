// A node's tables as they stood just before a record of the trace: its sockets (from socket.*),
// what its switch had learned (switch.learn), its NAT's mappings (nat.map) and its interfaces that
// were down (iface.state). The deciders read these to name the entry that decided a packet's fate.

import type { TraceRecord, TraceRecords, TraceType } from '../../engine/trace.ts';
import type { TcpState } from '../../machines/tcp/tcpConnectionMachine.ts';

/** Each record of `types` at `node` from `from` up to (not including) `to`, with its index. */
export function nodeRecordsBetween<K extends TraceType>(
  records: TraceRecords,
  types: ReadonlySet<K>,
  node: string,
  from: number,
  to: number,
): { index: number; record: TraceRecord<K> }[] {
  const out: { index: number; record: TraceRecord<K> }[] = [];
  const end = Math.min(to, records.length);
  for (let i = Math.max(0, from); i < end; i++) {
    if (!types.has(records.typeAt(i) as K)) continue;
    const record = records.get(i) as TraceRecord<K>;
    if ('node' in record && record.node === node) out.push({ index: i, record });
  }
  return out;
}

/** A node's sockets at a moment: TCP connections and listeners by name, UDP ports bound. */
export interface SocketsThen {
  /** `local:port>remote:port` (or `*:port` for a listener) to its RFC 9293 state. */
  tcp: Map<string, TcpState>;
  udp: Set<number>;
}

const SOCKET_TYPES: ReadonlySet<'socket.state' | 'socket.bind' | 'socket.release'> = new Set([
  'socket.state',
  'socket.bind',
  'socket.release',
] as const);

/** The node's sockets just before record `index`. */
export function socketsBefore(records: TraceRecords, node: string, index: number): SocketsThen {
  const then: SocketsThen = { tcp: new Map(), udp: new Set() };
  for (const { record: r } of nodeRecordsBetween(records, SOCKET_TYPES, node, 0, index)) {
    if (r.type === 'socket.state') {
      if (r.state === 'CLOSED') then.tcp.delete(r.conn);
      else then.tcp.set(r.conn, r.state);
    } else if (r.protocol === 'udp') {
      if (r.type === 'socket.bind') then.udp.add(r.port);
      else then.udp.delete(r.port);
    }
  }
  return then;
}

/** The states connection `conn` entered at time `t` from record `index` on (what a segment did). */
export function statesAfter(
  records: TraceRecords,
  node: string,
  conn: string,
  index: number,
): TcpState[] {
  const t = records.timeAt(index);
  const states: TcpState[] = [];
  for (let i = index + 1; i < records.length && records.timeAt(i) === t; i++) {
    if (records.typeAt(i) !== 'socket.state') continue;
    const r = records.get(i) as TraceRecord<'socket.state'>;
    if (r.node === node && r.conn === conn) states.push(r.state);
  }
  return states;
}

/** The first `socket.error` of `node` about `socket` at the time of record `index`, after it. */
export function socketErrorAfter(
  records: TraceRecords,
  node: string,
  socket: string,
  index: number,
): TraceRecord<'socket.error'> | undefined {
  const t = records.timeAt(index);
  for (let i = index + 1; i < records.length && records.timeAt(i) === t; i++) {
    if (records.typeAt(i) !== 'socket.error') continue;
    const r = records.get(i) as TraceRecord<'socket.error'>;
    if (r.node === node && (r.socket === socket || r.socket.startsWith(`${socket}>`))) return r;
  }
  return undefined;
}

/** The last `switch.learn` of `address` at switch `node` before record `index`. */
export function learnedBefore(
  records: TraceRecords,
  node: string,
  address: string,
  index: number,
): TraceRecord<'switch.learn'> | undefined {
  let found: TraceRecord<'switch.learn'> | undefined;
  for (const { record } of nodeRecordsBetween(records, LEARN, node, 0, index)) {
    if (record.address === address) found = record;
  }
  return found;
}
const LEARN: ReadonlySet<'switch.learn'> = new Set(['switch.learn'] as const);

/** The mapping `entry` of `node`'s NAT as it was made (its last `nat.map` up to record `index`). */
export function natMapping(
  records: TraceRecords,
  node: string,
  entry: number,
  index: number,
): { record: TraceRecord<'nat.map'>; index: number } | undefined {
  let found: { record: TraceRecord<'nat.map'>; index: number } | undefined;
  for (const item of nodeRecordsBetween(records, NAT_MAP, node, 0, index)) {
    if (item.record.entry === entry) found = item;
  }
  return found;
}
const NAT_MAP: ReadonlySet<'nat.map'> = new Set(['nat.map'] as const);

/** The node's interfaces that were down just before record `index`. */
export function interfacesDown(records: TraceRecords, node: string, index: number): Set<string> {
  const down = new Set<string>();
  for (const { record } of nodeRecordsBetween(records, IFACE, node, 0, index)) {
    if (record.up) down.delete(record.iface);
    else down.add(record.iface);
  }
  return down;
}
const IFACE: ReadonlySet<'iface.state'> = new Set(['iface.state'] as const);

/** `tcp ESTABLISHED 10.0.0.20:80 192.168.1.10:50114`: a socket as the node inspector's ss lists it. */
export function tcpLine(conn: string, state: TcpState): string {
  const [local = conn, remote] = conn.split('>');
  if (remote === undefined) return `tcp ${state} ${local.replace(/^\*:/, '0.0.0.0:')} 0.0.0.0:*`;
  return `tcp ${state} ${local} ${remote}`;
}

/** `udp UNCONN 0.0.0.0:7 0.0.0.0:*`. */
export function udpLine(port: number): string {
  return `udp UNCONN 0.0.0.0:${port} 0.0.0.0:*`;
}
