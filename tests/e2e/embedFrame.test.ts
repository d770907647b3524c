// The iframe entry (embed.html) in real Chromium, framed by a page of another origin: it shows the
// scenario its URL names (by parameter, or packed in the fragment as a share link), tells the
// framing page its events by postMessage, obeys that page's commands with a reply for each, and
// ignores and tells nothing to a page it was not told to trust.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { shareFragment } from '../../src/viz/share/index.ts';
import { launchChromium } from './browser.ts';
import { startHost } from './embedHost.ts';

const base = inject('baseUrl');
const embedOrigin = new URL(base).origin;

async function coursePage(): Promise<string> {
  const doc = JSON.parse(
    readFileSync(new URL('../../simulations/dns-lookup.json', import.meta.url), 'utf8'),
  ) as { name: string };
  doc.name = 'Lookup <img src=x onerror="parent.pwned = 1">';
  const fragment = await shareFragment(JSON.stringify(doc));
  return `<!doctype html>
<html lang="en">
  <body>
    <h1>Week 4</h1>
    <iframe id="trusted" title="Ping" width="700" height="420"
      src="${base}embed.html?scenario=simulations/ping-over-a-link.json&view=topology"></iframe>
    <iframe id="packed" title="Lookup" width="700" height="420" src="${base}embed.html${fragment}"></iframe>
    <iframe id="elsewhere" title="Ping elsewhere" width="700" height="420"
      src="${base}embed.html?scenario=simulations/ping-over-a-link.json&origin=https://other.example"></iframe>
    <script>
      window.heard = [];
      addEventListener('message', (event) => {
        const from = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source);
        window.heard.push({ frame: from ? from.id : '?', origin: event.origin, data: event.data });
      });
      window.send = (id, message) =>
        document.getElementById(id).contentWindow.postMessage(message, '${embedOrigin}');
    </script>
  </body>
</html>`;
}

interface Heard {
  frame: string;
  origin: string;
  data: {
    handshake: string;
    type?: string;
    id?: unknown;
    ok?: boolean;
    error?: string;
    detail?: Record<string, unknown>;
  };
}
const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: Heard[] }).heard);
const send = (page: Page, frame: string, message: unknown) =>
  page.evaluate(
    ([frame, message]) =>
      (window as unknown as { send(id: string, m: unknown): void }).send(frame as string, message),
    [frame, message] as const,
  );

describe('the iframe entry', () => {
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let hostUrl: string;

  beforeAll(async () => {
    browser = await launchChromium();
    const html = await coursePage();
    host = await startHost({ '/': html });
    hostUrl = host.url;
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('tells the framing page its events and obeys its commands, and only its', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 1400 } });
    await page.goto(hostUrl);
    const hostOrigin = new URL(hostUrl).origin;
    await expect
      .poll(async () =>
        (await heard(page)).find((h) => h.frame === 'trusted' && h.data.type === 'hs-ready'),
      )
      .toMatchObject({ origin: embedOrigin, data: { detail: { name: 'Ping over one link' } } });
    expect(await page.frameLocator('#trusted').getByTestId('embed-name').textContent()).toBe(
      'Ping over one link',
    );

    await send(page, 'trusted', { handshake: 'seek', t: '15s', id: 1 });
    await send(page, 'trusted', { handshake: 'seek', t: 'later', id: 2 });
    await send(page, 'trusted', { handshake: 'launch', id: 3 });
    await expect
      .poll(async () => (await heard(page)).filter((h) => h.data.handshake === 'reply').length)
      .toBe(3);
    const replies = (await heard(page)).filter((h) => h.data.handshake === 'reply');
    expect(replies.map((h) => [h.data.id, h.data.ok])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
    expect(replies[1]?.data.error).toContain('"later" is not a duration');
    expect(replies[2]?.data.error).toBe('"launch" is not a command: play, pause, seek or load');
    // The seek to the end completes the run: the page hears hs-step and hs-complete.
    await expect
      .poll(async () =>
        (await heard(page))
          .filter((h) => h.frame === 'trusted' && h.data.handshake === 'event')
          .map((h) => h.data.type),
      )
      .toEqual(expect.arrayContaining(['hs-ready', 'hs-step', 'hs-complete']));

    // A scenario packed in the fragment shows, its hostile name as text.
    const packed = page.frameLocator('#packed');
    await expect
      .poll(() => packed.getByTestId('embed-name').textContent())
      .toBe('Lookup <img src=x onerror="parent.pwned = 1">');
    expect(
      await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
    ).toBeUndefined();

    // The frame told to trust another origin ran, but tells this page nothing and obeys nothing.
    await expect
      .poll(() => page.frameLocator('#elsewhere').getByTestId('embed-name').textContent())
      .toBe('Ping over one link');
    await send(page, 'elsewhere', { handshake: 'pause', id: 9 });
    await page.waitForTimeout(300);
    expect((await heard(page)).filter((h) => h.frame === 'elsewhere')).toEqual([]);
    expect((await heard(page)).every((h) => h.origin === embedOrigin)).toBe(true);
    expect(hostOrigin).not.toBe(embedOrigin);
    await page.close();
  });

  it('works offline after its first load, its scenario file from the cache', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}embed.html?scenario=simulations/dns-lookup.json&view=topology`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await expect.poll(() => page.getByTestId('embed-name').textContent()).toBe('Looking up a name');
    expect(await page.getByTestId('embed-problem').count()).toBe(0);
    await context.close();
  });
});
