// What a node's lookup of a name will get, worked out from the document before any run: the DNS
// server its `dns` setting names, whether that node serves DNS on UDP port 53, and the server's
// answer from its zone (answerFromZone, the same function the running server uses). Scenario
// warnings use it to say "no DNS server knows this name" before the learner presses Run.

import {
  DNS_CLASS_IN,
  DNS_PORT,
  DNS_TYPE,
  RCODE,
  rcodeName,
} from '../../net/app/dns/dnsMessage.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import type { Scenario, ScenarioNode } from '../../sim/scenario/scenarioSchema.ts';
import { phrase, sayPhrase, type Phrase } from '../../sim/schema/phrase.ts';
import { zoneOf } from './dnsServerKind.ts';
import { answerFromZone } from './dnsZone.ts';

/** The outcome of a name's lookup from a node: the server asked, and an address or a problem. */
export interface StaticAnswer {
  /** The DNS server's address, when the node's setting names one that exists. */
  server?: Ipv4Address;
  /** The name's address, when the server's zone has it. */
  address?: Ipv4Address;
  /** Why the lookup will fail, in English words. */
  problem?: string;
  /** The same as a phrase (the validation phrasebook), for the page's language. */
  problemPhrase?: Phrase;
}

/** A failed lookup's problem, in English and as a phrase. */
function problem(p: Phrase): { problem: string; problemPhrase: Phrase } {
  return { problem: sayPhrase(p), problemPhrase: p };
}

/**
 * The answer `node` will get for `name` from the DNS server its `dns` setting names (`addressOf`
 * reads a node id or an IPv4 address as the builder does).
 */
export function lookUpStatically(
  scenario: Scenario,
  node: ScenarioNode,
  name: string,
  addressOf: (peer: string) => Ipv4Address | undefined,
): StaticAnswer {
  const setting = node.dns;
  if (!setting) return problem(phrase('dns.noServer', { node: node.id }));
  const server = addressOf(setting.server);
  if (server === undefined)
    return problem(phrase('dns.serverUnaddressed', { server: setting.server }));
  const owner = scenario.nodes.find((n) =>
    n.interfaces?.some((i) => i.address?.address === server),
  );
  const apps = (owner?.apps ?? []).flatMap((app) =>
    app.type === 'dnsServer' && (app.port ?? DNS_PORT) === DNS_PORT ? [app] : [],
  );
  const at = owner ? `${owner.id} (${formatIpv4(server)})` : formatIpv4(server);
  const app = apps[0];
  if (!app)
    return {
      server,
      ...problem(phrase('dns.noDnsApp', { at, node: node.id, port: `${DNS_PORT}` })),
    };
  const answer = answerFromZone(zoneOf(app), { name, type: DNS_TYPE.A, class: DNS_CLASS_IN });
  const address = answer.answers.flatMap((r) => ('address' in r ? [r.address] : [])).at(-1);
  if (answer.rcode === RCODE.NOERROR && address !== undefined) return { server, address };
  if (answer.rcode === RCODE.NOERROR)
    return {
      server,
      ...problem(phrase('dns.onlyAlias', { at, name })),
    };
  return {
    server,
    ...problem(phrase('dns.unknown', { at, name, rcode: rcodeName(answer.rcode) })),
  };
}
