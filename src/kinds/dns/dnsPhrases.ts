// DNS's words for people in each language: the name server's and the resolvers' summary cards,
// and their sentences in the event log (lookups, queries, answers from the wire or the cache,
// what the server answered). The role's name is in dnsRolePhrases.ts, the checks' words in
// dnsCheckPhrases.ts. dnsPhrases.de.ts translates them.

import { Phrasebook } from '../../engine/language.ts';
import { DNS_DE } from './dnsPhrases.de.ts';

export const DNS_EN = {
  'server.kind': 'DNS server',
  'server.queries': 'Queries',
  'server.answers': 'Answers',
  'resolver.kind': 'DNS resolver, asks {server}',
  'resolver.lookups': 'Lookups',
  'resolver.fromCache': 'From cache',
  'resolver.queriesSent': 'Queries sent',
  'resolver.failures': 'Failures',
  'dns.serve': '{node} answers the query for {name} from {client}: {rcode}.',
  'dns.ignore':
    '{node} ignores a {bytes}-byte datagram from {client}: it is not a query it can answer.',
  'dns.lookup': '{node} looks up the address of {name}.',
  'dns.query': '{node} asks {server} for the address of {name} (query ID {id}).',
  'dns.queryAgain':
    '{node} asks {server} for the address of {name} again (retry {attempt}) (query ID {id}).',
  'dns.cached':
    '{node} finds {name} = {address} in its cache ({ttl} s of its TTL left): no query needed.',
  'dns.learned': '{node} learns {name} = {address}, which it may cache for {ttl} s.',
  'dns.failed': '{node} cannot find the address of {name}: {error}.',
  'dns.expire': '{node}’s cached address of {name} expires: the next lookup asks the server again.',
  'dns.mxQuery': '{node} asks {server} for the mail exchangers (MX) of {name} (query ID {id}).',
  'dns.mxQueryAgain':
    '{node} asks {server} for the mail exchangers (MX) of {name} again (retry {attempt}) (query ID {id}).',
  'dns.mxLearned':
    '{node} learns the mail exchangers of {name}: {exchangers} (preference, then server), which it may cache for {ttl} s.',
  'dns.mxCached': '{node} finds the mail exchangers of {name} in its cache: {exchangers}.',
  'dns.mxFailed': '{node} finds no mail exchanger for {name}: {error}.',
  'error.noMx': 'the domain has no MX record',
  // Why a lookup failed, by the resolver's error code; others are shown as they are.
  'error.NXDOMAIN': 'the name does not exist (NXDOMAIN)',
  'error.SERVFAIL': 'the server failed (SERVFAIL)',
  'error.NODATA': 'the name has no address record',
  'error.ETIMEDOUT': 'no answer came (timed out)',
  'error.none': 'no answer',
} as const;

export const dnsPhrases = new Phrasebook(DNS_EN, { de: DNS_DE });
