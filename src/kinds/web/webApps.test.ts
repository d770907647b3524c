// Web clients in scenarios: what counts as a page load.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/runScenario.ts';
import { webScenario } from '../../../tests/support/webScenario.ts';

describe('web clients', () => {
  it('counts an error page as a response but not as a page load', () => {
    const { simulation, summary } = runScenario(
      webScenario({
        client: { page: '/missing.html', workload: { kind: 'closed', users: 1, visits: 3 } },
        server: { service: { cpu: '1ms' } },
      }),
    );
    expect(simulation.sim.trace.ofType('http.page')).toHaveLength(0);
    expect(summary.apps.httpClient?.[0]).toMatchObject({
      visits: 3,
      statuses: { 404: 3 },
      pages: { count: 0 },
      error: null,
    });
  });

  it('times each page load that succeeds', () => {
    const { summary } = runScenario(
      webScenario({
        client: { page: '/index.html', workload: { kind: 'closed', users: 1, visits: 2 } },
        server: { service: { cpu: '1ms' } },
      }),
    );
    // The default site: a page and its three objects, twice.
    expect(summary.apps.httpClient?.[0]).toMatchObject({
      statuses: { 200: 8 },
      pages: { count: 2 },
    });
  });
});
