// "Be the machine" on a router (`"machine": "router"`): the step gives packets' destinations and a
// routing table, written in the step or the table of a router of the lesson's scenario; the
// learner picks the interface each packet leaves by (or drop), and the answers come from the
// router's longest-prefix match (routerMachine.ts). This file reads the step's fields (each
// problem at its line) and is the machine's descriptor for the registry (machineRegistry.ts).

import { ENGLISH, type Language } from '../engine/language.ts';
import { parseIpv4 } from '../net/wire/ipv4Address.ts';
import { sayUnknownKeys, type MachineKind, type SayAt } from './machineKind.ts';
import {
  DROP,
  routerDecisions,
  routerWhy,
  tableOfRoutes,
  tableOfScenario,
  type RouterUnderTest,
  type StepRoute,
} from './routerMachine.ts';

/** A router step's own fields. */
export interface RouterStepSpec {
  machine: 'router';
  /** The scenario's router whose table is used, or undefined when `routes` gives one. */
  router?: string;
  routes?: StepRoute[];
  /** The packets' destinations, in the order they are asked. */
  packets: string[];
}

const KEYS = ['machine', 'router', 'routes', 'packets'];

/** The router a router step works on: its step's table, or its scenario's router's. */
export function routerOf(
  spec: RouterStepSpec,
  scenario: unknown,
  language: Language = ENGLISH,
): RouterUnderTest | string {
  if (spec.routes) {
    const table = tableOfRoutes(spec.routes);
    return Array.isArray(table) ? table.join('; ') : table;
  }
  return tableOfScenario(scenario, spec.router ?? '', language);
}

/** The router of a "be the machine" step. */
export const routerStep: MachineKind<RouterStepSpec> = {
  name: 'router',
  real: 'router',
  read: (step, say, most) =>
    sayUnknownKeys(step, 'router', KEYS, say) ? null : readRouterFields(step, say, most),
  node: (spec) => spec.router,
  decisions(spec, scenario, words, language) {
    const router = routerOf(spec, scenario, language);
    if (typeof router === 'string') return router;
    return routerDecisions(router, spec.packets).map((d) => ({
      machine: 'router',
      situation: words.routerSituation(d.destination),
      choices: d.choices.map((c) => ({ id: c, label: c === DROP ? words.routerDrop : c })),
      answer: d.answer,
      why: routerWhy(d, words),
    }));
  },
  unplayable(spec, scenario) {
    const router = routerOf(spec, scenario);
    return typeof router !== 'string' && router.table.routes().length === 0
      ? 'the router has no route at all'
      : null;
  },
  finished: (words, pick, why) => words.routerRight(pick, why),
};

function readRouterFields(
  step: Record<string, unknown>,
  say: SayAt,
  most: number,
): RouterStepSpec | null {
  let ok = true;
  const fail = (message: string, needle?: string): void => {
    say(message, needle);
    ok = false;
  };
  const { router, routes, packets } = step;
  if ((router === undefined) === (routes === undefined))
    fail(
      'give either "router" (a router of the scenario) or "routes" (a table), not both',
      '"machine"',
    );
  if (router !== undefined && (typeof router !== 'string' || router.trim() === ''))
    fail('"router" must be the id of a router in the scenario', '"router"');
  let given: StepRoute[] | undefined;
  if (routes !== undefined) {
    const wellFormed =
      Array.isArray(routes) &&
      routes.length > 0 &&
      routes.every(
        (r) =>
          typeof r === 'object' &&
          r !== null &&
          typeof r.to === 'string' &&
          typeof r.iface === 'string' &&
          r.iface.trim() !== '' &&
          r.iface !== DROP &&
          (r.via === undefined || typeof r.via === 'string') &&
          Object.keys(r).every((k) => ['to', 'iface', 'via'].includes(k)),
      );
    if (!wellFormed)
      fail(
        '"routes" must be a list of {"to": "10.0.0.0/8", "iface": "eth1", "via"?: "…"}',
        '"routes"',
      );
    else {
      const table = tableOfRoutes(routes as StepRoute[]);
      if (Array.isArray(table))
        for (const m of table) fail(m, `"${m.match(/"([^"]+)"/)?.[1] ?? 'routes'}"`);
      else given = routes as StepRoute[];
    }
  }
  if (
    !Array.isArray(packets) ||
    packets.length === 0 ||
    packets.length > most ||
    !packets.every((p) => typeof p === 'string')
  ) {
    fail(`"packets" must be a list of 1 to ${most} destination addresses`, '"packets"');
  } else {
    for (const p of packets as string[]) {
      const parsed = parseIpv4(p);
      if (!parsed.ok) fail(`"packets": ${parsed.error}`, `"${p}"`);
    }
  }
  if (!ok) return null;
  return {
    machine: 'router',
    ...(typeof router === 'string' ? { router } : {}),
    ...(given ? { routes: given } : {}),
    packets: packets as string[],
  };
}
