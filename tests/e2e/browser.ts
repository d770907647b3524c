// Launches Debian's Chromium for the end-to-end tests through playwright-core (never a downloaded
// browser), and collects a page's console errors so a test can insist there are none.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags from docs/architecture.md: headless, no sandbox (containers), nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Starts Chromium. Playwright gives every `launch` a fresh temporary user data dir and deletes it
 * on close (it refuses a --user-data-dir flag for that reason). A missing browser fails the test.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}; the end-to-end tests need Debian's package. ` +
        'Install it with: sudo apt-get install -y chromium (or run `npm test` as root, whose ' +
        'scripts/ensure-tools.js installs it).',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Problems a page reported: console errors, uncaught exceptions and failed requests. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // Chromium fetches the favicon on its own and cancels that fetch when the document's URL
    // changes under it (the lesson player's history entries): the browser's doing, not the page's.
    if (isBrowserFaviconAbort(request.url(), reason)) return;
    errors.push(`request failed: ${request.url()} ${reason}`);
  });
  return errors;
}

/** True for the browser's own favicon fetch cancelled by a navigation (net::ERR_ABORTED). */
export function isBrowserFaviconAbort(url: string, reason: string): boolean {
  return reason === 'net::ERR_ABORTED' && new URL(url).pathname.endsWith('/favicon.svg');
}
