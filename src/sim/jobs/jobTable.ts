// Job tables, format "handshake/jobs@1": the textbook exercise "these processes arrive at these
// times with these bursts" as data, in JSON or CSV, with the CPU's policy. Validation names the
// row: `jobs[2] (P3): burst must be >= 0, got -4`, `row 4: missing field "burst"`.

import { NS_PER_MS, NS_PER_S, NS_PER_US, parseDuration, type Nanos } from '../../engine/time.ts';
import {
  SCHEDULING_POLICIES,
  type CpuConfig,
  type SchedulingPolicy,
} from '../../machines/cpu/cpuScheduler.ts';
import { object, oneOf, string, type Schema, type ValidationIssue } from '../schema/schema.ts';
import { parseJsonText } from '../schema/jsonText.ts';
import { spoken, withPhrase } from '../schema/phrase.ts';
import { ENGLISH, type Language } from '../../engine/language.ts';
import { splitJobCsv } from './jobCsv.ts';

export const JOBS_FORMAT = 'handshake/jobs@1';

/** Units of bare numbers in a table. A tick is the unitless time of textbook exercises. */
export type TimeUnit = 'ticks' | 'us' | 'ms' | 's';
export const TIME_UNITS: readonly TimeUnit[] = ['ticks', 'us', 'ms', 's'];

/** Nanoseconds per unit. A tick is simulated as 1 ms, so fractions of a tick stay whole ns. */
export const UNIT_NS: Record<TimeUnit, number> = {
  ticks: NS_PER_MS,
  us: NS_PER_US,
  ms: NS_PER_MS,
  s: NS_PER_S,
};

/** One validated job: times in ns, bursts alternate CPU, I/O, ..., CPU. */
export interface JobRow {
  id: string;
  arrival: Nanos;
  bursts: Nanos[];
  priority?: number;
}

/** A validated job table. */
export interface JobTable {
  name: string;
  unit: TimeUnit;
  cpu: CpuConfig;
  jobs: JobRow[];
}

export type JobTableResult =
  { ok: true; table: JobTable } | { ok: false; issues: ValidationIssue[] };

const JOB_FIELDS = ['id', 'arrival', 'burst', 'priority', 'io'];

/** Accepts anything: the field's own check (below) names the row and the problem. */
const checkedLater = (type: string | string[]): Schema<unknown> => ({
  parse: (value: unknown) => value,
  jsonSchema: () => ({ type }),
});

const header = object(
  {
    format: oneOf([JOBS_FORMAT], 'Always "handshake/jobs@1".'),
    jobs: checkedLater('array'),
  },
  {
    name: string({ maxLength: 200, description: 'Shown above the Gantt chart.' }),
    unit: oneOf(TIME_UNITS, 'Unit of bare numbers (default "ms"; "ticks" for textbook exercises).'),
    cpu: object(
      {},
      {
        cores: checkedLater('integer'),
        policy: checkedLater('string'),
        quantum: checkedLater(['number', 'string']),
        contextSwitch: checkedLater(['number', 'string']),
      },
    ),
  },
);

/**
 * Parses JSON or CSV text (CSV when it does not start with "{") into a validated table; one
 * without a name of its own is named `fallbackName`.
 */
export function parseJobTableText(text: string, fallbackName = 'jobs'): JobTableResult {
  // trimStart() also drops a byte-order mark (U+FEFF is white space to it); parseJsonText does.
  if (text.trimStart().startsWith('{')) {
    const json = parseJsonText(text);
    if (!json.ok)
      return { ok: false, issues: [withPhrase({ path: '$', message: json.message }, json.phrase)] };
    return validateJobTable(json.value, fallbackName);
  }
  return parseJobCsv(text, fallbackName);
}

/**
 * Validates a parsed JSON value as a job table, named `fallbackName` (a file's name, say) when it
 * has no "name". Never throws for bad input.
 */
export function validateJobTable(value: unknown, fallbackName = 'jobs'): JobTableResult {
  const issues: ValidationIssue[] = [];
  const doc = header.parse(value, '$', issues);
  if (!doc) return { ok: false, issues };
  const unit = doc.unit ?? 'ms';
  const cpu = checkCpu((doc.cpu ?? {}) as Record<string, unknown>, unit, '$.cpu', issues);
  const jobs: JobRow[] = [];
  if (!Array.isArray(doc.jobs)) {
    issues.push({ path: '$.jobs', message: 'expected an array of jobs' });
    return { ok: false, issues };
  }
  doc.jobs.forEach((raw: unknown, i: number) => {
    const id = isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined;
    const label = id === undefined ? `jobs[${i}]` : `jobs[${i}] (${id})`;
    if (!isRecord(raw)) {
      issues.push({ path: label, message: 'expected an object {"id", "arrival", "burst"}' });
      return;
    }
    for (const key of Object.keys(raw)) {
      if (!JOB_FIELDS.includes(key))
        issues.push({
          path: label,
          message: `unknown field "${key}" (expected one of: ${JOB_FIELDS.join(', ')})`,
        });
    }
    const row = checkRow(raw, label, unit, issues);
    if (row) jobs.push(row);
  });
  checkIds(jobs, issues);
  if (issues.length > 0 || !cpu) return { ok: false, issues };
  return { ok: true, table: { name: doc.name ?? fallbackName, unit, cpu, jobs } };
}

/** Parses the CSV form; `# key: value` lines before the header set name, unit and the CPU. */
export function parseJobCsv(text: string, fallbackName = 'jobs'): JobTableResult {
  const csv = splitJobCsv(text);
  const issues: ValidationIssue[] = csv.problems.map((p) => {
    const at = p.indexOf(': ');
    return { path: p.slice(0, at), message: p.slice(at + 2) };
  });
  const s = csv.settings;
  for (const key of Object.keys(s)) {
    if (!['name', 'unit', 'cores', 'policy', 'quantum', 'contextSwitch'].includes(key))
      issues.push({
        path: `# ${key}`,
        message: 'unknown setting (expected name, unit, cores, policy, quantum, contextSwitch)',
      });
  }
  let unit: TimeUnit = 'ms';
  if (s.unit !== undefined) {
    if (TIME_UNITS.includes(s.unit as TimeUnit)) unit = s.unit as TimeUnit;
    else
      issues.push({
        path: '# unit',
        message: `expected one of ${TIME_UNITS.join(', ')}, got "${s.unit}"`,
      });
  }
  const cpuRaw: Record<string, unknown> = {};
  if (s.policy !== undefined) cpuRaw.policy = s.policy;
  if (s.cores !== undefined) cpuRaw.cores = Number(s.cores);
  if (s.quantum !== undefined) cpuRaw.quantum = cellValue(s.quantum);
  if (s.contextSwitch !== undefined) cpuRaw.contextSwitch = cellValue(s.contextSwitch);
  const cpu = checkCpu(cpuRaw, unit, '# cpu', issues);
  for (const need of ['id', 'arrival', 'burst']) {
    if (csv.header.length > 0 && !csv.header.includes(need))
      issues.push({ path: `row ${csv.headerLine}`, message: `the header has no "${need}" column` });
  }
  const jobs: JobRow[] = [];
  const headerOk =
    csv.header.length > 0 && ['id', 'arrival', 'burst'].every((c) => csv.header.includes(c));
  if (headerOk) {
    for (const { line, cells } of csv.rows) {
      const raw: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(cells)) {
        if (!JOB_FIELDS.includes(k)) continue;
        raw[k] = k === 'id' ? v : /[\s;]/.test(v) ? v.split(/[\s;]+/).map(cellValue) : cellValue(v);
      }
      const row = checkRow(raw, `row ${line}`, unit, issues);
      if (row) jobs.push(row);
    }
    checkIds(jobs, issues);
  }
  if (issues.length > 0 || !cpu) return { ok: false, issues: issues.sort(byRow) };
  return { ok: true, table: { name: s.name ?? fallbackName, unit, cpu, jobs } };
}

/** Orders CSV issues by their row (settings first); stable within a row. */
function byRow(a: ValidationIssue, b: ValidationIssue): number {
  const row = (i: ValidationIssue): number => Number(/^row (\d+)/.exec(i.path)?.[1] ?? 0);
  return row(a) - row(b);
}

/** One issue as the CLI prints it: `jobs[2] (P3): burst must be >= 0, got -4`. */
export function formatIssue(issue: ValidationIssue): string {
  return `${issue.path}: ${issue.message}`;
}

/**
 * One issue as the page shows it, in `language` when the issue has a phrase (the schema's and JSON
 * syntax problems; the job table's own checks stay English).
 */
export function issueLine(issue: ValidationIssue, language: Language = ENGLISH): string {
  return `${issue.path}: ${spoken(issue, language)}`;
}

function cellValue(cell: string): number | string {
  return /^[+-]?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const labels = new WeakMap<JobRow, string>();

function checkRow(
  raw: Record<string, unknown>,
  label: string,
  unit: TimeUnit,
  issues: ValidationIssue[],
): JobRow | undefined {
  const before = issues.length;
  const bad = (message: string): void => void issues.push({ path: label, message });
  for (const need of ['id', 'arrival', 'burst']) {
    if (raw[need] === undefined) bad(`missing field "${need}"`);
  }
  if (issues.length > before) return undefined;
  const id = raw.id;
  if (typeof id !== 'string' || id.trim() === '' || id.length > 64)
    bad(`id must be a non-empty string of at most 64 characters, got ${JSON.stringify(id)}`);
  const arrival = toNs(raw.arrival, 'arrival', unit, bad);
  const cpuRaw = Array.isArray(raw.burst) ? raw.burst : [raw.burst];
  if (cpuRaw.length === 0) bad('burst must hold at least one CPU burst');
  const cpu = cpuRaw.map((b, k) => toNs(b, cpuRaw.length > 1 ? `burst[${k}]` : 'burst', unit, bad));
  let io: (number | undefined)[] = [];
  if (raw.io !== undefined) {
    const ioRaw = Array.isArray(raw.io)
      ? raw.io
      : new Array<unknown>(Math.max(0, cpu.length - 1)).fill(raw.io);
    if (cpu.length < 2)
      bad('io needs at least two CPU bursts to go between (burst: [cpu, cpu, ...])');
    else if (ioRaw.length !== cpu.length - 1)
      bad(
        `io must hold ${cpu.length - 1} I/O burst(s), one between each pair of CPU bursts, got ${ioRaw.length}`,
      );
    io = ioRaw.map((b, k) => toNs(b, Array.isArray(raw.io) ? `io[${k}]` : 'io', unit, bad));
  } else if (cpu.length > 1) {
    bad('several CPU bursts need "io": the I/O burst(s) between them');
  }
  let priority: number | undefined;
  if (raw.priority !== undefined) {
    if (typeof raw.priority !== 'number' || !Number.isSafeInteger(raw.priority))
      bad(`priority must be an integer (lower = more urgent), got ${JSON.stringify(raw.priority)}`);
    else priority = raw.priority;
  }
  if (issues.length > before || arrival === undefined) return undefined;
  const bursts: Nanos[] = [];
  cpu.forEach((c, k) => {
    if (k > 0) bursts.push(io[k - 1] as number);
    bursts.push(c as number);
  });
  const row: JobRow = {
    id: id as string,
    arrival,
    bursts,
    ...(priority === undefined ? {} : { priority }),
  };
  labels.set(row, label);
  return row;
}

function toNs(
  value: unknown,
  field: string,
  unit: TimeUnit,
  bad: (message: string) => void,
): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (value < 0) return void bad(`${field} must be >= 0, got ${value}`);
    const ns = Math.round(value * UNIT_NS[unit]);
    if (!Number.isSafeInteger(ns)) return void bad(`${field} is too large, got ${value}`);
    return ns;
  }
  if (typeof value === 'string') {
    if (/^-\s*\d/.test(value.trim())) return void bad(`${field} must be >= 0, got ${value}`);
    const parsed = parseDuration(value);
    if (parsed.ok) return parsed.ns;
    return void bad(
      `${field} must be a number (in ${unit}) or a duration such as "5ms", got "${value}"`,
    );
  }
  return void bad(
    `${field} must be a number (in ${unit}) or a duration such as "5ms", got ${JSON.stringify(value)}`,
  );
}

function checkIds(jobs: JobRow[], issues: ValidationIssue[]): void {
  const seen = new Map<string, string>();
  for (const job of jobs) {
    const label = labels.get(job) ?? job.id;
    const first = seen.get(job.id);
    if (first !== undefined)
      issues.push({ path: label, message: `duplicate id "${job.id}" (first used by ${first})` });
    else seen.set(job.id, label);
  }
}

function checkCpu(
  raw: Record<string, unknown>,
  unit: TimeUnit,
  path: string,
  issues: ValidationIssue[],
): CpuConfig | undefined {
  const before = issues.length;
  const bad = (field: string) => (message: string) =>
    void issues.push({ path: `${path}.${field}`, message });
  const policy = (raw.policy ?? 'fcfs') as SchedulingPolicy;
  if (!SCHEDULING_POLICIES.includes(policy))
    bad('policy')(
      `expected one of ${SCHEDULING_POLICIES.join(', ')}, got ${JSON.stringify(raw.policy)}`,
    );
  const cores = raw.cores ?? 1;
  if (typeof cores !== 'number' || !Number.isSafeInteger(cores) || cores < 1 || cores > 1024)
    bad('cores')(`expected an integer from 1 to 1024, got ${JSON.stringify(raw.cores)}`);
  let quantum: number | undefined = 10 * NS_PER_MS;
  if (raw.quantum !== undefined) quantum = toNs(raw.quantum, 'quantum', unit, bad('quantum'));
  else if (policy === 'rr') bad('quantum')('round robin needs a quantum (the time slice)');
  if (quantum === 0) bad('quantum')('quantum must be > 0');
  let contextSwitch: number | undefined = 0;
  if (raw.contextSwitch !== undefined)
    contextSwitch = toNs(raw.contextSwitch, 'contextSwitch', unit, bad('contextSwitch'));
  if (issues.length > before || quantum === undefined || contextSwitch === undefined)
    return undefined;
  return { cores: cores as number, policy, quantum, contextSwitch };
}
