// The `handshake` command: runs scenarios headless and validates documents. Exit status 0 when
// all is well, 2 for bad input (usage, unreadable or invalid documents), 1 for internal errors.

import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { traceToJsonLines } from '../engine/trace.ts';
import { formatSummaryLines, parseScenarioText, runScenario, type Scenario } from '../sim/index.ts';
import { parseArgs, USAGE, UsageError, type Command } from './args.ts';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const processIo: Io = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/** Runs the CLI with arguments (without node and script); resolves to the exit status. */
export function main(argv: readonly string[], io: Io = processIo): number {
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`handshake: ${error.message}`);
    io.err(USAGE);
    return 2;
  }
  try {
    switch (command.command) {
      case 'help':
        io.out(USAGE);
        return 0;
      case 'validate':
        return validate(command.files, io);
      case 'run':
        return run(command, io);
    }
  } catch (error) {
    io.err(`handshake: internal error: ${error instanceof Error ? error.message : String(error)}`);
    io.err('This is a bug in Handshake; please report it with the scenario that caused it.');
    if (process.env.HANDSHAKE_DEBUG && error instanceof Error) io.err(error.stack ?? '');
    return 1;
  }
}

/** Reads and validates one scenario file, printing its problems; undefined when it is bad. */
function load(file: string, io: Io): Scenario | undefined {
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
    return undefined;
  }
  const result = parseScenarioText(text);
  if (result.ok) return result.scenario;
  for (const issue of result.issues) io.err(`${file}: ${issue.path}: ${issue.message}`);
  return undefined;
}

function validate(files: readonly string[], io: Io): number {
  let bad = 0;
  for (const file of files) {
    if (load(file, io)) io.out(`${file}: ok`);
    else bad++;
  }
  return bad > 0 ? 2 : 0;
}

function run(command: Extract<Command, { command: 'run' }>, io: Io): number {
  const scenario = load(command.file, io);
  if (!scenario) return 2;
  const wallStart = performance.now();
  const { simulation, summary } = runScenario(scenario, {
    ...(command.seed !== undefined ? { seed: command.seed } : {}),
    ...(command.until !== undefined ? { until: command.until } : {}),
    ...(command.maxEvents !== undefined ? { maxEvents: command.maxEvents } : {}),
  });
  const wallMs = performance.now() - wallStart;
  const eventsPerSecond = wallMs > 0 ? Math.round(summary.events / (wallMs / 1000)) : null;
  if (command.tracePath) {
    try {
      writeFileSync(command.tracePath, traceToJsonLines(simulation.sim.trace.records));
    } catch (error) {
      io.err(
        `${command.tracePath}: cannot write the trace: ${(error as NodeJS.ErrnoException).code ?? error}`,
      );
      return 2;
    }
  }
  if (command.json) {
    io.out(JSON.stringify({ file: command.file, ...summary, wallMs, eventsPerSecond }, null, 2));
  } else {
    io.out(`file       ${command.file}`);
    for (const line of formatSummaryLines(summary)) io.out(line);
    io.out(`wall       ${wallMs.toFixed(1)} ms`);
    io.out(
      `events/s   ${eventsPerSecond === null ? 'n/a' : eventsPerSecond.toLocaleString('en-US')}`,
    );
    if (command.tracePath) io.out(`trace file ${command.tracePath}`);
  }
  if (summary.reason === 'maxEvents')
    io.err('handshake: warning: the run hit its event limit; raise it with --max-events');
  return 0;
}
