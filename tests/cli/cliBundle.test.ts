// The command runs from a bundle of src/ cached under a stamp of the sources (bin/cliBundle.js):
// the stamp must change with any source, or the command would run stale code.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module of bin/, without type declarations
import { sourceStamp } from '../../bin/cliBundle.js';

const stampOf = sourceStamp as (root?: string) => string;

describe('the command bundle', () => {
  it('has a stamp that changes when a source is edited, added or the lockfile changes', () => {
    const root = mkdtempSync(join(tmpdir(), 'handshake-stamp-'));
    mkdirSync(join(root, 'src', 'net'), { recursive: true });
    const source = join(root, 'src', 'net', 'a.ts');
    writeFileSync(source, 'export const a = 1;\n');
    writeFileSync(join(root, 'package-lock.json'), '{}');
    const first = stampOf(root);
    expect(stampOf(root)).toBe(first);
    utimesSync(source, new Date(2030, 0, 1), new Date(2030, 0, 1));
    const edited = stampOf(root);
    expect(edited).not.toBe(first);
    writeFileSync(join(root, 'src', 'b.ts'), '');
    const added = stampOf(root);
    expect(added).not.toBe(edited);
    writeFileSync(join(root, 'package-lock.json'), '{ }');
    expect(stampOf(root)).not.toBe(added);
  });

  it('is what `handshake` runs: built under the stamp of the current sources', () => {
    const run = spawnSync(process.execPath, ['bin/handshake.js', 'help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/handshake run/);
    const bundle = join('node_modules', '.cache', 'handshake-cli', stampOf(), 'cli.mjs');
    expect(existsSync(bundle)).toBe(true);
  });
});
