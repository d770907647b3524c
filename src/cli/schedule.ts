// `handshake schedule FILE [--json]`: runs a job table (handshake/jobs@1, JSON or CSV) through the
// CPU scheduler and prints a text Gantt chart, a per-job table, averages, utilization, throughput.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { GanttSegment } from '../machines/cpu/gantt.ts';
import { formatIssue, parseJobTableText, UNIT_NS, type TimeUnit } from '../sim/jobs/jobTable.ts';
import { runJobTable, type JobTableRun } from '../sim/jobs/runJobTable.ts';

/** Where the command writes (the CLI's Io). */
export interface ScheduleIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface ScheduleOptions {
  json: boolean;
}

/** Runs `handshake schedule`; returns the exit status (0 ok, 2 bad input). */
export function schedule(file: string, options: ScheduleOptions, io: ScheduleIo): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : (code ?? 'unreadable');
    io.err(`${file}: cannot read: ${reason}`);
    return 2;
  }
  const parsed = parseJobTableText(text, basename(file));
  if (!parsed.ok) {
    for (const issue of parsed.issues) io.err(`${file}: ${formatIssue(issue)}`);
    return 2;
  }
  const run = runJobTable(parsed.table);
  if (options.json) io.out(JSON.stringify(scheduleJson(file, run), null, 2));
  else for (const line of formatSchedule(file, run)) io.out(line);
  return 0;
}

/** A number of ns in the table's unit, trimmed to 3 decimals: "5.667". */
export function inUnit(ns: number, unit: TimeUnit): number {
  return Number((ns / UNIT_NS[unit]).toFixed(3));
}

function unitName(unit: TimeUnit): string {
  return unit === 'ticks' ? 'time units' : unit;
}

/** The report as text lines: heading, Gantt chart per core, job table, averages, figures. */
export function formatSchedule(file: string, run: JobTableRun): string[] {
  const { table } = run;
  const u = table.unit;
  const cpu = table.cpu;
  const policy = cpu.policy === 'rr' ? `rr, quantum ${inUnit(cpu.quantum, u)}` : cpu.policy;
  const lines = [
    `file       ${file}`,
    `name       ${table.name}`,
    `cpu        ${cpu.cores} core${cpu.cores > 1 ? 's' : ''}, ${policy}, context switch ${inUnit(cpu.contextSwitch, u)}; times in ${unitName(u)}`,
    '',
  ];
  for (let core = 0; core < cpu.cores; core++) {
    if (cpu.cores > 1) lines.push(`core ${core}`);
    lines.push(
      ...ganttLines(
        run.gantt.filter((s) => s.core === core),
        u,
      ),
    );
    lines.push('');
  }
  const head = ['job', 'arrival', 'burst', 'priority', 'waiting', 'turnaround', 'response'];
  const rows = run.jobs.map((j) => [
    j.id,
    String(inUnit(j.arrival, u)),
    String(inUnit(j.burst, u)),
    String(j.priority),
    String(inUnit(j.waiting, u)),
    String(inUnit(j.turnaround, u)),
    String(inUnit(j.response, u)),
  ]);
  const avg = run.averages;
  rows.push([
    'average',
    '',
    '',
    '',
    String(inUnit(avg.waiting, u)),
    String(inUnit(avg.turnaround, u)),
    String(inUnit(avg.response, u)),
  ]);
  lines.push(...columns([head, ...rows]), '');
  const per = u === 'ticks' ? 'time unit' : u;
  lines.push(
    `utilization ${(run.utilization * 100).toFixed(1)}% (busy time / (cores x ${inUnit(run.makespan, u)}))`,
  );
  lines.push(
    `throughput  ${Number((run.throughputPerNs * UNIT_NS[u]).toFixed(4))} jobs per ${per}`,
  );
  const n = run.contextSwitches;
  const p = run.preemptions;
  lines.push(
    `switches    ${n} context switch${n === 1 ? '' : 'es'}, ${p} preemption${p === 1 ? '' : 's'}`,
  );
  return lines;
}

/** `| P2 | P3 | P1 |` with the boundary times under each bar; idle gaps shown as "idle". */
export function ganttLines(segments: readonly GanttSegment[], unit: TimeUnit): string[] {
  const cells: { label: string; start: number; end: number }[] = [];
  let at = 0;
  for (const s of segments) {
    if (s.start > at) cells.push({ label: 'idle', start: at, end: s.start });
    cells.push({ label: s.kind === 'switch' ? 'cs' : s.job, start: s.start, end: s.end });
    at = s.end;
  }
  if (cells.length === 0) return ['(nothing ran)'];
  let bar = '|';
  let times = '';
  for (const c of cells) {
    const t = String(inUnit(c.start, unit));
    const width = Math.max(c.label.length + 2, t.length + 1);
    times += t.padEnd(width + 1);
    bar += ` ${c.label}`.padEnd(width) + '|';
  }
  times += String(inUnit((cells[cells.length - 1] as { end: number }).end, unit));
  return [bar, times];
}

function columns(rows: string[][]): string[] {
  const widths = (rows[0] as string[]).map((_, k) =>
    Math.max(...rows.map((r) => (r[k] ?? '').length)),
  );
  return rows.map((r) =>
    r
      .map((cell, k) => cell.padEnd(widths[k] as number))
      .join('  ')
      .trimEnd(),
  );
}

/** The report as JSON, times in the table's unit. */
export function scheduleJson(file: string, run: JobTableRun): Record<string, unknown> {
  const u = run.table.unit;
  const cpu = run.table.cpu;
  return {
    file,
    name: run.table.name,
    unit: u,
    cpu: { ...cpu, quantum: inUnit(cpu.quantum, u), contextSwitch: inUnit(cpu.contextSwitch, u) },
    gantt: run.gantt.map((s) => ({ ...s, start: inUnit(s.start, u), end: inUnit(s.end, u) })),
    jobs: run.jobs.map((j) => ({
      id: j.id,
      arrival: inUnit(j.arrival, u),
      burst: inUnit(j.burst, u),
      io: inUnit(j.io, u),
      priority: j.priority,
      firstRun: inUnit(j.firstRun, u),
      completion: inUnit(j.completion, u),
      waiting: inUnit(j.waiting, u),
      turnaround: inUnit(j.turnaround, u),
      response: inUnit(j.response, u),
    })),
    averages: {
      waiting: inUnit(run.averages.waiting, u),
      turnaround: inUnit(run.averages.turnaround, u),
      response: inUnit(run.averages.response, u),
    },
    utilization: run.utilization,
    makespan: inUnit(run.makespan, u),
    throughputPerUnit: run.throughputPerNs * UNIT_NS[u],
    contextSwitches: run.contextSwitches,
    preemptions: run.preemptions,
  };
}
