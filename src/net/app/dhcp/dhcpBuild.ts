// The DHCP messages of a client's life (RFC 2131 section 3), filled in as RFC 2131's tables 3
// (server) and 5 (client) say: DISCOVER, OFFER, REQUEST while selecting or renewing, ACK, NAK,
// DECLINE and RELEASE, and where a server's reply goes on the segment (section 4.1).

import type { Ipv4Address } from '../../wire/ipv4Address.ts';
import { MAC_BROADCAST, type MacAddress } from '../../wire/mac.ts';
import type { DhcpMessage } from './dhcpMessage.ts';
import { DHCP_OPTION, type DhcpOptions } from './dhcpOptions.ts';

/** 255.255.255.255, the limited broadcast: the destination before a client has an address. */
export const IPV4_BROADCAST = 0xffffffff;

/** What a client asks for unless told otherwise: subnet mask, router, DNS servers. */
export const DEFAULT_PARAMETER_REQUEST_LIST: readonly number[] = [
  DHCP_OPTION.subnetMask,
  DHCP_OPTION.router,
  DHCP_OPTION.dnsServer,
];

/** T1 by default: half the lease (RFC 2131 section 4.4.5), in whole seconds. */
export function defaultRenewalSeconds(leaseSeconds: number): number {
  return Math.floor(leaseSeconds * 0.5);
}

/** T2 by default: seven eighths of the lease (RFC 2131 section 4.4.5), in whole seconds. */
export function defaultRebindingSeconds(leaseSeconds: number): number {
  return Math.floor(leaseSeconds * 0.875);
}

/** The client fields every message starts from. */
export interface DhcpClientFields {
  xid: number;
  chaddr: MacAddress;
  /** Seconds since the client began; default 0. */
  secs?: number;
  /** Ask for broadcast replies; default false (the server unicasts to chaddr and yiaddr). */
  broadcast?: boolean;
}

function base(client: DhcpClientFields, options: DhcpOptions, ciaddr = 0): DhcpMessage {
  return {
    op: 'request',
    hops: 0,
    xid: client.xid,
    secs: client.secs ?? 0,
    broadcast: client.broadcast ?? false,
    ciaddr,
    yiaddr: 0,
    siaddr: 0,
    giaddr: 0,
    chaddr: client.chaddr,
    sname: '',
    file: '',
    options,
  };
}

/** DHCPDISCOVER: ciaddr 0, no server id, optionally the address the client had before. */
export function dhcpDiscover(
  client: DhcpClientFields,
  extra: { requestedIp?: Ipv4Address; parameterRequestList?: readonly number[] } = {},
): DhcpMessage {
  return base(client, {
    messageType: 'DISCOVER',
    ...(extra.requestedIp !== undefined && { requestedIp: extra.requestedIp }),
    parameterRequestList: [...(extra.parameterRequestList ?? DEFAULT_PARAMETER_REQUEST_LIST)],
  });
}

/**
 * DHCPREQUEST in SELECTING: the offer's xid, ciaddr 0, the offered address as requested IP and
 * the offering server's id, broadcast so the other servers learn their offers were declined.
 */
export function dhcpRequestSelecting(
  offer: DhcpMessage,
  client: Omit<DhcpClientFields, 'xid' | 'chaddr'> & { parameterRequestList?: readonly number[] },
): DhcpMessage {
  return base(
    { ...client, xid: offer.xid, chaddr: offer.chaddr },
    {
      messageType: 'REQUEST',
      requestedIp: offer.yiaddr,
      ...(offer.options.serverId !== undefined && { serverId: offer.options.serverId }),
      parameterRequestList: [...(client.parameterRequestList ?? DEFAULT_PARAMETER_REQUEST_LIST)],
    },
  );
}

/**
 * DHCPREQUEST in RENEWING or REBINDING: ciaddr is the client's address, and neither requested IP
 * nor server id is sent (RFC 2131 section 4.3.2); unicast to the server when renewing.
 */
export function dhcpRequestRenewing(client: DhcpClientFields, ciaddr: Ipv4Address): DhcpMessage {
  return base(client, { messageType: 'REQUEST' }, ciaddr);
}

/** DHCPRELEASE: ciaddr the address given back, with the server's id. */
export function dhcpRelease(
  client: DhcpClientFields,
  ciaddr: Ipv4Address,
  serverId: Ipv4Address,
): DhcpMessage {
  return base(client, { messageType: 'RELEASE', serverId }, ciaddr);
}

/** DHCPDECLINE: the client found the address in use (its ARP probe was answered). */
export function dhcpDecline(
  client: DhcpClientFields,
  address: Ipv4Address,
  serverId: Ipv4Address,
): DhcpMessage {
  return base(client, { messageType: 'DECLINE', requestedIp: address, serverId });
}

/** What a server puts in an OFFER or ACK besides the address. */
export interface DhcpLeaseParameters {
  serverId: Ipv4Address;
  leaseSeconds: number;
  subnetMask?: Ipv4Address;
  routers?: Ipv4Address[];
  dnsServers?: Ipv4Address[];
  /** Default half the lease. */
  renewalSeconds?: number;
  /** Default seven eighths of the lease. */
  rebindingSeconds?: number;
}

function reply(request: DhcpMessage, options: DhcpOptions, yiaddr: Ipv4Address): DhcpMessage {
  return {
    ...request,
    op: 'reply',
    hops: 0,
    secs: 0,
    ciaddr: 0,
    yiaddr,
    siaddr: 0,
    options,
  };
}

function leaseOptions(type: 'OFFER' | 'ACK', lease: DhcpLeaseParameters): DhcpOptions {
  const { leaseSeconds, serverId, subnetMask, routers, dnsServers } = lease;
  return {
    messageType: type,
    serverId,
    leaseSeconds,
    renewalSeconds: lease.renewalSeconds ?? defaultRenewalSeconds(leaseSeconds),
    rebindingSeconds: lease.rebindingSeconds ?? defaultRebindingSeconds(leaseSeconds),
    ...(subnetMask !== undefined && { subnetMask }),
    ...(routers !== undefined && { routers }),
    ...(dnsServers !== undefined && { dnsServers }),
  };
}

/** DHCPOFFER for a DISCOVER: yiaddr the address offered; xid, flags, giaddr, chaddr copied. */
export function dhcpOffer(
  discover: DhcpMessage,
  yiaddr: Ipv4Address,
  lease: DhcpLeaseParameters,
): DhcpMessage {
  return reply(discover, leaseOptions('OFFER', lease), yiaddr);
}

/** DHCPACK for a REQUEST: yiaddr the address assigned, ciaddr copied from the request. */
export function dhcpAck(
  request: DhcpMessage,
  yiaddr: Ipv4Address,
  lease: DhcpLeaseParameters,
): DhcpMessage {
  return { ...reply(request, leaseOptions('ACK', lease), yiaddr), ciaddr: request.ciaddr };
}

/** DHCPNAK for a REQUEST the server cannot grant: no addresses, server id and a reason. */
export function dhcpNak(
  request: DhcpMessage,
  serverId: Ipv4Address,
  message?: string,
): DhcpMessage {
  return reply(
    request,
    { messageType: 'NAK', serverId, ...(message !== undefined && { message }) },
    0,
  );
}

/** Where a server's reply goes: IP and MAC destination, and the UDP port. */
export interface DhcpDestination {
  ip: Ipv4Address;
  /** The frame's destination; undefined when it goes through a relay (resolve giaddr by ARP). */
  mac: MacAddress | undefined;
  port: number;
}

/**
 * RFC 2131 section 4.1, for a server's reply to `request`: to the relay (giaddr, port 67) if
 * there is one; to ciaddr if the client has an address; a NAK, or a reply the client asked to be
 * broadcast, to 255.255.255.255 and ff:ff:ff:ff:ff:ff; otherwise unicast to chaddr and yiaddr.
 */
export function dhcpReplyDestination(request: DhcpMessage, answer: DhcpMessage): DhcpDestination {
  if (request.giaddr !== 0) return { ip: request.giaddr, mac: undefined, port: 67 };
  if (answer.options.messageType === 'NAK' || (request.ciaddr === 0 && request.broadcast)) {
    return { ip: IPV4_BROADCAST, mac: MAC_BROADCAST, port: 68 };
  }
  if (request.ciaddr !== 0) return { ip: request.ciaddr, mac: request.chaddr, port: 68 };
  return { ip: answer.yiaddr, mac: request.chaddr, port: 68 };
}
