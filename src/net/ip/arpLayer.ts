// A node's ARP (RFC 826): before a packet leaves an interface it needs the next hop's MAC address.
// The answer comes from the interface's neighbour cache (src/net/wire/arpCache.ts, Linux's
// defaults); when there is none the packet waits in the cache while broadcast requests go out,
// 1 s apart, up to three; a reply releases what waited, framed for that MAC, and no reply drops
// it. The node answers requests for its own address on the interface they arrive on, and learns
// the asker's address as it does (Linux does the same: neigh_event_ns). All timers of the node's
// caches are one engine event at the earliest deadline, so ARP costs nothing per packet beyond a
// cache lookup: the last next hop of each interface is remembered with its expiry, and a steady
// flow to it skips even that.
//
// Simplified (docs/model.md): a node answers only for the address of the interface the request
// came in on (Linux's arp_ignore=1; its default 0 answers for any of its addresses); an unsolicited
// reply or a request not for us teaches nothing, except a gratuitous one (sender = target) about
// a neighbour already in the cache (arp_accept=0); reachable time is a fixed 30 s and an expired
// entry is asked for again by broadcast (arpCache.ts says why).

import type { EventId, Simulator } from '../../engine/simulator.ts';
import type { Nanos } from '../../engine/time.ts';
import {
  arpAnnouncement,
  arpReply,
  arpRequest,
  isGratuitous,
  type ArpPacket,
} from '../wire/arp.ts';
import { ArpCache, type ArpCacheOptions, type ArpEntryView } from '../wire/arpCache.ts';
import type { EthernetAddresses } from '../wire/ethernet.ts';
import type { ArpFrame } from '../wire/frame.ts';
import { formatIpv4, prefixMask, type Ipv4Address } from '../wire/ipv4Address.ts';
import { formatMac, isMulticast, MAC_BROADCAST, type MacAddress } from '../wire/mac.ts';
import type { Packet, PacketIds } from '../wire/packet.ts';
import './arpTrace.ts';
import type { IpDropReason } from './ipTrace.ts';
import type { NetInterface } from './netInterface.ts';

const LIMITED_BROADCAST = 0xffffffff;
/** RFC 5227 section 1.1: ANNOUNCE_NUM announcements, ANNOUNCE_INTERVAL (2 s) apart. */
const ANNOUNCE_NUM = 2;
const ANNOUNCE_INTERVAL_NS = 2_000_000_000;

/** What the ARP layer needs from its node. */
export interface ArpOwner {
  readonly name: string;
  /** Records `ip.drop` for a packet. */
  drop(packet: Packet, reason: IpDropReason): void;
  /** A packet that waited for `iface`'s next hop was dropped because ARP failed (ICMP, maybe). */
  unresolved(packet: Packet): void;
}

/** One interface's neighbours: its cache and the frame headers it sends with. */
interface Neighbours {
  cache: ArpCache<Packet>;
  /** The header of frames to each neighbour's MAC, made once: every frame shares it. */
  headers: Map<MacAddress, EthernetAddresses>;
  broadcast: EthernetAddresses;
  /** The directed broadcast of the interface's subnet (10.0.0.255 for 10.0.0.0/24), if any. */
  subnetBroadcast: Ipv4Address;
  /** The last next hop resolved, its header and until when it is good (a steady flow's path). */
  lastHop: Ipv4Address;
  lastHeader: EthernetAddresses | undefined;
  lastUntil: Nanos;
}

/** The ARP of one node: resolution before sending, answers to requests, the caches' timers. */
export class ArpLayer {
  private readonly neighbours = new Map<NetInterface, Neighbours>();
  private timer: EventId = -1;
  private timerAt = Infinity;
  private readonly tickEvent = (): void => this.tick();

  constructor(
    private readonly sim: Simulator,
    private readonly owner: ArpOwner,
    private readonly ids: PacketIds,
    private readonly options: ArpCacheOptions = {},
  ) {}

  /**
   * Sends `packet` out of `iface` to the station `nextHop` (the route's gateway, or the
   * destination itself when it is on the link), framed with that station's MAC; or keeps it
   * until ARP finds the MAC. A broadcast destination needs no ARP.
   */
  output(iface: NetInterface, packet: Packet, nextHop: Ipv4Address): void {
    const n = this.of(iface);
    const dst = packet.ip.dst;
    if (dst === LIMITED_BROADCAST || dst === n.subnetBroadcast) {
      this.transmit(iface, packet, n.broadcast);
      return;
    }
    const now = this.sim.now();
    if (nextHop === n.lastHop && now < n.lastUntil) {
      this.transmit(iface, packet, n.lastHeader as EthernetAddresses);
      return;
    }
    const resolved = n.cache.resolve(nextHop, packet, now);
    if (resolved.action === 'send') {
      const header = this.headerFor(n, iface, resolved.mac);
      const entry = n.cache.lookup(nextHop, now);
      n.lastHop = nextHop;
      n.lastHeader = header;
      n.lastUntil = entry.state === 'reachable' ? entry.expiresNs : now;
      this.transmit(iface, packet, header);
    } else if (resolved.action === 'request') {
      this.request(iface, n, nextHop, 1);
      this.reschedule();
    } else if (resolved.dropped) {
      this.owner.drop(resolved.dropped, 'arpQueueFull');
    }
  }

  /** An ARP frame arrived on `iface` (already known to pass). */
  input(frame: ArpFrame, iface: NetInterface): void {
    const { dst } = frame.eth;
    if (dst !== iface.mac && !isMulticast(dst)) return; // for another station: the card ignores it
    const n = this.of(iface);
    const arp = frame.arp;
    const forUs = arp.targetIp === iface.address;
    if (arp.operation === 'request' && forUs) {
      if (arp.senderIp !== 0) this.learn(iface, n, arp, true);
      this.reply(iface, arp);
    } else if (arp.operation === 'reply' && forUs) {
      this.learn(iface, n, arp, false);
    } else if (isGratuitous(arp)) {
      this.learn(iface, n, arp, false);
    }
  }

  /**
   * Forgets every neighbour of `iface` (it went down, or its node crashed), dropping the packets
   * that waited with `reason`.
   */
  flush(iface: NetInterface, reason: IpDropReason): void {
    const n = this.neighbours.get(iface);
    if (!n) return;
    for (const entry of n.cache.entriesAt(this.sim.now())) {
      for (const packet of n.cache.forget(entry.ip)) this.owner.drop(packet, reason);
    }
    n.lastUntil = 0;
    this.reschedule();
  }

  /**
   * Forgets `iface`'s neighbours and what it knew of its subnet: its address changed (DHCP).
   * Packets that waited are dropped (`arpFailed`).
   */
  forgetInterface(iface: NetInterface): void {
    this.flush(iface, 'arpFailed');
    this.neighbours.delete(iface);
  }

  /**
   * Sends `packet` out of `iface` in a frame to `mac`, without asking ARP: a DHCP server's
   * answer to a client's hardware address (RFC 2131 section 4.1).
   */
  outputTo(iface: NetInterface, packet: Packet, mac: MacAddress): void {
    this.transmit(iface, packet, this.headerFor(this.of(iface), iface, mac));
  }

  /**
   * Forgets everything, dropping what waited with `reason`, and stops the timer: the node
   * crashed (a restarted node starts with empty caches, as a booted one does).
   */
  reset(reason: IpDropReason): void {
    for (const iface of this.neighbours.keys()) this.flush(iface, reason);
    this.neighbours.clear();
    if (this.timer >= 0) this.sim.cancel(this.timer);
    this.timer = -1;
    this.timerAt = Infinity;
  }

  /** The cache of `iface` at this moment, by address (for tests; views read the trace). */
  entries(iface: NetInterface): ArpEntryView[] {
    return this.neighbours.get(iface)?.cache.entriesAt(this.sim.now()) ?? [];
  }

  private of(iface: NetInterface): Neighbours {
    let n = this.neighbours.get(iface);
    if (!n) {
      const { network, length } = iface.prefix;
      n = {
        cache: new ArpCache<Packet>(this.options),
        headers: new Map(),
        broadcast: { dst: MAC_BROADCAST, src: iface.mac },
        // A /31 or /32 has no broadcast address (RFC 3021).
        subnetBroadcast: length >= 31 ? -1 : (network | ~prefixMask(length)) >>> 0,
        lastHop: -1,
        lastHeader: undefined,
        lastUntil: 0,
      };
      this.neighbours.set(iface, n);
    }
    return n;
  }

  private headerFor(n: Neighbours, iface: NetInterface, mac: MacAddress): EthernetAddresses {
    let header = n.headers.get(mac);
    if (!header) {
      header = { dst: mac, src: iface.mac };
      n.headers.set(mac, header);
    }
    return header;
  }

  /** Puts the packet on the link in a frame with `header`: a new packet object for this hop. */
  private transmit(iface: NetInterface, packet: Packet, header: EthernetAddresses): void {
    if (!iface.passes || !iface.link) {
      this.owner.drop(packet, iface.link ? 'interfaceDown' : 'notConnected');
      return;
    }
    const framed: Packet = {
      id: packet.id,
      eth: header,
      ip: packet.ip,
      transport: packet.transport,
      payload: packet.payload,
    };
    if (packet.corruptBits !== undefined) framed.corruptBits = packet.corruptBits;
    iface.link.send(framed);
  }

  /**
   * Announces `iface`'s own address (RFC 5227 section 2.3: ANNOUNCE_NUM 2 gratuitous requests,
   * ANNOUNCE_INTERVAL 2 s apart), as a host does when it takes an address, so that a neighbour
   * that cached another MAC for it learns the new one. The second is not sent if the address
   * changed or the interface stopped passing meanwhile.
   */
  announce(iface: NetInterface, count = 1): void {
    const address = iface.address;
    if (address === 0 || !iface.passes || !iface.link) return;
    const frame: ArpFrame = {
      id: this.ids.next(),
      eth: this.of(iface).broadcast,
      arp: arpAnnouncement(iface.mac, address),
    };
    this.sim.record({
      t: this.sim.now(),
      type: 'arp.announce',
      node: this.owner.name,
      iface: iface.name,
      pkt: frame.id,
      ip: formatIpv4(address),
      mac: formatMac(iface.mac),
      count,
    });
    iface.link.send(frame);
    if (count < ANNOUNCE_NUM) {
      this.sim.schedule(ANNOUNCE_INTERVAL_NS, () => {
        if (iface.address === address) this.announce(iface, count + 1);
      });
    }
  }

  private request(iface: NetInterface, n: Neighbours, target: Ipv4Address, probe: number): void {
    const frame: ArpFrame = {
      id: this.ids.next(),
      eth: n.broadcast,
      arp: arpRequest(iface.mac, iface.address, target),
    };
    const t = this.sim.now();
    const { name: node } = this.owner;
    const ifaceName = iface.name;
    this.sim.record({
      t,
      type: 'arp.request',
      node,
      iface: ifaceName,
      pkt: frame.id,
      target: formatIpv4(target),
      probe,
    });
    if (iface.passes && iface.link) iface.link.send(frame);
  }

  private reply(iface: NetInterface, request: ArpPacket): void {
    const arp = arpReply(request, iface.mac);
    const frame: ArpFrame = {
      id: this.ids.next(),
      eth: { dst: request.senderMac, src: iface.mac },
      arp,
    };
    this.sim.record({
      t: this.sim.now(),
      type: 'arp.reply',
      node: this.owner.name,
      iface: iface.name,
      pkt: frame.id,
      ip: formatIpv4(arp.senderIp),
      mac: formatMac(arp.senderMac),
      to: formatIpv4(arp.targetIp),
    });
    if (iface.link) iface.link.send(frame);
  }

  /** Stores what `arp` says of its sender, and sends what waited for it. */
  private learn(iface: NetInterface, n: Neighbours, arp: ArpPacket, create: boolean): void {
    const now = this.sim.now();
    const { stored, released } = n.cache.learn(arp.senderIp, arp.senderMac, now, { create });
    if (!stored) return;
    if (n.lastHop === arp.senderIp) n.lastUntil = 0;
    this.sim.record({
      t: now,
      type: 'arp.learn',
      node: this.owner.name,
      iface: iface.name,
      ip: formatIpv4(arp.senderIp),
      mac: formatMac(arp.senderMac),
    });
    const header = this.headerFor(n, iface, arp.senderMac);
    for (const packet of released) this.transmit(iface, packet, header);
    this.reschedule();
  }

  /** Handles every cache's due retries, failures, expiries and removals, then waits for the next. */
  private tick(): void {
    this.timer = -1;
    this.timerAt = Infinity;
    const now = this.sim.now();
    const node = this.owner.name;
    for (const [iface, n] of this.neighbours) {
      for (const event of n.cache.tick(now)) {
        const ip = formatIpv4(event.ip);
        if (event.kind === 'retry') {
          this.request(iface, n, event.ip, event.probe);
        } else if (event.kind === 'failed') {
          const { dropped } = event;
          this.sim.record({
            t: now,
            type: 'arp.fail',
            node,
            iface: iface.name,
            ip,
            dropped: dropped.length,
          });
          for (const packet of dropped) this.owner.unresolved(packet);
        } else {
          if (n.lastHop === event.ip) n.lastUntil = 0;
          const type = event.kind === 'expired' ? 'arp.expire' : 'arp.forget';
          const mac = formatMac(event.mac);
          this.sim.record({ t: now, type, node, iface: iface.name, ip, mac });
        }
      }
    }
    this.reschedule();
  }

  /** Sets the one timer to the earliest deadline of any cache (or none). */
  private reschedule(): void {
    let next = Infinity;
    for (const n of this.neighbours.values()) {
      const due = n.cache.nextDeadline();
      if (due !== undefined && due < next) next = due;
    }
    if (next === this.timerAt) return;
    if (this.timer >= 0) this.sim.cancel(this.timer);
    this.timer = -1;
    this.timerAt = next;
    if (next !== Infinity) this.timer = this.sim.scheduleAt(next, this.tickEvent);
  }
}
