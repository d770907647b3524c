// Builds load-balancer scenarios for tests: clients on a front switch (10.0.0.0/24), the balancer
// `lb` with a leg on each side (10.0.0.5, 10.0.1.5), and web servers `a`, `b`, `c`, ... on a back
// switch (10.0.1.21, .22, ...), each on its own link `l-a`, `l-b`, ... so a test can take one down.

import type { Scenario } from '../../src/sim/scenario/scenarioSchema.ts';
import { scenarioOf } from './webScenario.ts';

export interface LbScenarioOptions {
  /** The balancer app's fields besides its type and backends. */
  lb: Record<string, unknown>;
  /** One entry per backend server: its weight (if any) and its httpServer's fields. */
  backends: { weight?: number; server?: Record<string, unknown> }[];
  /** One entry per client node: its httpClient's fields (server is the balancer). */
  clients: Record<string, unknown>[];
  events?: unknown[];
  until?: string;
  seed?: number;
  latency?: string;
}

/** The backends' node ids: a, b, c, ... */
export const BACKEND_IDS = ['a', 'b', 'c', 'd', 'e', 'f'];

/** `address:port` of backend `i` as the trace names it. */
export function backendAt(i: number): string {
  return `10.0.1.${21 + i}:80`;
}

/** A validated scenario with the clients, the balancer and the backends of `options`. */
export function lbScenario(options: LbScenarioOptions): Scenario {
  const latency = options.latency ?? '1ms';
  const clients = options.clients.map((client, i) => ({
    id: `client${i + 1}`,
    role: 'client',
    interfaces: [{ name: 'eth0', address: `10.0.0.${11 + i}/24` }],
    apps: [{ type: 'httpClient', server: 'lb', ...client }],
  }));
  const servers = options.backends.map((backend, i) => ({
    id: BACKEND_IDS[i],
    role: 'server',
    interfaces: [{ name: 'eth0', address: `10.0.1.${21 + i}/24` }],
    apps: [{ type: 'httpServer', ...(backend.server ?? { service: { cpu: '1ms' } }) }],
  }));
  const port = (i: number) => ({ name: `p${i + 1}` });
  return scenarioOf({
    format: 'handshake/scenario@1',
    name: 'load balancer test',
    seed: options.seed ?? 1,
    until: options.until ?? '10s',
    nodes: [
      ...clients,
      { id: 'front', role: 'switch', interfaces: [...clients, 0].map((_, i) => port(i)) },
      {
        id: 'lb',
        role: 'loadBalancer',
        interfaces: [
          { name: 'eth0', address: '10.0.0.5/24' },
          { name: 'eth1', address: '10.0.1.5/24' },
        ],
        apps: [
          {
            type: 'loadBalancer',
            ...options.lb,
            backends: options.backends.map((b, i) => ({
              address: BACKEND_IDS[i],
              port: 80,
              ...(b.weight === undefined ? {} : { weight: b.weight }),
            })),
          },
        ],
      },
      { id: 'back', role: 'switch', interfaces: [...servers, 0].map((_, i) => port(i)) },
      ...servers,
    ],
    links: [
      ...clients.map((c, i) => ({ id: `l-${c.id}`, a: c.id, b: `front:p${i + 1}`, latency })),
      { id: 'l-front', a: `front:p${clients.length + 1}`, b: 'lb:eth0', latency },
      { id: 'l-back', a: 'lb:eth1', b: `back:p${servers.length + 1}`, latency },
      ...servers.map((s, i) => ({ id: `l-${s.id}`, a: `back:p${i + 1}`, b: s.id, latency })),
    ],
    ...(options.events ? { events: options.events } : {}),
  });
}
