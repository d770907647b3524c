// `npm run bench -- embed`: the embed bundle's size as a course page downloads it, gzipped. The
// element (handshake-sim.js and every chunk it imports before it runs: engine, machines, picture,
// time controls) against its budget of 150 KB, what it may load later (panels, lessons, German,
// the kinds' behaviours), what a page has downloaded in Chromium when an embed of each example is
// ready (the element plus the kinds that example uses), and, measured in the same build as a
// baseline, the app's own page script.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAll } from '../build/buildAll.ts';
import { fullClosure, gzippedBytes, staticClosure } from './bundleSize.ts';
import { downloadsUntilReady, exampleNames } from './embedDownloads.ts';

const ROOT = join(import.meta.dirname, '..');
/** The budget for the element with engine, machines and picture, gzipped. */
export const EMBED_BUDGET_KB = 150;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export async function runEmbedBenchmarks(): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'handshake-embed-bench-'));
  try {
    await buildAll({ root: ROOT, outDir });
    const element = staticClosure(outDir, 'handshake-sim.js');
    const everything = fullClosure(outDir, 'handshake-sim.js');
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const appEntry = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)?.[1];
    if (!appEntry) throw new Error('the built index.html has no module script');
    const app = staticClosure(outDir, appEntry);
    const elementBytes = gzippedBytes(outDir, element);
    console.log(`bench embed.element.gzip ${kb(elementBytes)} KB`);
    console.log(`bench embed.element.files ${element.length} files`);
    console.log(`bench embed.budget ${EMBED_BUDGET_KB} KB`);
    console.log(
      `bench embed.element.of-budget ${((elementBytes / 1024 / EMBED_BUDGET_KB) * 100).toFixed(0)} %`,
    );
    console.log(`bench embed.with-lazy.gzip ${kb(gzippedBytes(outDir, everything))} KB`);
    console.log(`bench app.page.gzip ${kb(gzippedBytes(outDir, app))} KB`);
    // What a page downloads until an embed of each example is ready: the element and the code of
    // the kinds that example uses (loaded per scenario), measured in Chromium.
    const ready = await downloadsUntilReady(outDir, exampleNames(outDir));
    for (const [example, { kb: size }] of ready)
      console.log(`bench embed.ready.${example.replace(/\.json$/, '')} ${size.toFixed(1)} KB`);
    const sizes = [...ready.values()].map((r) => r.kb);
    console.log(`bench embed.ready.min ${Math.min(...sizes).toFixed(1)} KB`);
    console.log(`bench embed.ready.max ${Math.max(...sizes).toFixed(1)} KB`);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
