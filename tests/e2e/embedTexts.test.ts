// The embed's English texts in two parts: what its first view shows comes with the element
// (messages.en.ts), the panels' texts with the panels (panelMessages.en.ts, panelTexts.ts). The
// built element must not use a panel text before it has loaded them: no panel key is named in
// the code it runs first. And each panel, once opened, shows English, never a bare key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { fullClosure, staticClosure } from '../../bench/bundleSize.ts';
import { panelEn } from '../../src/ui/i18n/panelMessages.en.ts';
import { launchChromium } from './browser.ts';
import { heard, LISTEN_TO_EMBEDS, startHost } from './embedHost.ts';

const base = inject('baseUrl');
const buildDir = inject('buildDir');
const PANEL_KEYS = Object.keys(panelEn);

/** Panel keys the code names as a string (not as the catalog's own object keys). */
function panelKeysNamedIn(code: string): string[] {
  return PANEL_KEYS.filter((key) =>
    new RegExp(`["'\`]${key.replace(/\./g, '\\.')}["'\`](?!\\s*:)`).test(code),
  );
}

describe('the embed’s texts', () => {
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;

  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost({
      '/': `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Texts</title></head>
        <body>
          <handshake-sim id="sim" scenario="${base}simulations/web-page-load.json" view="topology" height="520"></handshake-sim>
          ${LISTEN_TO_EMBEDS}
          <script type="module" src="${base}handshake-sim.js"></script>
        </body></html>`,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('names no panel text in the code the element runs first', () => {
    const files = staticClosure(buildDir, 'handshake-sim.js');
    const code = files.map((file) => readFileSync(join(buildDir, file), 'utf8')).join('\n');
    expect(panelKeysNamedIn(code)).toEqual([]);
    // The check can fail: in the code the element loads later, the panels name their keys.
    const later = fullClosure(buildDir, 'handshake-sim.js').filter((f) => !files.includes(f));
    const laterCode = later.map((file) => readFileSync(join(buildDir, file), 'utf8')).join('\n');
    expect(panelKeysNamedIn(laterCode).length).toBeGreaterThan(100);
  });

  it('shows each panel in English once opened, never a bare key', async () => {
    const page = await browser.newPage({ viewport: { width: 760, height: 900 } });
    await page.goto(host.url);
    await expect
      .poll(async () => (await heard(page)).map((e) => e.type), { timeout: 20_000 })
      .toContain('hs-ready');
    const sim = page.locator('#sim');
    for (const tab of ['log', 'packet', 'ladder']) {
      await sim.getByTestId(`embed-tab-${tab}`).click();
      await expect.poll(() => sim.getByTestId('embed-panel').count()).toBe(1);
      // Wait for the panel's own content, not the loading line.
      await expect
        .poll(async () => (await sim.getByTestId('embed-panel').textContent())?.length ?? 0)
        .toBeGreaterThan(40);
      const text = (await sim.getByTestId('embed-panel').innerText()) ?? '';
      const bare = PANEL_KEYS.filter((key) => text.includes(key));
      expect(bare, `${tab} panel`).toEqual([]);
    }
    await page.close();
  });
});
