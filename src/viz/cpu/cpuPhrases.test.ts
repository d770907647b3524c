// The CPU views' words in German: the translation is whole; the job table's figures and summary
// on Silberschatz's RR example (10th ed., 5.3: P1 24, P2 3, P3 3, q = 4, waiting 17/3 on
// average), the policies, conventions, Gantt rows, bar titles and summary, and the ready-queue
// description come out in German when asked, English by default.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import type { GanttSegment } from '../../machines/cpu/gantt.ts';
import { parseJobTableText, type JobTable } from '../../sim/jobs/jobTable.ts';
import { CPU_EN, runQueueLabel } from './cpuPhrases.ts';
import { CPU_DE } from './cpuPhrases.de.ts';
import { ganttBarTitle, ganttLayout, ganttSummary } from './ganttView.ts';
import {
  formatIn,
  jobReport,
  policyLabel,
  unitLabel,
  unitTickFormat,
  withChoice,
} from './jobTableView.ts';
import { SCHEDULING_CONVENTIONS, schedulingConventions } from './schedulingConventions.ts';

function load(file: string): JobTable {
  const text = readFileSync(new URL(`../../../simulations/jobs/${file}`, import.meta.url), 'utf8');
  const result = parseJobTableText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.table;
}
const rr = load('silberschatz-rr.json');
const MS = 1e6;

describe('cpu phrases', () => {
  it('the German translation is whole', () => {
    expect(translationProblems(CPU_EN, CPU_DE)).toEqual([]);
  });

  it('writes the job table’s figures in German', () => {
    expect(formatIn(17_000_000 / 3, 'ticks', 'de')).toBe('5,67 Ticks');
    expect(formatIn(1_000_000, 'ticks', 'de')).toBe('1 Tick');
    expect(formatIn(1500, 'us', 'de')).toBe('1,5 µs');
    expect(unitLabel('ticks', 'de')).toBe('Ticks');
    expect(unitTickFormat('ticks', 'de')(7.5e6, 0.5e6)).toBe('7,5');
    expect(unitTickFormat('ms', 'de')(2.5e6, 0.5e6)).toBe('2,5 ms');
  });

  it('sums up Silberschatz’s round robin in German', () => {
    const summary = jobReport(rr, {}, 'de').summary.map((s) => [s.label, s.value]);
    expect(summary).toEqual([
      ['Mittlere Wartezeit', '5,67 Ticks'],
      ['Mittlere Durchlaufzeit', '15,67 Ticks'],
      ['Mittlere Antwortzeit', '3,67 Ticks'],
      ['CPU-Auslastung', '100 %'],
      ['Durchsatz', '0,1 Jobs/Tick'],
      ['Alles fertig bei', '30 Ticks'],
      ['Kontextwechsel', '3'],
      ['Verdrängungen', '1'],
    ]);
    const stopped = jobReport(rr, { maxSlices: 2 }, 'de');
    expect(stopped.lines[0]!.completion).toBe('noch nicht');
    expect(stopped.summary.find((s) => s.key === 'makespan')?.label).toBe(
      'Angehalten bei (nach 2 Zeitscheiben, der Grenze)',
    );
  });

  it('names a bad choice in German and reads a decimal comma', () => {
    expect(withChoice(rr, { policy: 'rr', quantum: '0', contextSwitch: '0' }, 'de')).toEqual({
      ok: false,
      error: 'Das Quantum muss eine Zahl größer als 0 sein (in Ticks).',
    });
    const comma = withChoice(rr, { policy: 'rr', quantum: '2,5', contextSwitch: '0' }, 'de');
    expect(comma.ok && comma.table.cpu.quantum).toBe(2.5 * MS);
    expect(withChoice(rr, { policy: 'rr', quantum: '2,5', contextSwitch: '0' }).ok).toBe(false);
  });

  it('names the policies and the conventions in German, English by default', () => {
    expect(policyLabel('rr', 'de')).toBe('Round Robin (RR)');
    expect(policyLabel('sjf', 'de')).toBe('Kürzester Job zuerst (SJF)');
    expect(policyLabel('rr')).toBe('Round robin (RR)');
    const de = schedulingConventions('de');
    expect(de.map((c) => c.key)).toEqual(SCHEDULING_CONVENTIONS.map((c) => c.key));
    expect(de.find((c) => c.key === 'rr-alone')?.text).toBe(
      'Round Robin: Ein Quantum, das endet, während kein anderer Job wartet, hält den Job nicht an (kein Wechsel).',
    );
    expect(schedulingConventions()).toEqual(SCHEDULING_CONVENTIONS);
  });

  it('draws and describes a Gantt chart in German', () => {
    const segs: GanttSegment[] = [
      { core: 0, job: 'P1', start: 0, end: 5 * MS, kind: 'run' },
      { core: 1, job: 'P2', start: 0, end: 1 * MS, kind: 'switch' },
      { core: 1, job: 'P2', start: 1 * MS, end: 10 * MS, kind: 'run' },
    ];
    const layout = ganttLayout(segs, 3, 10 * MS, { width: 600, language: 'de' });
    expect(layout.rows.map((r) => r.label)).toEqual(['Kern 0', 'Kern 1', 'Kern 2']);
    expect(layout.ticks.some((t) => t.label.includes(','))).toBe(false);
    const ms = (ns: number) => `${ns / MS} ms`;
    expect(ganttBarTitle(layout.bars[1]!, ms, 'de')).toBe(
      'Kontextwechsel zu P2 auf Kern 1: 0 ms bis 1 ms',
    );
    expect(ganttBarTitle(layout.bars[0]!, ms, 'de')).toBe('P1 auf Kern 0: 0 ms bis 5 ms');
    expect(ganttSummary(segs, 3, 10 * MS, ms, 6, 'de')).toBe(
      'Kern 0: P1 0 ms–5 ms; Kern 1: P2 1 ms–10 ms (läuft); Kern 2: untätig',
    );
    const many: GanttSegment[] = [0, 1, 2].map((i) => ({
      core: 0,
      job: `P${i}`,
      start: i * MS,
      end: (i + 1) * MS,
      kind: 'run',
    }));
    expect(ganttSummary(many, 1, 10 * MS, ms, 1, 'de')).toBe(
      'Kern 0: 2 frühere, dann P2 2 ms–3 ms',
    );
  });

  it('describes the ready queue in German', () => {
    expect(runQueueLabel({ time: '5 ms', now: 2, max: 3 }, 'de')).toBe(
      'Länge der Bereit-Warteschlange von 0 bis 5 ms: jetzt 2, bisher höchstens 3.',
    );
    expect(runQueueLabel({ time: '5 ms', now: 2, max: 3 })).toBe(
      'Ready queue length from 0 to 5 ms: 2 now, at most 3 so far.',
    );
  });
});
