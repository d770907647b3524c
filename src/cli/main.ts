// The `handshake` command: runs scenarios headless (writing the trace and pcap captures when asked)
// and validates documents. Exit status 0 when all is well, 2 for bad input, 1 for internal errors.

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { formatSummaryLines, parseScenarioText, runScenario, type Scenario } from '../sim/index.ts';
import {
  parseArgs,
  PcapUsageError,
  USAGE,
  UsageError,
  type Command,
  type PcapRequest,
} from './args.ts';
import { pcapFromTrace } from './pcapCommand.ts';
import { openRunOutputs, outputKind, type RunOutputs } from './runOutputs.ts';
import { schedule } from './schedule.ts';
import { FileError } from './traceFile.ts';

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
    const links = error instanceof PcapUsageError ? linksOf(error.file) : undefined;
    io.err(`handshake: ${error.message}${links ? `; ${links}` : ''}`);
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
      case 'schedule':
        return schedule(command.file, { json: command.json }, io);
      case 'pcap':
        return pcapFromTrace(command, io);
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
  for (const request of command.pcaps) {
    const problem = checkCaptureTarget(scenario, request);
    if (problem) {
      io.err(`handshake: --pcap ${request.spec}: ${problem}`);
      return 2;
    }
  }
  let outputs: RunOutputs;
  let ran: ReturnType<typeof runScenario>;
  const wallStart = performance.now();
  try {
    // The trace is not stored: its records go to the files as they come, the summary is live.
    outputs = openRunOutputs(command.tracePath, command.pcaps);
    ran = runScenario(scenario, {
      ...(command.seed !== undefined ? { seed: command.seed } : {}),
      ...(command.until !== undefined ? { until: command.until } : {}),
      ...(command.maxEvents !== undefined ? { maxEvents: command.maxEvents } : {}),
      trace: false,
      onRecord: (record) => outputs.add(record),
    });
    outputs.close();
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    io.err(`${error.path}: cannot write the ${outputKind(command, error.path)}: ${error.code}`);
    return 2;
  }
  const wallMs = performance.now() - wallStart;
  const summary = { ...ran.summary, traceRecords: outputs.records() };
  const eventsPerSecond = wallMs > 0 ? Math.round(summary.events / (wallMs / 1000)) : null;
  const pcaps = outputs.pcaps.map(({ request, file }) => ({
    capture: targetName(request),
    file: request.path,
    packets: file.frames,
  }));
  if (command.json) {
    const extra = pcaps.length > 0 ? { pcaps } : {};
    io.out(
      JSON.stringify(
        { file: command.file, ...summary, wallMs, eventsPerSecond, ...extra },
        null,
        2,
      ),
    );
  } else {
    io.out(`file       ${command.file}`);
    for (const line of formatSummaryLines(summary)) io.out(line);
    io.out(`wall       ${wallMs.toFixed(1)} ms`);
    io.out(
      `events/s   ${eventsPerSecond === null ? 'n/a' : eventsPerSecond.toLocaleString('en-US')}`,
    );
    if (command.tracePath) io.out(`trace file ${command.tracePath}`);
    for (const p of pcaps) io.out(`pcap file  ${p.file}: ${p.capture}, ${p.packets} packets`);
  }
  if (summary.reason === 'maxEvents')
    io.err('handshake: warning: the run hit its event limit; raise it with --max-events');
  return 0;
}

/** "the scenario's links: ..." of a readable, valid scenario file; undefined for any other. */
function linksOf(file: string): string | undefined {
  try {
    const result = parseScenarioText(readFileSync(file, 'utf8'));
    return result.ok ? scenarioLinks(result.scenario) : undefined;
  } catch {
    return undefined;
  }
}

/** "the scenario's links: "lan", "wan"", for messages about captures. */
function scenarioLinks(scenario: Scenario): string {
  return `the scenario's links: ${quoteList(scenario.links.map((l) => l.id))}`;
}

/** "link lan" or "interface router:eth0", for messages. */
function targetName({ target }: PcapRequest): string {
  return target.kind === 'link'
    ? `link ${target.link}`
    : `interface ${target.node}:${target.iface}`;
}

/** Quoted names for messages: all of them up to 20, then how many more. */
function quoteList(names: readonly string[]): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, 20).map((n) => `"${n}"`);
  return names.length > 20 ? `${shown.join(', ')} and ${names.length - 20} more` : shown.join(', ');
}

/** Why the scenario has nothing to capture for `request`, or undefined when it has. */
function checkCaptureTarget(scenario: Scenario, request: PcapRequest): string | undefined {
  const links = scenarioLinks(scenario);
  const { target } = request;
  if (target.kind === 'link') {
    if (scenario.links.some((l) => l.id === target.link)) return undefined;
    return `the scenario has no link "${target.link}" (${links})`;
  }
  const node = scenario.nodes.find((n) => n.id === target.node);
  if (!node) {
    const nodes = quoteList(scenario.nodes.map((n) => n.id));
    return `the scenario has no node "${target.node}" (its nodes: ${nodes}; ${links})`;
  }
  const names = (node.interfaces ?? []).map((i) => i.name);
  if (names.includes(target.iface)) return undefined;
  return `node "${node.id}" has no interface "${target.iface}" (it has: ${quoteList(names)}; ${links})`;
}
