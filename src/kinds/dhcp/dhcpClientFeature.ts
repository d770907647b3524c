// The DHCP clients of a node whose interfaces say "address": "dhcp" (NODE_DHCP in the registry,
// loaded only for a scenario with one): a client per such interface (dhcpClient.ts), all taking
// their messages from one UDP socket on port 68 and each keeping those for its own MAC and xid.
// The builder starts them and is told of each lease, to start the node's apps once it has an
// address and to point its resolver at the DNS server the lease gave.

import type { Simulator } from '../../engine/simulator.ts';
import { decodeDhcpMessage, DHCP_CLIENT_PORT } from '../../net/app/dhcp/dhcpMessage.ts';
import type { HostNode } from '../../sim/kinds/roleKind.ts';
import { DhcpClient, type DhcpLease } from './dhcpClient.ts';
import './dhcpTrace.ts';

export type { DhcpLease } from './dhcpClient.ts';

/** How the DHCP clients of a node are started, as the registry loads it. */
export const dhcpClientBehaviour = {
  /**
   * Starts a client on each DHCP interface of `host` (none if port 68 is taken); `bound` hears
   * of every lease taken or renewed. Returns the clients.
   */
  start(sim: Simulator, host: HostNode, bound: (lease: DhcpLease) => void): DhcpClient[] {
    const names = (host.spec.interfaces ?? []).filter((x) => x.dhcp).map((x) => x.name);
    if (names.length === 0) return [];
    const opened = host.udp.bind(DHCP_CLIENT_PORT);
    if (!opened.ok) return [];
    const clients = names.map((name) => new DhcpClient(sim, host.net, name, { bound }));
    opened.value.onMessage = (datagram) => {
      const decoded = decodeDhcpMessage(datagram.payload);
      if (!decoded.ok) return;
      for (const client of clients) client.receive(decoded.message);
    };
    for (const client of clients) client.start();
    return clients;
  },
};
