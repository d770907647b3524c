// Starts a scenario run in the simulation worker and relays its messages; where no worker can be
// made (Node tests, a browser without module workers) the same sliced run happens in the page.

import { parseScenarioText } from '../../sim/index.ts';
import type { RunRequest, WorkerMessage } from './messages.ts';
import { doneMessage, fingerprintMessage, moreAfter, SlicedRun } from './slicedRun.ts';

export type RunOptions = Omit<RunRequest, 'type'>;

/**
 * Receives a run's messages in order: progress (with packed records) ..., then done (then, for a run that
 * kept every record, its fingerprint), or a failure.
 */
export type RunListener = (message: WorkerMessage) => void;

/** Stops a run and ignores anything it still sends. */
export type CancelRun = () => void;

/** Runs in a Web Worker when one can be made, else in the page (synchronously). */
export function startRun(options: RunOptions, listener: RunListener): CancelRun {
  const worker = makeWorker();
  if (!worker) {
    runHere(options, listener);
    return () => {};
  }
  let live = true;
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    if (!live) return;
    const message = event.data;
    if (!moreAfter(message, options.detail)) {
      live = false;
      worker.terminate();
    }
    listener(message);
  };
  worker.onerror = (event) => {
    if (!live) return;
    live = false;
    worker.terminate();
    listener({ type: 'error', message: event.message || 'the simulation worker failed' });
  };
  const request: RunRequest = { type: 'run', ...options };
  worker.postMessage(request);
  return () => {
    live = false;
    worker.terminate();
  };
}

function makeWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** The worker's work, done here in one go: the same messages, delivered before returning. */
export function runHere(options: RunOptions, listener: RunListener): void {
  try {
    const parsed = parseScenarioText(options.text);
    if (!parsed.ok) {
      listener({ type: 'invalid', issues: parsed.issues });
      return;
    }
    const run = new SlicedRun(parsed.scenario, options);
    while (!run.step()); // in slices, so the record budget is checked as in the worker
    listener({
      type: 'progress',
      delta: run.delta(),
      now: run.now,
      until: run.until,
      events: run.events,
    });
    const done = doneMessage(run);
    if (!done) return;
    listener(done);
    const fingerprint = fingerprintMessage(run);
    if (fingerprint) listener(fingerprint);
  } catch (error) {
    listener({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
