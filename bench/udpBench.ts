// UDP request/replies through the whole stack: a pinger sends 100,000 numbered requests one at a
// time (no pause between them) to an echo server over one link, as ns-3's UdpEchoClient and
// UdpEchoServer do; request/replies and events per wall second, trace on and off, beside this
// run's bare-heap baseline (benchRun.ts).

import { bareHeapBaseline, bestRun, scenario, timedRun } from './benchRun.ts';
import { print } from './engineBench.ts';

export function echoScenario(count: number) {
  return scenario({
    format: 'handshake/scenario@1',
    name: 'bench: UDP request/replies, pinger and echo',
    until: '10h',
    nodes: [
      {
        id: 'client',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.1.1.1/24' }],
        apps: [{ type: 'pinger', peer: 'server', count, interval: '0s', timeout: '1s' }],
      },
      {
        id: 'server',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.1.1.2/24' }],
        apps: [{ type: 'echo' }],
      },
    ],
    links: [{ id: 'wire', a: 'client', b: 'server', latency: '1ms', bandwidth: '100Mbps' }],
  });
}

/** Runs the UDP benchmarks and prints their lines. */
export function runUdpBenchmarks(): void {
  const bare = bareHeapBaseline('udp');
  timedRun(echoScenario(10_000), true); // warm-up
  const count = 100_000;
  for (const trace of [true, false]) {
    const label = `100k.${trace ? 'traceOn' : 'traceOff'}`;
    const run = bestRun(3, () => timedRun(echoScenario(count), trace));
    const replies = run.summary.apps.pinger?.[0]?.replies ?? 0;
    if (replies !== count) throw new Error(`only ${replies} of ${count} requests answered`);
    print(`udp.echo.${label}.requests`, replies / run.wallS, 'requests/s');
    print(`udp.echo.${label}.vsBareHeap`, replies / run.wallS / bare, 'x');
    print(`udp.echo.${label}.events`, run.events / run.wallS, 'events/s');
    print(`udp.echo.${label}.eventsPerRequest`, run.events / replies, 'events');
    print(`udp.echo.${label}.wall`, run.wallS, 's');
  }
}
