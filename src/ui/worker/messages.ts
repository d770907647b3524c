// The messages between the page and the simulation worker (structured clone: records keep their
// Packet objects and Uint8Array payloads, so they serialise to the same JSON Lines as the CLI's).

import type { TraceRecord } from '../../engine/trace.ts';
import type { ValidationIssue } from '../../sim/index.ts';

/** Page to worker: run this scenario document (JSON text; the worker validates it). */
export interface RunRequest {
  type: 'run';
  text: string;
  seed: number;
  maxEvents: number;
  /** The record budget (SlicedRun's maxRecords): the run stops once its trace holds this many. */
  maxRecords: number;
}

/** Worker to page. */
export type WorkerMessage =
  /** New records, and how far the run has got: simulated time `now` of `until`, events so far. */
  | { type: 'progress'; records: TraceRecord[]; now: number; until: number; events: number }
  /**
   * The run is over (time limit or event limit); the last records came just before. The page
   * computes the summary from the records it holds, with the CLI's own folds.
   */
  | { type: 'done' }
  | { type: 'invalid'; issues: ValidationIssue[] }
  | { type: 'error'; message: string };
