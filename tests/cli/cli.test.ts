// The `handshake` command as a user runs it: a real process, its output and its exit status.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'bin/handshake.js');
const DEFAULT = 'simulations/ping-over-a-link.json';
const dir = mkdtempSync(join(tmpdir(), 'handshake-cli-'));

function handshake(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeDoc(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('handshake run', () => {
  it('prints a summary with events, simulated time, wall time, events/s and metrics', () => {
    const { status, stdout } = handshake('run', DEFAULT);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^events +\d+$/m);
    expect(stdout).toMatch(/^stopped +reached the time limit at 15 s$/m);
    expect(stdout).toMatch(/^wall +[\d.]+ ms$/m);
    expect(stdout).toMatch(/^events\/s +[\d,]+$/m);
    expect(stdout).toMatch(/^pinger +laptop -> 192\.168\.1\.20:7: \d+ sent/m);
  });

  it('writes the same trace, byte for byte, on every run with the same seed', () => {
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    const c = join(dir, 'c.jsonl');
    expect(handshake('run', DEFAULT, '--seed', '3', '--trace', a).status).toBe(0);
    expect(handshake('run', DEFAULT, '--seed=3', `--trace=${b}`).status).toBe(0);
    expect(handshake('run', DEFAULT, '--seed', '4', '--trace', c).status).toBe(0);
    expect(sha256(b)).toBe(sha256(a));
    expect(sha256(c)).not.toBe(sha256(a));
    const lines = readFileSync(a, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const record of lines) {
      expect(Number.isSafeInteger(record.t)).toBe(true);
      expect(typeof record.type).toBe('string');
    }
    expect(lines[0]).toMatchObject({ t: 0, type: 'sim.start', seed: 3 });
  });

  it('honours --until and prints JSON with --json', () => {
    const { status, stdout } = handshake('run', DEFAULT, '--until', '500ms', '--json');
    expect(status).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ simulatedNs: 500_000_000, reason: 'until', seed: 25 });
    expect(summary.eventsPerSecond).toBeGreaterThan(0);
  });

  it.each([
    [['run', DEFAULT, '--speed', '2'], /unknown flag: --speed/],
    [['run', DEFAULT, '--until', '5 parsecs'], /--until: "5 parsecs" is not a duration/],
    [['run', DEFAULT, '--until', '10'], /expected a number and a unit/],
    [['run', DEFAULT, '--seed', '-1'], /--seed expects a whole number >= 0, got "-1"/],
    [['run', DEFAULT, '--seed'], /--seed needs a value/],
    [['run'], /run needs a scenario FILE/],
    [['launch'], /unknown command: launch/],
  ])('answers bad usage %j with a message and exit status 2', (args, message) => {
    const { status, stderr } = handshake(...args);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/^usage:/m);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('handshake validate', () => {
  const good = readFileSync(DEFAULT, 'utf8');

  it('says ok for a good document', () => {
    expect(handshake('validate', DEFAULT)).toMatchObject({ status: 0, stdout: `${DEFAULT}: ok\n` });
  });

  it.each([
    [
      'syntax.json',
      good.replace('"seed": 25,', '"seed": 25,,'),
      /syntax\.json: \$: invalid JSON at line 6, column 14: /,
    ],
    [
      'type.json',
      good.replace('"count": 5', '"count": "five"'),
      /type\.json: \$\.nodes\[0\]\.apps\[0\]\.count: expected an integer >= 1 <= 1000000, got a string \("five"\)/,
    ],
    [
      'missing-node.json',
      good.replace('"b": "server"', '"b": "router"'),
      /missing-node\.json: \$\.links\[0\]\.b: expected the id of a node \("laptop", "server"\), got "router"/,
    ],
  ])('names the file, the path and what was expected: %s', (name, text, message) => {
    const path = writeDoc(name, text);
    for (const command of ['validate', 'run']) {
      const { status, stderr, stdout } = handshake(command, path);
      expect(status).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1); // one message, no stack trace
      expect(stdout).toBe('');
    }
  });

  it('checks every file and fails if any is bad (3: a file it cannot read)', () => {
    const { status, stdout, stderr } = handshake('validate', DEFAULT, join(dir, 'nope.json'));
    expect(status).toBe(3);
    expect(stdout).toBe(`${DEFAULT}: ok\n`);
    expect(stderr).toMatch(/nope\.json: cannot read: no such file/);
  });
});
