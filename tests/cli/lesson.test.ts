// `handshake lesson check` as a user runs it: every shipped lesson passes against its scenario,
// and a damaged lesson, a missing scenario, a task done before the learner acts and a missing file
// each get their line and their exit status (2 bad input, 3 a file not read), never a stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'bin/handshake.js');
const LESSONS = resolve('simulations/lessons');
const FIRST = join(LESSONS, '01-clients-and-servers.md');
const dir = mkdtempSync(join(tmpdir(), 'handshake-lessons-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function handshake(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of lesson 1 with `change` applied, next to a copy of its scenario. */
function variant(name: string, change: (text: string) => string): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    change(readFileSync(FIRST, 'utf8')).replace('../ping-over-a-link.json', 'ping.json'),
  );
  writeFileSync(join(dir, 'ping.json'), readFileSync('simulations/ping-over-a-link.json'));
  return path;
}

const NO_STACK = /\n\s+at /;

describe('handshake lesson check', () => {
  const lessons = readdirSync(LESSONS).filter((f) => f.endsWith('.md'));

  it.each(lessons)('passes the shipped lesson %s', (file) => {
    const { status, stdout, stderr } = handshake('lesson', 'check', join(LESSONS, file));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.trim().split('\n').at(-1)).toBe(`${join(LESSONS, file)}: ok`);
  });

  it('names each problem of a damaged lesson with its line, status 2', () => {
    const path = variant('bad.md', (t) =>
      t.replace('"kind": "run"', '"kind": "runn"').replace('minutes: 5', 'minutes: five'),
    );
    const { status, stdout, stderr } = handshake('lesson', 'check', path);
    expect(status).toBe(2);
    expect(stderr).toContain(`${path}:4: problem: "minutes" must be a whole number of at least 1`);
    expect(stderr).toMatch(
      new RegExp(`${path}:\\d+: problem: step "The server answers": "kind" must be`),
    );
    expect(stdout).toContain(`${path}: 2 problems`);
    expect(stderr).not.toMatch(NO_STACK);
  });

  it('refuses a record type the trace does not have', () => {
    const path = variant('type.md', (t) =>
      t.replace('"record": "app.serve"', '"record": "app.served"'),
    );
    const { status, stderr } = handshake('lesson', 'check', path);
    expect(status).toBe(2);
    expect(stderr).toContain(
      '$.until.record: "app.served" is not a trace record type (docs/trace.md)',
    );
  });

  it('says when a task is done before the learner acts, or its solution does not do it', () => {
    const done = variant('done.md', (t) =>
      t.replace('"loss": 0.2', '"loss": 0.2').replace('"attempt": 1 }', '"attempt": 9 }'),
    );
    const first = handshake('lesson', 'check', done);
    expect(first.status).toBe(2);
    expect(first.stderr).toContain(
      'problem: task "A reliable link": the task is already done before the learner does anything',
    );
    const wrong = variant('wrong.md', (t) => t.replace('"value": 0 }', '"value": 0.1 }'));
    const second = handshake('lesson', 'check', wrong);
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(
      'problem: task "A reliable link": its solution does not pass its check',
    );
  });

  it('names a scenario it cannot read, and a lesson file that is not there', () => {
    const path = join(dir, 'lost.md');
    writeFileSync(
      path,
      readFileSync(FIRST, 'utf8').replace('../ping-over-a-link.json', 'nowhere.json'),
    );
    const lost = handshake('lesson', 'check', path);
    expect(lost.status).toBe(2);
    expect(lost.stderr).toContain(`${path}:1: the scenario "nowhere.json" cannot be read`);
    const missing = handshake('lesson', 'check', join(dir, 'absent.md'));
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain('absent.md: cannot read: no such file');
    expect(handshake('lesson', 'look').stderr).toContain('unknown lesson command: look');
  });

  it('passes the complete example of docs/lessons.md', () => {
    const guide = readFileSync('docs/lessons.md', 'utf8');
    const example = /````markdown\n([\s\S]*?)````/.exec(guide)?.[1];
    expect(example).toBeDefined();
    const path = variant('example.md', () => example as string);
    const { status, stdout, stderr } = handshake('lesson', 'check', path);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('task "Make it reliable": not done at first, done by its solution');
  });
});
