// The command line's limits on real time and memory (--max-wall, --max-memory), for `run` and
// `schedule`: parsed with a message naming the flag, and a run stopped at one keeps what it did
// (its summary, its trace ending in sim.end with the reason) and exits with status 4.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs, USAGE } from '../../src/cli/args.ts';
import { SLICE_EVENTS } from '../../src/sim/index.ts';

const BIN = join(process.cwd(), 'bin/handshake.js');
/** 44k records in its 4 s: far more than one slice of events. */
const LONG = resolve('simulations/database-service.json');
const dir = mkdtempSync(join(tmpdir(), 'handshake-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function handshake(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lastRecord = (path: string) =>
  JSON.parse(readFileSync(path, 'utf8').trimEnd().split('\n').pop() as string);

describe('parsing --max-wall and --max-memory', () => {
  it('takes a duration and a whole number of MB, for run and schedule, spaced or inline', () => {
    expect(parseArgs(['run', 'a.json', '--max-wall', '30s', '--max-memory=512'])).toMatchObject({
      command: 'run',
      maxWallNs: 30e9,
      maxMemoryMb: 512,
    });
    expect(parseArgs(['run', 'a.json', '--max-wall=2m'])).toMatchObject({ maxWallNs: 120e9 });
    expect(parseArgs(['schedule', 'j.csv', '--max-wall', '0.001s', '--max-memory', '64'])).toEqual({
      command: 'schedule',
      file: 'j.csv',
      json: false,
      maxWallNs: 1e6,
      maxMemoryMb: 64,
    });
    // No flag, no limit: nothing is added.
    const plain = parseArgs(['run', 'a.json']);
    expect(plain).not.toHaveProperty('maxWallNs');
    expect(plain).not.toHaveProperty('maxMemoryMb');
  });

  it.each([
    [['--max-wall', '5 parsecs'], '--max-wall: "5 parsecs" is not a duration'],
    [['--max-wall', '30'], '--max-wall: "30" is not a duration: expected a number and a unit'],
    [['--max-wall', '0s'], '--max-wall must be longer than 0'],
    [['--max-wall'], '--max-wall needs a value'],
    [['--max-memory', '0'], '--max-memory expects a whole number >= 1, got "0"'],
    [['--max-memory', '1.5'], '--max-memory expects a whole number >= 1, got "1.5"'],
    [['--max-memory', '512MB'], '--max-memory expects a whole number >= 1, got "512MB"'],
    [['--max-memory='], '--max-memory needs a value'],
  ])('refuses %j with a message naming the flag', (flags, message) => {
    for (const command of ['run', 'schedule']) {
      expect(() => parseArgs([command, 'file', ...flags])).toThrow(message);
    }
  });

  it('answers a bad value with status 2, the message and the usage, which documents both', () => {
    const { status, stderr } = handshake('run', LONG, '--max-wall', 'soon');
    expect(status).toBe(2);
    expect(stderr).toMatch(/^handshake: --max-wall: "soon" is not a duration/);
    expect(stderr).toMatch(/^usage:/m);
    expect(handshake('schedule', 'jobs.csv', '--max-memory', '-3').status).toBe(2);
    expect(USAGE).toMatch(/^ {2}--max-wall DURATION$/m);
    expect(USAGE).toMatch(/^ {2}--max-memory MB {4}stop once the process's resident memory/m);
    expect(USAGE).toMatch(/--max-slices N\] \[--max-wall DURATION\] \[--max-memory MB\]/);
    expect(handshake('help').stdout).toMatch(/--max-wall or\s+--max-memory \(both\)/);
  });
});

describe('handshake run at a limit of real time or memory', () => {
  it.each([
    ['--max-wall', '0.001s', 'wallLimit', /its limit of real time \(1 ms\)/],
    ['--max-memory', '1', 'memoryLimit', /its memory limit \(\d+ MB resident, over 1 MB\)/],
  ])(
    '%s %s stops a long run after a slice with status 4, its summary and its trace',
    (flag, value, reason, what) => {
      const trace = join(dir, `${reason}.jsonl`);
      const pcap = join(dir, `${reason}.pcap`);
      const args = ['run', LONG, flag, value, '--trace', trace, '--pcap', `l3=${pcap}`];
      const { status, stdout, stderr } = handshake(...args);
      expect(status).toBe(4);
      // The limit is checked between slices of events: the first check stops it.
      expect(stdout).toMatch(/^scenario +Two app servers and a database$/m);
      expect(stdout).toMatch(new RegExp(`^events +${SLICE_EVENTS}$`, 'm'));
      expect(stdout).toMatch(/^link +l3 \(db - switch:p3/m);
      expect(stdout).toMatch(
        reason === 'wallLimit'
          ? /^stopped +reached its limit of real \(wall-clock\) time at [\d.]+ (s|ms)$/m
          : /^stopped +reached its limit of resident memory at /m,
      );
      expect(stdout).toMatch(/^pcap file .*: link l3, \d+ packets$/m);
      const lines = stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^handshake: the run reached /);
      expect(lines[0]).toMatch(what);
      expect(lines[0]).toMatch(
        new RegExp(`after ${SLICE_EVENTS.toLocaleString('en-US')} events, and stopped there`),
      );
      expect(lines[0]).toMatch(new RegExp(`raise the limit with ${flag}$`));
      expect(lastRecord(trace)).toMatchObject({ type: 'sim.end', reason, events: SLICE_EVENTS });
      // The trace so far is the start of the whole run's, byte for byte.
      const whole = join(dir, `whole-${reason}.jsonl`);
      expect(handshake('run', LONG, '--trace', whole).status).toBe(0);
      const kept = readFileSync(trace, 'utf8').trimEnd().split('\n').slice(0, -1).join('\n');
      expect(readFileSync(whole, 'utf8').startsWith(kept + '\n')).toBe(true);
      expect(lastRecord(whole).reason).toBe('until');
    },
  );

  it('gives --json the reason, and a roomy limit changes nothing, byte for byte', () => {
    const { status, stdout } = handshake('run', LONG, '--max-memory', '1', '--json');
    expect(status).toBe(4);
    expect(JSON.parse(stdout)).toMatchObject({ reason: 'memoryLimit', events: SLICE_EVENTS });
    const free = join(dir, 'free.jsonl');
    const roomy = join(dir, 'roomy.jsonl');
    expect(handshake('run', LONG, '--trace', free).status).toBe(0);
    const again = handshake(
      ...['run', LONG, '--trace', roomy, '--max-wall', '1h', '--max-memory', '100000'],
    );
    expect(again.status).toBe(0);
    expect(readFileSync(roomy, 'utf8')).toBe(readFileSync(free, 'utf8'));
  });
});

describe('handshake schedule at a limit of real time or memory', () => {
  it('stops a 1 ns round robin with status 4, the chart so far and the flag to raise', () => {
    const path = join(dir, 'tiny-quantum.json');
    writeFileSync(
      path,
      JSON.stringify({
        format: 'handshake/jobs@1',
        unit: 's',
        cpu: { policy: 'rr', quantum: '1ns' },
        jobs: [
          { id: 'A', arrival: 0, burst: 1 },
          { id: 'B', arrival: 0, burst: 1 },
        ],
      }),
    );
    const wall = handshake('schedule', path, '--max-wall', '1ms');
    expect(wall.status).toBe(4);
    expect(wall.stdout).toMatch(/^stopped +at [\d.]+, at the limit of real time \(--max-wall\)$/m);
    expect(wall.stdout).toMatch(/^\| A \| B \| A \|/m);
    expect(wall.stdout).toMatch(/^A +0 +1 +0 +- +- +0$/m);
    expect(wall.stderr).toMatch(
      /the schedule reached its limit of real time \(1 ms\) at [\d.]+ (ns|µs|ms|s) and stopped there; .*raise the limit with --max-wall\n$/,
    );
    const memory = handshake('schedule', path, '--max-memory', '1', '--json');
    expect(memory.status).toBe(4);
    expect(JSON.parse(memory.stdout).stopped).toMatchObject({ limit: 'memoryLimit' });
    expect(memory.stderr).toMatch(
      /its memory limit \(\d+ MB resident, over 1 MB\).*--max-memory\n$/,
    );
  });
});
