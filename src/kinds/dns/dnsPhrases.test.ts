// DNS's words in German: the phrasebooks are whole, the role's name, the server's and a
// resolver's cards and their sentences (expected German written by hand); English by default.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { record, tell, testNames } from '../../viz/kinds/kindSpeechTestHelpers.ts';
import { DNS_CHECK_DE } from './dnsCheckPhrases.de.ts';
import { DNS_CHECK_EN } from './dnsCheckPhrases.ts';
import { DNS_DE } from './dnsPhrases.de.ts';
import { DNS_EN } from './dnsPhrases.ts';
import { DNS_ROLE_DE } from './dnsRolePhrases.de.ts';
import { DNS_ROLE_EN } from './dnsRolePhrases.ts';
import { dnsRoleView } from './dnsRoleView.ts';
import { dnsServerView, resolverView } from './dnsView.ts';

const RESOLVER_RECORDS = [
  record('dns.lookup', { node: 'laptop', name: 'www.example.com' }),
  record('dns.query', {
    node: 'laptop',
    name: 'www.example.com',
    id: 4660,
    server: '192.168.1.53:53',
    attempt: 1,
  }),
  record('dns.answer', {
    node: 'laptop',
    name: 'www.example.com',
    address: '192.168.1.80',
    rcode: null,
    ttl: 1800,
    error: null,
    cached: true,
  }),
  record('dns.answer', {
    node: 'laptop',
    name: 'nix.example.com',
    address: null,
    rcode: 3,
    ttl: 0,
    error: 'NXDOMAIN',
    cached: false,
  }),
  record('dns.expire', { node: 'laptop', name: 'www.example.com' }),
];

describe('DNS in German', () => {
  it('has whole German phrasebooks', () => {
    expect(translationProblems(DNS_EN, DNS_DE)).toEqual([]);
    expect(translationProblems(DNS_CHECK_EN, DNS_CHECK_DE)).toEqual([]);
    expect(translationProblems(DNS_ROLE_EN, DNS_ROLE_DE)).toEqual([]);
  });

  it('names the role', () => {
    expect(dnsRoleView.name('de')).toBe('DNS-Server');
    expect(dnsRoleView.name()).toBe('DNS server');
  });

  it("writes the server's and a resolver's cards", () => {
    const names = testNames('de');
    expect(
      dnsServerView.card(
        { node: 'ns', queries: 1500, rcodes: { NOERROR: 1499, NXDOMAIN: 1 } },
        names,
        'de',
      ),
    ).toEqual({
      id: 'dns-ns',
      title: 'ns',
      kind: 'DNS-Server',
      figures: [
        ['Anfragen', '1.500', 'queries'],
        ['Antworten', '1.499 × NOERROR, 1 × NXDOMAIN'],
      ],
    });
    const resolver = {
      node: 'laptop',
      server: '192.168.1.53',
      lookups: 3,
      queries: 2,
      cacheHits: 1,
      answers: 2,
      failures: {},
    };
    expect(resolverView.card(resolver, names, 'de')).toEqual({
      id: 'resolver-laptop',
      title: 'Laptop',
      kind: 'DNS-Resolver, fragt 192.168.1.53',
      figures: [
        ['Namensauflösungen', '3', 'lookups'],
        ['Aus dem Cache', '1', 'cacheHits'],
        ['Gesendete Anfragen', '2', 'queries'],
        ['Fehlschläge', 'keine'],
      ],
    });
    expect(resolverView.card(resolver, testNames()).kind).toBe('DNS resolver, asks 192.168.1.53');
  });

  it("tells the server's and the resolver's sentences in German", () => {
    expect(
      tell(
        dnsServerView.narration!,
        [
          record('dns.serve', {
            node: 'ns',
            app: 'dns',
            client: '192.168.1.10:49152',
            name: 'www.example.com',
            id: 4660,
            rcode: 3,
          }),
        ],
        'de',
      ),
    ).toEqual([
      'ns beantwortet die Anfrage nach www.example.com von Laptop (192.168.1.10:49152): NXDOMAIN.',
    ]);
    expect(tell(resolverView.narration, RESOLVER_RECORDS, 'de')).toEqual([
      'Laptop schlägt die Adresse von www.example.com nach.',
      'Laptop fragt ns (192.168.1.53:53) erneut nach der Adresse von www.example.com (Wiederholung 1) (Anfrage-ID 4660).',
      'Laptop findet www.example.com = 192.168.1.80 in seinem Cache (noch 1.800 s seiner TTL übrig): Keine Anfrage nötig.',
      'Laptop findet die Adresse von nix.example.com nicht: Der Name existiert nicht (NXDOMAIN).',
      'Die Adresse von www.example.com im Cache von Laptop läuft ab: Das nächste Nachschlagen fragt wieder den Server.',
    ]);
  });

  it('tells them in English by default', () => {
    expect(tell(resolverView.narration, RESOLVER_RECORDS)).toEqual([
      'Laptop looks up the address of www.example.com.',
      'Laptop asks ns (192.168.1.53:53) for the address of www.example.com again (retry 1) (query ID 4660).',
      'Laptop finds www.example.com = 192.168.1.80 in its cache (1800 s of its TTL left): no query needed.',
      'Laptop cannot find the address of nix.example.com: the name does not exist (NXDOMAIN).',
      'Laptop’s cached address of www.example.com expires: the next lookup asks the server again.',
    ]);
  });
});
