// `npm run bench`: every benchmark, one `bench NAME VALUE UNIT` line per figure.
// `npm run bench -- engine|tcp|udp|cpu|http|load|memory|browser|embed` runs one group. The whole-stack
// groups (tcp,
// udp, http) print their figures with the trace on and off, each beside a bare-heap baseline
// measured in the same run; no figure is divided by a constant measured elsewhere.
import { runBrowserBenchmarks } from './browserBench.ts';
import { runCpuBenchmarks } from './cpuBench.ts';
import { runEmbedBenchmarks } from './embedBench.ts';
import { runEngineBenchmarks } from './engineBench.ts';
import { runHttpBenchmarks } from './httpBench.ts';
import { runLoadBenchmarks } from './loadBench.ts';
import { runMemoryBenchmarks } from './memoryBench.ts';
import { runTcpBenchmarks } from './tcpBench.ts';
import { runUdpBenchmarks } from './udpBench.ts';

const only = process.argv[2];
const started = performance.now();
if (!only || only === 'engine') runEngineBenchmarks();
if (!only || only === 'tcp') runTcpBenchmarks();
if (!only || only === 'udp') runUdpBenchmarks();
if (!only || only === 'cpu') runCpuBenchmarks();
if (!only || only === 'http') runHttpBenchmarks();
if (!only || only === 'load') runLoadBenchmarks();
if (!only || only === 'memory') runMemoryBenchmarks();
if (!only || only === 'browser') await runBrowserBenchmarks();
if (!only || only === 'embed') await runEmbedBenchmarks();
console.log(`bench total.wall ${((performance.now() - started) / 1000).toFixed(1)} s`);
