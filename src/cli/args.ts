// Command-line parsing for `handshake`: commands, flags and the usage text. Pure, so it is tested
// without spawning processes; bad input becomes a UsageError with a message for people.

import { parseDuration } from '../engine/time.ts';
import { EXIT_STATUS_TEXT } from './exitCodes.ts';
import { clashingOutputs } from './outputs.ts';

export const USAGE = `usage:
  handshake run FILE [--seed N] [--until DURATION] [--max-events N] [--max-wall DURATION]
                     [--max-memory MB] [--trace OUT.jsonl] [--pcap LINK_ID=OUT.pcap]...
                     [--pcap NODE:IFACE=OUT.pcap]... [--json]
  handshake validate FILE...
  handshake pcap TRACE.jsonl LINK_ID=OUT.pcap|NODE:IFACE=OUT.pcap...
  handshake schedule FILE [--max-slices N] [--max-wall DURATION] [--max-memory MB] [--json]
  handshake lesson check FILE...
  handshake help

  run        runs a scenario headless and prints a summary
  validate   checks scenario documents and names every problem found
  pcap       writes captures from a trace file (--trace's), the same bytes as run's --pcap
  schedule   runs a CPU job table (handshake/jobs@1, JSON or CSV) and prints its Gantt chart,
             each job's waiting, turnaround and response times, utilization and throughput
  lesson check
             reads lessons (Markdown, docs/lessons.md) and checks each against its scenario:
             every run step's condition comes true, every task is undone at first and done by
             its solution; problems are named with their line
  --seed N           seed of every random stream (overrides the scenario's)
  --until DURATION   simulated time to run for, e.g. 250us, 500ms, 2s, 1m
  --max-events N     stop after N events (default 50000000)
  --max-wall DURATION
                     stop once the command has taken this much real (wall-clock) time, e.g. 30s,
                     2m (checked between slices of events; default: no limit)
  --max-memory MB    stop once the process's resident memory passes MB megabytes (checked
                     between slices of events; default: no limit)
  --trace OUT.jsonl  write the trace, one JSON object per line (format: docs/trace.md)
  --pcap LINK_ID=OUT.pcap
                     write what a tap on that link sees (both directions, when each packet
                     starts onto the wire) as a pcap file for Wireshark/tshark; repeatable
  --pcap NODE:IFACE=OUT.pcap
                     write what a capture on that interface sees: what it sends and receives
                     (pcap timestamps are simulated time, counted from 1970-01-01)
  --json             print the summary as JSON
  OUT "-"            (--trace -, --pcap LINK_ID=-) writes to standard output, and the summary
                     goes to standard error; only one output may be "-", and none the input
  --max-slices N     schedule: stop after N slices of the Gantt chart (default 1000000)
                     (schedule also takes --max-wall and --max-memory)
  A run or schedule stopped at a limit keeps what it did: its summary is printed, its files
  written up to then, and it exits with status 4.

${EXIT_STATUS_TEXT}`;

/** Bad command-line input; the CLI prints the message and the usage, and exits with 2. */
export class UsageError extends Error {}

/** A malformed `--pcap` value; `file` is the scenario, so the CLI can list the links it has. */
export class PcapUsageError extends UsageError {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

/** What a `--pcap` captures: everything on one link, or what one interface sends and receives. */
export type CaptureTarget =
  { kind: 'link'; link: string } | { kind: 'interface'; node: string; iface: string };

/** One `--pcap` request: what to capture, where to write it, and the flag's text for messages. */
export interface PcapRequest {
  target: CaptureTarget;
  path: string;
  spec: string;
}

export type Command =
  | { command: 'help' }
  | { command: 'validate'; files: string[] }
  | ({ command: 'schedule'; file: string; json: boolean; maxSlices?: number } & ResourceLimits)
  | { command: 'pcap'; file: string; pcaps: PcapRequest[] }
  | { command: 'lessonCheck'; files: string[] }
  | ({
      command: 'run';
      file: string;
      seed?: number;
      until?: number;
      maxEvents?: number;
      tracePath?: string;
      pcaps: PcapRequest[];
      json: boolean;
    } & ResourceLimits);

/** Limits on the machine's resources, checked between slices of a run (none by default). */
export interface ResourceLimits {
  /** --max-wall: real time the command may take, in ns. */
  maxWallNs?: number;
  /** --max-memory: resident memory the process may use, in MB. */
  maxMemoryMb?: number;
}

const RUN_FLAGS = new Set([
  '--seed',
  '--until',
  '--max-events',
  '--max-wall',
  '--max-memory',
  '--trace',
  '--pcap',
  '--json',
]);
/** Scenario ids (links, nodes, interfaces): a letter, then letters, digits, "_" or "-". */
const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Parses argv (without node and the script) into a command, or throws UsageError. */
export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { command: 'help' };
    case 'validate': {
      const unknown = rest.find((a) => a.startsWith('-'));
      if (unknown) throw new UsageError(`unknown flag for validate: ${unknown}`);
      if (rest.length === 0) throw new UsageError('validate needs at least one FILE');
      return { command: 'validate', files: rest };
    }
    case 'run':
      return parseRun(rest);
    case 'pcap':
      return parsePcapCommand(rest);
    case 'schedule':
      return parseSchedule(rest);
    case 'lesson': {
      const [sub, ...files] = rest;
      if (sub !== 'check') {
        throw new UsageError(
          sub === undefined ? 'lesson needs "check"' : `unknown lesson command: ${sub}`,
        );
      }
      const unknown = files.find((a) => a.startsWith('-'));
      if (unknown) throw new UsageError(`unknown flag for lesson check: ${unknown}`);
      if (files.length === 0) throw new UsageError('lesson check needs at least one FILE');
      return { command: 'lessonCheck', files };
    }
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}

function parseRun(args: readonly string[]): Command {
  const out: Extract<Command, { command: 'run' }> = {
    command: 'run',
    file: '',
    pcaps: [],
    json: false,
  };
  const files: string[] = [];
  const pcapValues: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [flag, inlineValue] =
      arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : [arg, undefined];
    if (!flag.startsWith('-')) {
      files.push(arg);
      continue;
    }
    if (!RUN_FLAGS.has(flag)) throw new UsageError(`unknown flag: ${flag}`);
    if (flag === '--json') {
      if (inlineValue !== undefined) throw new UsageError('--json takes no value');
      out.json = true;
      continue;
    }
    const value = inlineValue ?? args[++i];
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
    if (flag === '--seed') out.seed = parseCount(flag, value, 0);
    else if (flag === '--max-events') out.maxEvents = parseCount(flag, value, 1);
    else if (flag === '--max-wall') out.maxWallNs = parseWall(value);
    else if (flag === '--max-memory') out.maxMemoryMb = parseCount(flag, value, 1);
    else if (flag === '--trace') out.tracePath = value;
    else if (flag === '--pcap') pcapValues.push(value);
    else {
      const parsed = parseDuration(value);
      if (!parsed.ok) throw new UsageError(`--until: ${parsed.error}`);
      if (parsed.ns <= 0) throw new UsageError('--until must be longer than 0');
      out.until = parsed.ns;
    }
  }
  if (files.length !== 1) {
    throw new UsageError(
      files.length === 0 ? 'run needs a scenario FILE' : `run takes one FILE, got ${files.length}`,
    );
  }
  out.file = files[0] as string;
  for (const value of pcapValues) {
    try {
      out.pcaps.push(parsePcap(value));
    } catch (error) {
      throw error instanceof UsageError ? new PcapUsageError(error.message, out.file) : error;
    }
  }
  const clash = clashingOutputs([
    ...(out.tracePath === undefined ? [] : [{ option: '--trace', path: out.tracePath }]),
    ...out.pcaps.map((p) => ({ option: `--pcap ${p.spec}`, path: p.path })),
  ]);
  if (clash) throw new UsageError(clash);
  return out;
}

function parseSchedule(args: readonly string[]): Command {
  const files: string[] = [];
  let json = false;
  let maxSlices: number | undefined;
  const limits: ResourceLimits = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [flag, inlineValue] =
      arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : [arg, undefined];
    if (flag === '--json' && inlineValue === undefined) json = true;
    else if (flag === '--max-slices' || flag === '--max-wall' || flag === '--max-memory') {
      const value = inlineValue ?? args[++i];
      if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
      if (flag === '--max-slices') maxSlices = parseCount(flag, value, 1);
      else if (flag === '--max-wall') limits.maxWallNs = parseWall(value);
      else limits.maxMemoryMb = parseCount(flag, value, 1);
    } else if (flag.startsWith('-')) throw new UsageError(`unknown flag for schedule: ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1) {
    throw new UsageError(
      files.length === 0
        ? 'schedule needs a job table FILE'
        : `schedule takes one FILE, got ${files.length}`,
    );
  }
  return {
    command: 'schedule',
    file: files[0] as string,
    json,
    ...(maxSlices === undefined ? {} : { maxSlices }),
    ...limits,
  };
}

/** `pcap TRACE.jsonl SPEC...`: a trace file, then one or more captures in `--pcap`'s form. */
function parsePcapCommand(args: readonly string[]): Command {
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) throw new UsageError(`unknown flag for pcap: ${unknown}`);
  const [file, ...specs] = args;
  if (file === undefined) throw new UsageError('pcap needs a trace FILE (from run --trace)');
  if (specs.length === 0)
    throw new UsageError('pcap needs at least one LINK_ID=OUT.pcap or NODE:IFACE=OUT.pcap');
  const pcaps = specs.map((spec) => {
    try {
      return parsePcap(spec);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      throw new UsageError(`pcap: ${error.message.replace(/^--pcap /, '')}`);
    }
  });
  const paths = new Set<string>([file]);
  for (const { path } of pcaps) {
    if (paths.has(path)) throw new UsageError(`pcap: two files would be the same, ${path}`);
    paths.add(path);
  }
  return { command: 'pcap', file, pcaps };
}

/**
 * Parses a `--pcap` value: `LINK_ID=OUT.pcap` (a tap on a link) or `NODE:IFACE=OUT.pcap` (a
 * capture on an interface). Whether the scenario has that link or interface is checked later.
 */
export function parsePcap(value: string): PcapRequest {
  const expected = 'expected LINK_ID=OUT.pcap or NODE:IFACE=OUT.pcap';
  const at = value.indexOf('=');
  if (at < 0) throw new UsageError(`--pcap ${value}: ${expected} (no "=" before a file name)`);
  const what = value.slice(0, at);
  const path = value.slice(at + 1);
  if (what === '') throw new UsageError(`--pcap ${value}: ${expected} (no link or interface)`);
  if (path === '') throw new UsageError(`--pcap ${value}: ${expected} (no file after "=")`);
  const parts = what.split(':');
  if (parts.length === 1 && ID.test(what)) {
    return { target: { kind: 'link', link: what }, path, spec: value };
  }
  const [node = '', iface = ''] = parts;
  if (parts.length === 2 && ID.test(node) && ID.test(iface)) {
    return { target: { kind: 'interface', node, iface }, path, spec: value };
  }
  throw new UsageError(
    `--pcap ${value}: "${what}" is neither a link id nor NODE:IFACE (ids start with a letter, then letters, digits, "_" or "-"); ${expected}`,
  );
}

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf('=');
  return [arg.slice(0, at), arg.slice(at + 1)];
}

/** A `--max-wall` value: a duration longer than 0 (`30s`, `2m`), in ns. */
function parseWall(value: string): number {
  const parsed = parseDuration(value);
  if (!parsed.ok) throw new UsageError(`--max-wall: ${parsed.error}`);
  if (parsed.ns <= 0) throw new UsageError('--max-wall must be longer than 0');
  return parsed.ns;
}

function parseCount(flag: string, value: string, min: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    throw new UsageError(`${flag} expects a whole number >= ${min}, got "${value}"`);
  }
  return n;
}
