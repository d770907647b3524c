// The embed's behaviour on longer course pages, in real Chromium: it plays only while on screen,
// shows one panel at a time (a narrow box shows "both" as the topology with the ladder a tab
// away), plays a lesson file whose texts try to get into the page as text, and speaks its page's
// language, loading German only for a German page.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { collectPageErrors, launchChromium } from './browser.ts';
import { heard, LISTEN_TO_EMBEDS, startHost } from './embedHost.ts';

const base = inject('baseUrl');

/** A lesson whose title, prose, question and choices try every way into the page. */
const hostileLesson = `---
title: Who speaks first <script>window.pwned = 'title'</script>
scenario: ../ping-over-a-link.json
minutes: 3
---

A client asks <img src=x onerror="window.pwned = 'intro'">; see [the RFC](javascript:window.pwned='link').

## Who speaks first?

\`\`\`step
{
  "kind": "predict",
  "question": "Which <b onmouseover=\\"window.pwned = 'q'\\">machine</b> sends first?",
  "choices": ["The laptop <script>window.pwned = 'choice'</script>", "The echo server"],
  "answer": 0,
  "until": { "record": "app.request", "where": { "node": "laptop" } }
}
\`\`\`
`;

/** A page whose embed starts far below, with autoplay, and an embed playing a hostile lesson. */
function secondPage(): string {
  return `<!doctype html>
<html lang="en">
  <body>
    <handshake-sim id="lesson" lesson="lessons/hostile.md" height="560"></handshake-sim>
    <div style="height: 3000px">A long article.</div>
    <handshake-sim id="below" scenario="${base}simulations/ping-over-a-link.json" autoplay speed="0.1" controls></handshake-sim>
    <div style="height: 3000px">More article.</div>
    ${LISTEN_TO_EMBEDS}
    <script type="module" src="${base}handshake-sim.js"></script>
  </body>
</html>`;
}

/** A course page in German: its embeds speak German. */
function germanPage(): string {
  return `<!doctype html>
<html lang="de-AT">
  <body>
    <h1>Woche 3</h1>
    <handshake-sim id="german" height="300"></handshake-sim>
    <script type="module" src="${base}handshake-sim.js"></script>
  </body>
</html>`;
}

describe('<handshake-sim> in a long course page', () => {
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let hostUrl: string;

  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost({
      '/second': secondPage(),
      '/german': germanPage(),
      '/plain': `<!doctype html><html lang="en"><body>
        <handshake-sim id="plain" scenario="${base}simulations/ping-over-a-link.json" view="topology" controls></handshake-sim>
        ${LISTEN_TO_EMBEDS}
        <script type="module" src="${base}handshake-sim.js"></script></body></html>`,
      '/lessons/hostile.md': { type: 'text/markdown', body: hostileLesson },
    });
    hostUrl = host.url;
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('plays only while on screen, shows one panel at a time, and keeps a hostile lesson as text', async () => {
    const page = await browser.newPage({ viewport: { width: 700, height: 700 } });
    const errors = collectPageErrors(page);
    await page.goto(`${hostUrl}second`);
    await expect
      .poll(() => page.locator('#lesson').getByTestId('embed-panel').textContent())
      .toContain('Who speaks first');
    // Opening the lesson took no focus from the course page (which would scroll it away).
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    const steps = async () =>
      (await heard(page)).filter((e) => e.id === 'below' && e.type === 'hs-step').length;
    await expect
      .poll(async () => (await heard(page)).some((e) => e.id === 'below' && e.type === 'hs-ready'))
      .toBe(true);
    // Autoplay waits while the element is off screen: the moment does not move.
    await page.waitForTimeout(600);
    expect(await steps()).toBe(0);
    await page.locator('#below').scrollIntoViewIfNeeded();
    await expect.poll(steps).toBeGreaterThan(1);
    // In a narrow column "both" is the topology, with the ladder one tab away.
    const below = page.locator('#below');
    expect(await below.getByTestId('ladder-diagram').count()).toBe(0);
    await below.getByTestId('embed-tab-ladder').click();
    await expect.poll(() => below.getByTestId('ladder-diagram').count()).toBe(1);
    // Its tab chosen again folds the panel away, giving the picture the room.
    await below.getByTestId('embed-tab-ladder').click();
    expect(await below.getByTestId('embed-panel').count()).toBe(0);
    // Scrolled away it pauses: no more steps while it is out of sight.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    const away = await steps();
    await page.waitForTimeout(800);
    expect(await steps()).toBe(away);
    expect((await heard(page)).some((e) => e.id === 'below' && e.type === 'hs-complete')).toBe(
      false,
    );

    // The lesson: its texts are shown as text, and nothing in them ran.
    const lesson = page.locator('#lesson');
    await expect
      .poll(() => lesson.getByTestId('embed-panel').textContent())
      .toContain("Who speaks first <script>window.pwned = 'title'</script>");
    const panel = lesson.getByTestId('embed-panel');
    expect(await panel.textContent()).toContain('A client asks <img src=x onerror=');
    expect(await lesson.locator('img, script, b, a[href^="javascript"]').count()).toBe(0);
    // One panel at a time: the log replaces the lesson, and the lesson comes back.
    await lesson.getByTestId('embed-tab-log').click();
    expect(await lesson.getByTestId('embed-panel').count()).toBe(1);
    await expect.poll(() => lesson.getByTestId('log-announcer').count()).toBe(1);
    await lesson.getByTestId('embed-tab-lesson').focus();
    // The arrow key moves to the next tab, the Edit panel a lesson's tasks need (loaded then).
    await page.keyboard.press('ArrowRight');
    expect(await lesson.getByTestId('embed-panel').count()).toBe(1);
    await expect.poll(() => lesson.getByTestId('property-panel').count()).toBe(1);
    // The editor came with the panel: an edit of the scenario applies (its run goes, its name is
    // the new one), and the edited document is not kept in the host page's storage.
    const name = lesson.getByTestId('property-panel').getByLabel('name', { exact: true });
    await name.fill('Edited in the embed');
    await name.press('Enter');
    await expect
      .poll(() => lesson.getByTestId('embed-name').textContent())
      .toBe('Edited in the embed');
    await lesson.getByTestId('edited-note').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('handshake.session.v1'))).toBeNull();
    // Loading panels brought nothing of the app's page: no styles in the host's head, no errors.
    expect(
      await page.evaluate(() => document.querySelectorAll('style, link[rel="stylesheet"]').length),
    ).toBe(0);
    expect(errors).toEqual([]);
    // "Open in Handshake" goes to the app, in a new tab, with the lesson's scenario packed in.
    const open = lesson.getByTestId('embed-open');
    await expect.poll(() => open.getAttribute('href')).toMatch(new RegExp(`^${base}#s1\\.`));
    expect(await open.getAttribute('target')).toBe('_blank');
    expect(
      await page.evaluate(() => (window as unknown as { pwned?: string }).pwned),
    ).toBeUndefined();
    await page.close();
  });

  it('speaks its page’s language, German loaded only then, and leaves the page’s lang alone', async () => {
    const page = await browser.newPage({ viewport: { width: 700, height: 700 } });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${hostUrl}german`);
    const german = page.locator('#german');
    await expect.poll(() => german.getByTestId('embed-tab-log').textContent()).toBe('Protokoll');
    expect(await german.getByTestId('embed-open').textContent()).toContain('In Handshake öffnen');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de-AT');
    expect(requested.some((url) => /handshake-german-(?!registry)/.test(url))).toBe(true);
    // An English page never downloads the German texts.
    const english: string[] = [];
    const other = await browser.newPage();
    other.on('request', (request) => english.push(request.url()));
    await other.goto(`${hostUrl}second`);
    await expect
      .poll(async () => (await heard(other)).some((e) => e.type === 'hs-ready'))
      .toBe(true);
    expect(english.some((url) => /handshake-german-(?!registry)/.test(url))).toBe(false);
    await other.close();
    await page.close();
  });

  it('draws its packets in the system’s colours, following a change of scheme', async () => {
    const page = await browser.newPage({
      viewport: { width: 760, height: 700 },
      colorScheme: 'light',
    });
    await page.goto(`${hostUrl}plain`);
    await expect
      .poll(async () => (await heard(page)).some((e) => e.type === 'hs-ready'))
      .toBe(true);
    // 50 ms in, the first request is on the wire (sent at 40.018964 ms, after the ARP exchange,
    // arriving at 60.034076 ms): a UDP dot in the scheme's own colour.
    await page.evaluate(() =>
      (document.getElementById('plain') as unknown as { seek(t: string): void }).seek('50ms'),
    );
    const canvas = page.locator('#plain').getByTestId('packet-canvas');
    const udpDot = () =>
      canvas.evaluate((node) => {
        const element = node as HTMLCanvasElement;
        const hex = getComputedStyle(element).getPropertyValue('--pkt-udp').trim();
        const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        const { data } = element
          .getContext('2d')!
          .getImageData(0, 0, element.width, element.height);
        for (let i = 0; i < data.length; i += 4) {
          if (want.every((v, c) => Math.abs((data[i + c] as number) - v) < 8) && data[i + 3]! > 240)
            return hex;
        }
        return null;
      });
    await expect.poll(udpDot).toMatch(/^#/);
    const light = await udpDot();
    await page.emulateMedia({ colorScheme: 'dark' });
    // The dot is redrawn in the dark scheme's colour.
    await expect.poll(udpDot).toMatch(/^#/);
    expect(await udpDot()).not.toBe(light);
    await page.close();
  });
});
