// Browser benchmarks in Debian's headless Chromium with software rendering: frames per second of
// 1,000 and 5,000 packets on a canvas (bench/pages/), a bare baseline, the built app's first frame,
// the workspace's worst frames while playing and scrubbing (browserFrames.ts), and the page's
// peak memory on a run that reaches its record budget (browserMemory.ts).

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/browser.ts';
import { pageMemory } from './browserMemory.ts';
import { workspaceFrames } from './browserFrames.ts';
import { print } from './engineBench.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Everything must be done by then; the run is then torn down and reported as failed. */
const DEADLINE_MS = 600_000;
const MEASURE_MS = 3000;
const WARMUP_MS = 500;
const FIRST_FRAME_LOADS = 5;

interface FrameResult {
  frames: number;
  seconds: number;
  fps: number;
  drawMs: number;
}

/** Rejects with `what` when `promise` takes longer than `ms`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The app and the benchmark page, built together into a temporary directory and served. */
export async function buildAndServe(
  outDir: string,
): Promise<{ server: PreviewServer; url: string }> {
  await build({
    root: ROOT,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      rolldownOptions: {
        input: { main: join(ROOT, 'index.html'), fps: join(ROOT, 'bench/pages/fps.html') },
      },
    },
  });
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') {
    await server.close();
    throw new Error(`vite preview is not listening on a TCP port (${String(address)})`);
  }
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

async function frameRates(browser: Browser, url: string): Promise<void> {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 720 },
    deviceScaleFactor: 1,
  });
  page.setDefaultTimeout(10_000);
  await page.goto(`${url}bench/pages/fps.html`);
  await page.waitForFunction(() => typeof window.handshakeBench === 'function');
  const measure = (packets: number, ms = MEASURE_MS): Promise<FrameResult> =>
    within(
      page.evaluate(
        ([n, ms, warmup]) =>
          (window.handshakeBench as NonNullable<Window['handshakeBench']>)(n, ms, warmup),
        [packets, ms, WARMUP_MS] as const,
      ),
      ms + WARMUP_MS + 10_000,
      `the frame rate with ${packets} packets`,
    );
  // A first second to settle the freshly loaded page and compile the drawing code, not counted.
  await measure(1000, 1000);
  const baseline = await measure(0);
  const thousand = await measure(1000);
  const fiveThousand = await measure(5000);
  print('browser.fps.1000', thousand.fps, 'fps');
  print('browser.fps.5000', fiveThousand.fps, 'fps');
  print('browser.fps.baseline', baseline.fps, 'fps');
  print('browser.drawMs.1000', thousand.drawMs, 'ms/frame');
  print('browser.drawMs.5000', fiveThousand.drawMs, 'ms/frame');
  await page.close();
}

/**
 * Marks the first frame painted with the topology SVG on screen: a MutationObserver sees the SVG
 * appear with a size, then the mark is set once the next animation frame has been painted. A
 * string, not a function: tsx would wrap a function's inner functions in a helper the page lacks.
 */
const MARK_FIRST_FRAME = `(() => {
  const seen = () => {
    const box = document.querySelector('[data-testid="topology"]')?.getBoundingClientRect();
    return !!box && box.width > 0 && box.height > 0;
  };
  const observer = new MutationObserver(() => {
    if (!seen()) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => {
      performance.mark('handshake:firstFrame');
      window.handshakeFirstFrame = performance.now();
    }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

async function firstFrame(browser: Browser, url: string): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < FIRST_FRAME_LOADS; i++) {
    // A fresh context each time: an empty cache, as a learner's first visit.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page: Page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.addInitScript({ content: MARK_FIRST_FRAME });
      await page.goto(url);
      await page.waitForFunction(
        () => (window as { handshakeFirstFrame?: number }).handshakeFirstFrame !== undefined,
      );
      times.push(
        await page.evaluate(
          () => (window as { handshakeFirstFrame?: number }).handshakeFirstFrame ?? NaN,
        ),
      );
    } finally {
      await context.close();
    }
  }
  times.sort((a, b) => a - b);
  print('browser.firstFrame', times[Math.floor(times.length / 2)] as number, 'ms');
}

/** Builds, serves and measures; everything is closed again, even on a failure or the deadline. */
export async function runBrowserBenchmarks(): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'handshake-bench-'));
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  const work = async (): Promise<void> => {
    const served = await buildAndServe(outDir);
    server = served.server;
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      timeout: 20_000,
    });
    await frameRates(browser, served.url);
    await firstFrame(browser, served.url);
    await workspaceFrames(browser, served.url);
    await pageMemory(browser, served.url, ROOT);
  };
  try {
    await within(work(), DEADLINE_MS, 'the browser benchmark');
  } finally {
    await within(browser?.close() ?? Promise.resolve(), 5000, 'closing Chromium').catch(() => {});
    await within(server?.close() ?? Promise.resolve(), 5000, 'closing vite preview').catch(
      () => {},
    );
    await rm(outDir, { recursive: true, force: true });
  }
}

// `npx tsx bench/browserBench.ts` runs it alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  try {
    await runBrowserBenchmarks();
    console.log(`bench browser.wall ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
