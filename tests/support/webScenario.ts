// Builds small client/server web scenarios for tests: one link, an HTTP server with a chosen
// site and concurrency, an HTTP client with chosen options.

import { validateScenario } from '../../src/sim/scenario/validateScenario.ts';
import type { Scenario } from '../../src/sim/scenario/scenarioSchema.ts';

/** A validated scenario from a plain object; throws with the issues when it is invalid. */
export function scenarioOf(document: unknown): Scenario {
  const result = validateScenario(document);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.scenario;
}

/** Client and server on one link of `latency` each way and `bandwidth`. */
export function webScenario(options: {
  client: Record<string, unknown>;
  server?: Record<string, unknown>;
  cpu?: Record<string, unknown>;
  latency?: string;
  bandwidth?: string;
  until?: string;
  seed?: number;
}): Scenario {
  return scenarioOf({
    format: 'handshake/scenario@1',
    name: 'web test',
    seed: options.seed ?? 1,
    until: options.until ?? '60s',
    nodes: [
      {
        id: 'browser',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
        apps: [{ type: 'httpClient', server: 'web', ...options.client }],
      },
      {
        id: 'web',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
        ...(options.cpu ? { cpu: options.cpu } : {}),
        apps: [{ type: 'httpServer', ...(options.server ?? {}) }],
      },
    ],
    links: [
      {
        id: 'l1',
        a: 'browser',
        b: 'web',
        latency: options.latency ?? '50ms',
        bandwidth: options.bandwidth ?? '10Gbps',
      },
    ],
  });
}
