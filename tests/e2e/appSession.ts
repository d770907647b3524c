// Test support for the end-to-end files: one Chromium per file, a fresh context per test, the
// page's errors collected, screenshots saved, a scenario file opened the way a learner does, and
// the page steps several files share (running with a seed, pausing, rewinding, reading the canvas).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { collectPageErrors, launchChromium } from './browser.ts';
import { ROOT } from './reference.ts';

export const SHOTS = join(ROOT, 'test-results', 'e2e');

export interface AppSession {
  /** Opens the app in a fresh context (1280x900 unless told otherwise) on the default scenario. */
  openApp(options?: BrowserContextOptions): Promise<Page>;
  /** Console errors, page errors and failed requests of the page last opened. */
  readonly errors: string[];
}

/** Registers the browser's lifecycle hooks in the calling test file and returns its session. */
export function appSession(): AppSession {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let context: BrowserContext | undefined;
  let errors: string[] = [];
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  return {
    async openApp(options = {}) {
      context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
      const page = await context.newPage();
      errors = collectPageErrors(page);
      await page.goto(baseUrl);
      await page.getByTestId('scenario-name').waitFor();
      return page;
    },
    get errors() {
      return errors;
    },
  };
}

/** Saves a full-page screenshot as test-results/e2e/NAME.png. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Opens a scenario file of the repository through the page's file input. */
export async function openFile(page: Page, path: string): Promise<void> {
  const name = path.split('/').pop() as string;
  await page.getByLabel('Open a scenario file (JSON)').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: readFileSync(join(ROOT, path)),
  });
  await page.getByText(`from ${name}`).waitFor();
}

/** Brings an inspector tab forward (Summary, Packet, Node, Ladder, Charts, Capture). */
export async function showTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}

/** How many entries the event log lists with its filters (all of them, not only those drawn). */
export async function logCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('event-log').getAttribute('data-count'));
}

/**
 * Every entry the virtualised event log lists, read as a learner would see them: scrolling the
 * list from top to bottom a view at a time and reading the rows drawn. The log stops following
 * the playhead while this scrolls.
 */
export async function logEntries(page: Page): Promise<{ time: string; text: string }[]> {
  const log = page.getByTestId('event-log');
  const count = await logCount(page);
  const seen = new Map<number, { time: string; text: string }>();
  for (let top = 0, guard = 0; seen.size < count && guard < 100_000; guard++) {
    // Scrolls, then waits (a frame at a time, on a busy machine several) until the rows drawn
    // cover the view: the first and the last row in view are in the page.
    const view = await log.evaluate(async (element, scrollTop) => {
      element.scrollTop = scrollTop;
      const rowHeight = Number(element.getAttribute('data-row-height'));
      const read = () =>
        [...element.querySelectorAll('li[data-index]')].map((li) => ({
          index: Number(li.getAttribute('aria-posinset')),
          time: li.querySelector('.time')?.textContent ?? '',
          text: li.querySelector('.text')?.textContent ?? '',
        }));
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      let rows = read();
      for (let frames = 0; frames < 120; frames++) {
        await frame();
        rows = read();
        const total = Number(element.getAttribute('data-count'));
        const firstInView = Math.floor(element.scrollTop / rowHeight) + 1;
        const lastInView = Math.min(
          total,
          Math.ceil((element.scrollTop + element.clientHeight) / rowHeight),
        );
        const drawn = new Set(rows.map((r) => r.index));
        if (frames > 0 && drawn.has(firstInView) && drawn.has(lastInView)) break;
      }
      return { rows, bottom: element.scrollTop + element.clientHeight };
    }, top);
    for (const r of view.rows) seen.set(r.index, { time: r.time, text: r.text });
    if (view.rows.length === 0 || view.bottom <= top) break;
    top = view.bottom - 1;
  }
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, entry]) => entry);
}

/** The text of every entry the event log lists (see logEntries). */
export async function logTexts(page: Page): Promise<string[]> {
  return (await logEntries(page)).map((e) => e.text);
}

/** Runs with `seed` by mouse and waits until the summary and the fingerprint are there. */
export async function runWithSeed(page: Page, seed: number): Promise<void> {
  await page.getByLabel('Seed').fill(String(seed));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForRun(page, seed);
}

/** Waits for the Summary tab's seed to read `seed`, bringing the tab forward. */
async function waitForSummary(page: Page, seed: number): Promise<void> {
  await showTab(page, 'Summary');
  await page
    .getByTestId('metric-seed')
    .filter({ hasText: new RegExp(`^${seed}$`) })
    .waitFor();
}

/** Waits for the run with `seed`, then shows the whole run (see showWholeRun). */
export async function waitForRun(page: Page, seed: number): Promise<void> {
  await waitForSummary(page, seed);
  await page.getByTestId('trace-sha256').waitFor({ state: 'attached' });
  await showWholeRun(page);
  // The narration goes on in slices after the run; the log holds every entry once it is told.
  // (On a narrow page the log is a tab of its own, not in the page until chosen.)
  await page.waitForFunction(() => {
    const log = document.querySelector('[data-testid="event-log"]');
    return log === null || log.getAttribute('data-complete') === 'true';
  });
}

/** Pauses playback and moves the time to the end of the run (End), so the log shows it all. */
async function showWholeRun(page: Page): Promise<void> {
  const play = page.getByTestId('play');
  if ((await play.textContent())?.includes('Pause')) await play.click();
  await page.getByTestId('step').focus();
  await page.keyboard.press('End');
  await page.waitForFunction(() => {
    const time = document.querySelector<HTMLElement>('[data-testid="time"]');
    return time !== null && time.dataset.ns === time.dataset.endNs;
  });
}

/** The text of the element with `data-testid` `testId` ('' when it has none). */
export async function text(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).textContent()) ?? '';
}

/** A JSON file named `name` holding `content`, for a file input's setInputFiles. */
export function file(name: string, content: string) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') };
}

/**
 * Runs with `seed` and waits for the summary and the fingerprint; unlike runWithSeed, it leaves
 * the time where the app puts it after a run (playback from 0, unless motion is reduced).
 */
export async function startRun(page: Page, seed: number): Promise<void> {
  await page.getByLabel('Seed').fill(String(seed));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForSummary(page, seed);
  await page.getByTestId('trace-sha256').waitFor({ state: 'attached' });
}

/**
 * Runs with `seed` (the summary and fingerprint there), pauses, and shows the moment `tick` of the
 * scrubber (0 to 1000).
 */
export async function runAndShow(page: Page, seed: number, tick: string): Promise<void> {
  await startRun(page, seed);
  await pause(page);
  await page.getByTestId('scrubber').fill(tick);
}

/** The moment shown, in ns, as the time readout carries it. */
export async function timeNs(page: Page): Promise<number> {
  return Number(await page.getByTestId('time').getAttribute('data-ns'));
}

/** Pauses playback and waits until the button offers Play. */
export async function pause(page: Page): Promise<void> {
  const play = page.getByTestId('play');
  if ((await play.textContent()) === 'Pause') await play.click();
  await page.getByTestId('play').filter({ hasText: 'Play' }).waitFor();
}

/** Pauses and goes back to 0 with the Home key (focus on the page, not in a field). */
export async function rewind(page: Page): Promise<void> {
  await pause(page);
  await page.locator('h1').click();
  await page.keyboard.press('Home');
  expect(await timeNs(page)).toBe(0);
}

/** Where on the canvas (CSS px) pixels of a packet colour are, or null when none. */
export async function dotOfColour(
  page: Page,
  variable: string,
): Promise<{ x: number; y: number } | null> {
  return page.getByTestId('packet-canvas').evaluate((node, name) => {
    const canvas = node as HTMLCanvasElement;
    const hex = getComputedStyle(canvas).getPropertyValue(name).trim();
    const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let sx = 0;
    let sy = 0;
    let n = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        const close = want.every((v, c) => Math.abs((data[i + c] as number) - v) < 8);
        if (close && (data[i + 3] as number) > 240) {
          sx += x;
          sy += y;
          n++;
        }
      }
    }
    const scale = canvas.width / canvas.clientWidth;
    return n === 0 ? null : { x: sx / n / scale, y: sy / n / scale };
  }, variable);
}
