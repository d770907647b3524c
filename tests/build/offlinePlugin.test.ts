// The offline plugin (build/offlinePlugin.ts): which files the service worker caches, the version
// that changes with any of them, and the real production build (the app, then the embed into the
// same folder) whose sw.js is one classic script listing every file of both builds (source maps
// aside) under that version.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SERVICE_WORKER_FILE,
  offlineVersion,
  precacheFiles,
  readManifest,
  type BuiltFile,
} from '../../build/offlinePlugin.ts';
import { buildAll } from '../../build/buildAll.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('precacheFiles', () => {
  it('keeps every file but source maps and the worker, once each, sorted by path', () => {
    const files: BuiltFile[] = [
      { path: 'index.html', content: '<html>' },
      { path: 'assets/index-a.js', content: 'a' },
      { path: 'assets/index-a.js.map', content: '{}' },
      { path: 'sw.js', content: '' },
      { path: 'favicon.svg', content: '<svg>' },
      { path: 'embed.html', content: '<html>' },
      { path: 'favicon.svg', content: 'a second copy' },
    ];
    expect(precacheFiles(files)).toEqual([
      { path: 'assets/index-a.js', content: 'a' },
      { path: 'embed.html', content: '<html>' },
      { path: 'favicon.svg', content: '<svg>' },
      { path: 'index.html', content: '<html>' },
    ]);
  });
});

describe('offlineVersion', () => {
  const files: BuiltFile[] = [
    { path: 'index.html', content: '<html>' },
    { path: 'favicon.svg', content: new Uint8Array([60, 115, 118, 103, 62]) },
  ];

  it('is 16 hex digits, the same for the same files, text or bytes', () => {
    expect(offlineVersion(files)).toMatch(/^[0-9a-f]{16}$/);
    expect(offlineVersion(files)).toBe(
      offlineVersion([files[0] as BuiltFile, { path: 'favicon.svg', content: '<svg>' }]),
    );
  });

  it("changes with a file's content, a file's name, and a file added", () => {
    const version = offlineVersion(files);
    expect(
      offlineVersion([{ path: 'index.html', content: '<html> ' }, files[1] as BuiltFile]),
    ).not.toBe(version);
    expect(
      offlineVersion([{ path: 'main.html', content: '<html>' }, files[1] as BuiltFile]),
    ).not.toBe(version);
    expect(offlineVersion([...files, { path: 'embed.html', content: '' }])).not.toBe(version);
    // Bytes moved from one file to the next are a different build.
    expect(
      offlineVersion([
        { path: 'a', content: 'xy' },
        { path: 'b', content: 'z' },
      ]),
    ).not.toBe(
      offlineVersion([
        { path: 'a', content: 'x' },
        { path: 'b', content: 'yz' },
      ]),
    );
  });
});

/** Every file under `dir`, relative, "/" separated. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

describe('the production build (npm run build)', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'handshake-offline-'));
    await buildAll({ root: ROOT, outDir, logLevel: 'silent' });
  }, 120_000);
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('writes sw.js at its root, one classic script (no import or export)', async () => {
    const script = await readFile(join(outDir, SERVICE_WORKER_FILE), 'utf8');
    expect(() => new Script(script, { filename: SERVICE_WORKER_FILE })).not.toThrow();
    expect(script).toContain('addEventListener("fetch"');
  });

  it('lists every file written but the source maps and itself, under their hash', async () => {
    const script = await readFile(join(outDir, SERVICE_WORKER_FILE), 'utf8');
    const manifest = readManifest(script);
    const written = await filesUnder(outDir);
    const expected = written.filter((f) => !f.endsWith('.map') && f !== SERVICE_WORKER_FILE);
    expect(manifest.files).toEqual(expected);
    // The pages, the embed's module, the public files, the examples, the app's script and style,
    // the simulation's worker.
    expect(manifest.files).toEqual(
      expect.arrayContaining([
        'index.html',
        'embed.html',
        'handshake-sim.js',
        'favicon.svg',
        'scenario.schema.json',
        'simulations/ping-over-a-link.json',
        'simulations/lessons/01-clients-and-servers.md',
      ]),
    );
    expect(manifest.files.filter((f) => /^assets\/index-.*\.js$/.test(f))).toHaveLength(1);
    expect(manifest.files.filter((f) => /^assets\/index-.*\.css$/.test(f))).toHaveLength(1);
    expect(manifest.files.filter((f) => /^assets\/simWorker-.*\.js$/.test(f))).toHaveLength(1);
    expect(written.some((f) => f.endsWith('.map'))).toBe(true);
    // The version is the hash of the bytes as written, so a changed file is a new version.
    const onDisk = await Promise.all(
      manifest.files.map(async (path) => ({ path, content: await readFile(join(outDir, path)) })),
    );
    expect(manifest.version).toBe(offlineVersion(onDisk));
  });
});
