// HTTP requests through the whole stack (client machines, TCP, IP, links, the server process,
// its worker machines and the CPU scheduler): 1,000,000 requests from 50 closed-loop users over
// persistent connections. ns-3's UDP echo does about 48k request/response pairs per wall second
// on these machines (../shared/DESIGN.md section 4a); an HTTP request here costs far more work
// (a TCP exchange, parsing, a scheduled CPU burst), so the ratio is context, not a target.

import { performance } from 'node:perf_hooks';
import { runScenario, validateScenario } from '../src/sim/index.ts';
import { print } from './engineBench.ts';

const USERS = 50;

function httpScenario(requests: number) {
  const result = validateScenario({
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
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

/**
 * Open loop: Poisson arrivals, each visit a new user on a new (non-persistent) connection. At 200
 * visits a second the client's ports in TIME-WAIT (60 s) stay under the 16,384 ephemeral ports.
 */
function openLoopScenario(visits: number) {
  const result = validateScenario({
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
            workload: { kind: 'open', rate: 200, visits },
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
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

/** Runs the HTTP workloads and prints wall time, events/s and requests/s. */
export function runHttpBenchmarks(): void {
  runScenario(httpScenario(5_000)); // warm-up
  for (const [label, requests, trace] of [
    ['1M.traceOff', 1_000_000, false],
    ['100k.traceOn', 100_000, true],
  ] as const) {
    const start = performance.now();
    const run = runScenario(httpScenario(requests), { trace });
    const wallS = (performance.now() - start) / 1000;
    const answered = run.summary.apps.httpClient?.[0]?.responses ?? 0;
    if (answered < requests) throw new Error(`only ${answered} of ${requests} requests answered`);
    print(`http.${label}.wall`, wallS, 's');
    print(`http.${label}.events`, run.summary.events / wallS, 'events/s');
    print(`http.${label}.requests`, answered / wallS, 'requests/s');
    print(`http.${label}.eventsPerRequest`, run.summary.events / answered, 'events');
    print(`http.${label}.vsNs3UdpEcho`, answered / wallS / 48_000, 'x');
  }
  const visits = 20_000;
  const start = performance.now();
  const run = runScenario(openLoopScenario(visits), { trace: false });
  const wallS = (performance.now() - start) / 1000;
  const answered = run.summary.apps.httpClient?.[0]?.responses ?? 0;
  if (answered < visits) throw new Error(`only ${answered} of ${visits} open-loop visits answered`);
  print('http.openLoop.20k.traceOff.wall', wallS, 's');
  print('http.openLoop.20k.traceOff.visits', answered / wallS, 'visits/s');
  print('http.openLoop.20k.traceOff.events', run.summary.events / wallS, 'events/s');
}
