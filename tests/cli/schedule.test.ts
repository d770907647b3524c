// `handshake schedule`: the text Gantt chart, the per-job table and the exit status on bad input.
// Expected figures: Silberschatz, Galvin, Gagne, Operating System Concepts 10th ed., §5.3.3 (RR, q=4).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.ts';
import { schedule } from '../../src/cli/schedule.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-schedule-'));

function call(file: string, json = false, maxSlices?: number) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
  const status = schedule(file, { json, maxSlices }, io);
  return { status, out, err };
}

function writeDoc(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('handshake schedule', () => {
  it('prints the Gantt chart with times underneath, the job table and the figures', () => {
    const { status, out, err } = call('simulations/jobs/silberschatz-rr.json');
    expect(status).toBe(0);
    expect(err).toEqual([]);
    const text = out.join('\n');
    expect(out).toContain('| P1 | P2 | P3 | P1 |');
    expect(out).toContain('0    4    7    10   30');
    expect(text).toMatch(/^P1 +0 +24 +0 +6 +30 +0$/m);
    expect(text).toMatch(/^P2 +0 +3 +0 +4 +7 +4$/m);
    expect(text).toMatch(/^P3 +0 +3 +0 +7 +10 +7$/m);
    expect(text).toMatch(/^average +5\.667 +15\.667 +3\.667$/m);
    expect(text).toMatch(/^utilization 100\.0%/m);
    expect(text).toMatch(/^throughput +0\.1 jobs per time unit$/m);
    // The chart changes job at 4, 7 and 10 (free switches, counted); P1 is preempted once, at 4.
    expect(out).toContain('switches    3 context switches, 1 preemption');
  });

  it('shows idle gaps and context switches, one chart per core', () => {
    const path = writeDoc(
      'gap.csv',
      '# unit: ticks\n# cores: 2\n# contextSwitch: 1\nid,arrival,burst\nA,0,2\nB,5,1\n',
    );
    // By hand: core 0 takes A at 0 with no switch (its first job), A 0-2, idle 2-5; B arrives at
    // 5, core 0 (the lowest free) last ran A, so cs 5-6, B 6-7. Core 1 runs nothing.
    const { status, out } = call(path);
    expect(status).toBe(0);
    expect(out).toContain('core 0');
    expect(out).toContain('(nothing ran)');
    expect(out).toContain('| A | idle | cs | B |');
    expect(out).toContain('0   2      5    6   7');
    expect(out).toContain('switches    1 context switch, 0 preemptions');
  });

  it('--json gives the same figures as data', () => {
    const { status, out } = call('simulations/jobs/silberschatz-srtf.csv', true);
    expect(status).toBe(0);
    const doc = JSON.parse(out.join('\n')) as { averages: { waiting: number }; gantt: unknown[] };
    expect(doc.averages.waiting).toBe(6.5);
    expect(doc.gantt).toHaveLength(5);
  });

  it('exits with 2 and a line naming the row on bad input, 3 on a file it cannot read', () => {
    const json = writeDoc(
      'bad.json',
      JSON.stringify({
        format: 'handshake/jobs@1',
        unit: 'ticks',
        jobs: [
          { id: 'P1', arrival: 0, burst: 1 },
          { id: 'P2', arrival: 0, burst: 1 },
          { id: 'P3', arrival: 0, burst: -4 },
        ],
      }),
    );
    expect(call(json)).toEqual({
      status: 2,
      out: [],
      err: [`${json}: jobs[2] (P3): burst must be >= 0, got -4`],
    });
    const csv = writeDoc('bad.csv', 'id,arrival,burst\nP1,0,1\nP2,0,2\nP3,1\n');
    expect(call(csv).err).toEqual([`${csv}: row 4: missing field "burst"`]);
    expect(call(join(dir, 'missing.json'))).toMatchObject({ status: 3 }); // I/O, not the input
    expect(call(join(dir, 'missing.json')).err[0]).toMatch(/cannot read: no such file$/);
  });
});

describe('handshake schedule at its slice limit', () => {
  it('stops with status 4, prints the chart and the figures so far, and says what was reached', () => {
    // The book's chart is P1 0-4, P2 4-7, P3 7-10, P1 10-30; two slices end at 7, when P2 is
    // done (waiting 4, turnaround 7, response 4, as in the book) and P3 starts (response 7).
    const { status, out, err } = call('simulations/jobs/silberschatz-rr.json', false, 2);
    expect(status).toBe(4);
    expect(out).toContain('stopped    at 7, at the slices limit (--max-slices)');
    expect(out).toContain('| P1 | P2 |');
    expect(out).toContain('0    4    7');
    const text = out.join('\n');
    expect(text).toMatch(/^P1 +0 +24 +0 +- +- +0$/m);
    expect(text).toMatch(/^P2 +0 +3 +0 +4 +7 +4$/m);
    expect(text).toMatch(/^P3 +0 +3 +0 +- +- +7$/m);
    expect(err).toEqual([
      'handshake: simulations/jobs/silberschatz-rr.json: the schedule reached its limit of 2 slices at 7 time units and stopped there; what is printed is up to then ("-": not yet); raise the limit with --max-slices',
    ]);
    const json = call('simulations/jobs/silberschatz-rr.json', true, 2);
    expect(json.status).toBe(4);
    const doc = JSON.parse(json.out.join('\n'));
    expect(doc.stopped).toEqual({ limit: 'slices', count: 2, at: 7 });
    expect(doc.jobs[0]).toMatchObject({ id: 'P1', completion: null, waiting: null });
  });

  it('warns about a round-robin quantum under 1 µs, naming the field, and stops it', () => {
    // 1 ns slices of two 1 s jobs: 2e9 slices, a run that once grew to 7.8 GB.
    const path = writeDoc(
      'tiny-quantum.json',
      JSON.stringify({
        format: 'handshake/jobs@1',
        unit: 's',
        cpu: { policy: 'rr', quantum: '1ns' },
        jobs: [
          { id: 'A', arrival: 0, burst: 1 },
          { id: 'B', arrival: 0, burst: 1 },
        ],
      }),
    );
    const { status, out, err } = call(path, false, 1000);
    expect(status).toBe(4);
    expect(err[0]).toBe(
      `${path}: warning: cpu.quantum is 1 ns, under 1 µs: every quantum is a step of the simulation, so this may take long (it stops after --max-slices slices)`,
    );
    // A and B alternate, one 1 ns slice each: 1000 slices end at 1000 ns.
    expect(err[1]).toMatch(/reached its limit of 1,000 slices at 1 µs and stopped there/);
    expect(out.join('\n')).toMatch(/^A +0 +1 +0 +- +- +0$/m);
    // 1 µs is not under 1 µs: no warning, and the table completes.
    const fine = writeDoc(
      'us-quantum.csv',
      '# policy: rr\n# quantum: 1us\nid,arrival,burst\nA,0,0.003\n',
    );
    expect(call(fine)).toMatchObject({ status: 0, err: [] });
  });

  it('takes --max-slices N on the command line', () => {
    expect(parseArgs(['schedule', 'jobs.csv', '--max-slices', '5'])).toEqual({
      command: 'schedule',
      file: 'jobs.csv',
      json: false,
      maxSlices: 5,
    });
    expect(parseArgs(['schedule', '--json', '--max-slices=7', 'jobs.csv'])).toMatchObject({
      json: true,
      maxSlices: 7,
    });
    expect(() => parseArgs(['schedule', 'jobs.csv', '--max-slices', '0'])).toThrow(
      '--max-slices expects a whole number >= 1, got "0"',
    );
    expect(() => parseArgs(['schedule', 'jobs.csv', '--max-slices'])).toThrow(UsageError);
    expect(() => parseArgs(['schedule', 'jobs.csv', '--slices', '3'])).toThrow(
      'unknown flag for schedule: --slices',
    );
  });
});
