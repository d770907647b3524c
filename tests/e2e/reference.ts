// What the browser must agree with, computed in Node: the core API's run of a scenario and the
// `handshake run` command's output and trace file, for the same scenario and seed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { traceToJsonLines } from '../../src/engine/trace.ts';
import {
  formatSummaryLines,
  runScenario,
  validateScenario,
  type RunSummary,
} from '../../src/sim/index.ts';
import defaultScenarioJson from '../../simulations/ping-over-a-link.json';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_SCENARIO_FILE = 'simulations/ping-over-a-link.json';
export { defaultScenarioJson };

function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Runs the default scenario with the core API in this process. */
export function coreRun(seed: number): { summary: RunSummary; lines: string[]; sha256: string } {
  const checked = validateScenario(defaultScenarioJson);
  if (!checked.ok)
    throw new Error(`the default scenario is invalid: ${JSON.stringify(checked.issues)}`);
  const run = runScenario(checked.scenario, { seed });
  return {
    summary: run.summary,
    lines: formatSummaryLines(run.summary),
    sha256: sha256(traceToJsonLines(run.simulation.sim.trace.records)),
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
