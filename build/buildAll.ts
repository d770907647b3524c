// The whole build, as `npm run build` makes it: the app first (it empties the folder), then the
// embed (`--mode embed`: embed.html and handshake-sim.js) into the same folder. The tests and the
// benchmarks build through this too.
import { build, type LogLevel } from 'vite';

/** The mode of the embed's build (vite.config.ts). */
export const EMBED_MODE = 'embed';
/** The embed module's entry, built to a fixed name so course pages can link it. */
export const EMBED_ENTRY = 'handshake-sim';

export async function buildAll(options: {
  root: string;
  outDir: string;
  logLevel?: LogLevel;
}): Promise<void> {
  const { root, outDir, logLevel = 'warn' } = options;
  // A production build, as the CLI makes it: under Vitest NODE_ENV is "test", which would give a
  // build whose import.meta.env.PROD is false (no service worker registered, Svelte's dev checks).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, logLevel, build: { outDir, emptyOutDir: true } });
    await build({ root, logLevel, mode: EMBED_MODE, build: { outDir, emptyOutDir: false } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
