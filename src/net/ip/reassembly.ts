// Reassembly of IPv4 fragments at their destination (RFC 791 section 3.2, with RFC 815's hole
// descriptors): fragments of one datagram (same source, destination, protocol and
// Identification) are kept until no hole is left, then the datagram is rebuilt from the first
// fragment's header and every fragment's data and decoded once, so the transport sees it whole.
// A datagram not complete within the timeout (Linux's ipfrag_time, 30 s) is thrown away, and
// when its first fragment had come the node sends ICMP Time Exceeded, code 1 (RFC 792).

import type { EventId, Simulator } from '../../engine/simulator.ts';
import { NS_PER_S, type Nanos } from '../../engine/time.ts';
import { wireBytes } from '../wire/corruption.ts';
import { MAX_IPV4_DATAGRAM } from '../wire/ipFragments.ts';
import { writeIpv4Header } from '../wire/ipv4.ts';
import { formatIpv4 } from '../wire/ipv4Address.ts';
import { ipHeaderLength, ipProtocolOf, type Packet } from '../wire/packet.ts';
import { decodePacket } from '../wire/packetCodec.ts';
import './ipTrace.ts';

/** How long a datagram's fragments wait for the rest: Linux's ipfrag_time, 30 s. */
export const REASSEMBLY_TIMEOUT: Nanos = 30 * NS_PER_S;

/** A hole: bytes first..last of the datagram's data not yet received (RFC 815). */
interface Hole {
  first: number;
  last: number;
}

/** The fragments of one datagram received so far. */
interface Pending {
  key: string;
  src: number;
  dst: number;
  protocol: number;
  identification: number;
  holes: Hole[];
  /** Each fragment's data and where it goes, in arrival order (a later one wins an overlap). */
  pieces: { first: number; data: Uint8Array }[];
  /** Ids of the fragments received, in arrival order. */
  ids: number[];
  /** The fragment with offset 0, whose header the datagram takes. */
  first: Packet | undefined;
  timer: EventId;
}

/** A datagram rebuilt: the packet, and whether its transport's checksum fails. */
export interface Reassembled {
  packet: Packet;
  damaged: boolean;
}

/** What a reassembler needs from its node. */
export interface ReassemblyHost {
  readonly sim: Simulator;
  readonly name: string;
  /** A new packet id. */
  nextId(): number;
  /** Sends ICMP Time Exceeded, fragment reassembly time exceeded, about `first`. */
  reassemblyTimedOut(first: Packet): void;
  /** Drops a packet that cannot be part of a datagram (`ip.drop` badFragment). */
  badFragment(packet: Packet): void;
}

/** One node's datagrams in reassembly. */
export class Reassembler {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly host: ReassemblyHost,
    private readonly timeout: Nanos = REASSEMBLY_TIMEOUT,
  ) {}

  /** Datagrams waiting for fragments. */
  get size(): number {
    return this.pending.size;
  }

  /**
   * Takes a fragment addressed to this node: the datagram once it is complete (recorded as
   * `ip.reassemble`), else undefined while holes remain.
   */
  add(fragment: Packet): Reassembled | undefined {
    const { ip } = fragment;
    const headerLength = ipHeaderLength(ip);
    const data =
      fragment.transport.kind === 'raw' && fragment.corruptBits === undefined
        ? fragment.payload
        : wireBytes(fragment).subarray(headerLength);
    const first = ip.fragmentOffset * 8;
    const last = first + data.length - 1;
    if (data.length === 0 || headerLength + last + 1 > MAX_IPV4_DATAGRAM) {
      this.host.badFragment(fragment);
      return undefined;
    }
    const protocol = ipProtocolOf(fragment.transport);
    const key = `${ip.src}>${ip.dst}/${protocol}#${ip.identification}`;
    let entry = this.pending.get(key);
    if (!entry) {
      const { src, dst, identification } = ip;
      const holes = [{ first: 0, last: Infinity }];
      entry = {
        key,
        src,
        dst,
        protocol,
        identification,
        holes,
        pieces: [],
        ids: [],
        first: undefined,
        timer: -1,
      };
      const made = entry;
      entry.timer = this.host.sim.schedule(this.timeout, () => this.expire(made));
      this.pending.set(key, entry);
    }
    entry.ids.push(fragment.id);
    entry.pieces.push({ first, data });
    if (first === 0) entry.first = fragment;
    entry.holes = fillHoles(entry.holes, first, last, ip.moreFragments);
    if (entry.holes.length > 0) return undefined;
    this.host.sim.cancel(entry.timer);
    this.pending.delete(key);
    return this.rebuild(entry);
  }

  /** Forgets every datagram in reassembly (the node crashed). */
  clear(): void {
    for (const entry of this.pending.values()) this.host.sim.cancel(entry.timer);
    this.pending.clear();
  }

  private rebuild(entry: Pending): Reassembled | undefined {
    const head = entry.first as Packet;
    const headerLength = ipHeaderLength(head.ip);
    let length = 0;
    for (const piece of entry.pieces) length = Math.max(length, piece.first + piece.data.length);
    const bytes = new Uint8Array(headerLength + length);
    const ip = { ...head.ip, moreFragments: false, fragmentOffset: 0 };
    writeIpv4Header(ip, ipProtocolOf(head.transport), bytes.length, bytes);
    for (const piece of entry.pieces) bytes.set(piece.data, headerLength + piece.first);
    const { sim, name } = this.host;
    const decoded = decodePacket(bytes, this.host.nextId());
    if (!decoded.ok) {
      // The transport header does not parse: damage the checksums would have caught.
      this.host.badFragment(head);
      return undefined;
    }
    const { packet } = decoded;
    sim.record({
      t: sim.now(),
      type: 'ip.reassemble',
      node: name,
      pkt: packet.id,
      identification: head.ip.identification,
      fragments: entry.ids,
      bytes: bytes.length,
      packet,
    });
    return { packet, damaged: decoded.wire.transportChecksumValid === false };
  }

  private expire(entry: Pending): void {
    this.pending.delete(entry.key);
    const { sim, name } = this.host;
    const { first } = entry;
    sim.record({
      t: sim.now(),
      type: 'ip.reassemblyTimeout',
      node: name,
      src: formatIpv4(entry.src),
      dst: formatIpv4(entry.dst),
      protocol: entry.protocol,
      identification: entry.identification,
      fragments: entry.ids,
      firstArrived: first !== undefined,
    });
    if (first) this.host.reassemblyTimedOut(first);
  }
}

/**
 * RFC 815's steps 1-7: the holes left after a fragment covering first..last arrives (`more`: its
 * More Fragments flag; the last fragment ends the datagram, so no hole is left past it).
 */
export function fillHoles(
  holes: readonly Hole[],
  first: number,
  last: number,
  more: boolean,
): Hole[] {
  const out: Hole[] = [];
  for (const hole of holes) {
    if (first > hole.last || last < hole.first) {
      out.push(hole);
      continue;
    }
    if (first > hole.first) out.push({ first: hole.first, last: first - 1 });
    if (last < hole.last && more) out.push({ first: last + 1, last: hole.last });
  }
  return out;
}
