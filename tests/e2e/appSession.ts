// Test support for the end-to-end files: one Chromium per file, a fresh context per test, the
// page's errors collected, screenshots saved, and a scenario file opened the way a learner does.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
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
