// One answer for bad input, as a user of the real `handshake` process sees it: the exit status
// (2 bad input, 3 a file not read or written, 4 a limit reached), a byte-order mark accepted,
// JSON syntax errors with a line and column. Outputs ("-", the input file): outputs.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'bin/handshake.js');
const DEFAULT = resolve('simulations/ping-over-a-link.json');
const dir = mkdtempSync(join(tmpdir(), 'handshake-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function handshake(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeDoc(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const NO_STACK = /\n\s+at /;

describe('exit statuses', () => {
  it('lists them in the help text', () => {
    const { status, stdout } = handshake('help');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^exit status:$/m);
    expect(stdout).toMatch(/^ {2}2 {2}bad input/m);
    expect(stdout).toMatch(/^ {2}3 {2}a file could not be read or written$/m);
    expect(stdout).toMatch(/^ {2}4 {2}a limit was reached/m);
  });

  it('3 when the scenario cannot be read, for run and validate', () => {
    for (const command of ['run', 'validate']) {
      const { status, stderr } = handshake(command, join(dir, 'missing.json'));
      expect(status).toBe(3);
      expect(stderr).toBe(`${join(dir, 'missing.json')}: cannot read: no such file\n`);
    }
    expect(handshake('run', dir).stderr).toMatch(/cannot read: is a directory/);
  });

  it('3 when the trace cannot be written', () => {
    const out = join(dir, 'no-such-dir', 'trace.jsonl');
    const { status, stderr } = handshake('run', DEFAULT, '--trace', out);
    expect(status).toBe(3);
    expect(stderr).toBe(`${out}: cannot write the trace: no such file\n`);
  });

  it('4 when the run stops at its event limit, with a message, the summary and the trace so far', () => {
    const trace = join(dir, 'capped.jsonl');
    const { status, stdout, stderr } = handshake(
      'run',
      DEFAULT,
      '--max-events',
      '30',
      '--trace',
      trace,
    );
    expect(status).toBe(4);
    expect(stderr).toMatch(/^handshake: the run reached its event limit \(30 events\) at /);
    expect(stderr).toMatch(/raise the limit with --max-events\n$/);
    expect(stderr).not.toMatch(NO_STACK);
    expect(stdout).toMatch(/^events +30$/m);
    const last = readFileSync(trace, 'utf8').trimEnd().split('\n').pop() as string;
    expect(JSON.parse(last)).toMatchObject({ type: 'sim.end', reason: 'maxEvents', events: 30 });
  });
});

describe('JSON documents', () => {
  const good = readFileSync(DEFAULT, 'utf8');

  it('accepts a UTF-8 byte-order mark before a scenario and a JSON job table', () => {
    const scenario = writeDoc('bom.json', `\uFEFF${good}`);
    expect(readFileSync(scenario)[0]).toBe(0xef); // the file starts with EF BB BF
    expect(handshake('validate', scenario)).toMatchObject({
      status: 0,
      stdout: `${scenario}: ok\n`,
    });
    expect(handshake('run', scenario, '--until', '1s').status).toBe(0);
    const jobs = readFileSync('simulations/jobs/silberschatz-rr.json', 'utf8');
    const table = writeDoc('bom-jobs.json', `\uFEFF${jobs}`);
    const { status, stdout } = handshake('schedule', table);
    expect(status).toBe(0);
    expect(stdout).toContain('| P1 | P2 | P3 | P1 |');
  });

  it.each([
    // Line 7 becomes `  "until": "15s",,`: the second comma, where a name should be, is column 18.
    ['commas.json', good.replace('"until": "15s",', '"until": "15s",,'), 7, 18, "unexpected ','"],
    // Line 6 becomes `  "seed": NaN,` and `  "seed": 25, // lucky`.
    ['nan.json', good.replace('"seed": 25', '"seed": NaN'), 6, 11, "unexpected 'NaN'"],
    ['comment.json', good.replace('"seed": 25,', '"seed": 25, // lucky'), 6, 15, "unexpected '/'"],
  ])('gives a syntax error its line and column: %s', (name, text, line, column, reason) => {
    const path = writeDoc(name, text);
    const { status, stderr } = handshake('validate', path);
    expect(status).toBe(2);
    expect(stderr).toContain(
      `${path}: $: invalid JSON at line ${line}, column ${column}: ${reason}`,
    );
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('gives a truncated file and a trailing comma in a job table their line and column', () => {
    const cut = writeDoc('cut.json', good.slice(0, good.indexOf('"until"')));
    // The text ends after line 6 (`  "seed": 25,`), its newline and line 7's two spaces: column 3.
    const { status, stderr } = handshake('run', cut);
    expect(status).toBe(2);
    expect(stderr).toMatch(
      /cut\.json: \$: invalid JSON at line 7, column 3: unexpected end of the document: .*\(truncated\?\)\n$/,
    );
    // Line 3 is `  "jobs": [],` and line 4 `}`: the comma, column 13, is what to delete.
    const jobs = writeDoc(
      'comma-jobs.json',
      '{\n  "format": "handshake/jobs@1",\n  "jobs": [],\n}\n',
    );
    expect(handshake('schedule', jobs)).toMatchObject({
      status: 2,
      stderr: `${jobs}: $: invalid JSON at line 3, column 13: unexpected ',' (trailing comma?)\n`,
    });
  });
});

describe('a long run', () => {
  it('gets a warning when its simulated time is over a day, and still runs', () => {
    const long = handshake('run', DEFAULT, '--until', '25h');
    expect(long.status).toBe(0);
    expect(long.stderr).toBe(
      'handshake: warning: --until is 90000 s (25 h), over a day of simulated time; it still runs, but may take long and stops at the event limit (--max-events; --max-wall limits its real time)\n',
    );
    expect(long.stdout).toMatch(/^stopped +reached the time limit at 90000 s$/m);
    const doc = JSON.parse(readFileSync(DEFAULT, 'utf8')) as Record<string, unknown>;
    const own = writeDoc('long.json', JSON.stringify({ ...doc, until: '30h' }));
    expect(handshake('run', own).stderr).toMatch(
      /^handshake: warning: the scenario's "until" is 108000 s \(30 h\), over a day/,
    );
    expect(handshake('run', DEFAULT, '--until', '24h')).toMatchObject({ status: 0, stderr: '' });
  });
});

describe('TCP settings that cannot work', () => {
  it('are refused by handshake validate, each naming its field', () => {
    const doc = JSON.parse(readFileSync(DEFAULT, 'utf8')) as { nodes: Record<string, unknown>[] };
    const withTcp = (name: string, tcp: Record<string, unknown>) => {
      const nodes = doc.nodes.map((n, i) => (i === 0 ? { ...n, tcp } : n));
      return writeDoc(name, JSON.stringify({ ...doc, nodes }));
    };
    const files = [
      withTcp('send0.json', { sendBuffer: 0 }),
      withTcp('window0.json', { receiveWindow: 0 }),
      withTcp('maxrto.json', { maxRto: '59s' }),
      withTcp('minrto.json', { minRto: '3m', maxRto: '2m' }),
      withTcp('window16.json', { receiveWindow: 65_536 }),
    ];
    const { status, stdout, stderr } = handshake('validate', ...files);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    const at = '$.nodes[0].tcp';
    expect(stderr.trimEnd().split('\n')).toEqual([
      `${files[0]}: ${at}.sendBuffer: sendBuffer (0 bytes) is smaller than mss (1460 bytes, the default): expected a buffer that holds at least one full segment`,
      `${files[1]}: ${at}.receiveWindow: receiveWindow (0 bytes) is smaller than mss (1460 bytes, the default): expected a buffer that holds at least one full segment`,
      // RFC 6298 2.5: a maximum "MAY be placed on RTO provided it is at least 60 seconds".
      `${files[2]}: ${at}.maxRto: expected a duration of at least 60 s, got "59s"`,
      `${files[3]}: ${at}.minRto: minRto (180 s) exceeds maxRto (120 s): expected minRto <= maxRto, or no RTO lies between them`,
      `${files[4]}: ${at}.receiveWindow: expected at most 65535 bytes without windowScaling (RFC 7323: without the window scale option the window field is 16 bits), got 65536; set "windowScaling": true for a larger window`,
    ]);
  });
});
