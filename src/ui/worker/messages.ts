// The messages between the page and the simulation worker. Records travel packed: a progress
// message carries a TraceStoreDelta whose columns are transferred, not copied, and the page
// applies it to its own packed copy (viz/trace/packedRecords.ts), so the records it rebuilds
// serialise to the same JSON Lines as the CLI's.

import type { TraceStoreDelta } from '../../engine/traceStoreDelta.ts';
import type { RunSummary, ValidationIssue } from '../../sim/index.ts';
import type { RunDetail } from './slicedRun.ts';

/** Page to worker: run this scenario document (JSON text; the worker validates it). */
export interface RunRequest {
  type: 'run';
  text: string;
  seed: number;
  maxEvents: number;
  /** The record budget (SlicedRun's maxRecords): the run stops once its trace holds this many. */
  maxRecords: number;
  /** The time limit (SlicedRun's maxWallMs): real time the run may take, in ms; none if absent. */
  maxWallMs?: number;
  /** Keep every record (default), or only packet records ("less detail"). */
  detail?: RunDetail;
}

/** Worker to page. */
export type WorkerMessage =
  /** New records, packed, and how far the run has got: simulated time `now` of `until`, events. */
  | { type: 'progress'; delta: TraceStoreDelta; now: number; until: number; events: number }
  /**
   * The run is over (at its end or a limit); the last records came just before. The summary is
   * the worker's, folded live as the run went with the CLI's own folds, so the page need not fold
   * its records again; a run with every record is then fingerprinted (`fingerprint`).
   */
  | { type: 'done'; summary: RunSummary }
  /** SHA-256 of the whole trace as JSON Lines, after `done`, for a run that kept every record. */
  | { type: 'fingerprint'; hex: string }
  | { type: 'invalid'; issues: ValidationIssue[] }
  | { type: 'error'; message: string };
