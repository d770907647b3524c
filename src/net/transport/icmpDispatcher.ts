// A node's ICMP: answers echo requests (so ping works) and hands each ICMP error to the transport
// protocol whose datagram it quotes, so a UDP or TCP socket learns of its unreachable peer. A
// "fragmentation needed" first teaches the node the path MTU to the quoted destination (RFC 1191).

import type { NetNode } from '../ip/netNode.ts';
import { readQuote, type QuotedDatagram } from '../wire/icmpErrors.ts';
import { ICMP_UNREACHABLE, type IcmpHeader, type Packet } from '../wire/packet.ts';

/** Receives ICMP errors about datagrams of one protocol that this node sent. */
export type IcmpErrorHandler = (error: {
  header: IcmpHeader;
  quoted: QuotedDatagram;
  packet: Packet;
}) => void;

/** The IP header fields of an echo reply: Don't Fragment off. */
const NO_DF = Object.freeze({ dontFragment: false });

/** Owns a node's ICMP delivery hook. */
export class IcmpDispatcher {
  private readonly errorHandlers = new Map<number, IcmpErrorHandler>();

  constructor(private readonly node: NetNode) {
    node.onDeliver('icmp', (packet) => this.receive(packet));
  }

  /** Routes ICMP errors quoting `protocol` (6 TCP, 17 UDP) to `handler`. */
  onError(protocol: number, handler: IcmpErrorHandler): void {
    this.errorHandlers.set(protocol, handler);
  }

  private receive(packet: Packet): void {
    const header = packet.transport;
    if (header.kind !== 'icmp') return;
    if (header.message === 'echoRequest') {
      // Without Don't Fragment, as Linux's ICMP socket (IP_PMTUDISC_DONT): a big echo's reply
      // is fragmented rather than lost.
      this.node.send({
        dst: packet.ip.src,
        src: packet.ip.dst,
        ip: NO_DF,
        transport: {
          kind: 'icmp',
          message: 'echoReply',
          identifier: header.identifier,
          sequence: header.sequence,
        },
        payload: packet.payload,
      });
      return;
    }
    if (header.message !== 'destinationUnreachable' && header.message !== 'timeExceeded') return;
    const quote = readQuote(packet.payload);
    if (!quote.ok) return;
    if (
      header.message === 'destinationUnreachable' &&
      header.code === ICMP_UNREACHABLE.fragmentationNeeded &&
      this.node.isLocal(quote.quoted.ip.src)
    ) {
      const { ip, totalLength } = quote.quoted;
      this.node.learnPathMtu(ip.dst, header.nextHopMtu, totalLength, packet.ip.src);
    }
    this.errorHandlers.get(quote.quoted.protocol)?.({ header, quoted: quote.quoted, packet });
  }
}
