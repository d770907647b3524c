// `npm run bench`: every benchmark, one `bench NAME VALUE UNIT` line per figure.
import { runEngineBenchmarks } from './engineBench.ts';

const started = performance.now();
runEngineBenchmarks();
console.log(`bench total.wall ${((performance.now() - started) / 1000).toFixed(1)} s`);
