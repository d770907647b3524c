// The embed benchmark's reading of built modules (bench/bundleSize.ts): which files a module needs
// before it runs (its static imports, followed) and which it may load later, from minified code
// as Vite writes it.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  dynamicImports,
  fullClosure,
  gzippedBytes,
  staticClosure,
  staticImports,
} from '../../bench/bundleSize.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-bundle-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bundle size', () => {
  it('reads static and dynamic imports from minified code', () => {
    const code =
      'import{a as e,b as t}from"./assets/x-1.js";import"./assets/y-2.js";' +
      'const n=()=>import(`./z-3.js`),r="import(nothing)";export{e as f};';
    expect(staticImports(code)).toEqual(['./assets/x-1.js', './assets/y-2.js']);
    expect(dynamicImports(code)).toEqual(['./z-3.js']);
  });

  it('follows static imports for what runs first, and dynamic ones for everything', () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'entry.js'), 'import{a}from"./assets/a.js";a();');
    writeFileSync(
      join(dir, 'assets/a.js'),
      'import"./b.js";export const a=()=>import("./lazy.js");',
    );
    writeFileSync(join(dir, 'assets/b.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets/lazy.js'), 'import"./b.js";export default 2');
    expect(staticClosure(dir, 'entry.js')).toEqual(['entry.js', 'assets/a.js', 'assets/b.js']);
    expect(fullClosure(dir, 'entry.js').sort()).toEqual([
      'assets/a.js',
      'assets/b.js',
      'assets/lazy.js',
      'entry.js',
    ]);
    // Each file gzipped on its own, as a server sends it.
    const expected = ['entry.js', 'assets/a.js'].reduce(
      (sum, file) =>
        sum +
        gzipSync(
          file === 'entry.js'
            ? 'import{a}from"./assets/a.js";a();'
            : 'import"./b.js";export const a=()=>import("./lazy.js");',
          { level: 9 },
        ).length,
      0,
    );
    expect(gzippedBytes(dir, ['entry.js', 'assets/a.js'])).toBe(expected);
  });
});
