// The page's limits without a page: the time limit field (real seconds), a run stopped at it or
// at the record budget, and "Run again with less detail": the same scenario and seed, only packet
// records kept, the worker's own summary shown and no fingerprint to compare.
import { startRun } from './worker/simClient.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, runScenario } from '../sim/index.ts';
import { PACKET_RECORD_TYPES } from '../viz/trace/index.ts';
import { HandshakeApp, parseMaxRecords, parseTimeLimit } from './appState.svelte.ts';
import { SlicedRun } from './worker/slicedRun.ts';
import { lastRecord } from '../engine/traceRecords.ts';

const FILE = 'database-service.json';
const TEXT = readFileSync(new URL(`../../simulations/${FILE}`, import.meta.url), 'utf8');

function databaseApp(): HandshakeApp {
  const app = new HandshakeApp({ runner: startRun });
  app.openBuiltIn(FILE, TEXT);
  return app;
}

describe('parseTimeLimit', () => {
  it('takes seconds of real time, more than 0 and at most an hour', () => {
    expect(parseTimeLimit('120')).toEqual({ ok: true, maxWallMs: 120_000 });
    expect(parseTimeLimit(' 0.5 ')).toEqual({ ok: true, maxWallMs: 500 });
    expect(parseTimeLimit('90 s')).toEqual({ ok: true, maxWallMs: 90_000 });
    expect(parseTimeLimit('3600')).toEqual({ ok: true, maxWallMs: 3_600_000 });
    for (const bad of ['', '0', '-1', '3601', 'soon', '1e3', '2m', '1,5']) {
      const parsed = parseTimeLimit(bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/^The time limit must be a number of seconds/);
    }
  });

  it('calls the record budget the memory limit it is, in its message', () => {
    const parsed = parseMaxRecords('12');
    expect(!parsed.ok && parsed.error).toMatch(/would not fit in the page's memory/);
    // A million records: what the page holds packed in the memory half a million objects took.
    expect(parseMaxRecords('1,000,000')).toEqual({ ok: true, maxRecords: 1_000_000 });
    expect(parseMaxRecords('1000001').ok).toBe(false);
  });
});

describe('the page at its limits', () => {
  it('refuses a bad time limit without running, and runs with 120 s by default', () => {
    const app = databaseApp();
    expect(app.timeLimitText).toBe('120');
    app.timeLimitText = '0';
    app.start();
    expect(app.live).toBeNull();
    expect(app.timeLimitError).toMatch(/more than 0/);
    app.timeLimitText = '120';
    app.maxEventsText = '100';
    app.start();
    expect(app.timeLimitError).toBeNull();
    expect(app.live).toMatchObject({ maxWallMs: 120_000, detail: 'full', reason: 'maxEvents' });
  });

  it('stops at the time limit between slices, keeping what was recorded', () => {
    const app = databaseApp();
    app.timeLimitText = '0.001';
    app.start();
    // Building the network and a slice of events take longer than a millisecond.
    expect(app.live?.reason).toBe('wallLimit');
    expect(app.run?.summary.reason).toBe('wallLimit');
    expect(lastRecord(app.live!.records)).toMatchObject({ type: 'sim.end', reason: 'wallLimit' });
    expect(app.run?.summaryLines[2]).toMatch(/^stopped +reached its limit of real \(wall-clock\)/);
    expect(app.fingerprint.status).not.toBe('none');
  });

  it('runs again with less detail: same seed and limits, packet records, the worker summary', () => {
    const app = databaseApp();
    app.seedText = '4';
    app.maxRecordsText = '30,000';
    app.start();
    expect(app.live?.reason).toBe('recordLimit');
    const full = app.live!;
    app.seedText = '99'; // the seed typed since then is not the run's
    app.rerunWithLessDetail();
    const live = app.live!;
    expect(live).toMatchObject({ seed: 4, maxRecords: 30_000, detail: 'packets' });
    // Within the same budget it now reaches the scenario's end.
    expect(live.reason).toBe('until');
    const types = new Set<string>(PACKET_RECORD_TYPES);
    expect([...live.records].every((r) => types.has(r.type))).toBe(true);
    expect(live.recorded).toBeGreaterThan(full.recorded);
    // The summary is the worker's, folded live over every record, not the page's few.
    const parsed = parseScenarioText(TEXT);
    if (!parsed.ok) throw new Error('invalid scenario');
    const worker = new SlicedRun(parsed.scenario, {
      seed: 4,
      maxRecords: 30_000,
      detail: 'packets',
    });
    while (!worker.step());
    expect(app.run?.summary).toEqual(worker.summary);
    expect(app.run?.detail).toBe('packets');
    expect(app.run?.traceRecords).toBe(live.records.length);
    const whole = runScenario(parsed.scenario, { seed: 4 });
    expect(app.run?.summary).toEqual({ ...whole.summary, traceRecords: live.records.length });
    // No fingerprint: the CLI's trace has every record.
    expect(app.fingerprint).toEqual({ status: 'none' });
    // Run gives every record again.
    app.start();
    expect(app.live?.detail).toBe('full');
    expect(app.live?.seed).toBe(99);
  });
});
