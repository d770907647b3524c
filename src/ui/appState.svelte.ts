// The app's state: the loaded scenario, the seed being typed, the last run (summary, narrated
// log, trace fingerprint) and the problems of a file that failed to load. Big data is $state.raw.

import type { TraceRecord } from '../engine/trace.ts';
import {
  formatSummaryLines,
  parseScenarioText,
  runScenario,
  validateScenario,
  type RunSummary,
  type Scenario,
  type ValidationIssue,
} from '../sim/index.ts';
import defaultScenarioJson from '../../simulations/ping-over-a-link.json';
import { narrate, type LogEntry } from './narrate.ts';
import { networkNames, type NetworkNames } from './networkNames.ts';
import { traceFingerprint } from './fingerprint.ts';

/** Largest scenario file the page reads; bigger ones are refused with a message. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Most trace records the event log narrates; the fingerprint always covers the whole trace. */
export const MAX_LOG_ENTRIES = 2000;

/** A finished run as the view shows it. */
export interface RunView {
  seed: number;
  summary: RunSummary;
  /** The summary as the CLI prints it (formatSummaryLines). */
  summaryLines: string[];
  log: LogEntry[];
  /** Records in the whole trace (the log may show fewer). */
  traceRecords: number;
  /** Wall-clock time the run took in this browser, in ms. */
  wallMs: number;
}

/** A document that could not be loaded, and why. */
export interface LoadProblem {
  source: string;
  issues: ValidationIssue[];
}

export type Fingerprint =
  { status: 'none' } | { status: 'pending' } | { status: 'done'; hex: string | null };

/** Parses the seed field: a whole number from 0 to 2^53 - 1, or an error for people. */
export function parseSeed(text: string): { ok: true; seed: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  const seed = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isSafeInteger(seed)) {
    return {
      ok: false,
      error: `The seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}.`,
    };
  }
  return { ok: true, seed };
}

function loadBuiltIn(): { scenario: Scenario | null; problem: LoadProblem | null } {
  const result = validateScenario(defaultScenarioJson);
  return result.ok
    ? { scenario: result.scenario, problem: null }
    : { scenario: null, problem: { source: 'the built-in scenario', issues: result.issues } };
}

/** All state of the page. Components read its fields and call its methods. */
export class HandshakeApp {
  scenario = $state.raw<Scenario | null>(null);
  /** Where the scenario came from: "built-in" or a file name. */
  source = $state('built-in');
  seedText = $state('');
  seedError = $state<string | null>(null);
  problem = $state.raw<LoadProblem | null>(null);
  run = $state.raw<RunView | null>(null);
  runError = $state<string | null>(null);
  fingerprint = $state.raw<Fingerprint>({ status: 'none' });
  private runs = 0;

  constructor() {
    const { scenario, problem } = loadBuiltIn();
    this.problem = problem;
    if (scenario) this.use(scenario, 'built-in');
  }

  /** How the log and the summary name nodes and addresses: labels, roles, owners of addresses. */
  names: NetworkNames = $derived(networkNames(this.scenario?.nodes ?? []));

  private use(scenario: Scenario, source: string): void {
    this.scenario = scenario;
    this.source = source;
    this.seedText = String(scenario.seed ?? 1);
    this.seedError = null;
    this.run = null;
    this.runError = null;
    this.fingerprint = { status: 'none' };
    this.runs++;
  }

  /** Reads a scenario file; a bad one leaves the current scenario loaded and lists its issues. */
  async open(file: File): Promise<void> {
    if (file.size > MAX_FILE_BYTES) {
      this.problem = {
        source: file.name,
        issues: [
          { path: '$', message: `the file is ${file.size} bytes; the limit is ${MAX_FILE_BYTES}` },
        ],
      };
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.problem = {
        source: file.name,
        issues: [{ path: '$', message: `cannot read the file: ${reason}` }],
      };
      return;
    }
    const result = parseScenarioText(text);
    if (!result.ok) {
      this.problem = { source: file.name, issues: result.issues };
      return;
    }
    this.problem = null;
    this.use(result.scenario, file.name);
  }

  dismissProblem(): void {
    this.problem = null;
  }

  /** Runs the scenario with the seed in the field, then fingerprints the trace. */
  start(): void {
    const scenario = this.scenario;
    if (!scenario) return;
    const parsed = parseSeed(this.seedText);
    if (!parsed.ok) {
      this.seedError = parsed.error;
      return;
    }
    this.seedError = null;
    const token = ++this.runs;
    const began = performance.now();
    let records: readonly TraceRecord[];
    try {
      const { simulation, summary } = runScenario(scenario, { seed: parsed.seed });
      records = simulation.sim.trace.records;
      this.run = {
        seed: parsed.seed,
        summary,
        summaryLines: formatSummaryLines(summary),
        log: narrate(records, this.names, MAX_LOG_ENTRIES),
        traceRecords: records.length,
        wallMs: performance.now() - began,
      };
      this.runError = null;
    } catch (error) {
      this.run = null;
      this.fingerprint = { status: 'none' };
      this.runError = error instanceof Error ? error.message : String(error);
      return;
    }
    this.fingerprint = { status: 'pending' };
    void traceFingerprint(records).then(
      (hex) => {
        if (token === this.runs) this.fingerprint = { status: 'done', hex };
      },
      () => {
        if (token === this.runs) this.fingerprint = { status: 'done', hex: null };
      },
    );
  }
}
