// An authoritative DNS server on UDP port 53: decodes each query, answers from its zone after an
// optional service delay, FORMERR for messages it cannot parse, NOTIMP for opcodes other than QUERY.
// Plain code: a server that answers each datagram on its own has no state a learner follows.

import type { Simulator } from '../../engine/simulator.ts';
import { decodeDns, RCODE, type DnsMessage } from '../../net/app/dns/dnsMessage.ts';
import { encodeDns, makeDnsResponse, makeDnsQuery } from '../../net/app/dns/dnsEncode.ts';
import type { Datagram, UdpSocket } from '../../net/transport/udpLayer.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { answerFromZone, type Zone } from './dnsZone.ts';
import './dnsTrace.ts';

/** The response a server sends to the bytes of one datagram, or undefined to stay silent. */
export function respond(zone: Zone, bytes: Uint8Array): DnsMessage | undefined {
  const decoded = decodeDns(bytes);
  if (!decoded.ok) {
    // RFC 1035 4.1.1: FORMERR when the server could not interpret the query; it needs the id.
    if (bytes.length < 2) return undefined;
    const header = makeDnsQuery(((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0), 'invalid');
    return { ...makeDnsResponse(header, [], RCODE.FORMERR), questions: [] };
  }
  const query = decoded.message;
  if (query.flags.qr) return undefined; // never answer a response
  if (query.flags.opcode !== 0) return makeDnsResponse(query, [], RCODE.NOTIMP);
  const question = query.questions[0];
  if (query.questions.length !== 1 || !question) return makeDnsResponse(query, [], RCODE.FORMERR);
  const { rcode, answers } = answerFromZone(zone, question);
  return makeDnsResponse(query, answers, rcode);
}

/**
 * Serves `zone` on `socket`; each response leaves `delayNs` after its query arrived. `where`
 * names the server in its records (`app` is its name in the trace, `dns`).
 */
export function serveZone(
  sim: Simulator,
  socket: UdpSocket,
  where: { node: string; app: string },
  zone: Zone,
  delayNs = 0,
): void {
  const { node, app } = where;
  const answer = (datagram: Datagram): void => {
    const client = `${formatIpv4(datagram.from)}:${datagram.fromPort}`;
    const response = respond(zone, datagram.payload);
    if (!response) {
      const bytes = datagram.payload.length;
      sim.record({ t: sim.now(), type: 'dns.ignore', node, app, client, bytes });
      return;
    }
    sim.record({
      t: sim.now(),
      type: 'dns.serve',
      node,
      app,
      client,
      name: response.questions[0]?.name ?? '',
      id: response.id,
      rcode: response.flags.rcode,
    });
    socket.sendTo(datagram.from, datagram.fromPort, encodeDns(response));
  };
  socket.onMessage = (datagram) => {
    if (delayNs > 0) sim.schedule(delayNs, answer, datagram);
    else answer(datagram);
  };
}
