// The simulation worker: validates a scenario document, runs it in slices and posts the trace
// records, packed, in batches with progress, then the summary, so the page stays responsive on big runs.

import { transferables } from '../../engine/traceStoreDelta.ts';
import { parseScenarioText, plainForPage, type Scenario } from '../../sim/index.ts';
import type { RunRequest, WorkerMessage } from './messages.ts';
import { doneMessage, fingerprintMessage, SlicedRun, whenKindsLoaded } from './slicedRun.ts';

/** Post at least this often (wall ms) while running, and at most this many records at once. */
const POST_EVERY_MS = 30;
const POST_RECORDS = 8_000;

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<RunRequest>) => void) | null;
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
};

scope.onmessage = (event) => {
  const request = event.data;
  if (request?.type !== 'run') return;
  try {
    const parsed = parseScenarioText(request.text);
    if (!parsed.ok) {
      // The issues' phrases are hidden fields, which a structured clone drops: make them plain.
      scope.postMessage({ type: 'invalid', issues: plainForPage(parsed.issues) });
      return;
    }
    const scenario = parsed.scenario;
    whenKindsLoaded(
      scenario,
      () => runLoaded(scenario, request),
      (message) => scope.postMessage({ type: 'error', message }),
    );
  } catch (error) {
    scope.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
};

/** Runs a valid scenario whose kinds are loaded, posting its records as it goes. */
function runLoaded(scenario: Scenario, request: RunRequest): void {
  try {
    const run = new SlicedRun(scenario, {
      seed: request.seed,
      maxEvents: request.maxEvents,
      maxRecords: request.maxRecords,
      ...(request.maxWallMs === undefined ? {} : { maxWallMs: request.maxWallMs }),
      ...(request.detail === undefined ? {} : { detail: request.detail }),
    });
    let posted = -Infinity;
    for (;;) {
      const over = run.step();
      // Always post after the first slice, so the page shows progress early.
      const due =
        posted === -Infinity ||
        performance.now() - posted >= POST_EVERY_MS ||
        run.pendingRecords >= POST_RECORDS;
      if (over || due) {
        const delta = run.delta();
        scope.postMessage(
          { type: 'progress', delta, now: run.now, until: run.until, events: run.events },
          transferables(delta),
        );
        posted = performance.now();
      }
      if (over) break;
    }
    const done = doneMessage(run);
    if (!done) return;
    scope.postMessage(done);
    const fingerprint = fingerprintMessage(run);
    if (fingerprint) scope.postMessage(fingerprint);
  } catch (error) {
    scope.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
