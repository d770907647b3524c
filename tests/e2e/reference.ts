// What the browser must agree with, computed in Node: the core API's run of a scenario (with its
// narrated log) and the `handshake run` command's output and trace file, for the same seed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { traceToJsonLines, type TraceRecord } from '../../src/engine/trace.ts';
import {
  formatSummaryLines,
  runScenario,
  validateScenario,
  type RunSummary,
} from '../../src/sim/index.ts';
import { narrate, type LogEntry } from '../../src/viz/log/index.ts';
import { networkNames } from '../../src/viz/names/index.ts';
import defaultScenarioJson from '../../simulations/ping-over-a-link.json';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_SCENARIO_FILE = 'simulations/ping-over-a-link.json';
export { defaultScenarioJson };

function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** What the core API's run of a scenario gives, as the browser should show it. */
export interface CoreRun {
  summary: RunSummary;
  lines: string[];
  sha256: string;
  records: readonly TraceRecord[];
  log: LogEntry[];
}

/** Runs the default scenario with the core API in this process. */
export function coreRun(seed: number): CoreRun {
  return coreRunOf(defaultScenarioJson, seed);
}

/** Runs any scenario document with the core API in this process. */
export function coreRunOf(doc: unknown, seed: number): CoreRun {
  const checked = validateScenario(doc);
  if (!checked.ok) throw new Error(`the scenario is invalid: ${JSON.stringify(checked.issues)}`);
  const run = runScenario(checked.scenario, { seed });
  const records = run.simulation.sim.trace.records;
  return {
    summary: run.summary,
    lines: formatSummaryLines(run.summary),
    sha256: sha256(traceToJsonLines(records)),
    records,
    log: narrate(records, networkNames(checked.scenario.nodes)),
  };
}

/** Runs `handshake run FILE --seed N --json --trace T` and returns its summary and trace hash. */
export function cliRun(seed: number): { summary: RunSummary; traceSha256: string } {
  const dir = mkdtempSync(join(tmpdir(), 'handshake-e2e-cli-'));
  try {
    const tracePath = join(dir, 'trace.jsonl');
    const out = execFileSync(
      process.execPath,
      [
        'bin/handshake.js',
        'run',
        DEFAULT_SCENARIO_FILE,
        '--seed',
        String(seed),
        '--json',
        '--trace',
        tracePath,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    return {
      summary: JSON.parse(out) as RunSummary,
      traceSha256: sha256(readFileSync(tracePath)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
