// The packet as a node's own routing and sockets see it: one that arrived, after PREROUTING's NAT
// rewrote its destination; one the node made, before POSTROUTING's NAT rewrote its source. The
// trace keeps packets as the wires carried them, and `nat.translate` says what changed.

import { parseIpv4 } from '../../net/wire/ipv4Address.ts';
import type { Packet } from '../../net/wire/packet.ts';
import type { Visit } from './decisionTypes.ts';
import { first } from './packetVisits.ts';

/** `10.0.0.1:80` or `10.0.0.1` as an address and maybe a port. */
function endpoint(text: string): { address: number; port?: number } | undefined {
  const [host = '', port] = text.split(':');
  const parsed = parseIpv4(host);
  if (!parsed.ok) return undefined;
  return port === undefined
    ? { address: parsed.address }
    : { address: parsed.address, port: Number(port) };
}

/** `packet` with its source or destination moved to `to`. */
function moved(packet: Packet, end: 'src' | 'dst', to: string): Packet {
  const where = endpoint(to);
  if (!where) return packet;
  const transport = packet.transport;
  const portful = transport.kind === 'tcp' || transport.kind === 'udp';
  return {
    ...packet,
    ip: { ...packet.ip, [end]: where.address },
    transport:
      portful && where.port !== undefined
        ? { ...transport, [end === 'src' ? 'srcPort' : 'dstPort']: where.port }
        : transport,
  };
}

/** The visit's packet as the node itself handles it (undefined if the trace has none). */
export function innerPacket(visit: Visit): Packet | undefined {
  const packet = visit.packet;
  if (!packet) return undefined;
  const nat = first(visit, 'nat.translate');
  if (!nat) return packet;
  const { way, from, to } = nat.record;
  if (!visit.made && way === 'in') return moved(packet, 'dst', to);
  if (visit.made && way === 'out') return moved(packet, 'src', from);
  return packet;
}
