// A scenario run in the page itself, a few milliseconds at a time between tasks, for where a
// simulation worker is not wanted: the embedded element (src/embed), whose module may be served
// from another origin than the page it is on, where a worker script cannot be started. It sends
// the worker's messages in the worker's order (progress ..., done), so HandshakeApp takes either.

import { parseScenarioText } from '../../sim/index.ts';
import type { CancelRun, RunListener, RunOptions } from './simClient.ts';
import { doneMessage, SlicedRun, whenKindsLoaded } from './slicedRun.ts';

/** Real time one task may run the simulation before it yields to the page (ms). */
export const PAGE_SLICE_MS = 8;
/** Events a slice runs: small, so a task ends close to PAGE_SLICE_MS and frames stay short. */
export const PAGE_SLICE_EVENTS = 1000;

/** How a page run yields to the page between slices (setTimeout by default; tests pass their own). */
export type Yield = (next: () => void) => void;

const yieldToPage: Yield = (next) => void setTimeout(next, 0);

export interface PageRunPacing {
  /** Yields to the page before the first slice and between slices. */
  yieldNow?: Yield;
  /** Real time a task runs slices for (ms); at least one slice a task. */
  sliceMs?: number;
  /** Events in a slice. */
  sliceEvents?: number;
}

/**
 * Runs a scenario document in the page, in slices of about PAGE_SLICE_MS, sending a progress
 * message after each task and then done. No fingerprint: an embedded run shows none. The returned
 * function stops the run; nothing is sent after it.
 */
export function startPageRun(
  options: RunOptions,
  listener: RunListener,
  {
    yieldNow = yieldToPage,
    sliceMs = PAGE_SLICE_MS,
    sliceEvents = PAGE_SLICE_EVENTS,
  }: PageRunPacing = {},
): CancelRun {
  let live = true;
  const fail = (error: unknown) =>
    listener({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  let run: SlicedRun;
  const task = () => {
    if (!live) return;
    try {
      const stop = performance.now() + sliceMs;
      let over = run.step(sliceEvents);
      while (!over && performance.now() < stop) over = run.step(sliceEvents);
      listener({
        type: 'progress',
        delta: run.delta(),
        now: run.now,
        until: run.until,
        events: run.events,
      });
      if (!live) return;
      if (!over) return yieldNow(task);
      live = false;
      const done = doneMessage(run);
      if (done) listener(done);
    } catch (error) {
      live = false;
      fail(error);
    }
  };
  try {
    const parsed = parseScenarioText(options.text);
    if (!parsed.ok) {
      listener({ type: 'invalid', issues: parsed.issues });
      return () => {};
    }
    // The scenario's kinds first (loaded once a page), then the run, a slice a task.
    const begin = () => {
      if (!live) return;
      try {
        run = new SlicedRun(parsed.scenario, options);
      } catch (error) {
        live = false;
        fail(error);
        return;
      }
      yieldNow(task);
    };
    whenKindsLoaded(parsed.scenario, begin, (message) => {
      if (live) fail(new Error(message));
      live = false;
    });
  } catch (error) {
    fail(error);
    return () => {};
  }
  return () => {
    live = false;
  };
}
