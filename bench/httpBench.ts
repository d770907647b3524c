// HTTP requests through the whole stack (client machines, TCP, IP, links, the server process,
// its worker machines and the CPU scheduler): 100,000 requests from 50 closed-loop users over
// persistent connections, trace on and off; then open-loop visits, one connection each. Every
// figure is printed beside this run's bare-heap baseline (benchRun.ts).

import { bareHeapBaseline, bestRun, scenario, timedRun } from './benchRun.ts';
import { print } from './engineBench.ts';

const USERS = 50;

export function httpScenario(requests: number) {
  return scenario({
    format: 'handshake/scenario@1',
    name: 'bench: HTTP requests from 50 users',
    until: '10h',
    nodes: [
      {
        id: 'clients',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.1.1.1/24' }],
        apps: [
          {
            type: 'httpClient',
            server: 'web',
            requests: [{ path: '/api/status' }],
            workload: { kind: 'closed', users: USERS, visits: Math.ceil(requests / USERS) },
          },
        ],
      },
      {
        id: 'web',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.1.1.2/24' }],
        cpu: { cores: 4, policy: 'fcfs' },
        apps: [
          {
            type: 'httpServer',
            service: { cpu: { kind: 'exponential', mean: '50us' } },
            concurrency: { model: 'threadPerConnection', limit: 100 },
            keepAliveTimeout: '1h',
          },
        ],
      },
    ],
    links: [{ id: 'wire', a: 'clients', b: 'web', latency: '100us', bandwidth: '10Gbps' }],
  });
}

/**
 * Open loop: Poisson arrivals, each visit a new user on a new (non-persistent) connection. At 200
 * visits a second the client's ports in TIME-WAIT (60 s) stay under the 16,384 ephemeral ports.
 */
export function openLoopScenario(visits: number, rate = 200) {
  return scenario({
    format: 'handshake/scenario@1',
    name: 'bench: open-loop HTTP visits, one connection each',
    until: '10h',
    nodes: [
      {
        id: 'clients',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.1.1.1/24' }],
        apps: [
          {
            type: 'httpClient',
            server: 'web',
            persistent: false,
            requests: [{ path: '/api/status' }],
            workload: { kind: 'open', rate, visits },
          },
        ],
      },
      {
        id: 'web',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.1.1.2/24' }],
        apps: [{ type: 'httpServer', service: { cpu: { kind: 'exponential', mean: '1ms' } } }],
      },
    ],
    links: [{ id: 'wire', a: 'clients', b: 'web', latency: '1ms', bandwidth: '1Gbps' }],
  });
}

/** Runs the HTTP workloads and prints wall time, events/s and requests/s. */
export function runHttpBenchmarks(): void {
  const bare = bareHeapBaseline('http');
  timedRun(httpScenario(5_000), true); // warm-up
  const requests = 100_000;
  for (const trace of [true, false]) {
    const label = `100k.${trace ? 'traceOn' : 'traceOff'}`;
    const run = bestRun(2, () => timedRun(httpScenario(requests), trace));
    const answered = run.summary.apps.httpClient?.[0]?.responses ?? 0;
    if (answered < requests) throw new Error(`only ${answered} of ${requests} requests answered`);
    print(`http.${label}.requests`, answered / run.wallS, 'requests/s');
    print(`http.${label}.vsBareHeap`, answered / run.wallS / bare, 'x');
    print(`http.${label}.events`, run.events / run.wallS, 'events/s');
    print(`http.${label}.eventsPerRequest`, run.events / answered, 'events');
    print(`http.${label}.wall`, run.wallS, 's');
  }
  const visits = 20_000;
  const run = timedRun(openLoopScenario(visits), true);
  const answered = run.summary.apps.httpClient?.[0]?.responses ?? 0;
  if (answered < visits) throw new Error(`only ${answered} of ${visits} open-loop visits answered`);
  print('http.openLoop.20k.traceOn.visits', answered / run.wallS, 'visits/s');
  print('http.openLoop.20k.traceOn.events', run.events / run.wallS, 'events/s');
  print('http.openLoop.20k.traceOn.wall', run.wallS, 's');
}
