// Offline use in Chromium (src/offline, build/offlinePlugin.ts): after its first load the app
// opens and runs with the network cut, every file from the service worker's cache; a new version
// (a changed sw.js) announces itself with a notice instead of taking over, "Later" puts it off,
// and "Reload now" switches to it and reloads once, dropping the old version's cache.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { appSession, runWithSeed, text } from './appSession.ts';
import { axeViolations } from './axe.ts';
import { defaultScenarioJson } from './reference.ts';

const session = appSession();
const { openApp } = session;

const READY = 'A new version of Handshake is ready:';

/** The service worker as built, which the update test replaces for a while. */
const SERVICE_WORKER = join(inject('buildDir'), 'sw.js');
const original = await readFile(SERVICE_WORKER, 'utf8');
afterEach(async () => {
  await writeFile(SERVICE_WORKER, original);
});

/** Waits until the service worker is active, has cached the build and controls the page. */
async function waitUntilControlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Handshake's caches in the page's origin. */
function cacheNames(page: Page): Promise<string[]> {
  return page.evaluate(() => caches.keys());
}

/** A mark on the window, gone after a reload. */
async function mark(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { stay: number }).stay = 1));
}
function marked(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { stay?: number }).stay === 1);
}

describe('offline use', () => {
  it('opens and runs the default scenario with the network cut after the first load', async () => {
    const page = await openApp();
    await waitUntilControlled(page);
    // The first load's page is taken over at once (clients.claim), so it needs no reload.
    expect(await cacheNames(page)).toEqual([expect.stringMatching(/^handshake-[0-9a-f]{16}$/)]);

    await page.context().setOffline(true);
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await page.getByTestId('scenario-name').waitFor();
    expect(await text(page, 'scenario-name')).toBe(defaultScenarioJson.name);
    expect(await page.locator('[data-testid="topology"] [data-node]').count()).toBe(2);
    // A run needs the simulation's worker script, also from the cache; then the time controls.
    await runWithSeed(page, 3);
    await page.getByTestId('scrubber').waitFor();
    await page.getByTestId('play').waitFor();
    expect(session.errors).toEqual([]);

    // The network really is cut: a file the worker did not cache cannot be fetched.
    const probe = await page.evaluate(() =>
      fetch('./not-in-the-build.txt').then(
        () => 'fetched',
        () => 'failed',
      ),
    );
    expect(probe).toBe('failed');
  });

  it('announces a new version, puts it off on "Later", and switches on "Reload now"', async () => {
    // bypassCSP: axe-core is put in the page as a script of its own.
    const page = await openApp({ bypassCSP: true });
    await waitUntilControlled(page);
    const [cache] = await cacheNames(page);
    const version = cache?.replace(/^handshake-/, '') ?? '';
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(await page.getByText(READY).count()).toBe(0);

    // A new version is deployed: the server now sends a sw.js with another version in it. (A
    // route cannot stand in for the server: Playwright does not see a service worker's update
    // check.) The build is shared by every test file, so the original goes back afterwards.
    const next = `${version}0`;
    await writeFile(SERVICE_WORKER, original.replaceAll(version, next));
    await mark(page);
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const notice = page.getByRole('status').filter({ hasText: READY });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Your work and lesson progress are kept');
    expect(await axeViolations(page, 'update-notice')).toEqual([]);
    // Announced, not applied: the page was not reloaded and the old version still serves it.
    expect(await marked(page)).toBe(true);
    await expect
      .poll(() => cacheNames(page))
      .toEqual([`handshake-${version}`, `handshake-${next}`]);

    // "Later" hides the notice; the new version still waits, so the next load asks again.
    await page.getByRole('button', { name: 'Later', exact: true }).click();
    await notice.waitFor({ state: 'detached' });
    expect(await marked(page)).toBe(true);
    await page.reload();
    await notice.waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
    expect(await cacheNames(page)).toContain(`handshake-${version}`);

    // "Reload now" by keyboard, its focus ring shown: the new worker takes over and the page
    // reloads once.
    await mark(page);
    await page.getByRole('button', { name: 'Later', exact: true }).focus();
    await page.keyboard.press('Shift+Tab');
    const reload = page.getByRole('button', { name: 'Reload now', exact: true });
    expect(await reload.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await reload.evaluate((el) => getComputedStyle(el).outlineWidth)).toBe('3px');
    const loaded = page.waitForEvent('load');
    await page.keyboard.press('Enter');
    await loaded;
    await page.getByTestId('scenario-name').waitFor();
    expect(await marked(page)).toBe(false);
    await waitUntilControlled(page);
    expect(
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return registration?.waiting === null && registration.installing === null;
      }),
    ).toBe(true);
    await expect.poll(() => cacheNames(page)).toEqual([`handshake-${next}`]);
    expect(await page.getByText(READY).count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});
