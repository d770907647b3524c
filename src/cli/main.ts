// The `handshake` command: runs scenarios headless (writing the trace and pcap captures when asked)
// and validates documents. Exit status (exitCodes.ts): 0 all well, 2 bad input (a document or an
// argument), 3 a file not read or written, 4 a limit reached (results up to then still written),
// 1 an internal error (a bug).

import { performance } from 'node:perf_hooks';
import {
  DEFAULT_UNTIL_NS,
  formatSummaryLines,
  parseScenarioText,
  runScenario,
  scenarioWarnings,
  type Scenario,
} from '../sim/index.ts';
import {
  parseArgs,
  PcapUsageError,
  USAGE,
  UsageError,
  type Command,
  type PcapRequest,
} from './args.ts';
import { EXIT, worstStatus, type ExitStatus } from './exitCodes.ts';
import { ioReason, readInputText } from './inputText.ts';
import { overwritesInput, STDOUT, type OutputTarget } from './outputs.ts';
import { processIo, type Io } from './processIo.ts';
import { eventLimitMessage, untilWarning } from './runNotices.ts';
import { pcapFromTrace } from './pcapCommand.ts';
import { limitCheck, limitReached, resourceLimitMessage } from './runLimits.ts';
import { eventLimitCauseLine, scenarioWarningLines } from './scenarioNotices.ts';
import { openRunOutputs, outputKind, type RunOutputs } from './runOutputs.ts';
import { lessonCheck } from './lessonCommand.ts';
import { schedule } from './schedule.ts';
import { FileError } from './traceFile.ts';

export type { Io } from './processIo.ts';

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
    return EXIT.badInput;
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
        return schedule(command.file, command, io);
      case 'pcap':
        return pcapFromTrace(command, io);
      case 'lessonCheck':
        return lessonCheck(command.files, io);
    }
  } catch (error) {
    io.err(`handshake: internal error: ${error instanceof Error ? error.message : String(error)}`);
    io.err('This is a bug in Handshake; please report it with the scenario that caused it.');
    if (process.env.HANDSHAKE_DEBUG && error instanceof Error) io.err(error.stack ?? '');
    return EXIT.internal;
  }
}

/**
 * Reads and validates one scenario file, printing its problems (else the exit status, 2 or 3)
 * or its warnings, which leave it valid.
 */
function load(file: string, io: Io): Scenario | ExitStatus {
  const input = readInputText(file);
  if (!input.ok) {
    io.err(input.message);
    return EXIT.io;
  }
  const result = parseScenarioText(input.text);
  if (result.ok) {
    for (const line of scenarioWarningLines(file, scenarioWarnings(result.scenario))) io.err(line);
    return result.scenario;
  }
  for (const issue of result.issues) io.err(`${file}: ${issue.path}: ${issue.message}`);
  return EXIT.badInput;
}

function validate(files: readonly string[], io: Io): number {
  const statuses = files.map((file) => {
    const loaded = load(file, io);
    if (typeof loaded === 'number') return loaded;
    io.out(`${file}: ok`);
    return EXIT.ok;
  });
  return worstStatus(statuses);
}

function run(command: Extract<Command, { command: 'run' }>, io: Io): number {
  const scenario = load(command.file, io);
  if (typeof scenario === 'number') return scenario;
  for (const request of command.pcaps) {
    const problem = checkCaptureTarget(scenario, request);
    if (problem) {
      io.err(`handshake: --pcap ${request.spec}: ${problem}`);
      return EXIT.badInput;
    }
  }
  const targets: OutputTarget[] = [
    ...(command.tracePath === undefined ? [] : [{ option: '--trace', path: command.tracePath }]),
    ...command.pcaps.map((p) => ({ option: `--pcap ${p.spec}`, path: p.path })),
  ];
  const overwrite = overwritesInput(command.file, targets);
  if (overwrite) {
    io.err(`handshake: ${overwrite}`);
    return EXIT.badInput;
  }
  // With an output on standard output, the summary goes to standard error.
  const report = targets.some((o) => o.path === STDOUT) ? io.err : io.out;
  const until = command.until ?? scenario.until ?? DEFAULT_UNTIL_NS;
  const long = untilWarning(
    until,
    command.until !== undefined ? '--until' : 'the scenario\'s "until"',
  );
  if (long) io.err(long);
  let outputs: RunOutputs;
  let ran: ReturnType<typeof runScenario>;
  const wallStart = performance.now();
  const limits = limitCheck(command, wallStart);
  try {
    // The trace is not stored: its records go to the files as they come, the summary is live.
    outputs = openRunOutputs(command.tracePath, command.pcaps);
    ran = runScenario(scenario, {
      ...(command.seed !== undefined ? { seed: command.seed } : {}),
      ...(command.until !== undefined ? { until: command.until } : {}),
      ...(command.maxEvents !== undefined ? { maxEvents: command.maxEvents } : {}),
      ...(limits ? { shouldStop: limits.shouldStop } : {}),
      trace: false,
      onRecord: (record) => outputs.add(record),
    });
    outputs.close();
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    // The reader of standard output went away (`| head`): end quietly, as for the summary.
    if (error.code === 'EPIPE') return EXIT.ok;
    io.err(
      `${error.path}: cannot write the ${outputKind(command, error.path)}: ${ioReason(error)}`,
    );
    return EXIT.io;
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
    report(
      JSON.stringify(
        { file: command.file, ...summary, wallMs, eventsPerSecond, ...extra },
        null,
        2,
      ),
    );
  } else {
    report(`file       ${command.file}`);
    for (const line of formatSummaryLines(summary)) report(line);
    report(`wall       ${wallMs.toFixed(1)} ms`);
    report(
      `events/s   ${eventsPerSecond === null ? 'n/a' : eventsPerSecond.toLocaleString('en-US')}`,
    );
    if (command.tracePath) report(`trace file ${command.tracePath}`);
    for (const p of pcaps) report(`pcap file  ${p.file}: ${p.capture}, ${p.packets} packets`);
  }
  if (summary.reason === 'maxEvents') {
    io.err(eventLimitMessage(summary.events, summary.simulatedNs));
    const cause = eventLimitCauseLine(scenarioWarnings(scenario));
    if (cause) io.err(cause);
    return EXIT.limit;
  }
  const limit = limitReached(summary.reason, command, limits);
  if (limit) {
    io.err(resourceLimitMessage(limit, summary.events, summary.simulatedNs));
    return EXIT.limit;
  }
  return EXIT.ok;
}

/** "the scenario's links: ..." of a readable, valid scenario file; undefined for any other. */
function linksOf(file: string): string | undefined {
  const input = readInputText(file);
  const result = input.ok ? parseScenarioText(input.text) : undefined;
  return result?.ok ? scenarioLinks(result.scenario) : undefined;
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
