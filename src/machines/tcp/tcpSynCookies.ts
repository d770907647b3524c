// A node's SYN cookies (RFC 4987 3.6; the cookie itself is src/net/tcp/synCookie.ts): the cookie
// SYN-ACK that answers a SYN when a listener's queue is full, and the check of the ACK that brings
// a cookie back. The secret key is 16 bytes of the node's own random stream
// (`node:NAME/tcp-syncookie`), drawn when the first cookie is made, so a run stays deterministic.

import type { Simulator } from '../../engine/simulator.ts';
import type { NetNode } from '../../net/ip/netNode.ts';
import { checkSynCookie, makeSynCookie, type CookieEnds } from '../../net/tcp/synCookie.ts';
import { seqAdd } from '../../net/tcp/seq.ts';
import { MAX_UNSCALED_WINDOW } from '../../net/tcp/tcpExtensions.ts';
import { tcpFlags, type Packet, type TcpHeader } from '../../net/wire/packet.ts';
import { DEFAULT_MTU } from '../../net/ip/netInterface.ts';
import { DEFAULT_PEER_MSS, type TcpConfig } from './tcpConfig.ts';
import './tcpTrace.ts';

const EMPTY = new Uint8Array(0);

/** The ends of the connection a segment from the client belongs to. */
function endsOf(packet: Packet): CookieEnds {
  const h = packet.transport as TcpHeader;
  return {
    client: packet.ip.src,
    clientPort: h.srcPort,
    server: packet.ip.dst,
    serverPort: h.dstPort,
  };
}

/** Makes and checks one node's SYN cookies. */
export class SynCookies {
  private key: Uint8Array | undefined;

  constructor(
    private readonly sim: Simulator,
    private readonly node: NetNode,
    private readonly config: TcpConfig,
  ) {}

  private secret(): Uint8Array {
    if (this.key) return this.key;
    const stream = this.sim.random.stream(`node:${this.node.name}/tcp-syncookie`);
    const key = new Uint8Array(16);
    for (let i = 0; i < 16; i += 4) new DataView(key.buffer).setUint32(i, stream.nextUint32());
    return (this.key = key);
  }

  /**
   * Answers `syn` with a cookie SYN-ACK: our MSS as its only option (window scaling, SACK and
   * timestamps cannot be encoded, so they are not offered), sequence number the cookie.
   */
  answer(syn: Packet): void {
    const h = syn.transport as TcpHeader;
    const option = h.options.find((o) => o.kind === 'mss');
    const peerMss = option?.kind === 'mss' ? option.value : DEFAULT_PEER_MSS;
    const { cookie, mss } = makeSynCookie(this.secret(), endsOf(syn), peerMss, this.sim.now());
    this.sim.record({
      t: this.sim.now(),
      type: 'tcp.synCookie',
      node: this.node.name,
      port: h.dstPort,
      pkt: syn.id,
      cookie,
      mss,
    });
    const linkMss = (this.node.interfaceMtu(syn.ip.src) ?? DEFAULT_MTU) - 40;
    this.node.send({
      dst: syn.ip.src,
      src: syn.ip.dst,
      transport: {
        kind: 'tcp',
        srcPort: h.dstPort,
        dstPort: h.srcPort,
        seq: cookie,
        ack: seqAdd(h.seq, 1),
        flags: tcpFlags({ syn: true, ack: true }),
        window: Math.min(this.config.receiveWindow, MAX_UNSCALED_WINDOW),
        urgentPointer: 0,
        // Our MSS, no more than the interface's MTU allows, as on any SYN-ACK (tcpSender.ts).
        options: [{ kind: 'mss', value: Math.min(this.config.mss, linkMss) }],
      },
      payload: EMPTY,
    });
  }

  /** The MSS the cookie `ack` brings back says, or undefined when it brings no valid cookie. */
  check(ack: Packet): number | undefined {
    if (!this.key) return undefined; // no cookie was ever made
    const h = ack.transport as TcpHeader;
    const result = checkSynCookie(this.key, endsOf(ack), seqAdd(h.ack, -1), this.sim.now());
    return result.ok ? result.mss : undefined;
  }
}
