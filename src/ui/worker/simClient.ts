// Starts a scenario run in the simulation worker and relays its messages; where no worker can be
// made (Node tests, a browser without module workers) the same sliced run happens in the page.

import { loadKinds, parseScenarioText, type Scenario } from '../../sim/index.ts';
import type { RunRequest, WorkerMessage } from './messages.ts';
import {
  doneMessage,
  fingerprintMessage,
  kindsFailed,
  moreAfter,
  SlicedRun,
  whenKindsLoaded,
} from './slicedRun.ts';

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
  // The page folds the run's figures too (its summary's lines, the figures at the moment shown):
  // it loads the scenario's kinds while the worker runs, and hands messages on once they are in.
  const kindsHere = pageKinds(options.text);
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    if (!live) return;
    const message = event.data;
    if (!moreAfter(message, options.detail)) {
      live = false;
      worker.terminate();
    }
    void kindsHere.then((failed) =>
      listener(failed && message.type === 'done' ? { type: 'error', message: failed } : message),
    );
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

/** Loads in the page the kinds a document's run needs; resolves to an error message, or null. */
function pageKinds(text: string): Promise<string | null> {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) return Promise.resolve(null); // the worker says why
  return loadKinds(parsed.scenario).then(() => null, kindsFailed);
}

function makeWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/**
 * The worker's work, done here in one go: the same messages, delivered before returning once the
 * scenario's kinds are loaded (always so in Node, where the tests load every kind first).
 */
export function runHere(options: RunOptions, listener: RunListener): void {
  try {
    const parsed = parseScenarioText(options.text);
    if (!parsed.ok) {
      listener({ type: 'invalid', issues: parsed.issues });
      return;
    }
    whenKindsLoaded(
      parsed.scenario,
      () => runLoaded(parsed.scenario, options, listener),
      (message) => listener({ type: 'error', message }),
    );
  } catch (error) {
    listener({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

/** runHere's run of a valid scenario whose kinds are loaded. */
function runLoaded(scenario: Scenario, options: RunOptions, listener: RunListener): void {
  try {
    const run = new SlicedRun(scenario, options);
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
