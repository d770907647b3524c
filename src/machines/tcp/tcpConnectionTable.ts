// A node's TCP connections by their 4-tuple, found without building a key string per segment.

import type { Ipv4Address } from '../../net/wire/ipv4Address.ts';
import type { TcpConnection } from './tcpConnection.ts';

/**
 * Connections by their 4-tuple (the local address is the node's): the remote address, then both
 * ports as one number, so a segment finds its connection without building a key string.
 */
export class ConnectionTable {
  private readonly byRemote = new Map<Ipv4Address, Map<number, TcpConnection>>();
  /** Every connection, in the order made (for the socket table). */
  private readonly all = new Set<TcpConnection>();

  get(localPort: number, remote: Ipv4Address, remotePort: number): TcpConnection | undefined {
    return this.byRemote.get(remote)?.get(localPort * 65536 + remotePort);
  }

  set(localPort: number, remote: Ipv4Address, remotePort: number, c: TcpConnection): void {
    let ports = this.byRemote.get(remote);
    if (!ports) this.byRemote.set(remote, (ports = new Map()));
    const old = ports.get(localPort * 65536 + remotePort);
    if (old) this.all.delete(old);
    ports.set(localPort * 65536 + remotePort, c);
    this.all.add(c);
  }

  delete(localPort: number, remote: Ipv4Address, remotePort: number): void {
    const ports = this.byRemote.get(remote);
    const c = ports?.get(localPort * 65536 + remotePort);
    if (!ports || !c) return;
    ports.delete(localPort * 65536 + remotePort);
    if (ports.size === 0) this.byRemote.delete(remote);
    this.all.delete(c);
  }

  values(): IterableIterator<TcpConnection> {
    return this.all.values();
  }

  /** Forgets every connection (the node crashed). */
  clear(): void {
    this.byRemote.clear();
    this.all.clear();
  }
}
