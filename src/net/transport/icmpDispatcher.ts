// A node's ICMP: answers echo requests (so ping works) and hands each ICMP error to the transport
// protocol whose datagram it quotes, so a UDP or TCP socket learns of its unreachable peer.

import type { NetNode } from '../ip/netNode.ts';
import { readQuote, type QuotedDatagram } from '../wire/icmpErrors.ts';
import type { IcmpHeader, Packet } from '../wire/packet.ts';

/** Receives ICMP errors about datagrams of one protocol that this node sent. */
export type IcmpErrorHandler = (error: {
  header: IcmpHeader;
  quoted: QuotedDatagram;
  packet: Packet;
}) => void;

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
      this.node.send({
        dst: packet.ip.src,
        src: packet.ip.dst,
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
    this.errorHandlers.get(quote.quoted.protocol)?.({ header, quoted: quote.quoted, packet });
  }
}
