// Peak memory of the `handshake` command writing a trace: `run --trace` on the 100 MB bulk TCP
// transfer of tcpBench.ts (10 Mbit/s, one flow), in a child process that reports its own peak
// resident set size (getrusage's ru_maxrss). The CLI streams the trace and stores none of it, so
// the peak should not grow with the run (issue 12's target: at most 150 MB). Printed beside the
// command's own floor (Node and the code: a one-second ping run).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { print } from './engineBench.ts';
import { bulkDocument } from './tcpBench.ts';

const BYTES = 100_000_000;

/**
 * The child: `main` of the CLI, loaded as bin/handshake.js loads it (cliBundle.js), with its output
 * kept, then one JSON line: the exit status, the summary and the peak RSS in kB (VmHWM).
 */
const CHILD = `
const { loadCli } = await import(${JSON.stringify(pathToFileURL(join(process.cwd(), 'bin/cliBundle.js')).href)});
const { main } = await loadCli();
const out = [];
const status = main(process.argv.slice(1), { out: (l) => out.push(l), err: (l) => console.error(l) });
// VmHWM is the peak of this process's own memory; getrusage's maxRSS can carry the parent's peak
// over fork and exec (measured: the bench's 220 MB showed as the child's after the http group).
const { readFileSync } = await import('node:fs');
let hwm = null;
try { hwm = readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\\s+(\\d+) kB/m); } catch {}
const maxRssKb = hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS;
console.log(JSON.stringify({ status, summary: JSON.parse(out.join('\\n')), maxRssKb }));
`;

/** Runs `handshake ARGS` in a child; its summary (`--json`) and peak RSS in MB, and the wall time. */
function childRun(args: string[]) {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  const wallS = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`the memory benchmark's run failed: ${child.stderr}`);
  const { status, summary, maxRssKb } = JSON.parse(child.stdout) as {
    status: number;
    summary: { apps: Record<string, unknown> };
    maxRssKb: number;
  };
  if (status !== 0) throw new Error(`handshake ${args.join(' ')} exited with ${status}`);
  return { summary, peakRssMb: maxRssKb / 1024, wallS };
}

/** Runs the memory benchmark and prints its lines. */
export function runMemoryBenchmarks(): void {
  const dir = mkdtempSync(join(tmpdir(), 'handshake-bench-memory-'));
  try {
    // What the command costs with next to nothing to run: Node and the code.
    const small = childRun(['run', 'simulations/ping-over-a-link.json', '--until', '1s', '--json']);
    print('memory.cliBaseline.peakRss', small.peakRssMb, 'MB');
    const doc = join(dir, 'bulk.json');
    writeFileSync(doc, JSON.stringify(bulkDocument(BYTES)));
    const trace = join(dir, 'trace.jsonl');
    const run = childRun(['run', doc, '--trace', trace, '--json']);
    const sink = JSON.stringify(run.summary.apps.sink ?? []);
    if (!sink.includes(String(BYTES)))
      throw new Error(`the sink did not get ${BYTES} bytes: ${sink}`);
    print('memory.tcp100MB.traceFile.peakRss', run.peakRssMb, 'MB');
    print('memory.tcp100MB.traceFile.size', statSync(trace).size / 1e6, 'MB');
    print('memory.tcp100MB.traceFile.wall', run.wallS, 's');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
