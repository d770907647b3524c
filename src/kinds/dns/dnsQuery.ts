// One question a stub resolver puts to its server (RFC 1035 section 7, RFC 5452): a query from a
// fresh random port with a random id, sent again after each timeout, a response accepted only if
// it matches an id and the question sent, and the server's error codes final. The question is an
// address (A) or a domain's mail exchangers (MX); what a response answers is the caller's reading.

import { createActor } from 'xstate';
import type { Simulator } from '../../engine/simulator.ts';
import { NS_PER_MS } from '../../engine/time.ts';
import type { RandomStream } from '../../engine/random.ts';
import {
  decodeDns,
  DNS_PORT,
  normalizeName,
  RCODE,
  rcodeName,
  type DnsMessage,
} from '../../net/app/dns/dnsMessage.ts';
import { encodeDns, makeDnsQuery } from '../../net/app/dns/dnsEncode.ts';
import type { UdpLayer, UdpSocket } from '../../net/transport/udpLayer.ts';
import { EPHEMERAL_FIRST, EPHEMERAL_LAST } from '../../net/transport/portTable.ts';
import type { Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { dnsLookupMachine, type DnsLookupAnswer } from './dnsLookupMachine.ts';

/** What a resolver asks with: its node's UDP, its named random streams, its server and timers. */
export interface QueryWire {
  sim: Simulator;
  udp: UdpLayer;
  ids: RandomStream;
  ports: RandomStream;
  server: Ipv4Address;
  /** Wait per query before asking again, ms. */
  timeoutMs: number;
  retries: number;
}

/** What one question's caller hears. */
export interface QueryHooks {
  /** A query went out (attempt 0, then each retry). */
  sent(id: number, attempt: number): void;
  /** What a NOERROR response answers, or undefined when it has no data of the type asked. */
  read(response: DnsMessage): DnsLookupAnswer | undefined;
  answered(answer: DnsLookupAnswer): void;
  failed(error: string, rcode: number | null): void;
}

/** Asks `wire.server` for `name`'s records of `qtype`. */
export function askServer(wire: QueryWire, name: string, qtype: number, hooks: QueryHooks): void {
  const socket = openSocket(wire);
  if (!socket) return hooks.failed('EADDRNOTAVAIL', null);
  const ids = new Set<number>();
  const { server } = wire;
  const machine = dnsLookupMachine.provide({
    actions: {
      sendQuery: (_, attempt) => {
        const id = wire.ids.integer(0, 0xffff);
        ids.add(id);
        hooks.sent(id, attempt);
        socket.sendTo(server, DNS_PORT, encodeDns(makeDnsQuery(id, name, qtype)));
      },
      answered: (_, answer) => hooks.answered(answer),
      failed: (_, { error, rcode }) => hooks.failed(error, rcode),
    },
  });
  const actor = createActor(machine, {
    clock: wire.sim.clock,
    input: { timeoutMs: wire.timeoutMs, retries: wire.retries },
  });
  actor.subscribe({
    complete: () => {
      socket.close();
    },
  });
  socket.onMessage = (datagram) => {
    if (datagram.from !== server || datagram.fromPort !== DNS_PORT) return;
    const decoded = decodeDns(datagram.payload);
    if (!decoded.ok) return;
    const response = decoded.message;
    // RFC 5452 section 9.1: accept only a response that matches an id and the question sent.
    const question = response.questions[0];
    if (!response.flags.qr || !ids.has(response.id)) return;
    if (!question || normalizeName(question.name) !== name || question.type !== qtype) return;
    const rcode = response.flags.rcode;
    if (rcode !== RCODE.NOERROR) {
      // NXDOMAIN, SERVFAIL, REFUSED, ...: the server's word is final, no retry.
      actor.send({ type: 'dns.error', error: rcodeName(rcode), rcode });
      return;
    }
    const found = hooks.read(response);
    if (found) actor.send({ type: 'dns.answer', ...found });
    else actor.send({ type: 'dns.error', error: 'NODATA', rcode }); // no record of that type
  };
  socket.onError = (error) => actor.send({ type: 'dns.error', error, rcode: null });
  actor.start();
  actor.send({ type: 'dns.lookup' });
}

/** A socket on a random ephemeral port (RFC 5452 section 9.2), or the next free one. */
function openSocket(wire: QueryWire): UdpSocket | undefined {
  const port = wire.ports.integer(EPHEMERAL_FIRST, EPHEMERAL_LAST);
  const bound = wire.udp.bind(port);
  if (bound.ok) return bound.value;
  const any = wire.udp.bind();
  return any.ok ? any.value : undefined;
}

/** A timeout in ns as the machine's ms. */
export const msOf = (ns: number) => ns / NS_PER_MS;
