// Paths that must stay linear in their load: a 10 MB reply from a request/response service (its
// client once copied the whole buffer per segment), and HTTP clients arriving at 100,000 a second
// on fresh connections (each connect once searched all 16,384 ephemeral ports when they ran
// short). Wall time and work per wall second, trace on, beside this run's bare-heap baseline.

import { bareHeapBaseline, scenario, timedRun } from './benchRun.ts';
import { print } from './engineBench.ts';

const REPLY_BYTES = 10_000_000;

/** One query answered with a 10 MB reply over a 1 Gbit/s link. */
function bigReplyScenario() {
  return scenario({
    format: 'handshake/scenario@1',
    name: 'bench: a 10 MB service reply',
    until: '1h',
    nodes: [
      {
        id: 'app',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.1.1.1/24' }],
        apps: [{ type: 'serviceClient', server: 'db', queries: ['SELECT * FROM big'] }],
      },
      {
        id: 'db',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.1.1.2/24' }],
        apps: [{ type: 'service', replySize: REPLY_BYTES }],
      },
    ],
    links: [{ id: 'wire', a: 'app', b: 'db', latency: '1ms', bandwidth: '1Gbps' }],
  });
}

/** `visits` Poisson arrivals at 100,000 a second, one connection each, to an 8-core server. */
export function fastArrivalsScenario(visits: number) {
  return scenario({
    format: 'handshake/scenario@1',
    name: 'bench: HTTP visits arriving at 100,000 a second',
    until: '1h',
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
            workload: { kind: 'open', rate: 100_000, visits },
          },
        ],
      },
      {
        id: 'web',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.1.1.2/24' }],
        cpu: { cores: 8, policy: 'fcfs' },
        apps: [
          {
            type: 'httpServer',
            backlog: 4096,
            service: { cpu: { kind: 'exponential', mean: '5us' } },
            concurrency: { model: 'threadPerConnection', limit: 10_000 },
          },
        ],
      },
    ],
    links: [{ id: 'wire', a: 'clients', b: 'web', latency: '100us', bandwidth: '10Gbps' }],
  });
}

/** Runs the load benchmarks and prints their lines. */
export function runLoadBenchmarks(): void {
  bareHeapBaseline('load');
  const reply = timedRun(bigReplyScenario(), true);
  const answered = reply.summary.apps.serviceClient?.[0]?.replies ?? 0;
  if (answered !== 1) throw new Error('the 10 MB reply did not arrive');
  print('load.serviceReply10MB.wall', reply.wallS, 's');
  print('load.serviceReply10MB.bytes', REPLY_BYTES / reply.wallS / 1e6, 'MB/s');
  const visits = 10_000;
  const run = timedRun(fastArrivalsScenario(visits), true);
  const responses = run.summary.apps.httpClient?.[0]?.responses ?? 0;
  if (responses < visits) throw new Error(`only ${responses} of ${visits} fast arrivals answered`);
  print('load.http100kArrivals.visits', responses / run.wallS, 'visits/s');
  print('load.http100kArrivals.wall', run.wallS, 's');
}
