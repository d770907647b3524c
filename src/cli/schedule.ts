// `handshake schedule FILE [--max-slices N] [--max-wall D] [--max-memory MB] [--json]`: runs a job
// table (handshake/jobs@1, JSON or CSV) through the CPU scheduler and prints a text Gantt chart, a
// per-job table, averages, utilization, throughput. A run stopped at a limit prints what it has
// (exit status 4).

import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatDuration, NS_PER_US } from '../engine/time.ts';
import type { GanttSegment } from '../machines/cpu/gantt.ts';
import { formatIssue, parseJobTableText, UNIT_NS, type TimeUnit } from '../sim/jobs/jobTable.ts';
import {
  DEFAULT_MAX_SLICES,
  runJobTable,
  STEPS_PER_SLICE,
  type JobTableRun,
  type JobTableStop,
} from '../sim/jobs/runJobTable.ts';
import type { ResourceLimits } from './args.ts';
import { EXIT } from './exitCodes.ts';
import { readInputText } from './inputText.ts';
import { limitCheck, limitReached } from './runLimits.ts';

/** Where the command writes (the CLI's Io). */
export interface ScheduleIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface ScheduleOptions extends ResourceLimits {
  json: boolean;
  /** Stop after this many slices of the Gantt chart (default 1,000,000). */
  maxSlices?: number | undefined;
}

/** A quantum shorter than this gets a warning: each quantum is a step of the simulation. */
const SHORT_QUANTUM_NS = NS_PER_US;

/** Runs `handshake schedule`; returns the exit status (exitCodes.ts: 0, 2, 3, or 4 at the limit). */
export function schedule(file: string, options: ScheduleOptions, io: ScheduleIo): number {
  const limits = limitCheck(options, performance.now());
  const input = readInputText(file);
  if (!input.ok) {
    io.err(input.message);
    return EXIT.io;
  }
  const parsed = parseJobTableText(input.text, basename(file));
  if (!parsed.ok) {
    for (const issue of parsed.issues) io.err(`${file}: ${formatIssue(issue)}`);
    return EXIT.badInput;
  }
  const { cpu } = parsed.table;
  if (cpu.policy === 'rr' && cpu.quantum < SHORT_QUANTUM_NS)
    io.err(
      `${file}: warning: cpu.quantum is ${formatDuration(cpu.quantum)}, under 1 µs: every quantum is a step of the simulation, so this may take long (it stops after --max-slices slices)`,
    );
  const maxSlices = options.maxSlices ?? DEFAULT_MAX_SLICES;
  const run = runJobTable(parsed.table, {
    maxSlices,
    ...(limits ? { shouldStop: limits.shouldStop } : {}),
  });
  if (options.json) io.out(JSON.stringify(scheduleJson(file, run), null, 2));
  else for (const line of formatSchedule(file, run)) io.out(line);
  if (!run.stopped) return EXIT.ok;
  const { limit, count, at } = run.stopped;
  // Ticks have no unit (one is simulated as 1 ms); other times read best as a duration.
  const u = run.table.unit;
  const when = u === 'ticks' ? `${inUnit(at, u)} ${unitName(u)}` : formatDuration(at);
  const resource = limitReached(limit, options, limits);
  const what = resource
    ? resource.what
    : limit === 'slices'
      ? `its limit of ${count.toLocaleString('en-US')} slices`
      : `its limit of ${count.toLocaleString('en-US')} scheduler steps (${STEPS_PER_SLICE} per slice of --max-slices ${maxSlices})`;
  io.err(
    `handshake: ${file}: the schedule reached ${what} at ${when} and stopped there; what is printed is up to then ("-": not yet); raise the limit with ${resource?.flag ?? '--max-slices'}`,
  );
  return EXIT.limit;
}

/** Each limit that can stop a schedule, as the report names it. */
const STOP_NAMES: Record<JobTableStop['limit'], string> = {
  slices: 'slices limit (--max-slices)',
  steps: 'steps limit (--max-slices)',
  wallLimit: 'limit of real time (--max-wall)',
  memoryLimit: 'memory limit (--max-memory)',
};

/** A number of ns in the table's unit, trimmed to 3 decimals: "5.667". */
export function inUnit(ns: number, unit: TimeUnit): number {
  return Number((ns / UNIT_NS[unit]).toFixed(3));
}

/** A job's figure in the unit, or "-" (text) / null (JSON) for "not yet" (-1: a stopped run). */
function figure(ns: number, unit: TimeUnit): number | null {
  return ns < 0 ? null : inUnit(ns, unit);
}

const text = (value: number | null): string => (value === null ? '-' : String(value));

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
    ...(run.stopped
      ? [`stopped    at ${inUnit(run.stopped.at, u)}, at the ${STOP_NAMES[run.stopped.limit]}`]
      : []),
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
    text(figure(j.waiting, u)),
    text(figure(j.turnaround, u)),
    text(figure(j.response, u)),
  ]);
  const avg = run.averages;
  rows.push([
    'average',
    '',
    '',
    '',
    text(figure(avg.waiting, u)),
    text(figure(avg.turnaround, u)),
    text(figure(avg.response, u)),
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
    ...(run.stopped ? { stopped: { ...run.stopped, at: inUnit(run.stopped.at, u) } } : {}),
    cpu: { ...cpu, quantum: inUnit(cpu.quantum, u), contextSwitch: inUnit(cpu.contextSwitch, u) },
    gantt: run.gantt.map((s) => ({ ...s, start: inUnit(s.start, u), end: inUnit(s.end, u) })),
    jobs: run.jobs.map((j) => ({
      id: j.id,
      arrival: inUnit(j.arrival, u),
      burst: inUnit(j.burst, u),
      io: inUnit(j.io, u),
      priority: j.priority,
      firstRun: figure(j.firstRun, u),
      completion: figure(j.completion, u),
      waiting: figure(j.waiting, u),
      turnaround: figure(j.turnaround, u),
      response: figure(j.response, u),
    })),
    averages: {
      waiting: figure(run.averages.waiting, u),
      turnaround: figure(run.averages.turnaround, u),
      response: figure(run.averages.response, u),
    },
    utilization: run.utilization,
    makespan: inUnit(run.makespan, u),
    throughputPerUnit: run.throughputPerNs * UNIT_NS[u],
    contextSwitches: run.contextSwitches,
    preemptions: run.preemptions,
  };
}
