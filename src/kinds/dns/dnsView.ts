// How DNS looks: the name server's and each resolver's summary cards, their sentences in the event
// log (lookups, queries, answers from the wire or the cache, what the server answered), and the
// role of a node that serves names (on the canvas, it serves them once it is linked).

import type { ResolverFigures } from '../../sim/index.ts';
import {
  defineAppView,
  type NarrationContext,
  type Narrator,
  type RoleView,
} from '../../viz/kinds/kindView.ts';
import { cardCounts, type SummaryCard } from '../../viz/summary/cardParts.ts';
import type { NetworkNames } from '../../viz/names/networkNames.ts';
import type { TraceType } from '../../engine/trace.ts';
import type { DnsServerFigures } from './dnsServerKind.ts';
import type { DnsServerApp } from './dnsSchemas.ts';
import './dnsTrace.ts';

/** DNS RCODEs by number (RFC 1035 section 4.1.1, RFC 2136). */
const RCODES: Record<number, string> = {
  0: 'NOERROR',
  1: 'FORMERR',
  2: 'SERVFAIL',
  3: 'NXDOMAIN',
  4: 'NOTIMP',
  5: 'REFUSED',
};

const DNS_ERRORS: Record<string, string> = {
  NXDOMAIN: 'the name does not exist (NXDOMAIN)',
  SERVFAIL: 'the server failed (SERVFAIL)',
  NODATA: 'the name has no address record',
  ETIMEDOUT: 'no answer came (timed out)',
};

export const dnsServerView = defineAppView<DnsServerApp, DnsServerFigures>({
  type: 'dnsServer',
  card: (d, names) => ({
    id: `dns-${d.node}`,
    title: names.name(d.node),
    kind: 'DNS server',
    figures: [
      ['Queries', String(d.queries), 'queries'],
      ['Answers', cardCounts(d.rcodes)],
    ],
  }),
  narration: {
    types: ['dns.serve', 'dns.ignore'],
    narrator:
      ({ names }) =>
      (record) => {
        if (record.type === 'dns.serve')
          return {
            kind: 'reply',
            text: `${names.name(record.node)} answers the query for ${record.name} from ${names.endpoint(record.client)}: ${RCODES[record.rcode] ?? `RCODE ${record.rcode}`}.`,
          };
        if (record.type === 'dns.ignore')
          return {
            kind: 'detail',
            text: `${names.name(record.node)} ignores a ${record.bytes}-byte datagram from ${names.endpoint(record.client)}: it is not a query it can answer.`,
          };
        return null;
      },
  },
  // Plain code without a machine: it has no states to show.
  listedBeforeStart: () => false,
});

/** The view of the stub resolver of nodes with a `dns` setting. */
export const resolverView: {
  card(r: ResolverFigures, names: NetworkNames): SummaryCard;
  narration: { types: readonly TraceType[]; narrator(context: NarrationContext): Narrator };
} = {
  card: (r, names) => ({
    id: `resolver-${r.node}`,
    title: names.name(r.node),
    kind: `DNS resolver, asks ${r.server}`,
    figures: [
      ['Lookups', String(r.lookups), 'lookups'],
      ['From cache', String(r.cacheHits), 'cacheHits'],
      ['Queries sent', String(r.queries), 'queries'],
      ['Failures', cardCounts(r.failures)],
    ],
  }),
  narration: {
    types: ['dns.lookup', 'dns.query', 'dns.answer', 'dns.expire'],
    narrator:
      ({ names }) =>
      (record) => {
        const name = names.name;
        switch (record.type) {
          case 'dns.lookup':
            return {
              kind: 'detail',
              text: `${name(record.node)} looks up the address of ${record.name}.`,
            };
          case 'dns.query':
            return {
              kind: 'send',
              text: `${name(record.node)} asks ${names.endpoint(record.server)} for the address of ${record.name}${record.attempt > 0 ? ` again (retry ${record.attempt})` : ''} (query ID ${record.id}).`,
            };
          case 'dns.answer':
            if (record.address !== null)
              return {
                kind: 'reply',
                text: record.cached
                  ? `${name(record.node)} finds ${record.name} = ${record.address} in its cache (${record.ttl} s of its TTL left): no query needed.`
                  : `${name(record.node)} learns ${record.name} = ${record.address}, which it may cache for ${record.ttl} s.`,
              };
            return {
              kind: 'error',
              text: `${name(record.node)} cannot find the address of ${record.name}: ${DNS_ERRORS[record.error ?? ''] ?? record.error ?? 'no answer'}.`,
            };
          case 'dns.expire':
            return {
              kind: 'detail',
              text: `${name(record.node)}’s cached address of ${record.name} expires: the next lookup asks the server again.`,
            };
          default:
            return null;
        }
      },
  },
};

export const dnsRoleView: RoleView = {
  role: 'dns',
  name: 'DNS server',
  // A globe.
  icon: 'M12 3a9 9 0 1 0 0.01 0z M3 12h18 M12 3c3.5 3 3.5 15 0 18 M12 3c-3.5 3-3.5 15 0 18',
  device: true,
  tone: 'device',
  canvas: {
    idPrefix: 'dns',
    interfaceName: (n) => `eth${n}`,
    firstHost: 53,
    newNode: () => ({}),
    // Its name service needs an address, so it comes with the first link.
    whenAddressed: () => ({ apps: [{ type: 'dnsServer' }] }),
  },
};
