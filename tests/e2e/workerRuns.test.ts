// End-to-end tests of big runs in the worker, in Debian's Chromium: progress while recording, the
// CLI's fingerprint byte for byte, a tiny event limit, record budget or time limit that keeps and
// plays what was recorded, and a run again "with less detail" (packet records only) after one.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { traceToJsonLines } from '../../src/engine/trace.ts';
import { formatSummaryLines, parseScenarioText, runScenario } from '../../src/sim/index.ts';
import { SlicedRun } from '../../src/ui/worker/slicedRun.ts';
import { ROOT } from './reference.ts';
import { packedRecords } from '../../src/viz/trace/index.ts';
import {
  appSession,
  dotOfColour,
  file,
  openFile,
  pause,
  shot,
  startRun as run,
  timeNs,
} from './appSession.ts';

const session = appSession();
const { openApp } = session;

const BULK = 'simulations/tcp-bulk-transfer.json';
/** 44k records in 4 s: its first slice of events passes a budget of 1,000. */
const DATABASE = 'simulations/database-service.json';

function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** `handshake run FILE --seed N --trace T`: the CLI's trace fingerprint. */
function cliSha(file: string, seed: number, extra: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'handshake-e2e-cli-'));
  try {
    const trace = join(dir, 'trace.jsonl');
    const args = ['bin/handshake.js', 'run', file, '--seed', String(seed), '--trace', trace];
    const ran = spawnSync(process.execPath, [...args, ...extra], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // 0, or 4 when the run stopped at a limit (its trace is still written).
    if (ran.status !== 0 && ran.status !== 4) throw new Error(`handshake failed: ${ran.stderr}`);
    return sha256(readFileSync(trace));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the animated simulator view', () => {
  it('runs a big scenario in the worker with progress, and matches the CLI byte for byte', async () => {
    const page = await openApp();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __progress: string[] }).__progress = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="run-progress"]')?.textContent;
        if (text && seen[seen.length - 1] !== text) seen.push(text.replace(/\s+/g, ' ').trim());
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.reload();
    await page.getByTestId('scenario-name').waitFor();
    await openFile(page, BULK);
    await run(page, 1);
    const progress = await page.evaluate(
      () => (window as unknown as { __progress: string[] }).__progress,
    );
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]).toMatch(/^Recording: .* of 30 s simulated, \d+ events/);
    const worker = await page.evaluate(() =>
      performance.getEntriesByType('resource').some((e) => e.name.includes('simWorker')),
    );
    expect(worker).toBe(true);
    expect(await page.getByTestId('trace-sha256').textContent()).toBe(cliSha(BULK, 1));
    // The animation plays the recorded transfer: TCP dots, retransmissions marked.
    await pause(page);
    expect(await page.getByTestId('time-controls').textContent()).toMatch(/\d+ retransmissions/);
    await page.getByTestId('scrubber').fill('19');
    expect(await dotOfColour(page, '--pkt-tcp')).not.toBeNull();
    await shot(page, 'playback-bulk-transfer');
    expect(session.errors).toEqual([]);
  });

  it('stops at a tiny event limit with a message, keeping and playing what was recorded', async () => {
    const page = await openApp();
    await openFile(page, BULK);
    await page.getByText('Run options').click();
    await page.getByTestId('max-events').fill('500');
    await run(page, 1);
    const limit = page.getByTestId('run-limit');
    await limit.waitFor();
    expect(await limit.textContent()).toContain('event limit of 500 events');
    await page.getByTestId('summary-whole-run').click();
    expect(await page.getByTestId('summary').textContent()).toContain('hit the event limit');
    const parsed = parseScenarioText(readFileSync(join(ROOT, BULK), 'utf8'));
    if (!parsed.ok) throw new Error('invalid scenario');
    const core = runScenario(parsed.scenario, { seed: 1, maxEvents: 500 });
    expect(await page.getByTestId('trace-sha256').textContent()).toBe(
      sha256(traceToJsonLines(core.simulation.sim.trace.records)),
    );
    expect(cliSha(BULK, 1, ['--max-events', '500'])).toBe(
      sha256(traceToJsonLines(core.simulation.sim.trace.records)),
    );
    await pause(page);
    await page.locator('h1').click();
    await page.keyboard.press('End');
    expect(await timeNs(page)).toBe(core.summary.simulatedNs);
    expect(core.summary.simulatedNs).toBeLessThan(30e9);
    await shot(page, 'playback-event-limit');
    expect(session.errors).toEqual([]);
  });

  it('stops at its record budget with a message, keeping and playing what was recorded', async () => {
    const page = await openApp();
    await openFile(page, DATABASE);
    await page.getByText('Run options').click();
    // A budget out of range is refused, naming the range, and nothing runs.
    await page.getByTestId('max-records').fill('12');
    await page.getByTestId('run').click();
    expect(await page.locator('#budget-error').textContent()).toContain(
      'The record budget must be a whole number from 1,000 to 1,000,000',
    );
    expect(await page.getByTestId('max-records').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('max-records').fill('1,000');
    await run(page, 1);
    const budget = page.getByTestId('run-budget');
    await budget.waitFor();
    const text = ((await budget.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain("the page's budget of 1,000");
    expect(text).toContain('npm run handshake -- run scenario.json --trace trace.jsonl');
    await page.getByTestId('summary-whole-run').click();
    expect(await page.getByTestId('summary').textContent()).toContain('reached the record budget');
    // What the page kept is the core's run stopped at the same budget, slice for slice.
    const parsed = parseScenarioText(readFileSync(join(ROOT, DATABASE), 'utf8'));
    if (!parsed.ok) throw new Error('invalid scenario');
    const core = new SlicedRun(parsed.scenario, { seed: 1, maxRecords: 1000 });
    while (!core.step());
    const copy = packedRecords();
    copy.applyDelta(core.delta());
    const records = [...copy];
    expect(records.at(-1)).toMatchObject({ type: 'sim.end', reason: 'recordLimit' });
    expect(await page.getByTestId('trace-sha256').textContent()).toBe(
      sha256(traceToJsonLines(records)),
    );
    await pause(page);
    await page.locator('h1').click();
    await page.keyboard.press('End');
    expect(await timeNs(page)).toBe(core.summary?.simulatedNs);
    expect(session.errors).toEqual([]);
  });

  it('stops at its time limit with a message, and runs again with less detail', async () => {
    const page = await openApp();
    // The database example for 300 s: 2 million records, far more than 0.2 s of real time.
    const long = JSON.parse(readFileSync(join(ROOT, DATABASE), 'utf8'));
    await page
      .getByLabel('Open a scenario file (JSON)')
      .setInputFiles(file('database-300s.json', JSON.stringify({ ...long, until: '300s' })));
    await page.getByText('from database-300s.json').waitFor();
    await page.getByText('Run options').click();
    expect(await page.getByTestId('time-limit').inputValue()).toBe('120');
    // A time limit that is not a number of seconds is refused, and nothing runs.
    await page.getByTestId('time-limit').fill('soon');
    await page.getByTestId('run').click();
    expect(await page.locator('#time-error').textContent()).toContain(
      'The time limit must be a number of seconds of real time, more than 0 and at most 3,600',
    );
    expect(await page.getByTestId('time-limit').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('time-limit').fill('0.2');
    await run(page, 1);
    const notice = page.getByTestId('run-time-limit');
    await notice.waitFor();
    const said = ((await notice.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(said).toContain("The run stopped after 0.2 s of real time, the page's time limit");
    expect(said).toContain("before the scenario's end at 300 s");
    expect(said).toContain('raise the time limit in Run options');
    expect(said).toContain('npm run handshake -- run scenario.json --trace trace.jsonl');
    await page.getByTestId('summary-whole-run').click();
    expect(await page.getByTestId('summary').textContent()).toContain(
      'reached its limit of real time',
    );
    // What was recorded plays, up to where the run stopped.
    await pause(page);
    await page.locator('h1').click();
    await page.keyboard.press('End');
    const end = await timeNs(page);
    expect(end).toBeGreaterThan(0);
    expect(end).toBeLessThan(300e9);
    // Again with less detail: same scenario and seed, packet records only; this one stops at the
    // time limit too, says it already kept less detail, and offers no second time.
    await page.getByTestId('run-less-detail').click();
    await page.getByTestId('fingerprint-less-detail').waitFor({ state: 'attached' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('This run already kept less detail');
    expect(await page.getByTestId('run-less-detail').count()).toBe(0);
    expect(await page.getByTestId('metric-seed').textContent()).toBe('1');
    expect(await page.getByTestId('run-status').textContent()).toContain(
      'packet records (less detail)',
    );
    expect(await page.getByTestId('log-count').textContent()).toContain(
      'This run kept less detail: only packets on links',
    );
    await shot(page, 'run-time-limit-less-detail');
    expect(session.errors).toEqual([]);
  });

  it("runs again with less detail from the record budget to the end, with the CLI's summary", async () => {
    const page = await openApp();
    await openFile(page, DATABASE);
    await page.getByText('Run options').click();
    // The whole run makes 44k records; its packet records (about 21k) fit in 30,000.
    await page.getByTestId('max-records').fill('30,000');
    await run(page, 1);
    await page.getByTestId('run-budget').waitFor();
    await page.getByTestId('run-less-detail').click();
    const note = page.getByTestId('run-less-detail-note');
    await note.waitFor();
    expect(await note.textContent()).toContain('This run kept less detail');
    await page.getByTestId('fingerprint-less-detail').waitFor({ state: 'attached' });
    // The summary is the worker's, of the whole run: the CLI's, but for the records kept.
    const parsed = parseScenarioText(readFileSync(join(ROOT, DATABASE), 'utf8'));
    if (!parsed.ok) throw new Error('invalid scenario');
    const core = runScenario(parsed.scenario, { seed: 1 });
    const kept = Number(await page.getByTestId('metric-trace').textContent());
    expect(kept).toBeGreaterThan(15_000);
    expect(kept).toBeLessThan(30_000);
    expect(await page.getByTestId('summary-lines').textContent()).toBe(
      formatSummaryLines({ ...core.summary, traceRecords: kept }).join('\n'),
    );
    await pause(page);
    await page.locator('h1').click();
    await page.keyboard.press('End');
    expect(await timeNs(page)).toBe(core.summary.simulatedNs);
    expect(session.errors).toEqual([]);
  });
});
