// Kurose & Ross, Computer Networking: A Top-Down Approach (8th ed.), section 2.2.2 and problems
// P2.8/P2.9: fetching a base page that references N objects takes, ignoring transmission times,
//   non-persistent, serial:           2 RTT + N * 2 RTT  (a TCP handshake and a request per object)
//   non-persistent, k in parallel:    2 RTT + ceil(N/k) * 2 RTT
//   persistent, no pipelining:        2 RTT + N * RTT
//   persistent, pipelining:           2 RTT + RTT
// The simulated page load (from the visit's start to the last object's last byte) must take those
// numbers of RTTs plus one: the textbook leaves ARP out, and the first SYN waits for the client's
// ARP request and the server's reply, a round trip of the one link (the cache keeps the answer
// for every later connection). The link is fast enough (10 Gbit/s) that transmission is well
// under 1% of an RTT. The
// objects are small (100 bytes), so all ten pipelined responses fit in the server's initial
// congestion window (RFC 5681): the textbook formulas ignore slow start.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/sim/runScenario.ts';
import { webScenario } from '../support/webScenario.ts';

const RTT_NS = 100_000_000; // 50 ms each way
const OBJECTS = Array.from({ length: 10 }, (_, i) => `/obj${i + 1}.png`);
const SITE = [
  { path: '/index.html', size: 1000, references: OBJECTS },
  ...OBJECTS.map((path) => ({ path, size: 100 })),
];

function pageLoadRtts(client: Record<string, unknown>): { rtts: number; objects: number } {
  const scenario = webScenario({
    client: { page: '/index.html', ...client },
    server: { site: SITE, service: { cpu: '0s' }, concurrency: { model: 'threadPerConnection' } },
  });
  const run = runScenario(scenario);
  const pages = run.simulation.sim.trace.ofType('http.page');
  expect(pages).toHaveLength(1);
  const page = pages[0]!;
  return { rtts: page.elapsed / RTT_NS, objects: page.objects };
}

describe('page load times match Kurose & Ross', () => {
  it.each([
    ['non-persistent, serial', { persistent: false, parallel: 1 }, 22],
    ['non-persistent, 5 parallel connections', { persistent: false, parallel: 5 }, 6],
    ['non-persistent, 10 parallel connections', { persistent: false, parallel: 10 }, 4],
    ['persistent without pipelining', { persistent: true, pipelining: false }, 12],
    ['persistent with pipelining', { persistent: true, pipelining: true }, 3],
  ])('%s: %i RTTs, and one of ARP', (_, client, textbook) => {
    const expected = textbook + 1;
    const { rtts, objects } = pageLoadRtts(client);
    expect(objects).toBe(10);
    expect(rtts).toBeGreaterThanOrEqual(expected);
    expect(rtts).toBeLessThan(expected * 1.01);
  });
});
