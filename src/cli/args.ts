// Command-line parsing for `handshake`: commands, flags and the usage text. Pure, so it is tested
// without spawning processes; bad input becomes a UsageError with a message for people.

import { parseDuration } from '../engine/time.ts';

export const USAGE = `usage:
  handshake run FILE [--seed N] [--until DURATION] [--max-events N] [--trace OUT.jsonl] [--json]
  handshake validate FILE...
  handshake help

  run        runs a scenario headless and prints a summary
  validate   checks scenario documents and names every problem found
  --seed N           seed of every random stream (overrides the scenario's)
  --until DURATION   simulated time to run for, e.g. 250us, 500ms, 2s, 1m
  --max-events N     stop after N events (default 50000000)
  --trace OUT.jsonl  write the trace, one JSON object per line
  --json             print the summary as JSON`;

/** Bad command-line input; the CLI prints the message and the usage, and exits with 2. */
export class UsageError extends Error {}

export type Command =
  | { command: 'help' }
  | { command: 'validate'; files: string[] }
  | {
      command: 'run';
      file: string;
      seed?: number;
      until?: number;
      maxEvents?: number;
      tracePath?: string;
      json: boolean;
    };

const RUN_FLAGS = new Set(['--seed', '--until', '--max-events', '--trace', '--json']);

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
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}

function parseRun(args: readonly string[]): Command {
  const out: Extract<Command, { command: 'run' }> = { command: 'run', file: '', json: false };
  const files: string[] = [];
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
    else if (flag === '--trace') out.tracePath = value;
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
  return out;
}

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf('=');
  return [arg.slice(0, at), arg.slice(at + 1)];
}

function parseCount(flag: string, value: string, min: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    throw new UsageError(`${flag} expects a whole number >= ${min}, got "${value}"`);
  }
  return n;
}
