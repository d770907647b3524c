// How DNS looks: the name server's and each resolver's summary cards, their sentences in the event
// log (lookups, queries, answers from the wire or the cache, what the server answered), and the
// role of a node that serves names (on the canvas, it serves them once it is linked). Its words,
// in each language, are in dnsPhrases.ts.

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { ResolverFigures } from '../../sim/index.ts';
import { formatCount } from '../../engine/language.ts';
import { defineAppView, type NarrationContext, type Narrator } from '../../viz/kinds/kindView.ts';
import { cardCounts, type SummaryCard } from '../../viz/summary/cardParts.ts';
import type { NetworkNames } from '../../viz/names/networkNames.ts';
import type { TraceType } from '../../engine/trace.ts';
import type { DnsServerFigures } from './dnsServerKind.ts';
import type { DnsServerApp } from './dnsSchemas.ts';
import { dnsPhrases } from './dnsPhrases.ts';
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

/** The resolver's error codes that have words (dnsPhrases.ts); others are shown as they are. */
const DNS_ERRORS = new Set(['NXDOMAIN', 'SERVFAIL', 'NODATA', 'ETIMEDOUT']);

export const dnsServerView = defineAppView<DnsServerApp, DnsServerFigures>({
  type: 'dnsServer',
  card: (d, names, language = ENGLISH) => {
    const { say } = dnsPhrases.in(language);
    return {
      id: `dns-${d.node}`,
      title: names.name(d.node),
      kind: say('server.kind'),
      figures: [
        [say('server.queries'), formatCount(d.queries, language), 'queries'],
        [say('server.answers'), cardCounts(d.rcodes, language)],
      ],
    };
  },
  narration: {
    types: ['dns.serve', 'dns.ignore'],
    narrator: ({ names, language = ENGLISH }) => {
      const { say } = dnsPhrases.in(language);
      return (record) => {
        if (record.type === 'dns.serve')
          return {
            kind: 'reply',
            text: say('dns.serve', {
              node: names.name(record.node),
              name: record.name,
              client: names.endpoint(record.client),
              rcode: RCODES[record.rcode] ?? `RCODE ${record.rcode}`,
            }),
          };
        if (record.type === 'dns.ignore')
          return {
            kind: 'detail',
            text: say('dns.ignore', {
              node: names.name(record.node),
              bytes: formatCount(record.bytes, language),
              client: names.endpoint(record.client),
            }),
          };
        return null;
      };
    },
  },
  // Plain code without a machine: it has no states to show.
  listedBeforeStart: () => false,
});

/** The view of the stub resolver of nodes with a `dns` setting. */
export const resolverView: {
  card(r: ResolverFigures, names: NetworkNames, language?: Language): SummaryCard;
  narration: { types: readonly TraceType[]; narrator(context: NarrationContext): Narrator };
} = {
  card: (r, names, language = ENGLISH) => {
    const { say } = dnsPhrases.in(language);
    const n = (value: number) => formatCount(value, language);
    return {
      id: `resolver-${r.node}`,
      title: names.name(r.node),
      kind: say('resolver.kind', { server: r.server }),
      figures: [
        [say('resolver.lookups'), n(r.lookups), 'lookups'],
        [say('resolver.fromCache'), n(r.cacheHits), 'cacheHits'],
        [say('resolver.queriesSent'), n(r.queries), 'queries'],
        [say('resolver.failures'), cardCounts(r.failures, language)],
      ],
    };
  },
  narration: {
    types: ['dns.lookup', 'dns.query', 'dns.answer', 'dns.expire', 'dns.mxQuery', 'dns.mxAnswer'],
    narrator: ({ names, language = ENGLISH }) => {
      const { say } = dnsPhrases.in(language);
      const name = names.name;
      return (record) => {
        switch (record.type) {
          case 'dns.lookup':
            return {
              kind: 'detail',
              text: say('dns.lookup', { node: name(record.node), name: record.name }),
            };
          case 'dns.query': {
            const asked = {
              node: name(record.node),
              server: names.endpoint(record.server),
              name: record.name,
              id: String(record.id),
            };
            return {
              kind: 'send',
              text:
                record.attempt > 0
                  ? say('dns.queryAgain', {
                      ...asked,
                      attempt: formatCount(record.attempt, language),
                    })
                  : say('dns.query', asked),
            };
          }
          case 'dns.answer': {
            const node = name(record.node);
            if (record.address !== null) {
              const found = {
                node,
                name: record.name,
                address: record.address,
                ttl: formatCount(record.ttl, language),
              };
              return {
                kind: 'reply',
                text: record.cached ? say('dns.cached', found) : say('dns.learned', found),
              };
            }
            const error =
              record.error === null
                ? say('error.none')
                : DNS_ERRORS.has(record.error)
                  ? say(`error.${record.error}` as 'error.NXDOMAIN')
                  : record.error;
            return { kind: 'error', text: say('dns.failed', { node, name: record.name, error }) };
          }
          case 'dns.mxQuery': {
            const asked = {
              node: name(record.node),
              server: names.endpoint(record.server),
              name: record.name,
              id: String(record.id),
            };
            return {
              kind: 'send',
              text:
                record.attempt > 0
                  ? say('dns.mxQueryAgain', {
                      ...asked,
                      attempt: formatCount(record.attempt, language),
                    })
                  : say('dns.mxQuery', asked),
            };
          }
          case 'dns.mxAnswer': {
            const node = name(record.node);
            if (record.exchangers !== null) {
              const found = {
                node,
                name: record.name,
                exchangers: record.exchangers,
                ttl: formatCount(record.ttl, language),
              };
              return {
                kind: 'reply',
                text: record.cached ? say('dns.mxCached', found) : say('dns.mxLearned', found),
              };
            }
            const error =
              record.error === 'NODATA'
                ? say('error.noMx')
                : record.error !== null && DNS_ERRORS.has(record.error)
                  ? say(`error.${record.error}` as 'error.NXDOMAIN')
                  : (record.error ?? say('error.none'));
            return { kind: 'error', text: say('dns.mxFailed', { node, name: record.name, error }) };
          }
          case 'dns.expire':
            return {
              kind: 'detail',
              text: say('dns.expire', { node: name(record.node), name: record.name }),
            };
          default:
            return null;
        }
      };
    },
  },
};
