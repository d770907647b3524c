// Tests of job tables: JSON and CSV, units and duration strings, and errors that name the row.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NS_PER_MS, NS_PER_US } from '../../engine/time.ts';
import {
  formatIssue,
  parseJobTableText,
  validateJobTable,
  type JobTableResult,
} from './jobTable.ts';

function messages(result: JobTableResult): string[] {
  if (result.ok) throw new Error('expected the table to be refused');
  return result.issues.map(formatIssue);
}

const base = (jobs: unknown[], extra: Record<string, unknown> = {}) => ({
  format: 'handshake/jobs@1',
  name: 't',
  unit: 'ticks',
  cpu: { policy: 'fcfs' },
  jobs,
  ...extra,
});

describe('JSON job tables', () => {
  it('reads numbers in the unit, duration strings, priorities and I/O bursts', () => {
    const result = validateJobTable({
      format: 'handshake/jobs@1',
      name: 'mix',
      unit: 'ms',
      cpu: { cores: 2, policy: 'rr', quantum: '500us', contextSwitch: 0.1 },
      jobs: [
        { id: 'A', arrival: 0, burst: 2.5, priority: 1 },
        { id: 'B', arrival: '3ms', burst: [1, 2], io: 4 },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.table.cpu).toEqual({
      cores: 2,
      policy: 'rr',
      quantum: 500 * NS_PER_US,
      contextSwitch: 100 * NS_PER_US,
    });
    expect(result.table.jobs).toEqual([
      { id: 'A', arrival: 0, bursts: [2.5 * NS_PER_MS], priority: 1 },
      { id: 'B', arrival: 3 * NS_PER_MS, bursts: [NS_PER_MS, 4 * NS_PER_MS, 2 * NS_PER_MS] },
    ]);
  });

  it('defaults: unit ms, one core, fcfs', () => {
    const result = validateJobTable({
      format: 'handshake/jobs@1',
      jobs: [{ id: 'A', arrival: 0, burst: 1 }],
    });
    expect(result.ok && result.table.unit).toBe('ms');
    expect(result.ok && result.table.cpu.policy).toBe('fcfs');
    expect(result.ok && result.table.name).toBe('jobs');
  });

  it('a table without a name takes the one it is given (its file’s), JSON as CSV', () => {
    const json = JSON.stringify({
      format: 'handshake/jobs@1',
      jobs: [{ id: 'A', arrival: 0, burst: 1 }],
    });
    const named = (text: string) => {
      const result = parseJobTableText(text, 'exercise-3');
      return result.ok ? result.table.name : null;
    };
    expect(named(json)).toBe('exercise-3');
    expect(named('id,arrival,burst\nA,0,1\n')).toBe('exercise-3');
    expect(named('# name: Own\nid,arrival,burst\nA,0,1\n')).toBe('Own');
  });

  it('names the row and the problem', () => {
    const result = validateJobTable(
      base([
        { id: 'P1', arrival: 0, burst: 3 },
        { id: 'P2', arrival: 1 },
        { id: 'P3', arrival: 2, burst: -4 },
        { id: 'P4', arrival: 'soon', burst: 1, prio: 2 },
        { id: 'P1', arrival: 0, burst: 1 },
      ]),
    );
    expect(messages(result)).toEqual([
      'jobs[1] (P2): missing field "burst"',
      'jobs[2] (P3): burst must be >= 0, got -4',
      'jobs[3] (P4): unknown field "prio" (expected one of: id, arrival, burst, priority, io)',
      'jobs[3] (P4): arrival must be a number (in ticks) or a duration such as "5ms", got "soon"',
      'jobs[4] (P1): duplicate id "P1" (first used by jobs[0] (P1))',
    ]);
  });

  it('checks I/O bursts against the CPU bursts', () => {
    expect(
      messages(validateJobTable(base([{ id: 'A', arrival: 0, burst: [1, 2, 3], io: [1] }]))),
    ).toEqual([
      'jobs[0] (A): io must hold 2 I/O burst(s), one between each pair of CPU bursts, got 1',
    ]);
    expect(messages(validateJobTable(base([{ id: 'A', arrival: 0, burst: [1, 2] }])))).toEqual([
      'jobs[0] (A): several CPU bursts need "io": the I/O burst(s) between them',
    ]);
  });

  it('checks the CPU settings and the header with the schema library', () => {
    expect(messages(validateJobTable(base([], { cpu: { policy: 'lottery', cores: 0 } })))).toEqual([
      '$.cpu.policy: expected one of fcfs, sjf, srtf, priority, priorityPreemptive, rr, got "lottery"',
      '$.cpu.cores: expected an integer from 1 to 1024, got 0',
    ]);
    expect(messages(validateJobTable(base([], { cpu: { policy: 'rr' } })))).toEqual([
      '$.cpu.quantum: round robin needs a quantum (the time slice)',
    ]);
    expect(messages(validateJobTable({ format: 'handshake/scenario@1', jobs: [] }))[0]).toMatch(
      /^\$\.format: expected one of "handshake\/jobs@1"/,
    );
    expect(messages(parseJobTableText('{"format": '))[0]).toMatch(/^\$: invalid JSON at line 1/);
  });

  it('accepts a UTF-8 byte-order mark, and gives a syntax error its line and column', () => {
    const text = JSON.stringify(base([{ id: 'A', arrival: 0, burst: 3 }]));
    expect(parseJobTableText(`\uFEFF${text}`)).toEqual(parseJobTableText(text));
    expect(parseJobTableText(`\uFEFF${text}`).ok).toBe(true);
    // Line 3 is `  "jobs": [{"id": "A", "arrival": 0, "burst": NaN}]`: NaN starts at column 47.
    const bad =
      '{\n  "format": "handshake/jobs@1",\n  "jobs": [{"id": "A", "arrival": 0, "burst": NaN}]\n}';
    expect(messages(parseJobTableText(bad))).toEqual([
      "$: invalid JSON at line 3, column 47: unexpected 'NaN' (not a JSON value; use a number or null)",
    ]);
  });
});

describe('CSV job tables', () => {
  it('reads settings lines, the header and rows', () => {
    const result = parseJobTableText(
      '# name: csv\n# unit: ticks\n# policy: rr\n# quantum: 4\nid,arrival,burst,priority\nP1,0,24,\nP2,0,3,2\n',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.table.name).toBe('csv');
    expect(result.table.cpu.quantum).toBe(4 * NS_PER_MS);
    expect(result.table.jobs).toEqual([
      { id: 'P1', arrival: 0, bursts: [24 * NS_PER_MS] },
      { id: 'P2', arrival: 0, bursts: [3 * NS_PER_MS], priority: 2 },
    ]);
  });

  it('names the row (the line of the file)', () => {
    const text = 'id,arrival,burst,priority\nP1,0,3\nP2,1,-4\nP3,2\nP4,x,1\nP5,0,1,2,9\n';
    expect(messages(parseJobTableText(text))).toEqual([
      'row 3: burst must be >= 0, got -4',
      'row 4: missing field "burst"',
      'row 5: arrival must be a number (in ms) or a duration such as "5ms", got "x"',
      'row 6: 5 cells but the header (row 1) has 4',
    ]);
  });

  it('refuses a table without the needed columns', () => {
    expect(messages(parseJobTableText('name,arrival\nP1,0\n'))).toEqual([
      'row 1: the header has no "id" column',
      'row 1: the header has no "burst" column',
    ]);
  });
});

describe('example tables in simulations/jobs', () => {
  for (const file of [
    'silberschatz-rr.json',
    'silberschatz-srtf.csv',
    'silberschatz-priority.csv',
    'io-bound-mix.json',
  ]) {
    it(`${file} is valid`, () => {
      const result = parseJobTableText(readFileSync(`simulations/jobs/${file}`, 'utf8'));
      expect(result.ok ? 'ok' : result.issues.map(formatIssue)).toBe('ok');
    });
  }
});
