// Engine benchmarks: events per wall second for (a) a bare loop over the event heap with a no-op
// handler, (b) the simulator with the trace off and on (one record of
// two fields per event, like `link.rx`), (c) one XState send per event, at 1M and
// 10M events with 1,000 events pending, plus the object-heap baseline the typed heap was chosen
// against. Prints `bench NAME VALUE UNIT` lines; ratios compare figures from this same run.

import { performance } from 'node:perf_hooks';
import { createActor, setup, assign } from 'xstate';
import { EventQueue } from '../src/engine/eventQueue.ts';
import { Simulator } from '../src/engine/simulator.ts';

declare module '../src/engine/trace.ts' {
  interface TraceRecordTypes {
    'bench.tick': { node: string; packet: number };
  }
}

const PENDING = 1000;
/** Pseudo-random delays (an LCG, fixed), so every variant pushes the same times. */
const DELAYS = (() => {
  const table = new Float64Array(4096);
  let x = 12345;
  for (let i = 0; i < table.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    table[i] = 1 + (x % 1_000_000);
  }
  return table;
})();
const MASK = DELAYS.length - 1;

const noop = (): void => {};
const NODES = ['client', 'server', 'router', 'dns', 'fw', 'lb', 'db', 'cache'];

/** (a) The heap alone: pop, call a no-op handler, push the next event. */
export function bareLoop(events: number, pending = PENDING): number {
  const queue = new EventQueue(pending * 2);
  for (let i = 0; i < pending; i++) queue.push(DELAYS[i & MASK] as number, noop);
  const start = performance.now();
  for (let i = 0; i < events; i++) {
    const handler = queue.pop() as (arg: unknown) => void;
    handler(queue.poppedArg);
    queue.push(queue.poppedTime + (DELAYS[i & MASK] as number), noop);
  }
  return events / ((performance.now() - start) / 1000);
}

/** The object heap the typed heap was measured against: one object per event, same ordering. */
function objectHeapLoop(events: number, pending = PENDING): number {
  interface Ev {
    time: number;
    seq: number;
    fn: () => void;
  }
  const heap: Ev[] = [];
  let seq = 0;
  const less = (a: Ev, b: Ev) => a.time < b.time || (a.time === b.time && a.seq < b.seq);
  const push = (ev: Ev) => {
    let i = heap.push(ev) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(ev, heap[p] as Ev)) break;
      heap[i] = heap[p] as Ev;
      i = p;
    }
    heap[i] = ev;
  };
  const pop = (): Ev => {
    const top = heap[0] as Ev;
    const last = heap.pop() as Ev;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= heap.length) break;
        if (c + 1 < heap.length && less(heap[c + 1] as Ev, heap[c] as Ev)) c++;
        if (!less(heap[c] as Ev, last)) break;
        heap[i] = heap[c] as Ev;
        i = c;
      }
      heap[i] = last;
    }
    return top;
  };
  for (let i = 0; i < pending; i++)
    push({ time: DELAYS[i & MASK] as number, seq: seq++, fn: noop });
  const start = performance.now();
  for (let i = 0; i < events; i++) {
    const ev = pop();
    ev.fn();
    push({ time: ev.time + (DELAYS[i & MASK] as number), seq: seq++, fn: noop });
  }
  return events / ((performance.now() - start) / 1000);
}

/** (b) The simulator: each event reschedules itself and, with the trace on, records one record. */
function engineLoop(events: number, trace: boolean): number {
  const sim = new Simulator({ trace });
  let n = 0;
  const tick = (): void => {
    n++;
    sim.record({ t: sim.now(), type: 'bench.tick', node: NODES[n & 7] as string, packet: n });
    sim.schedule(DELAYS[n & MASK] as number, tick);
  };
  for (let i = 0; i < PENDING; i++) sim.schedule(DELAYS[i & MASK] as number, tick);
  const start = performance.now();
  sim.run({ maxEvents: events });
  const rate = events / ((performance.now() - start) / 1000);
  if (trace && sim.trace.length !== events) throw new Error('trace lost records');
  return rate;
}

/** (c) One XState `send` per engine event, to an actor on the simulated clock. */
function xstateLoop(events: number): number {
  const sim = new Simulator({ trace: false });
  const machine = setup({
    types: { context: {} as { count: number }, events: {} as { type: 'tick' } },
  }).createMachine({
    context: { count: 0 },
    on: { tick: { actions: assign({ count: ({ context }) => context.count + 1 }) } },
  });
  const actor = createActor(machine, { clock: sim.clock }).start();
  let n = 0;
  const tick = (): void => {
    n++;
    actor.send({ type: 'tick' });
    sim.schedule(DELAYS[n & MASK] as number, tick);
  };
  for (let i = 0; i < PENDING; i++) sim.schedule(DELAYS[i & MASK] as number, tick);
  const start = performance.now();
  sim.run({ maxEvents: events });
  const rate = events / ((performance.now() - start) / 1000);
  if (actor.getSnapshot().context.count !== events) throw new Error('lost sends');
  return rate;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Best of `runs` (the machine is shared; the best run is the least disturbed one). */
function best(runs: number, measure: () => number): number {
  let top = 0;
  for (let i = 0; i < runs; i++) {
    gc();
    top = Math.max(top, measure());
  }
  return top;
}

export function print(name: string, value: number, unit: string): void {
  const shown =
    Number.isInteger(value) || Math.abs(value) >= 1000
      ? Math.round(value).toString()
      : value.toFixed(3);
  console.log(`bench ${name} ${shown} ${unit}`);
}

/** Runs every engine benchmark and prints its lines. */
export function runEngineBenchmarks(): void {
  // Warm up every path so the first measured run is not the JIT's.
  bareLoop(200_000);
  objectHeapLoop(200_000);
  engineLoop(200_000, true);
  engineLoop(200_000, false);
  xstateLoop(100_000);

  for (const [label, events, runs] of [
    ['1M', 1_000_000, 3],
    ['10M', 10_000_000, 1],
  ] as const) {
    const bare = best(runs, () => bareLoop(events));
    const traceOff = best(runs, () => engineLoop(events, false));
    const traceOn = best(runs, () => engineLoop(events, true));
    const xstate = best(runs, () => xstateLoop(events));
    print(`engine.bare.${label}`, bare, 'events/s');
    print(`engine.traceOff.${label}`, traceOff, 'events/s');
    print(`engine.traceOn.${label}`, traceOn, 'events/s');
    print(`engine.xstateSend.${label}`, xstate, 'events/s');
    print(`engine.ratio.traceOnVsBare.${label}`, traceOn / bare, 'x');
    print(`engine.ratio.traceOffVsBare.${label}`, traceOff / bare, 'x');
    print(`engine.ratio.xstateVsBare.${label}`, xstate / bare, 'x');
  }

  // The heap choice: typed arrays against one object per event, at 1k and 100k pending.
  for (const pending of [1_000, 100_000]) {
    const typed = best(3, () => bareLoop(1_000_000, pending));
    const objects = best(3, () => objectHeapLoop(1_000_000, pending));
    const label = pending >= 1000 ? `${pending / 1000}k` : `${pending}`;
    print(`heap.typed.${label}pending`, typed, 'events/s');
    print(`heap.object.${label}pending`, objects, 'events/s');
    print(`heap.ratio.typedVsObject.${label}pending`, typed / objects, 'x');
  }
}
