// A host or router at the IP layer: interfaces, a routing table, sending packets it originates,
// delivering packets addressed to it to a per-protocol transport hook, and (as a router)
// forwarding with TTL decrement and the ICMP errors of RFC 792/1812; damaged packets are caught by
// checksums (damageChecks.ts). A packet bigger than its interface's MTU is fragmented, or dropped
// with ICMP "fragmentation needed" when Don't Fragment is set; fragments for this node are
// reassembled (reassembly.ts); path MTUs learned from ICMP are kept per destination (pathMtu.ts).
// Packet filters and address translators (src/kinds/firewall, src/kinds/nat) see packets at
// netfilter's five hook points. A node can crash and restart, and its interfaces go down and up
// (nodeInterfaces.ts): a packet through a down one is dropped (one check each). Every interface
// has a MAC address; a packet leaves in an Ethernet frame addressed to the next hop's MAC, which
// ARP finds first (arpLayer.ts).

import type { Simulator } from '../../engine/simulator.ts';
import { destinationUnreachable, portUnreachable, timeExceeded } from '../wire/icmpErrors.ts';
import type { IcmpErrorOrigin } from '../wire/icmpErrors.ts';
import { fragmentPacket, isFragment } from '../wire/ipFragments.ts';
import { formatIpv4 } from '../wire/ipv4Address.ts';
import type { Ipv4Address } from '../wire/ipv4Address.ts';
import {
  ICMP_TIME_EXCEEDED,
  ICMP_UNREACHABLE,
  IP_PROTOCOL,
  ipProtocolOf,
  ipv4Header,
  defaultIpv4Header,
  wireSize,
} from '../wire/packet.ts';
import type { Packet, PacketIds } from '../wire/packet.ts';
import { isArpFrame, isBpduFrame, type Frame } from '../wire/frame.ts';
import { isMulticast, type MacAddress } from '../wire/mac.ts';
import { ArpLayer } from './arpLayer.ts';
import { checkIpHeader, droppedByTransport, recordTransportDrop } from './damageChecks.ts';
import { mayTriggerIcmpError } from './icmpPolicy.ts';
import type { IpDropReason } from './ipTrace.ts';
import type { NetInterface } from './netInterface.ts';
import { NodeInterfaces } from './nodeInterfaces.ts';
import { HookPoints, type HookPoint, type PacketHook } from './hookPoints.ts';
export type { HookContext, HookPoint, PacketHook } from './hookPoints.ts';
import type {
  DeliverHandler,
  NetNodeOptions,
  OutgoingPacket,
  Protocol,
  SendOptions,
  SendResult,
} from './netNodeTypes.ts';
export type * from './netNodeTypes.ts';
import { packetIdsOf } from './packetIds.ts';
import { routeWords } from './routingTable.ts';
import { PathMtuCache, pathMtuFromIcmp } from './pathMtu.ts';
import { Reassembler } from './reassembly.ts';

const BROADCAST = 0xffffffff;
const EMPTY = new Uint8Array(0);

/** A host or router. Add interfaces, connect links to them, add routes, then send. */
export class NetNode extends NodeInterfaces {
  readonly router: boolean;
  private readonly handlers = new Map<number, DeliverHandler>();
  private readonly hooks = new HookPoints();
  private readonly ids: PacketIds;
  private readonly ttl: number;
  /** Finds next hops' MAC addresses and answers for this node's own. */
  readonly arp: ArpLayer;
  /** The next Identification of a datagram sent without Don't Fragment; drawn on first use. */
  private identification = -1;
  private readonly pathMtus = new PathMtuCache();
  private readonly reassembly: Reassembler;
  private readonly deliverEvent = (arg: { packet: Packet; iface: NetInterface }): void => {
    if (this.running) this.deliver(arg.packet, arg.iface);
    else this.drop(arg.packet, 'nodeDown');
  };

  constructor(sim: Simulator, name: string, options: NetNodeOptions = {}) {
    super(sim, name);
    this.router = options.router ?? false;
    this.ids = options.ids ?? packetIdsOf(sim);
    this.ttl = options.ttl ?? 64;
    this.arp = new ArpLayer(
      sim,
      {
        name,
        drop: (packet, reason) => this.drop(packet, reason),
        unresolved: (packet) => this.unresolved(packet),
      },
      this.ids,
      options.arp,
    );
    this.reassembly = new Reassembler({
      sim,
      name,
      nextId: () => this.ids.next(),
      reassemblyTimedOut: (first) =>
        this.sendTimeExceeded(first, ICMP_TIME_EXCEEDED.fragmentReassembly),
      badFragment: (packet) => this.drop(packet, 'badFragment'),
    });
  }

  /** Whether the node is running (not crashed). */
  get up(): boolean {
    return this.running;
  }

  /**
   * The node crashes (traced as `node.crash`): from now on it drops every packet that reaches it
   * and sends none (reason nodeDown). What ran on it is its owner's to discard.
   */
  crash(): void {
    if (!this.running) return;
    this.running = false;
    for (const iface of this.ifaces) iface.passes = false;
    this.arp.reset('nodeDown');
    this.reassembly.clear();
    this.pathMtus.clear();
    this.sim.record({ t: this.sim.now(), type: 'node.crash', node: this.name });
  }

  /** The node boots again after a crash (`node.restart`); its interfaces keep their up or down. */
  restart(): void {
    if (this.running) return;
    this.running = true;
    for (const iface of this.ifaces) iface.passes = iface.up;
    this.sim.record({ t: this.sim.now(), type: 'node.restart', node: this.name });
  }

  /** A new address or none: the interface's neighbours are forgotten (its subnet changed). */
  protected addressChanged(iface: NetInterface): void {
    this.arp.forgetInterface(iface);
  }

  /** Linux forgets the neighbours of an interface that goes down (neigh_ifdown). */
  protected interfaceWentDown(iface: NetInterface): void {
    this.arp.flush(iface, 'interfaceDown');
  }

  /** Sets the transport that receives packets of `protocol` addressed to this node. */
  onDeliver(protocol: Protocol, handler: DeliverHandler | undefined): void {
    const number = typeof protocol === 'number' ? protocol : IP_PROTOCOL[protocol];
    if (handler) this.handlers.set(number, handler);
    else this.handlers.delete(number);
  }

  /** Adds a hook at `point`; hooks at one point see a packet in the order they were added. */
  addHook(point: HookPoint, hook: PacketHook): void {
    this.hooks.add(point, hook);
  }

  /**
   * The MTU of the path to `dst` as this node knows it: the MTU of the interface its route leaves
   * by, or less when an ICMP "fragmentation needed" said so (RFC 1191). Undefined with no route.
   */
  pathMtu(dst: Ipv4Address): number | undefined {
    const route = this.byAddress.has(dst) ? undefined : this.routes.lookup(dst);
    const iface = route && this.byName.get(route.iface);
    if (!iface) return undefined;
    const learned = this.pathMtus.get(dst);
    return learned === undefined ? iface.mtu : Math.min(learned, iface.mtu);
  }

  /**
   * Takes in an ICMP "fragmentation needed" from `from` about a datagram to `dst` whose total
   * length was `quotedLength`: the path MTU it says (pathMtuFromIcmp) replaces what was known if
   * it is lower (recorded as `ip.pmtu`). Returns the path MTU to `dst` now.
   */
  learnPathMtu(
    dst: Ipv4Address,
    nextHopMtu: number,
    quotedLength: number,
    from: Ipv4Address,
  ): number | undefined {
    const current = this.pathMtu(dst);
    if (current === undefined) return undefined;
    const mtu = pathMtuFromIcmp(nextHopMtu, quotedLength);
    if (!this.pathMtus.lower(dst, mtu, current)) return current;
    const t = this.sim.now();
    const node = this.name;
    this.sim.record({
      t,
      type: 'ip.pmtu',
      node,
      dst: formatIpv4(dst),
      mtu,
      from: formatIpv4(from),
    });
    return mtu;
  }

  /** Originates a packet: allocates its id, picks its source address and TTL, and sends it. */
  send(out: OutgoingPacket): SendResult {
    return this.sendPacket(this.originate(out, out.src ?? this.sourceAddressFor(out.dst) ?? 0));
  }

  /**
   * Originates a packet out of the interface `ifaceName` rather than by the routing table: a DHCP
   * client's broadcast from 0.0.0.0 before it has an address, or a server's answer on the segment
   * its request came from, to the broadcast address or to `mac` without asking ARP (RFC 2131
   * section 4.1). The source is the interface's address unless given. The output and postrouting
   * hooks see it as any packet of the node's own; it is never fragmented (DHCP fits any MTU).
   */
  sendOn(ifaceName: string, out: OutgoingPacket, mac?: MacAddress): SendResult {
    const iface = this.iface(ifaceName);
    const packet = this.originate(out, out.src ?? iface.address);
    if (!this.running) {
      this.drop(packet, 'nodeDown');
      return { ok: false, packet, reason: 'nodeDown' };
    }
    const context = { outIface: iface };
    let sent: Packet | undefined = this.hooks.run('output', packet, context);
    if (sent) sent = this.hooks.run('postrouting', sent, context);
    if (!sent) return { ok: false, packet, reason: 'filtered' };
    if (!iface.passes || !iface.link) {
      const reason = !this.running ? 'nodeDown' : iface.link ? 'interfaceDown' : 'notConnected';
      this.drop(sent, reason);
      return { ok: false, packet: sent, reason };
    }
    if (mac === undefined) this.arp.output(iface, sent, sent.ip.dst);
    else this.arp.outputTo(iface, sent, mac);
    return { ok: true, packet: sent };
  }

  /** A packet of this node's own from `out`: its id, its header with `src` and the node's TTL. */
  private originate(out: OutgoingPacket, src: Ipv4Address): Packet {
    const packet: Packet = {
      id: this.ids.next(),
      ip:
        out.ip === undefined
          ? defaultIpv4Header(this.ttl, src, out.dst)
          : ipv4Header({ ttl: this.ttl, ...out.ip, src, dst: out.dst }),
      transport: out.transport,
      payload: out.payload ?? EMPTY,
    };
    if (!packet.ip.dontFragment && out.ip?.identification === undefined) {
      packet.ip.identification = this.nextIdentification();
    }
    return packet;
  }

  /**
   * The Identification of the next datagram this node sends without Don't Fragment: one counter
   * per node from a random start (Linux keeps one per destination; RFC 6864 asks only that it not
   * repeat too soon between the same hosts).
   */
  nextIdentification(): number {
    if (this.identification < 0) {
      this.identification = this.sim.random.stream(`node:${this.name}/ip-id`).nextUint32() & 0xffff;
    }
    const id = this.identification;
    this.identification = (id + 1) & 0xffff;
    return id;
  }

  /**
   * Sends a complete packet (id and source already set) as this node's own: to itself after
   * zero delay when addressed to one of its addresses, else out of the interface its route gives.
   * With no route the packet is dropped (`ip.drop` noRoute) and no ICMP error is sent.
   */
  sendPacket(packet: Packet, options: SendOptions = {}): SendResult {
    if (!this.running) {
      this.drop(packet, 'nodeDown');
      return { ok: false, packet, reason: 'nodeDown' };
    }
    const local = this.byAddress.get(packet.ip.dst);
    if (local) {
      this.sim.schedule(0, this.deliverEvent, { packet, iface: local });
      return { ok: true, packet };
    }
    const route = this.routes.lookup(packet.ip.dst);
    if (!route) {
      this.drop(packet, 'noRoute');
      return { ok: false, packet, reason: 'noRoute' };
    }
    const outIface = this.byName.get(route.iface) as NetInterface;
    let out: Packet | undefined = packet;
    if (!options.skipOutputHooks) out = this.hooks.run('output', out, { outIface });
    if (out) out = this.hooks.run('postrouting', out, { outIface });
    if (!out) return { ok: false, packet, reason: 'filtered' };
    const learned = this.pathMtus.size > 0 ? this.pathMtus.get(out.ip.dst) : undefined;
    const mtu = learned === undefined ? outIface.mtu : Math.min(learned, outIface.mtu);
    const failed = this.transmit(outIface, out, route.gateway ?? out.ip.dst, mtu, true);
    return failed ? { ok: false, packet: out, reason: failed } : { ok: true, packet: out };
  }

  /** Sends ICMP Port Unreachable about `offending` (a UDP datagram to a port nobody listens on). */
  sendPortUnreachable(offending: Packet): void {
    this.sendIcmpError(offending, (origin) => portUnreachable(offending, origin), offending.ip.dst);
  }

  /** Sends ICMP Destination Unreachable with `code` (one of ICMP_UNREACHABLE) about `offending`. */
  sendDestinationUnreachable(offending: Packet, code: number, nextHopMtu = 0): void {
    const src = this.isLocal(offending.ip.dst) ? offending.ip.dst : undefined;
    const build = (origin: IcmpErrorOrigin): Packet =>
      destinationUnreachable(offending, code, origin, nextHopMtu);
    this.sendIcmpError(offending, build, src);
  }

  /**
   * Sends ICMP Time Exceeded about `offending`: TTL exceeded in transit (code 0), or fragment
   * reassembly time exceeded (code 1, ICMP_TIME_EXCEEDED.fragmentReassembly).
   */
  sendTimeExceeded(offending: Packet, code: number = ICMP_TIME_EXCEEDED.ttl): void {
    const src = this.isLocal(offending.ip.dst) ? offending.ip.dst : undefined;
    this.sendIcmpError(offending, (origin) => timeExceeded(offending, origin, code), src);
  }

  /**
   * A packet arrived on `iface` (called by the interface). Delivered if addressed to this node;
   * otherwise dropped by a host, or routed by a router: TTL checked and decremented, a new
   * Packet object with the same id sent on, or an ICMP error sent back to the source.
   */
  receive(frame: Frame, iface: NetInterface): void {
    if (isArpFrame(frame)) {
      if (iface.passes) this.arp.input(frame, iface);
      return;
    }
    // A BPDU (to the bridges' group address): no protocol of a host or router takes it, and Linux
    // drops it unseen, as here.
    if (isBpduFrame(frame)) return;
    const arrived = frame;
    if (!iface.passes) {
      this.drop(arrived, this.running ? 'interfaceDown' : 'nodeDown');
      return;
    }
    // A frame for another station's MAC (flooded by a switch) goes no further than the card. A
    // packet with no frame (handed over by a test) is taken as addressed here.
    const eth = arrived.eth;
    if (eth !== undefined && eth.dst !== iface.mac && !isMulticast(eth.dst)) {
      this.drop(arrived, 'otherHost');
      return;
    }
    const intact = arrived.corruptBits === undefined ? arrived : checkIpHeader(arrived);
    if (!intact) {
      this.drop(arrived, 'badChecksum');
      return;
    }
    const packet = this.hooks.run('prerouting', intact, { inIface: iface });
    if (!packet) return;
    const dst = packet.ip.dst;
    if (dst === BROADCAST || this.byAddress.has(dst)) {
      let whole = packet;
      let damaged = false;
      if (isFragment(packet.ip)) {
        const rebuilt = this.reassembly.add(packet);
        if (!rebuilt) return;
        whole = rebuilt.packet;
        damaged = rebuilt.damaged;
      }
      const accepted = this.hooks.run('input', whole, { inIface: iface });
      if (accepted) this.deliver(accepted, iface, damaged);
      return;
    }
    if (!this.router) {
      this.drop(packet, 'notForMe');
      return;
    }
    const route = this.routes.lookup(dst);
    if (!route) {
      this.drop(packet, 'noRoute');
      this.sendDestinationUnreachable(packet, ICMP_UNREACHABLE.network);
      return;
    }
    if (route.source === 'connected' && route.iface === iface.name) {
      // For a neighbour on the segment it came from: seen only because a switch flooded it.
      this.drop(packet, 'notForMe');
      return;
    }
    if (packet.ip.ttl <= 1) {
      this.drop(packet, 'ttl');
      this.sendTimeExceeded(packet);
      return;
    }
    const out = this.byName.get(route.iface) as NetInterface;
    if (packet.ip.dontFragment && wireSize(packet) > out.mtu) {
      // As Linux's ip_forward: before the TTL is decremented and the forward hooks see it.
      this.drop(packet, 'fragmentationNeeded');
      this.sendDestinationUnreachable(packet, ICMP_UNREACHABLE.fragmentationNeeded, out.mtu);
      return;
    }
    const decremented: Packet = {
      id: packet.id,
      ip: { ...packet.ip, ttl: packet.ip.ttl - 1 },
      transport: packet.transport,
      payload: packet.payload,
    };
    // Damage past the IP header travels on (the header checksum is redone, the transport's not).
    if (packet.corruptBits !== undefined) decremented.corruptBits = packet.corruptBits;
    const context = { inIface: iface, outIface: out };
    const forwarded = this.hooks.run('forward', decremented, context);
    if (!forwarded) return;
    const words = routeWords(route);
    this.sim.record({
      t: this.sim.now(),
      type: 'ip.forward',
      node: this.name,
      pkt: packet.id,
      fromIface: iface.name,
      toIface: out.name,
      route: words.route,
      via: words.via,
    });
    const leaving = this.hooks.run('postrouting', forwarded, context);
    if (leaving) this.transmit(out, leaving, route.gateway ?? leaving.ip.dst, out.mtu, false);
  }

  private deliver(packet: Packet, iface: NetInterface, damaged = false): void {
    const protocol = ipProtocolOf(packet.transport);
    const handler = this.handlers.get(protocol);
    if (!handler) {
      this.drop(packet, 'noProtocol');
      if (protocol !== IP_PROTOCOL.icmp) {
        this.sendDestinationUnreachable(packet, ICMP_UNREACHABLE.protocol);
      }
      return;
    }
    const t = this.sim.now();
    const { name: node } = this;
    this.sim.record({ t, type: 'ip.deliver', node, iface: iface.name, pkt: packet.id, protocol });
    if (damaged) {
      recordTransportDrop(this.sim, node, packet);
      return;
    }
    if (packet.corruptBits !== undefined && droppedByTransport(this.sim, node, packet)) return;
    handler(packet, iface);
  }

  /**
   * Puts a packet on `iface`'s link towards the station `nextHop` (once ARP knows its MAC), in
   * fragments when it is bigger than `mtu` (the interface's, or the path MTU the node knows for
   * its own packets): undefined when sent, else why not. A packet of this node's own with Don't
   * Fragment that does not fit is dropped without an ICMP message (the sending socket is told,
   * EMSGSIZE); forwarded ones were checked before.
   */
  private transmit(
    iface: NetInterface,
    packet: Packet,
    nextHop: Ipv4Address,
    mtu: number,
    own: boolean,
  ): 'notConnected' | 'interfaceDown' | 'nodeDown' | 'tooBig' | undefined {
    if (!iface.passes) {
      const reason = this.running ? 'interfaceDown' : 'nodeDown';
      this.drop(packet, reason);
      return reason;
    }
    const link = iface.link;
    if (!link) {
      this.drop(packet, 'notConnected');
      return 'notConnected';
    }
    if (wireSize(packet) <= mtu) {
      this.arp.output(iface, packet, nextHop);
      return undefined;
    }
    if (packet.ip.dontFragment) {
      this.drop(packet, 'fragmentationNeeded');
      if (!own) this.sendDestinationUnreachable(packet, ICMP_UNREACHABLE.fragmentationNeeded, mtu);
      return 'tooBig';
    }
    const fragments = fragmentPacket(packet, mtu, () => this.ids.next());
    this.sim.record({
      t: this.sim.now(),
      type: 'ip.fragment',
      node: this.name,
      pkt: packet.id,
      iface: iface.name,
      mtu,
      fragments: fragments.map((f) => f.id),
      packet,
    });
    for (const fragment of fragments) this.arp.output(iface, fragment, nextHop);
    return undefined;
  }

  /**
   * ARP found no MAC for the packet's next hop: it is dropped, and a router tells the source
   * with ICMP Host Unreachable, as Linux does (arp_error_report); its own packets it just drops.
   */
  private unresolved(packet: Packet): void {
    this.drop(packet, 'arpFailed');
    if (this.router && !this.isLocal(packet.ip.src)) {
      this.sendDestinationUnreachable(packet, ICMP_UNREACHABLE.host);
    }
  }

  private sendIcmpError(
    offending: Packet,
    build: (origin: IcmpErrorOrigin) => Packet,
    src?: Ipv4Address,
  ): void {
    if (!mayTriggerIcmpError(offending)) return;
    const from = src ?? this.sourceAddressFor(offending.ip.src) ?? this.ifaces[0]?.address ?? 0;
    const identification = this.nextIdentification();
    this.sendPacket(build({ id: this.ids.next(), src: from, ttl: this.ttl, identification }));
  }

  private drop(packet: Packet, reason: IpDropReason): void {
    const t = this.sim.now();
    this.sim.record({ t, type: 'ip.drop', node: this.name, pkt: packet.id, reason });
  }
}
