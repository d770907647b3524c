// TCP through the whole stack (sockets, TCP, IP, links): (a) a bulk transfer of 37 MB over one
// 10 Mbit/s link, as ns-3's BulkSend example: data segments, events and simulated bytes per wall
// second, trace on and off; (b) 10 MB moved by 100 flows (10 senders of 10 flows, 100 kB each)
// through a router onto one 10 Mbit/s link, against the same 10 MB in one flow over the same
// path, and their ratio: what many connections cost beyond their bytes. Every figure is printed
// beside this run's bare-heap baseline (benchRun.ts).

import { bareHeapBaseline, bestRun, scenario, timedRun, type TimedRun } from './benchRun.ts';
import { print } from './engineBench.ts';

/** One bulk sender on one node, `bytes` to a sink over one 10 Mbit/s link. */
export function bulkScenario(bytes: number) {
  return scenario(bulkDocument(bytes));
}

/** The scenario document of `bulkScenario` (memoryBench.ts runs it through the CLI). */
export function bulkDocument(bytes: number) {
  return {
    format: 'handshake/scenario@1',
    name: 'bench: bulk TCP over 10 Mbit/s',
    until: '1h',
    nodes: [
      {
        id: 'sender',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.1.1.1/24' }],
        apps: [{ type: 'bulkSend', peer: 'receiver', bytes }],
      },
      {
        id: 'receiver',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.1.1.2/24' }],
        apps: [{ type: 'sink' }],
      },
    ],
    links: [
      {
        id: 'wire',
        a: 'sender',
        b: 'receiver',
        latency: '2ms',
        bandwidth: '10Mbps',
        queue: { packets: 100 },
      },
    ],
  };
}

const SENDERS = 10;

/**
 * `bytes` in `flows` bulk transfers spread over ten senders (1 Gbit/s links to a router) to one
 * sink behind the router's 10 Mbit/s link, the bottleneck they share (100 packets of queue).
 */
export function sharedScenario(bytes: number, flows: number) {
  const senders = Array.from({ length: SENDERS }, (_, i) => ({
    id: `s${i}`,
    role: 'client',
    interfaces: [{ name: 'eth0', address: `10.0.${i}.2/24` }],
    gateway: `10.0.${i}.1`,
    apps: Array.from({ length: Math.ceil((flows - i) / SENDERS) }, () => ({
      type: 'bulkSend',
      peer: '10.9.0.2',
      bytes: bytes / flows,
    })),
  }));
  return scenario({
    format: 'handshake/scenario@1',
    name: `bench: ${flows} TCP flow(s) sharing a 10 Mbit/s link`,
    until: '1h',
    nodes: [
      ...senders,
      {
        id: 'router',
        role: 'router',
        interfaces: [
          ...senders.map((_, i) => ({ name: `eth${i}`, address: `10.0.${i}.1/24` })),
          { name: `eth${SENDERS}`, address: '10.9.0.1/24' },
        ],
      },
      {
        id: 'receiver',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.9.0.2/24' }],
        gateway: '10.9.0.1',
        apps: [{ type: 'sink', backlog: 256 }],
      },
    ],
    links: [
      ...senders.map((s, i) => ({
        id: `l${i}`,
        a: s.id,
        b: `router:eth${i}`,
        latency: '100us',
        bandwidth: '1Gbps',
      })),
      {
        id: 'bottleneck',
        a: `router:eth${SENDERS}`,
        b: 'receiver',
        latency: '2ms',
        bandwidth: '10Mbps',
        queue: { packets: 100 },
      },
    ],
  });
}

/** Checks that every sender finished, and returns the data segments the sender put on the wire. */
function checked(run: TimedRun, flows: number): number {
  const senders = run.summary.apps.bulkSend ?? [];
  const finished = senders.filter((s) => s.finishedAtNs !== null).length;
  if (finished !== flows) throw new Error(`only ${finished} of ${flows} bulk transfers finished`);
  const [forward] = run.summary.links[0]?.directions ?? [];
  return forward?.sent ?? 0;
}

/** Runs the TCP benchmarks and prints their lines. */
export function runTcpBenchmarks(): void {
  const bare = bareHeapBaseline('tcp');
  timedRun(bulkScenario(2_000_000), true); // warm-up
  for (const trace of [true, false]) {
    const label = `37MB.${trace ? 'traceOn' : 'traceOff'}`;
    const run = bestRun(3, () => timedRun(bulkScenario(37_000_000), trace));
    const segments = checked(run, 1);
    print(`tcp.bulk.${label}.segments`, segments / run.wallS, 'segments/s');
    print(`tcp.bulk.${label}.vsBareHeap`, segments / run.wallS / bare, 'x');
    print(`tcp.bulk.${label}.events`, run.events / run.wallS, 'events/s');
    print(`tcp.bulk.${label}.simulatedBytes`, 37_000_000 / run.wallS, 'bytes/s');
    print(`tcp.bulk.${label}.wall`, run.wallS, 's');
  }

  // The same 10 MB in one flow and in 100 flows sharing the bottleneck, trace on.
  timedRun(sharedScenario(1_000_000, 100), true); // warm-up
  const one = bestRun(3, () => timedRun(sharedScenario(10_000_000, 1), true));
  checked(one, 1);
  const many = bestRun(3, () => timedRun(sharedScenario(10_000_000, 100), true));
  checked(many, 100);
  print('tcp.flows.1x10MB.traceOn.wall', one.wallS, 's');
  print('tcp.flows.100x100kB.traceOn.wall', many.wallS, 's');
  print('tcp.flows.ratio.100vs1', many.wallS / one.wallS, 'x');
  print('tcp.flows.100x100kB.traceOn.events', many.events / many.wallS, 'events/s');
}
