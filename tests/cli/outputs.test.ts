// What `handshake run` writes, and where, as a user of the real process sees it: "-" is standard
// output (one output at most), the input scenario is never overwritten, and a reader that closes
// early (`| head -1`) ends the command quietly, with no stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPcap } from '../../src/net/capture/pcapReader.ts';

const BIN = join(process.cwd(), 'bin/handshake.js');
const DEFAULT = resolve('simulations/ping-over-a-link.json');
const BULK = resolve('simulations/tcp-bulk-transfer.json');
const dir = mkdtempSync(join(tmpdir(), 'handshake-outputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command in `dir`, so a file named "-" would land there; stdout kept as bytes. */
function handshake(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir });
  return {
    status: result.status,
    stdout: new Uint8Array(result.stdout),
    stderr: result.stderr.toString('utf8'),
  };
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const fileHash = (path: string) => sha256(readFileSync(path));

describe('"-" as an output file', () => {
  it('--trace - writes the trace to standard output, the same bytes as a file, the summary to stderr', () => {
    const file = join(dir, 'trace.jsonl');
    expect(handshake('run', DEFAULT, '--trace', file).status).toBe(0);
    const { status, stdout, stderr } = handshake('run', DEFAULT, '--trace', '-');
    expect(status).toBe(0);
    expect(sha256(stdout)).toBe(fileHash(file));
    expect(stderr).toMatch(/^events +\d+$/m);
    expect(stderr).toMatch(/^trace file -$/m);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('--pcap LINK=- writes the capture to standard output, the same bytes as a file', () => {
    const file = join(dir, 'wan.pcap');
    expect(handshake('run', BULK, '--pcap', `wan=${file}`).status).toBe(0);
    const { status, stdout, stderr } = handshake('run', BULK, '--pcap', 'wan=-', '--json');
    expect(status).toBe(0);
    expect(sha256(stdout)).toBe(fileHash(file));
    const read = readPcap(stdout);
    expect(read.ok && read.file.records.length).toBeGreaterThan(100);
    expect(JSON.parse(stderr)).toMatchObject({ pcaps: [{ capture: 'link wan', file: '-' }] });
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('refuses two outputs to standard output, or two to one file, and writes nothing', () => {
    const both = handshake('run', BULK, '--trace', '-', '--pcap', 'wan=-');
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(
      /^handshake: --trace and --pcap wan=- both write to standard output \(-\); only one output may\n/,
    );
    expect(both.stdout).toHaveLength(0);
    const same = handshake('run', BULK, '--trace', 'x.out', '--pcap', `wan=${join(dir, 'x.out')}`);
    expect(same.status).toBe(2);
    expect(same.stderr).toMatch(
      /--trace and --pcap wan=.*: two outputs would write to the same file/,
    );
    expect(existsSync(join(dir, 'x.out'))).toBe(false);
  });
});

describe('the input scenario is never an output', () => {
  const input = join(dir, 'in.json');
  copyFileSync(DEFAULT, input);
  symlinkSync(input, join(dir, 'symlink.json'));
  linkSync(input, join(dir, 'hardlink.json'));
  const before = fileHash(input);

  it.each([
    [['run', 'in.json', '--trace', 'in.json'], '--trace: in.json'],
    [['run', input, '--trace', './in.json'], '--trace: ./in.json'],
    [['run', 'symlink.json', '--trace', 'in.json'], '--trace: in.json'],
    [
      ['run', 'in.json', '--pcap', 'wifi=hardlink.json'],
      '--pcap wifi=hardlink.json: hardlink.json',
    ],
    [
      ['run', 'in.json', '--trace', 't.jsonl', '--pcap', 'wifi=symlink.json'],
      '--pcap wifi=symlink.json',
    ],
  ])('%j is a usage error naming the option', (args, named) => {
    const { status, stdout, stderr } = handshake(...args);
    expect(status).toBe(2);
    expect(stderr).toContain(`handshake: ${named}`);
    expect(stderr).toMatch(
      /is the input scenario .*; refusing to overwrite it \(nothing was written\)\n$/,
    );
    expect(stdout).toHaveLength(0);
    expect(fileHash(input)).toBe(before);
    expect(existsSync(join(dir, 't.jsonl'))).toBe(false);
  });
});

/**
 * Runs the command with its standard output read until `closeAfter` bytes have come (0: closed
 * before anything comes), then closed, as `| head -c N` does; resolves to its status and stderr.
 */
function closedEarly(args: string[], closeAfter: number) {
  return new Promise<{ status: number | null; stderr: string; got: number }>((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir });
    let got = 0;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    if (closeAfter === 0) child.stdout.destroy();
    else
      child.stdout.on('data', (chunk: Buffer) => {
        got += chunk.length;
        if (got >= closeAfter) child.stdout.destroy();
      });
    child.on('close', (status) => done({ status, stderr, got }));
  });
}

describe('a reader that closes early', () => {
  // Far more output than a pipe holds (64 KiB), so the command still writes after the close.
  const jobs = Array.from({ length: 3000 }, (_, k) => `J${k},${k},${1 + (k % 7)}`).join('\n');
  const table = join(dir, 'many.csv');
  writeFileSync(table, `# unit: ticks\n# policy: rr\n# quantum: 2\nid,arrival,burst\n${jobs}\n`);

  it.each([
    [['run', BULK, '--trace', '-'], 1],
    [['schedule', table], 1],
    [['run', DEFAULT], 0],
    [['schedule', table, '--json'], 0],
  ])('%j, closed after %i bytes: no stack trace, no error', async (args, closeAfter) => {
    const { status, stderr, got } = await closedEarly(args, closeAfter);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(status).toBe(0);
    if (closeAfter > 0) expect(got).toBeGreaterThan(0);
  });
});
