// What a course page downloads to show each example, measured in Chromium: the built folder is
// served on one origin, a page on another holds one <handshake-sim> with the example, and the
// JavaScript files the page has fetched when the element fires hs-ready (its first run simulated
// and drawn) are summed, gzipped as a server sends them. The element's own closure is the same
// for every example; what differs is the code of the kinds the example uses, loaded per scenario.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/browser.ts';
import { startHost } from '../tests/e2e/embedHost.ts';
import { gzippedBytes } from './bundleSize.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.html': 'text/html',
};

/** Serves a built folder on 127.0.0.1, cross-origin readable like a CDN. */
async function serveFolder(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(dir, path);
    if (!file.startsWith(dir) || !statSync(file, { throwIfNoEntry: false })?.isFile())
      return void response.writeHead(404).end();
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'access-control-allow-origin': '*',
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** The example scenarios the build carries (simulations/*.json). */
export function exampleNames(outDir: string): string[] {
  return readdirSync(join(outDir, 'simulations'))
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/**
 * For each example, the gzipped KB of JavaScript a page has downloaded from the built folder
 * when its embed is ready, and the files.
 */
export async function downloadsUntilReady(
  outDir: string,
  examples: readonly string[],
): Promise<Map<string, { kb: number; files: string[] }>> {
  const folder = await serveFolder(outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const results = new Map<string, { kb: number; files: string[] }>();
  try {
    for (const example of examples) {
      const host = await startHost({
        '/': `<!doctype html><title>course</title>
          <script type="module" src="${folder.url}handshake-sim.js"></script>
          <handshake-sim id="sim" scenario="${folder.url}simulations/${example}"></handshake-sim>
          <script>
            window.fetched = new Promise((resolve, reject) => {
              const js = () => performance.getEntriesByType('resource').map((e) => e.name)
                .filter((name) => name.endsWith('.js'));
              document.addEventListener('hs-ready', () => resolve(js()));
              document.addEventListener('hs-error', (e) => reject(new Error(JSON.stringify(e.detail))));
            });
          </script>`,
      });
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(host.url);
        const urls = await page.evaluate(
          () => (window as unknown as { fetched: Promise<string[]> }).fetched,
        );
        const files = [...new Set(urls)]
          .filter((url) => url.startsWith(folder.url))
          .map((url) => new URL(url).pathname.slice(1));
        results.set(example, { kb: gzippedBytes(outDir, files) / 1024, files });
      } finally {
        await context.close();
        await host.close();
      }
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => folder.server.close(() => resolve()));
  }
  return results;
}
