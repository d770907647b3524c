// The dnsServer behaviour: an authoritative DNS server answering A queries from its zone on UDP
// port 53 (NXDOMAIN for names it lacks, REFUSED outside its origin). How it starts on a node, and
// its figures from the trace: queries and responses by RCODE.

import { DNS_PORT, rcodeName } from '../../net/app/dns/dnsMessage.ts';
import { zoneOf } from './dnsServerKind.ts';
import { defineAppBehaviour } from '../../sim/kinds/appKind.ts';
import { bindUdp } from '../../sim/build/appSockets.ts';
import { countInto, statusText } from '../../sim/summary/figureMath.ts';
import { serveZone } from './dnsServer.ts';
import { type DnsServerApp } from './dnsSchemas.ts';
import './dnsTrace.ts';

/** What a DNS server did. */
export interface DnsServerFigures {
  node: string;
  /** Datagrams it took as queries (answered or ignored). */
  queries: number;
  /** Responses by RCODE name (NOERROR, NXDOMAIN, ...). */
  rcodes: Record<string, number>;
}

export const dnsServerBehaviour = defineAppBehaviour<DnsServerApp, DnsServerFigures>({
  start(context, app) {
    const { sim, node, label } = context;
    const socket = bindUdp(context, app.port ?? DNS_PORT);
    if (!socket) return;
    serveZone(sim, socket, { node, app: label }, zoneOf(app), app.delay ?? 0);
  },
  figures: {
    fold({ node }) {
      let queries = 0;
      const rcodes: Record<string, number> = {};
      return {
        types: ['dns.serve', 'dns.ignore'],
        add(record) {
          queries++;
          if (record.type === 'dns.serve') countInto(rcodes, rcodeName(record.rcode));
        },
        result: () => ({ node, queries, rcodes: { ...rcodes } }),
      };
    },
    lines: (d) => [`dns server ${d.node}: ${d.queries} queries (${statusText(d.rcodes)})`],
  },
});
