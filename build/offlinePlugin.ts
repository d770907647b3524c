// The Vite plugin that makes the production build work offline: at the end of `vite build`, once
// the files are written, it compiles src/offline/serviceWorker.ts with esbuild into one classic
// script, dist/sw.js, holding the list of the files in the build's folder (the pages, scripts,
// styles, public files, copied examples: everything but source maps) and a version, a hash of
// those files' names and contents. docs/architecture.md, "Offline".
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

/** The service worker's file, at the root of the build (its scope is the app's folder). */
export const SERVICE_WORKER_FILE = 'sw.js';

const SOURCE = fileURLToPath(new URL('../src/offline/serviceWorker.ts', import.meta.url));

/** A file of the build: its path relative to the build's root ("/" separated) and its bytes. */
export interface BuiltFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/**
 * The files the service worker caches, sorted by path, each once: all of them but source maps
 * (only developer tools read them, and they are several times the size of the app) and the
 * service worker itself (a browser fetches it past the worker).
 */
export function precacheFiles(files: readonly BuiltFile[]): BuiltFile[] {
  const byPath = new Map<string, BuiltFile>();
  for (const file of files) {
    if (file.path.endsWith('.map') || file.path === SERVICE_WORKER_FILE) continue;
    if (!byPath.has(file.path)) byPath.set(file.path, file);
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The build's version: 16 hex digits of a SHA-256 over each file's path, length and bytes. */
export function offlineVersion(files: readonly BuiltFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    const bytes =
      typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
    hash.update(`${file.path}\0${bytes.byteLength}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex').slice(0, 16);
}

/** What the service worker is told of the build: the files it caches and their version. */
export interface OfflineManifest {
  readonly version: string;
  readonly files: readonly string[];
}

/** The global the service worker reads its manifest from (src/offline/serviceWorker.ts). */
const MANIFEST_GLOBAL = 'HANDSHAKE_OFFLINE';

/**
 * The service worker's script for `manifest`: one classic script whose first lines hold the
 * manifest as JSON (`const HANDSHAKE_OFFLINE = {...};`), then the compiled worker.
 */
export async function compileServiceWorker(manifest: OfflineManifest): Promise<string> {
  const result = await build({
    entryPoints: [SOURCE],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'silent',
    banner: {
      js: [
        `// Handshake's service worker, built from src/offline/serviceWorker.ts.`,
        `"use strict";`,
        `const ${MANIFEST_GLOBAL} = ${JSON.stringify(manifest)};`,
      ].join('\n'),
    },
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no service worker');
  return output.text;
}

/** The manifest a service worker's script holds (the inverse of compileServiceWorker's lines). */
export function readManifest(script: string): OfflineManifest {
  const prefix = `const ${MANIFEST_GLOBAL} = `;
  const line = script.split('\n').find((l) => l.startsWith(prefix));
  if (!line) throw new Error(`the script has no ${MANIFEST_GLOBAL} line`);
  return JSON.parse(line.slice(prefix.length, -1)) as OfflineManifest;
}

/** Every file under `dir`, as paths relative to it with "/" separators. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** The files of the build in `dir` that the service worker caches, as they are on disk. */
export function builtFiles(dir: string): BuiltFile[] {
  return precacheFiles(
    filesUnder(dir).map((path) => ({ path, content: readFileSync(join(dir, path)) })),
  );
}

/**
 * Writes sw.js at the end of each production build, for everything the build's folder then holds:
 * `npm run build` builds the app and then the embed into the same folder (build/buildAll.ts), so
 * the second build's sw.js covers both (docs/architecture.md, "Offline").
 */
export function offlinePlugin(): Plugin {
  let outDir = '';
  return {
    name: 'handshake:offline',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle: {
      order: 'post',
      sequential: true,
      async handler(options) {
        const dir = options.dir ?? (options.file ? dirname(options.file) : outDir);
        const files = builtFiles(dir);
        const source = await compileServiceWorker({
          version: offlineVersion(files),
          files: files.map((file) => file.path),
        });
        writeFileSync(join(dir, SERVICE_WORKER_FILE), source);
      },
    },
  };
}
