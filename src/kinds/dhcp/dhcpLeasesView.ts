// The leases of a node at a moment, for the node inspector, read from the trace: a DHCP server's
// table (each address offered or leased, the client's MAC, when it runs out) and the lease each
// DHCP client interface of a node holds (its state, address, server, gateway, T1, T2, expiry).
// What the servers and clients keep is never read: the view is the trace's.

import type { TraceRecord, TraceRecords } from '../../engine/trace.ts';
import { asRecords, recordsOfTypes } from '../../engine/traceRecords.ts';
import { LEASE_POOL_DEFAULTS } from './leasePool.ts';
import './dhcpTrace.ts';

const SERVER_TYPES = ['dhcp.offer', 'dhcp.ack', 'dhcp.leaseExpire'] as const;
const CLIENT_TYPES = ['dhcp.state', 'dhcp.bound', 'dhcp.expire'] as const;
type ServerRecord = TraceRecord<(typeof SERVER_TYPES)[number]>;
type ClientRecord = TraceRecord<(typeof CLIENT_TYPES)[number]>;
export type DhcpRecord = ServerRecord | ClientRecord;

/** One row of a server's lease table. */
export interface LeaseRow {
  address: string;
  client: string;
  state: 'offered' | 'bound';
  /** When it runs out (simulated ns). */
  expires: number;
}

/** A client interface's lease at a moment. */
export interface ClientLease {
  iface: string;
  /** The machine's state (`init`, `selecting`, ..., `bound`), or null before it started. */
  state: string | null;
  /** The lease held, or null when none. */
  lease: TraceRecord<'dhcp.bound'> | null;
}

/** The node's records of its DHCP server and clients, in trace order. */
export function dhcpRecords(
  records: TraceRecords | readonly TraceRecord[],
  node: string,
): DhcpRecord[] {
  const own: DhcpRecord[] = [];
  for (const r of recordsOfTypes(asRecords(records), [...SERVER_TYPES, ...CLIENT_TYPES]))
    if (r.node === node) own.push(r);
  return own;
}

/** A server's table at `time`: addresses offered (held 60 s) or leased, by address. */
export function serverLeasesAt(own: readonly DhcpRecord[], time: number): LeaseRow[] {
  const rows = new Map<string, LeaseRow>();
  for (const r of own) {
    if (r.t > time) break;
    if (r.type === 'dhcp.offer') {
      const current = rows.get(r.address);
      if (current?.state === 'bound' && current.client === r.client) continue;
      const expires = r.t + LEASE_POOL_DEFAULTS.offerHoldNs;
      rows.set(r.address, { address: r.address, client: r.client, state: 'offered', expires });
    } else if (r.type === 'dhcp.ack') {
      const { address, client, expires } = r;
      rows.set(address, { address, client, state: 'bound', expires });
    } else if (r.type === 'dhcp.leaseExpire') {
      rows.delete(r.address);
    }
  }
  return [...rows.values()]
    .filter((row) => row.expires > time)
    .sort((a, b) => addressKey(a.address) - addressKey(b.address));
}

/** Each of `ifaces` (the node's DHCP interfaces) with its state and lease at `time`. */
export function clientLeasesAt(
  own: readonly DhcpRecord[],
  ifaces: readonly string[],
  time: number,
): ClientLease[] {
  const at = new Map<string, ClientLease>(
    ifaces.map((iface) => [iface, { iface, state: null, lease: null }]),
  );
  for (const r of own) {
    if (r.t > time) break;
    if (r.type !== 'dhcp.state' && r.type !== 'dhcp.bound' && r.type !== 'dhcp.expire') continue;
    const entry = at.get(r.iface);
    if (!entry) continue;
    if (r.type === 'dhcp.bound') entry.lease = r;
    else if (r.type === 'dhcp.expire') entry.lease = null;
    else {
      entry.state = r.state;
      if (r.state === 'init' || r.state === 'selecting') entry.lease = null;
    }
  }
  return [...at.values()];
}

/**
 * The address each of `ifaces` holds at `time` (`192.168.1.100/24`), or null when it has none:
 * before its first ACK, and after its lease ran out or a NAK sent it back to INIT.
 */
export function leasedAddressesAt(
  own: readonly DhcpRecord[],
  ifaces: readonly string[],
  time: number,
): Map<string, string | null> {
  return new Map(clientLeasesAt(own, ifaces, time).map((c) => [c.iface, c.lease?.address ?? null]));
}

function addressKey(address: string): number {
  return address.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0);
}
