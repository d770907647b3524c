// Builds the packets of a scripted exchange without a simulator: a TCP connection (handshake, data
// each way with its ACKs, FIN close) with correct sequence numbers, and UDP datagrams. For fidelity
// tests against tshark and for worked examples; the simulator's own TCP does not use it.
import { ipv4Header, tcpFlags } from '../wire/packet.ts';
import type { Packet, TcpFlags } from '../wire/packet.ts';
import type { Ipv4Address } from '../wire/ipv4Address.ts';

/** A packet and the simulated time it was seen, as a capture holds it. */
export interface TimedPacket {
  timeNs: number;
  packet: Packet;
}

/** One end of a flow: address and port. */
export interface FlowEnd {
  address: Ipv4Address;
  port: number;
}

/** Hands out packet ids and IP identifications (one counter per source, as Linux per flow). */
export class FlowScript {
  readonly frames: TimedPacket[] = [];
  private nextId = 1;
  private readonly ipIds = new Map<number, number>();
  /** Simulated time of the next frame; each frame advances it by `stepNs`. */
  timeNs: number;

  constructor(
    startNs = 0,
    readonly stepNs = 1_000_000,
  ) {
    this.timeNs = startNs;
  }

  /** Appends a packet at the current time and advances the clock. */
  add(build: (id: number, ipId: (src: Ipv4Address) => number) => Packet): Packet {
    const packet = build(this.nextId++, (src) => {
      const id = this.ipIds.get(src) ?? 0x4000;
      this.ipIds.set(src, (id + 1) & 0xffff);
      return id;
    });
    this.frames.push({ timeNs: this.timeNs, packet });
    this.timeNs += this.stepNs;
    return packet;
  }

  /** A UDP datagram from `from` to `to` carrying `payload`. */
  udp(from: FlowEnd, to: FlowEnd, payload: Uint8Array): Packet {
    return this.add((id, ipId) => ({
      id,
      ip: ipv4Header({
        src: from.address,
        dst: to.address,
        identification: ipId(from.address),
        dontFragment: false,
      }),
      transport: { kind: 'udp', srcPort: from.port, dstPort: to.port },
      payload,
    }));
  }

  /** A TCP connection between `client` and `server` in this script. */
  tcp(client: FlowEnd, server: FlowEnd, clientIsn = 1000, serverIsn = 5000): TcpScript {
    return new TcpScript(this, client, server, clientIsn, serverIsn);
  }
}

/** Which end of a TCP connection acts. */
export type Side = 'client' | 'server';

/**
 * A TCP connection played step by step (RFC 9293 section 3.4: SYN and FIN each take one sequence
 * number, data its length). Every data segment is acknowledged at once by the other side.
 */
export class TcpScript {
  private readonly next: Record<Side, number>;

  constructor(
    private readonly script: FlowScript,
    private readonly client: FlowEnd,
    private readonly server: FlowEnd,
    clientIsn: number,
    serverIsn: number,
  ) {
    this.next = { client: clientIsn >>> 0, server: serverIsn >>> 0 };
  }

  private segment(
    from: Side,
    flags: Partial<TcpFlags>,
    payload: Uint8Array = new Uint8Array(0),
  ): Packet {
    const src = from === 'client' ? this.client : this.server;
    const dst = from === 'client' ? this.server : this.client;
    const other: Side = from === 'client' ? 'server' : 'client';
    const seq = this.next[from];
    const all = tcpFlags(flags);
    const packet = this.script.add((id, ipId) => ({
      id,
      ip: ipv4Header({ src: src.address, dst: dst.address, identification: ipId(src.address) }),
      transport: {
        kind: 'tcp',
        srcPort: src.port,
        dstPort: dst.port,
        seq,
        ack: all.ack ? this.next[other] : 0,
        flags: all,
        window: 64240,
        urgentPointer: 0,
        options: all.syn ? [{ kind: 'mss', value: 1460 }] : [],
      },
      payload,
    }));
    const length = payload.length + (all.syn ? 1 : 0) + (all.fin ? 1 : 0);
    this.next[from] = (seq + length) >>> 0;
    return packet;
  }

  /** The three-way handshake: SYN, SYN+ACK, ACK. */
  open(): this {
    this.segment('client', { syn: true });
    this.segment('server', { syn: true, ack: true });
    this.segment('client', { ack: true });
    return this;
  }

  /** `from` sends `bytes` in segments of at most `mss`, PSH on the last; the other side ACKs. */
  send(from: Side, bytes: Uint8Array, mss = 1460): this {
    for (let at = 0; at < bytes.length; at += mss) {
      const last = at + mss >= bytes.length;
      this.segment(from, { ack: true, psh: last }, bytes.subarray(at, at + mss));
    }
    if (bytes.length > 0) this.segment(from === 'client' ? 'server' : 'client', { ack: true });
    return this;
  }

  /** `first` sends FIN, the other side answers FIN+ACK, `first` ACKs it. */
  close(first: Side = 'client'): this {
    const other: Side = first === 'client' ? 'server' : 'client';
    this.segment(first, { fin: true, ack: true });
    this.segment(other, { fin: true, ack: true });
    this.segment(first, { ack: true });
    return this;
  }
}
