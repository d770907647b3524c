// Scenario pieces for DNS: an authoritative server's zone (A, CNAME and MX records), and a node's
// `dns` setting naming the server its stub resolver asks, with timeout and retries.

import {
  array,
  duration,
  literal,
  number,
  object,
  string,
  tagged,
  type Infer,
} from '../../sim/schema/schema.ts';
import { ipv4 } from '../../sim/schema/networkSchemas.ts';

/** A DNS name such as "www.example.com" (RFC 1035 2.3.1 letters, digits, hyphens; 253 at most). */
export const dnsName = (description: string) =>
  string({
    pattern:
      /^(?=.{1,253}\.?$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62}))*\.?$/,
    patternText: 'a DNS name such as "www.example.com"',
    description,
  });

const ttl = number({
  integer: true,
  min: 0,
  max: 2_147_483_647,
  description: 'Seconds a resolver may cache the record (default 300).',
});

const aRecord = object(
  { name: dnsName('The owner name.'), type: literal('A'), address: ipv4('The IPv4 address.') },
  { ttl },
  'An address record: name -> IPv4 address.',
);

const cnameRecord = object(
  {
    name: dnsName('The alias.'),
    type: literal('CNAME'),
    target: dnsName('The canonical name it stands for.'),
  },
  { ttl },
  'An alias: the name stands for `target`, which is looked up in turn.',
);

const mxRecord = object(
  {
    name: dnsName('The mail domain, e.g. "b.example".'),
    type: literal('MX'),
    exchange: dnsName('The mail server that takes the domain\u2019s mail, e.g. "mx.b.example".'),
  },
  {
    preference: number({
      integer: true,
      min: 0,
      max: 65_535,
      description: 'Lower is tried first (default 10).',
    }),
    ttl,
  },
  'A mail exchanger: mail for `name` goes to the server `exchange` (RFC 1035 3.3.9, RFC 5321 5.1).',
);

export const dnsServerApp = object(
  { type: literal('dnsServer') },
  {
    port: number({ integer: true, min: 1, max: 65_535, description: 'UDP port (default 53).' }),
    origin: dnsName(
      'The zone: names at or under it are answered, others REFUSED (default: every name).',
    ),
    records: array(tagged('type', { A: aRecord, CNAME: cnameRecord, MX: mxRecord }), {
      maxItems: 10_000,
    }),
    delay: duration({ description: 'Time to prepare each response (default 0s).' }),
  },
  'An authoritative DNS server: answers A and MX queries from its records, NXDOMAIN for names it lacks.',
);

/** Where a node's resolver sends its queries: a node id or an IPv4 address. */
const resolverServer = string({
  pattern: /^(?:[A-Za-z][A-Za-z0-9_-]{0,63}|\d{1,3}(?:\.\d{1,3}){3})$/,
  patternText: 'a node id or an IPv4 address',
  description: 'The DNS server, by node id (its first address) or IPv4 address.',
});

export const dnsSettings = object(
  { server: resolverServer },
  {
    timeout: duration({
      min: 1,
      description: 'Wait for a response before asking again (default 5s).',
    }),
    retries: number({
      integer: true,
      min: 0,
      max: 10,
      description: 'Queries sent again after a timeout (default 1).',
    }),
  },
  'The node\u2019s stub resolver: host names of its apps are looked up at this server and cached.',
);

export type DnsServerApp = Infer<typeof dnsServerApp>;
export type DnsSettings = Infer<typeof dnsSettings>;
