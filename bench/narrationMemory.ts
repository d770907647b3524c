// Heap the event log's narration holds per trace record: the database example run long
// (simulations/database-service.json, until 300 s, 400,000 events), its first 500,000 records
// narrated by one Narration, heap measured after gc() before and after. Also times the
// narration and a text search over the whole log (a FilteredLog made anew, as a keystroke does).
// Run: node --expose-gc --max-old-space-size=4000 --import tsx bench/narrationMemory.ts
import { readFileSync } from 'node:fs';
import { recordPrefix } from '../src/engine/traceRecords.ts';
import { runScenario, validateScenario } from '../src/sim/index.ts';
import { FilteredLog, Narration } from '../src/viz/log/index.ts';
import { networkNames } from '../src/viz/names/index.ts';

const RECORDS = 500_000;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
/** The JS heap and the typed arrays' buffers (outside the heap, so not in heapUsed). */
const heap = (): { heap: number; buffers: number } => {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers };
};

const doc: unknown = JSON.parse(readFileSync('simulations/database-service.json', 'utf8'));
const checked = validateScenario(doc);
if (!checked.ok) throw new Error('invalid scenario');
const run = runScenario(checked.scenario, { until: 300e9, maxEvents: 400_000 });
const trace = run.simulation.sim.trace;
const count = Math.min(RECORDS, trace.length);
// Read from the engine's packed trace, as the page keeps its copy (each record made on demand).
const records = recordPrefix(trace, count);
const names = networkNames(checked.scenario.nodes);

const before = heap();
let started = performance.now();
const narration = new Narration(records, names);
narration.advance(count);
const narrateMs = performance.now() - started;
const after = heap();
const inHeap = after.heap - before.heap;
const buffers = after.buffers - before.buffers;
const bytes = inHeap + buffers;
console.log(`records ${count}`);
console.log(
  `narration ${(bytes / 1e6).toFixed(1)} MB (heap ${(inHeap / 1e6).toFixed(1)} MB, array buffers ${(buffers / 1e6).toFixed(1)} MB), ${(bytes / count).toFixed(1)} bytes per record`,
);
console.log(`narration time ${narrateMs.toFixed(0)} ms`);

for (const search of ['packet #1234', 'mysql', 'queue at']) {
  started = performance.now();
  const list = new FilteredLog(
    { filter: { node: null, protocol: null, group: null }, details: true, search },
    records,
  );
  update(list);
  console.log(
    `search "${search}": ${length(list)} shown, ${(performance.now() - started).toFixed(0)} ms`,
  );
}
started = performance.now();
const all = new FilteredLog(
  { filter: { node: null, protocol: null, group: null }, details: false, search: '' },
  records,
);
update(all);
console.log(
  `no search, details hidden: ${length(all)} shown, ${(performance.now() - started).toFixed(0)} ms`,
);

function update(list: FilteredLog): void {
  list.update(narration.log);
}
function length(list: FilteredLog): number {
  return list.length;
}
