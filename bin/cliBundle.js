// Loads the `handshake` command's code: one JavaScript file that esbuild bundles from src/ on first
// use and caches under node_modules/.cache/handshake-cli/, keyed by a stamp of the sources (each
// file's path, size and modification time under src/, and the lockfile). A changed source makes a
// new stamp, so the command never runs stale code. Running the bundle rather than loading the
// TypeScript through tsx keeps tsx's loader thread and its per-file transforms out of the process:
// about 50 MB less resident memory for every run (issue 12's memory target), and a faster start.
// If the bundle cannot be built or written, the sources are loaded through tsx as before.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'handshake-cli');

/** What the bundle exports: the command and the closed-pipe guard. */
const ENTRY = `export { main } from './main.ts';
export { loadEveryKind } from '../sim/index.ts';
export { endQuietlyOnClosedPipe } from './processIo.ts';
`;

/**
 * A stamp of everything the bundle is built from: every file under `root`/src (tests included,
 * which costs nothing and keeps the rule simple) and the lockfile, by path, size and mtime.
 */
export function sourceStamp(root = ROOT) {
  const hash = createHash('sha256');
  const src = join(root, 'src');
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
  for (const file of [...files, join(root, 'package-lock.json')]) {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      continue;
    }
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Builds the bundle (with its source map beside it) into `dir`: in a directory of its own first,
 * renamed into place, so that commands started together never read a half-written file.
 */
async function buildBundle(dir) {
  const { buildSync } = await import('esbuild');
  const partial = `${dir}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  buildSync({
    stdin: {
      contents: ENTRY,
      resolveDir: join(ROOT, 'src', 'cli'),
      loader: 'ts',
      sourcefile: 'entry.ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: join(partial, 'cli.mjs'),
    sourcemap: 'linked',
    logLevel: 'silent',
  });
  try {
    renameSync(partial, dir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(join(dir, 'cli.mjs'))) throw error;
  }
  for (const old of readdirSync(CACHE)) {
    if (join(CACHE, old) !== dir && !old.endsWith('.partial'))
      rmSync(join(CACHE, old), { recursive: true, force: true });
  }
}

/** The path of an up-to-date bundle of the command, building it if need be; undefined on failure. */
export async function cliBundlePath() {
  try {
    const dir = join(CACHE, sourceStamp());
    const file = join(dir, 'cli.mjs');
    if (!existsSync(file)) {
      mkdirSync(CACHE, { recursive: true });
      await buildBundle(dir);
    }
    return file;
  } catch {
    return undefined;
  }
}

/** `{ main, loadEveryKind, endQuietlyOnClosedPipe }` of the command: from the bundle, or through tsx. */
export async function loadCli() {
  const bundle = await cliBundlePath();
  // Stack traces (HANDSHAKE_DEBUG) name the TypeScript sources, through the bundle's source map.
  if (process.env.HANDSHAKE_DEBUG) process.setSourceMapsEnabled(true);
  if (bundle) return import(pathToFileURL(bundle).href);
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  const { endQuietlyOnClosedPipe } = await import('../src/cli/processIo.ts');
  const { loadEveryKind } = await import('../src/sim/index.ts');
  return { main, loadEveryKind, endQuietlyOnClosedPipe };
}
