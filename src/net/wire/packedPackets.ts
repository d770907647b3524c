// The trace store's packer for packets (engine/traceStore.ts `FieldPacker`): a packet's IPv4 and
// TCP or UDP header fields go into ten int32 slots, its payload and any TCP options stay as
// references, and its frame's addresses (`eth`) are an index into a table of the headers seen
// (a node shares one header object per neighbour, so the table stays small). A stored trace
// otherwise retains about five objects per packet (packet, IP header, transport, flags, options)
// through every link record; the collector copies each of them as it survives, which was a fifth
// of an HTTP run with the trace on (measured).
// `unpack` rebuilds the fields in the order of `Packet`'s declaration, which is the order every
// producer builds them in (defaultIpv4Header, tcpFlags, the TCP and UDP senders): so a rebuilt
// packet writes the same JSON as the original (checked on every shipped scenario). A packet this
// cannot pack exactly (IP options, ICMP, raw, an out-of-range field, bits a link flipped, an ARP
// frame) stays an object.

import type { FieldPacker } from '../../engine/traceStore.ts';
import type { EthernetAddresses } from './ethernet.ts';
import type { Ipv4Header, Packet, TcpFlags, TcpHeader, UdpHeader } from './packet.ts';
import type { TcpOption } from './tcpOptions.ts';
import { tcpFlagsFromByte } from './tcp.ts';

const STRIDE = 10;
const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;
/** Recently packed packets, found again by identity: a packet is in txBegin, then rx, records. */
const RECENT = 32;

const KIND_TCP = 1;
const KIND_UDP = 2;

const EMPTY_PAYLOAD = new Uint8Array(0);
/** Frame headers a packer keeps before it leaves further packets with new ones as objects. */
const MAX_HEADERS = 0xffff;

/** Whether `x` is an integer in 0..mask, for a mask of low bits (0xff, 0xffff, ...). */
const fits = (x: unknown, mask: number): x is number => typeof x === 'number' && (x & mask) === x;
/** Whether `x` is an unsigned 32-bit integer. */
const isUint32 = (x: unknown): x is number => typeof x === 'number' && x >>> 0 === x;

/** What a packer packed from handle `from` on (`deltaFrom`): its slots, payloads and options. */
export interface PackedPacketsDelta {
  from: number;
  columns: Int32Array;
  payloads: Uint8Array[];
  options: (readonly TcpOption[] | undefined)[];
  /** The whole table of frame headers (it only grows; a copy takes the entries it lacks). */
  headers: EthernetAddresses[];
}

/** Packs `Packet`s for the trace store; one per store (its handles index its own columns). */
export class PackedPackets implements FieldPacker {
  private readonly chunks: Int32Array[] = [];
  /** Per handle, the payload; per handle, TCP options if any (undefined: none, or UDP). */
  private readonly payloads: Uint8Array[] = [];
  private readonly options: (readonly TcpOption[] | undefined)[] = [];
  /** Frame headers by index (slot 9 holds index + 1, 0 for a packet with no frame). */
  private readonly headers: EthernetAddresses[] = [];
  private readonly headerIndex = new Map<EthernetAddresses, number>();
  private count = 0;
  private readonly recent: (object | undefined)[] = new Array<object | undefined>(RECENT);
  private readonly recentHandles = new Int32Array(RECENT);
  private recentNext = 0;

  /** Packets packed so far (each packed once, however many records name it). */
  get length(): number {
    return this.count;
  }

  pack(value: object): number {
    const recent = this.recent;
    for (let i = 0; i < RECENT; i++) {
      if (recent[i] === value) return this.recentHandles[i] as number;
    }
    const handle = this.packNew(value as Packet);
    if (handle >= 0) {
      const slot = this.recentNext;
      recent[slot] = value;
      this.recentHandles[slot] = handle;
      this.recentNext = (slot + 1) % RECENT;
    }
    return handle;
  }

  /** The packets packed from handle `from` on, for a copy of this packer (`applyDelta`). */
  deltaFrom(from: number): { next: number; data: PackedPacketsDelta } {
    const columns = new Int32Array((this.count - from) * STRIDE);
    for (let h = from; h < this.count;) {
      const chunk = this.chunks[h >>> CHUNK_BITS] as Int32Array;
      const slot = h & CHUNK_MASK;
      const n = Math.min(CHUNK - slot, this.count - h);
      columns.set(chunk.subarray(slot * STRIDE, (slot + n) * STRIDE), (h - from) * STRIDE);
      h += n;
    }
    const data = {
      from,
      columns,
      payloads: this.payloads.slice(from),
      options: this.options.slice(from),
      headers: this.headers.slice(),
    };
    return { next: this.count, data };
  }

  /** Appends another packer's `deltaFrom`, so its handles are this packer's too. */
  applyDelta(data: unknown): void {
    const delta = data as PackedPacketsDelta;
    if (delta.from !== this.count) {
      throw new RangeError(`packed packets from ${delta.from} on a copy of ${this.count}`);
    }
    for (let i = this.headers.length; i < delta.headers.length; i++) {
      this.addHeader(delta.headers[i] as EthernetAddresses);
    }
    const n = delta.payloads.length;
    for (let i = 0; i < n; i++) {
      const handle = this.count;
      const slot = handle & CHUNK_MASK;
      if (slot === 0) this.chunks.push(new Int32Array(CHUNK * STRIDE));
      (this.chunks[handle >>> CHUNK_BITS] as Int32Array).set(
        delta.columns.subarray(i * STRIDE, (i + 1) * STRIDE),
        slot * STRIDE,
      );
      this.payloads.push(delta.payloads[i] as Uint8Array);
      this.options.push(delta.options[i]);
      this.count = handle + 1;
    }
  }

  private packNew(packet: Packet): number {
    const { id, ip, transport, payload } = packet;
    if (!fits(id, 0x7fffffff) || !(payload instanceof Uint8Array)) return -1;
    if (packet.corruptBits !== undefined) return -1;
    if (ip.version !== 4 || ip.options !== undefined) return -1;
    const { dscp, ecn, identification, fragmentOffset, ttl, src, dst } = ip;
    if (!fits(dscp, 0x3f) || !fits(ecn, 3) || !fits(fragmentOffset, 0x1fff) || !fits(ttl, 0xff))
      return -1;
    if (!fits(identification, 0xffff) || !isUint32(src) || !isUint32(dst)) return -1;
    if (typeof ip.dontFragment !== 'boolean' || typeof ip.moreFragments !== 'boolean') return -1;
    let kind: number;
    let flagBits = 0;
    let seq = 0;
    let ack = 0;
    let windowAndUrgent = 0;
    let options: readonly TcpOption[] | undefined;
    if (transport.kind === 'tcp') {
      kind = KIND_TCP;
      flagBits = packFlags(transport.flags);
      if (flagBits < 0 || !isUint32(transport.seq) || !isUint32(transport.ack)) return -1;
      if (!fits(transport.window, 0xffff) || !fits(transport.urgentPointer, 0xffff)) return -1;
      if (!Array.isArray(transport.options)) return -1;
      seq = transport.seq;
      ack = transport.ack;
      windowAndUrgent = transport.window | (transport.urgentPointer << 16);
      if (transport.options.length > 0) options = transport.options;
    } else if (transport.kind === 'udp') {
      kind = KIND_UDP;
    } else return -1;
    if (!fits(transport.srcPort, 0xffff) || !fits(transport.dstPort, 0xffff)) return -1;
    let header = 0;
    if (packet.eth !== undefined) {
      const known = this.headerIndex.get(packet.eth);
      if (known !== undefined) header = known + 1;
      else if (this.headers.length < MAX_HEADERS) header = this.addHeader(packet.eth) + 1;
      else return -1;
    }

    const handle = this.count;
    const slot = handle & CHUNK_MASK;
    if (slot === 0) this.chunks.push(new Int32Array(CHUNK * STRIDE));
    const columns = this.chunks[handle >>> CHUNK_BITS] as Int32Array;
    const at = slot * STRIDE;
    columns[at] = id;
    columns[at + 1] =
      dscp |
      (ecn << 6) |
      (ip.dontFragment ? 1 << 8 : 0) |
      (ip.moreFragments ? 1 << 9 : 0) |
      (fragmentOffset << 10) |
      (ttl << 23);
    columns[at + 2] = identification | (kind << 16) | (flagBits << 18);
    columns[at + 3] = src | 0;
    columns[at + 4] = dst | 0;
    columns[at + 5] = (transport.srcPort << 16) | transport.dstPort;
    columns[at + 6] = seq | 0;
    columns[at + 7] = ack | 0;
    columns[at + 8] = windowAndUrgent;
    columns[at + 9] = header;
    this.payloads.push(payload.length === 0 ? EMPTY_PAYLOAD : payload);
    this.options.push(options);
    this.count = handle + 1;
    return handle;
  }

  unpack(handle: number): Packet {
    const columns = this.chunks[handle >>> CHUNK_BITS] as Int32Array;
    const at = (handle & CHUNK_MASK) * STRIDE;
    const ipBits = columns[at + 1] as number;
    const word = columns[at + 2] as number;
    const ports = columns[at + 5] as number;
    const ip: Ipv4Header = {
      version: 4,
      dscp: ipBits & 0x3f,
      ecn: (ipBits >>> 6) & 3,
      identification: word & 0xffff,
      dontFragment: (ipBits & (1 << 8)) !== 0,
      moreFragments: (ipBits & (1 << 9)) !== 0,
      fragmentOffset: (ipBits >>> 10) & 0x1fff,
      ttl: (ipBits >>> 23) & 0xff,
      src: (columns[at + 3] as number) >>> 0,
      dst: (columns[at + 4] as number) >>> 0,
    };
    const srcPort = ports >>> 16;
    const dstPort = ports & 0xffff;
    let transport: TcpHeader | UdpHeader;
    if (((word >>> 16) & 3) === KIND_TCP) {
      const windowAndUrgent = columns[at + 8] as number;
      transport = {
        kind: 'tcp',
        srcPort,
        dstPort,
        seq: (columns[at + 6] as number) >>> 0,
        ack: (columns[at + 7] as number) >>> 0,
        flags: tcpFlagsFromByte(word >>> 18),
        window: windowAndUrgent & 0xffff,
        urgentPointer: windowAndUrgent >>> 16,
        options: this.options[handle] ?? [],
      };
    } else {
      transport = { kind: 'udp', srcPort, dstPort };
    }
    const id = columns[at] as number;
    const payload = this.payloads[handle] as Uint8Array;
    const header = columns[at + 9] as number;
    return header === 0
      ? { id, ip, transport, payload }
      : { id, eth: this.headers[header - 1] as EthernetAddresses, ip, transport, payload };
  }

  /** Adds a frame header to the table; its index. */
  private addHeader(header: EthernetAddresses): number {
    const index = this.headers.length;
    this.headers.push(header);
    this.headerIndex.set(header, index);
    return index;
  }
}

/**
 * The eight TCP flags as the control-bits octet (`tcpFlagsByte`, which `tcpFlagsFromByte` reads
 * back), or -1 if one is not a boolean.
 */
function packFlags(flags: TcpFlags): number {
  const { cwr, ece, urg, ack, psh, rst, syn, fin } = flags;
  if (
    typeof cwr !== 'boolean' ||
    typeof ece !== 'boolean' ||
    typeof urg !== 'boolean' ||
    typeof ack !== 'boolean' ||
    typeof psh !== 'boolean' ||
    typeof rst !== 'boolean' ||
    typeof syn !== 'boolean' ||
    typeof fin !== 'boolean'
  )
    return -1;
  return (
    (cwr ? 0x80 : 0) |
    (ece ? 0x40 : 0) |
    (urg ? 0x20 : 0) |
    (ack ? 0x10 : 0) |
    (psh ? 8 : 0) |
    (rst ? 4 : 0) |
    (syn ? 2 : 0) |
    (fin ? 1 : 0)
  );
}
