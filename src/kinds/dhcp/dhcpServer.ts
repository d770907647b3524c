// A DHCP server on UDP port 67 (RFC 2131 section 4.3): it answers the clients on the segment of
// the interface its pool is on, choosing addresses with its LeasePool (leasePool.ts). A DISCOVER
// gets an OFFER, or nothing when the pool is full; a REQUEST naming this server (SELECTING), or
// none (INIT-REBOOT, RENEWING, REBINDING), gets an ACK with the lease or a NAK with the reason;
// a REQUEST naming another server withdraws this one's offer; DECLINE and RELEASE free the
// address. Replies go as section 4.1 says (dhcpReplyDestination): broadcast when the client set
// the BROADCAST flag (ours do until they have an address) or for a NAK, else unicast to ciaddr
// at the client's MAC, without ARP. Relay agents (giaddr) are not modelled: such a message is
// ignored. Plain code: the server answers each message on its own.

import type { Simulator } from '../../engine/simulator.ts';
import type { NetNode } from '../../net/ip/netNode.ts';
import type { Datagram, UdpSocket } from '../../net/transport/udpLayer.ts';
import {
  DHCP_CLIENT_PORT,
  DHCP_SERVER_PORT,
  decodeDhcpMessage,
  encodeDhcpMessage,
  type DhcpMessage,
} from '../../net/app/dhcp/dhcpMessage.ts';
import {
  dhcpAck,
  dhcpNak,
  dhcpOffer,
  dhcpReplyDestination,
  IPV4_BROADCAST,
  type DhcpLeaseParameters,
} from '../../net/app/dhcp/dhcpBuild.ts';
import { formatIpv4, prefixMask, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { formatMac, MAC_BROADCAST } from '../../net/wire/mac.ts';
import type { LeasePool } from './leasePool.ts';
import './dhcpTrace.ts';

/** How a server is set up on its node. */
export interface DhcpServerConfig {
  /** The interface whose segment it serves; its address is the server identifier. */
  iface: string;
  pool: LeasePool;
  routers?: readonly Ipv4Address[];
  dnsServers?: readonly Ipv4Address[];
}

/** Serves DHCP on `socket` (bound to port 67 on `net`). `where` names it in its records. */
export function serveDhcp(
  sim: Simulator,
  net: NetNode,
  socket: UdpSocket,
  where: { node: string; app: string },
  config: DhcpServerConfig,
): void {
  const { node, app } = where;
  const { pool } = config;
  const iface = net.iface(config.iface);
  const params = (): DhcpLeaseParameters => ({
    serverId: iface.address,
    leaseSeconds: pool.leaseSeconds,
    subnetMask: prefixMask(iface.prefix.length),
    ...(config.routers?.length ? { routers: [...config.routers] } : {}),
    ...(config.dnsServers?.length ? { dnsServers: [...config.dnsServers] } : {}),
  });

  /** Puts `answer` to `request` on the served segment; the id of its packet. */
  const reply = (request: DhcpMessage, answer: DhcpMessage): number => {
    const to = dhcpReplyDestination(request, answer);
    const out = {
      dst: to.ip,
      src: iface.address,
      transport: { kind: 'udp' as const, srcPort: DHCP_SERVER_PORT, dstPort: DHCP_CLIENT_PORT },
      payload: encodeDhcpMessage(answer),
    };
    const mac = to.ip === IPV4_BROADCAST ? undefined : to.mac;
    return net.sendOn(iface.name, out, mac === MAC_BROADCAST ? undefined : mac).packet.id;
  };

  let timer = -1;
  let timerAt = Infinity;
  /** Records the leases that ran out, and waits for the next to. */
  const sweep = (): void => {
    timer = -1;
    timerAt = Infinity;
    const now = sim.now();
    for (const lease of pool.expire(now)) {
      const client = formatMac(lease.chaddr);
      const address = formatIpv4(lease.address);
      sim.record({ t: now, type: 'dhcp.leaseExpire', node, app, client, address });
    }
    watch();
  };
  const watch = (): void => {
    const next = pool.nextExpiry();
    if (next === undefined || next === timerAt) return;
    if (timer >= 0) sim.cancel(timer);
    timerAt = next;
    timer = sim.scheduleAt(Math.max(next, sim.now()), sweep);
  };

  const ack = (request: DhcpMessage, address: Ipv4Address): void => {
    const now = sim.now();
    const client = formatMac(request.chaddr);
    const granted = pool.request(request.chaddr, address, now);
    if (granted.ok) {
      const pkt = reply(request, dhcpAck(request, address, params()));
      sim.record({
        t: now,
        type: 'dhcp.ack',
        node,
        app,
        pkt,
        client,
        xid: request.xid,
        address: formatIpv4(address),
        leaseSeconds: pool.leaseSeconds,
        expires: granted.lease.expiresNs,
      });
    } else {
      const pkt = reply(request, dhcpNak(request, iface.address, granted.reason));
      sim.record({
        t: now,
        type: 'dhcp.nak',
        node,
        app,
        pkt,
        client,
        xid: request.xid,
        address: formatIpv4(address),
        reason: granted.reason,
      });
    }
  };

  const answer = (request: DhcpMessage): void => {
    const now = sim.now();
    const { options } = request;
    const client = formatMac(request.chaddr);
    switch (options.messageType) {
      case 'DISCOVER': {
        const address = pool.offer(request.chaddr, now, options.requestedIp);
        if (address === undefined) {
          sim.record({ t: now, type: 'dhcp.noOffer', node, app, client, xid: request.xid });
          return;
        }
        const pkt = reply(request, dhcpOffer(request, address, params()));
        const offered = formatIpv4(address);
        sim.record({
          t: now,
          type: 'dhcp.offer',
          node,
          app,
          pkt,
          client,
          xid: request.xid,
          address: offered,
        });
        return;
      }
      case 'REQUEST': {
        if (options.serverId !== undefined && options.serverId !== iface.address) {
          pool.withdrawOffer(request.chaddr, now); // the client chose another server
          return;
        }
        const address = request.ciaddr !== 0 ? request.ciaddr : options.requestedIp;
        if (address !== undefined) ack(request, address);
        return;
      }
      case 'DECLINE':
        if (options.requestedIp !== undefined)
          pool.decline(request.chaddr, options.requestedIp, now);
        return;
      case 'RELEASE':
        pool.release(request.chaddr, request.ciaddr, now);
        return;
      default: // INFORM and anything a client does not send: not answered here
        return;
    }
  };

  socket.onMessage = (datagram: Datagram): void => {
    if (datagram.iface !== iface.name || iface.address === 0) return;
    const decoded = decodeDhcpMessage(datagram.payload);
    if (!decoded.ok || decoded.message.op !== 'request' || decoded.message.giaddr !== 0) return;
    answer(decoded.message);
    watch();
  };
}
