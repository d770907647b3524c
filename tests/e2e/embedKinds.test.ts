// An embed loads the code of the kinds its scenario uses, and only those: a ping example fetches
// the pinger's and the echo server's behaviour, never the web server's or FTP's. A lesson's embed
// fetches every kind's while idle (its tasks may add any app; offline too). When that code cannot
// be fetched (the connection dropped), the embed says so in its box and fires hs-error, and the
// page goes on working.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { heard, LISTEN_TO_EMBEDS, startHost } from './embedHost.ts';

const base = inject('baseUrl');

const coursePage = (example: string) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Kinds</title></head>
  <body>
    <handshake-sim id="sim" scenario="${base}simulations/${example}" view="topology" height="400"></handshake-sim>
    <button id="host-button" onclick="window.clicked = (window.clicked || 0) + 1">Host button</button>
    ${LISTEN_TO_EMBEDS}
    <script type="module" src="${base}handshake-sim.js"></script>
  </body>
</html>`;

/** The built chunks (by file name) the page has asked the app's server for. */
function chunksAsked(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(base) && url.endsWith('.js'))
      asked.push(url.slice(url.lastIndexOf('/') + 1));
  });
  return asked;
}

describe('an embed loads the code of the kinds its scenario uses', () => {
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;

  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost({
      '/ping': coursePage('ping-over-a-link.json'),
      '/web': coursePage('web-page-load.json'),
      '/lesson': `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Lesson</title></head>
        <body>
          <handshake-sim id="sim" lesson="01-clients-and-servers" height="560"></handshake-sim>
          ${LISTEN_TO_EMBEDS}
          <script type="module" src="${base}handshake-sim.js"></script>
        </body></html>`,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  const ready = (page: Page) =>
    expect
      .poll(async () => (await heard(page)).map((e) => e.type), { timeout: 20_000 })
      .toContain('hs-ready');

  it('fetches a ping example’s pinger and echo code, and no other kind’s', async () => {
    const page = await browser.newPage({ viewport: { width: 760, height: 700 } });
    const asked = chunksAsked(page);
    await page.goto(`${host.url}ping`);
    await ready(page);
    expect(asked.some((file) => file.startsWith('pingerBehaviour-'))).toBe(true);
    expect(asked.some((file) => file.startsWith('echoBehaviour-'))).toBe(true);
    const otherKinds = asked.filter((file) =>
      /^(httpServer|httpClient|ftpServer|ftpClient|dnsServer|service|serviceClient|sink|bulkSend)Behaviour-/.test(
        file,
      ),
    );
    expect(otherKinds).toEqual([]);
    await page.close();
  });

  it('with a lesson, fetches every kind’s code while idle: the learner may add any app', async () => {
    const page = await browser.newPage({ viewport: { width: 760, height: 700 } });
    const asked = chunksAsked(page);
    await page.goto(`${host.url}lesson`);
    await ready(page);
    // The lesson's scenario is a ping; once idle, the web server's and FTP's code come too.
    await expect
      .poll(() => asked.filter((file) => /^(httpServer|ftpServer)Behaviour-/.test(file)).length, {
        timeout: 15_000,
      })
      .toBe(2);
    await page.close();
  });

  it('says in its box that a kind’s code could not be loaded, fires hs-error, and the page goes on', async () => {
    const page = await browser.newPage({ viewport: { width: 760, height: 700 } });
    // The web server's code cannot be fetched: the connection dropped just then.
    await page.route(/httpServerBehaviour-[^/]*\.js$/, (route) =>
      route.abort('internetdisconnected'),
    );
    await page.goto(`${host.url}web`);
    await expect
      .poll(async () => (await heard(page)).find((e) => e.type === 'hs-error'), { timeout: 20_000 })
      .toMatchObject({ detail: { where: 'run' } });
    const problem = page.locator('#sim').getByTestId('embed-problem');
    await expect.poll(() => problem.textContent()).toContain('could not be loaded');
    expect((await heard(page)).map((e) => e.type)).not.toContain('hs-ready');
    await page.click('#host-button');
    expect(await page.evaluate(() => (window as unknown as { clicked: number }).clicked)).toBe(1);

    // Back online, Run again loads it and runs.
    await page.unroute(/httpServerBehaviour-[^/]*\.js$/);
    await page.locator('#sim').getByRole('button', { name: 'Run again' }).click();
    await ready(page);
    await page.close();
  });
});
