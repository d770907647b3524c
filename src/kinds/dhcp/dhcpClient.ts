// A DHCP client on one interface (RFC 2131 section 4.4): at start it broadcasts a DISCOVER from
// 0.0.0.0:68 to 255.255.255.255:67, takes the first OFFER, broadcasts a REQUEST for it and, on
// the ACK, configures the interface (address and prefix), the default route (option 3) and tells
// its node of the lease (DNS servers, option 6). It renews at T1 by a REQUEST unicast to its
// server, rebinds at T2 by a broadcast one, starts over on a NAK, and takes the address off the
// interface when the lease ends. The states are dhcpClientMachine.ts's; this file is the plain
// code around it: the messages, the timers, the trace.
//
// Timers (RFC 2131 section 4.1 and 4.4.5): a DISCOVER is sent again after 4 s, 8 s, 16 s, 32 s,
// then every 64 s, each wait moved by a uniform -1 s to +1 s drawn from the interface's stream
// (`node:<node>/dhcp/<iface>`, which also draws each exchange's xid); a REQUEST in REQUESTING
// the same way, four times, before starting over. While renewing or rebinding it sends again
// after half the time left to T2 (or to the lease's end), at least 60 s. T1, T2 and the lease's
// end count from the ACK's arrival (the RFC counts from the REQUEST; the difference is one round
// trip). The client asks for broadcast replies (the BROADCAST flag) until it has an address, so
// a server never unicasts to an address the interface does not have yet.

import { createActor, type Actor } from 'xstate';
import type { EventId, Simulator } from '../../engine/simulator.ts';
import type { NetNode } from '../../net/ip/netNode.ts';
import type { NetInterface } from '../../net/ip/netInterface.ts';
import {
  DHCP_CLIENT_PORT,
  DHCP_SERVER_PORT,
  encodeDhcpMessage,
} from '../../net/app/dhcp/dhcpMessage.ts';
import type { DhcpMessage } from '../../net/app/dhcp/dhcpMessage.ts';
import {
  defaultRebindingSeconds,
  defaultRenewalSeconds,
  dhcpDiscover,
  dhcpRequestRenewing,
  dhcpRequestSelecting,
  IPV4_BROADCAST,
} from '../../net/app/dhcp/dhcpBuild.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { formatMac } from '../../net/wire/mac.ts';
import type { RandomStream } from '../../engine/random.ts';
import { dhcpClientMachine, type DhcpClientEvent } from './dhcpClientMachine.ts';
import './dhcpTrace.ts';

const S = 1_000_000_000;
/** The first wait before a retransmission, and the longest (RFC 2131 section 4.1). */
export const DHCP_FIRST_RETRY_NS = 4 * S;
export const DHCP_MAX_RETRY_NS = 64 * S;
/** REQUESTs sent in REQUESTING before the client starts over. */
export const DHCP_REQUEST_TRIES = 4;
/** The shortest wait between REQUESTs while renewing or rebinding (RFC 2131 section 4.4.5). */
export const DHCP_MIN_RENEW_RETRY_NS = 60 * S;

/** The wait before the retransmission after send number `sent` (1, 2, ...), before jitter. */
export function dhcpBackoffNs(sent: number): number {
  return Math.min(DHCP_FIRST_RETRY_NS * 2 ** (sent - 1), DHCP_MAX_RETRY_NS);
}

/** The lease a client holds, as its node and its inspector see it. */
export interface DhcpLease {
  address: Ipv4Address;
  prefixLength: number;
  server: Ipv4Address;
  routers: readonly Ipv4Address[];
  dnsServers: readonly Ipv4Address[];
  leaseSeconds: number;
  t1Ns: number;
  t2Ns: number;
  expiresNs: number;
}

/** What the client tells its node. */
export interface DhcpClientHooks {
  /** A lease was taken or renewed (the interface is configured). */
  bound(lease: DhcpLease): void;
}

type State = 'init' | 'selecting' | 'requesting' | 'bound' | 'renewing' | 'rebinding';

/** The client of one interface. `start()` sends the first DISCOVER. */
export class DhcpClient {
  private readonly actor: Actor<typeof dhcpClientMachine>;
  private readonly random: RandomStream;
  private readonly iface: NetInterface;
  private xid = 0;
  /** Messages of the current exchange sent so far (for the backoff and the trace). */
  private sent = 0;
  /** When the current acquisition began, for the `secs` field. */
  private beganNs = 0;
  private offer: DhcpMessage | undefined = undefined;
  private lease: DhcpLease | undefined = undefined;
  private retryTimer: EventId = -1;
  private leaseTimers: EventId[] = [];
  /** Effects of the machine's actions, run once its new state is recorded. */
  private pending: (() => void)[] = [];
  private restartReason: { reason: 'nak' | 'noAnswer'; message: string } | undefined;

  constructor(
    private readonly sim: Simulator,
    private readonly net: NetNode,
    ifaceName: string,
    private readonly hooks: DhcpClientHooks,
  ) {
    this.iface = net.iface(ifaceName);
    this.random = sim.random.stream(`node:${net.name}/dhcp/${ifaceName}`);
    const later = (effect: () => void) => () => void this.pending.push(effect);
    const machine = dhcpClientMachine.provide({
      actions: {
        sendDiscover: later(() => this.sendDiscover()),
        selectOffer: later(() => this.sendRequest('selecting')),
        resendRequest: later(() => this.resendRequest()),
        renew: later(() => this.sendRequest('renewing')),
        rebind: later(() => this.sendRequest('rebinding')),
        bind: later(() => this.bind()),
        restart: later(() => this.restart()),
        unbind: later(() => this.unbind()),
      },
    });
    this.actor = createActor(machine, { clock: sim.clock });
    let last = '';
    this.actor.subscribe((snapshot) => {
      const state = snapshot.value as string;
      if (state === last) return;
      last = state;
      const t = sim.now();
      sim.record({ t, type: 'dhcp.state', node: net.name, iface: ifaceName, state });
    });
  }

  /** The machine's state now. */
  get state(): State {
    return this.actor.getSnapshot().value as State;
  }

  /** Starts the client: INIT, then the first DISCOVER. */
  start(): void {
    this.actor.start();
    this.send({ type: 'start' });
  }

  /** A DHCP message arrived on port 68 (for any interface of the node: it checks it is its own). */
  receive(message: DhcpMessage): void {
    if (message.op !== 'reply' || message.chaddr !== this.iface.mac || message.xid !== this.xid)
      return;
    const type = message.options.messageType;
    const state = this.state;
    const waiting = state === 'requesting' || state === 'renewing' || state === 'rebinding';
    if (type === 'OFFER' && state === 'selecting') {
      this.offer = message;
      this.send({ type: 'offer' });
    } else if (type === 'ACK' && waiting) {
      this.offer = message;
      this.send({ type: 'ack' });
    } else if (type === 'NAK' && waiting) {
      this.restartReason = { reason: 'nak', message: message.options.message ?? '' };
      this.send({ type: 'nak' });
    }
  }

  private send(event: DhcpClientEvent): void {
    this.actor.send(event);
    while (this.pending.length > 0) (this.pending.shift() as () => void)();
  }

  private newExchange(): void {
    this.xid = this.random.nextUint32();
    this.sent = 0;
    this.beganNs = this.sim.now();
  }

  private common(broadcast: boolean) {
    const secs = Math.min(Math.floor((this.sim.now() - this.beganNs) / S), 0xffff);
    return { xid: this.xid, chaddr: this.iface.mac, secs, broadcast };
  }

  private sendDiscover(): void {
    if (this.sent === 0) this.newExchange();
    this.sent++;
    const message = dhcpDiscover(this.common(true));
    const pkt = this.transmit(message, IPV4_BROADCAST);
    const { name: node } = this.net;
    this.sim.record({
      t: this.sim.now(),
      type: 'dhcp.discover',
      node,
      iface: this.iface.name,
      pkt,
      xid: this.xid,
      attempt: this.sent,
    });
    this.retryAfter(dhcpBackoffNs(this.sent));
  }

  private sendRequest(state: 'selecting' | 'renewing' | 'rebinding'): void {
    this.cancelRetry();
    if (state === 'selecting') {
      this.sent = 0;
    } else {
      this.newExchange();
    }
    this.resend(state);
  }

  private resendRequest(): void {
    const state = this.state;
    if (state === 'requesting' && this.sent >= DHCP_REQUEST_TRIES) {
      this.restartReason = { reason: 'noAnswer', message: '' };
      this.send({ type: 'giveUp' });
      return;
    }
    this.resend(state === 'requesting' ? 'selecting' : (state as 'renewing' | 'rebinding'));
  }

  private resend(state: 'selecting' | 'renewing' | 'rebinding'): void {
    this.sent++;
    const lease = this.lease;
    let message: DhcpMessage;
    let pkt: number;
    let address: Ipv4Address;
    let server: Ipv4Address;
    if (state === 'selecting') {
      const offer = this.offer as DhcpMessage;
      message = dhcpRequestSelecting(offer, this.common(true));
      address = offer.yiaddr;
      server = offer.options.serverId ?? 0;
      pkt = this.transmit(message, IPV4_BROADCAST);
      this.retryAfter(dhcpBackoffNs(this.sent));
    } else {
      const held = lease as DhcpLease;
      message = dhcpRequestRenewing(this.common(false), held.address);
      address = held.address;
      server = state === 'renewing' ? held.server : IPV4_BROADCAST;
      pkt = this.transmit(message, server, held.address);
      const until = state === 'renewing' ? held.t2Ns : held.expiresNs;
      const wait = Math.max(DHCP_MIN_RENEW_RETRY_NS, Math.floor((until - this.sim.now()) / 2));
      if (this.sim.now() + wait < until) this.retryTimer = this.sim.schedule(wait, this.retryEvent);
    }
    this.sim.record({
      t: this.sim.now(),
      type: 'dhcp.request',
      node: this.net.name,
      iface: this.iface.name,
      pkt,
      xid: this.xid,
      state,
      address: formatIpv4(address),
      server: server === IPV4_BROADCAST ? '' : formatIpv4(server),
      attempt: this.sent,
    });
  }

  /** Sends `message` to `dst`:67: broadcast out of the interface, or routed when unicast. */
  private transmit(message: DhcpMessage, dst: Ipv4Address, src: Ipv4Address = 0): number {
    const out = {
      dst,
      src,
      transport: { kind: 'udp' as const, srcPort: DHCP_CLIENT_PORT, dstPort: DHCP_SERVER_PORT },
      payload: encodeDhcpMessage(message),
    };
    const sent =
      dst === IPV4_BROADCAST ? this.net.sendOn(this.iface.name, out) : this.net.send(out);
    return sent.packet.id;
  }

  private readonly retryEvent = (): void => {
    this.retryTimer = -1;
    this.send({ type: 'retry' });
  };

  /** Waits `baseNs` moved by a uniform -1 s to +1 s, then sends again. */
  private retryAfter(baseNs: number): void {
    this.cancelRetry();
    const wait = baseNs + this.random.integer(-S, S);
    this.retryTimer = this.sim.schedule(wait, this.retryEvent);
  }

  private cancelRetry(): void {
    if (this.retryTimer >= 0) this.sim.cancel(this.retryTimer);
    this.retryTimer = -1;
  }

  private bind(): void {
    this.cancelRetry();
    for (const timer of this.leaseTimers) this.sim.cancel(timer);
    const ack = this.offer as DhcpMessage;
    const now = this.sim.now();
    const options = ack.options;
    const leaseSeconds = options.leaseSeconds ?? 0;
    const t1 = options.renewalSeconds ?? defaultRenewalSeconds(leaseSeconds);
    const t2 = options.rebindingSeconds ?? defaultRebindingSeconds(leaseSeconds);
    const lease: DhcpLease = {
      address: ack.yiaddr,
      prefixLength: prefixLengthOf(options.subnetMask),
      server: options.serverId ?? 0,
      routers: options.routers ?? [],
      dnsServers: options.dnsServers ?? [],
      leaseSeconds,
      t1Ns: now + t1 * S,
      t2Ns: now + t2 * S,
      expiresNs: now + leaseSeconds * S,
    };
    const iface = this.iface;
    const changed = iface.address !== lease.address || iface.prefix.length !== lease.prefixLength;
    if (changed) {
      this.net.configureInterface(iface.name, lease.address, lease.prefixLength);
      const router = lease.routers[0];
      const hasDefault = this.net.routes.routes().some((r) => r.prefix.length === 0);
      if (router !== undefined && !hasDefault) this.net.setDefaultGateway(router, iface.name);
    }
    this.lease = lease;
    this.sim.record({
      t: now,
      type: 'dhcp.bound',
      node: this.net.name,
      iface: iface.name,
      address: `${formatIpv4(lease.address)}/${lease.prefixLength}`,
      server: formatIpv4(lease.server),
      router: lease.routers[0] === undefined ? '' : formatIpv4(lease.routers[0]),
      dns: lease.dnsServers[0] === undefined ? '' : formatIpv4(lease.dnsServers[0]),
      leaseSeconds,
      t1: lease.t1Ns,
      t2: lease.t2Ns,
      expires: lease.expiresNs,
    });
    this.leaseTimers = [
      this.sim.scheduleAt(lease.t1Ns, () => this.send({ type: 't1' })),
      this.sim.scheduleAt(lease.t2Ns, () => this.send({ type: 't2' })),
      this.sim.scheduleAt(lease.expiresNs, () => this.send({ type: 'expire' })),
    ];
    // A new address is announced (RFC 5227 section 2.3), as NetworkManager and dhcpcd do once
    // a lease is bound; a renewal of the same address is not.
    if (changed) this.net.arp.announce(iface);
    this.hooks.bound(lease);
  }

  private unbind(): void {
    this.cancelRetry();
    for (const timer of this.leaseTimers) this.sim.cancel(timer);
    this.leaseTimers = [];
    const lease = this.lease;
    if (!lease) return;
    this.lease = undefined;
    if (this.sim.now() >= lease.expiresNs) {
      const t = this.sim.now();
      const address = formatIpv4(lease.address);
      this.sim.record({
        t,
        type: 'dhcp.expire',
        node: this.net.name,
        iface: this.iface.name,
        address,
      });
    }
    this.net.unconfigureInterface(this.iface.name);
  }

  private restart(): void {
    this.cancelRetry();
    const why = this.restartReason;
    this.restartReason = undefined;
    if (why) {
      const t = this.sim.now();
      this.sim.record({
        t,
        type: 'dhcp.restart',
        node: this.net.name,
        iface: this.iface.name,
        ...why,
      });
    }
    this.offer = undefined;
    this.sent = 0;
    this.send({ type: 'start' });
  }

  /** For tests and the inspector's checks: the lease held now, if any. */
  get currentLease(): DhcpLease | undefined {
    return this.lease;
  }

  /** The interface's MAC, as the server's lease table names the client. */
  get mac(): string {
    return formatMac(this.iface.mac);
  }
}

/** The prefix length of a subnet mask (option 1); 32 when none was given. */
function prefixLengthOf(mask: Ipv4Address | undefined): number {
  if (mask === undefined) return 32;
  let length = 0;
  for (let bit = 31; bit >= 0 && ((mask >>> bit) & 1) === 1; bit--) length++;
  return length;
}
