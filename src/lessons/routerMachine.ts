// "Be the machine" on a router: for each packet's destination the learner picks the interface the
// router forwards it out of (or "drop" when no route holds it); the answer is the real
// longest-prefix-match lookup of src/net/ip/routingTable.ts, on a table given in the step or the
// table the router of the lesson's scenario is built with (src/sim, the same build as a run).

import { RoutingTable, type Route } from '../net/ip/routingTable.ts';
import {
  contains,
  formatIpv4,
  formatPrefix,
  parseIpv4,
  parsePrefix,
  type Ipv4Address,
} from '../net/wire/ipv4Address.ts';
import { buildSimulation, validateScenario } from '../sim/index.ts';
import { ENGLISH_MACHINE_WORDS, type MachineWords } from './machineWords.ts';
import { ENGLISH, type Language } from '../engine/language.ts';
import { lessonPhrases } from './lessonPhrases.ts';

/** A route written in a step: `{"to": "10.1.0.0/16", "iface": "eth2", "via": "10.0.0.2"}`. */
export interface StepRoute {
  to: string;
  iface: string;
  via?: string;
}

/** The pick that means "no route: the router drops the packet". */
export const DROP = 'drop';

/** A router's table and its interfaces, in the order a learner sees them. */
export interface RouterUnderTest {
  table: RoutingTable;
  interfaces: string[];
}

/** A table from a step's routes, or what is wrong with them (each message names the route). */
export function tableOfRoutes(routes: readonly StepRoute[]): RouterUnderTest | string[] {
  const table = new RoutingTable();
  const interfaces: string[] = [];
  const problems: string[] = [];
  routes.forEach((r, i) => {
    const prefix = parsePrefix(r.to);
    if (!prefix.ok) return void problems.push(`routes[${i}]: ${prefix.error}`);
    let gateway: Ipv4Address | undefined;
    if (r.via !== undefined) {
      const via = parseIpv4(r.via);
      if (!via.ok) return void problems.push(`routes[${i}]: ${via.error}`);
      gateway = via.address;
    }
    try {
      table.add({
        prefix: prefix.prefix,
        iface: r.iface,
        ...(gateway === undefined ? {} : { gateway }),
        source: 'static',
      });
    } catch (error) {
      return void problems.push(`routes[${i}]: ${(error as Error).message}`);
    }
    if (!interfaces.includes(r.iface)) interfaces.push(r.iface);
  });
  return problems.length > 0 ? problems : { table, interfaces };
}

/**
 * The table node `id` of a scenario document is built with (interfaces, routes, gateway: the same
 * build as a run), or why there is none (in `language`).
 */
export function tableOfScenario(
  document: unknown,
  id: string,
  language: Language = ENGLISH,
): RouterUnderTest | string {
  const say = lessonPhrases.in(language).say;
  const valid = validateScenario(document);
  if (!valid.ok) return say('router.invalidScenario');
  const spec = valid.scenario.nodes.find((n) => n.id === id);
  if (!spec) return say('router.noNode', { id });
  if (spec.role !== 'router') return say('router.notRouter', { id, role: spec.role });
  const node = buildSimulation(valid.scenario, { trace: false, networkOnly: true }).nodes.get(id);
  if (node?.kind !== 'host') return say('router.noStack', { id });
  return { table: node.net.routes, interfaces: node.net.interfaces.map((i) => i.name) };
}

/** One packet to forward: its destination, the choices, and the lookup's answer. */
export interface RouterDecision {
  destination: string;
  /** The router's interfaces, then DROP. */
  choices: string[];
  /** The interface the lookup gives, or DROP. */
  answer: string;
  /** The route chosen (undefined when none holds the destination). */
  route: Route | undefined;
  /** Every route whose prefix holds the destination, longest first. */
  matches: Route[];
}

/** The decisions for `destinations` (dotted quads, already checked) on `router`. */
export function routerDecisions(
  router: RouterUnderTest,
  destinations: readonly string[],
): RouterDecision[] {
  return destinations.map((destination) => {
    const parsed = parseIpv4(destination);
    if (!parsed.ok) throw new Error(parsed.error);
    const route = router.table.lookup(parsed.address);
    return {
      destination,
      choices: [...router.interfaces, DROP],
      answer: route ? route.iface : DROP,
      route,
      matches: router.table.routes().filter((r) => contains(r.prefix, parsed.address)),
    };
  });
}

/** The rule applied to one packet, naming the answer: the feedback of a pick. */
export function routerWhy(
  decision: RouterDecision,
  words: MachineWords = ENGLISH_MACHINE_WORDS,
): string {
  const { route, matches, destination } = decision;
  if (!route) return words.routerNoRoute(destination);
  return words.routerMatch(
    destination,
    matches.map((r) => formatPrefix(r.prefix)),
    formatPrefix(route.prefix),
    route.iface,
    route.gateway === undefined ? null : formatIpv4(route.gateway),
  );
}

/** The table as a learner reads it: one line per route, most specific first. */
export function tableLines(router: RouterUnderTest): string[] {
  return router.table.describe();
}
