// The embed in real Chromium, as a course page uses it: a plain HTML page on another origin, with
// no build step, loads handshake-sim.js from the built app and holds two <handshake-sim>
// elements (one far down a long article) and a broken one; each renders, runs on its own and
// fires its events, the host's styles and the embed's do not meet, hostile names stay text, and a
// scenario URL that fails shows a readable error in its box while the page goes on working. What
// the module loads before it runs holds no editor: the Edit panel brings it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { fullClosure, staticClosure } from '../../bench/bundleSize.ts';
import { collectPageErrors, launchChromium } from './browser.ts';
import { addAxe, axeIn, heard, LISTEN_TO_EMBEDS, startHost } from './embedHost.ts';

const base = inject('baseUrl');

/** A scenario whose name and node labels try every way into the page. */
const hostile = (() => {
  const doc = JSON.parse(
    readFileSync(new URL('../../simulations/ping-over-a-link.json', import.meta.url), 'utf8'),
  ) as { name: string; $schema?: string; nodes: { label: string }[] };
  delete doc.$schema;
  doc.name = 'Ping <script>window.pwned = "name"</script>';
  doc.nodes[0]!.label = '<img src=x onerror="window.pwned = \'label\'">';
  doc.nodes[1]!.label = 'javascript:window.pwned = "link"';
  return doc;
})();

/** JSON inside <script type="application/json">: `<` escaped, so no `</script>` can close it. */
const inlineJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function coursePage(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A course page</title>
    <style>
      body { font-family: serif; color: rgb(200, 0, 0); }
      div, p, button, strong { color: rgb(200, 0, 0) !important; background: rgb(255, 192, 203); }
    </style>
  </head>
  <body>
    <h1>Week 3: clients and servers</h1>
    <p id="host-text">Before the simulation.</p>
    <handshake-sim id="first" scenario="${base}simulations/ping-over-a-link.json" view="topology" controls height="420"></handshake-sim>
    <div style="height: 2400px">A long article.</div>
    <handshake-sim id="second" scenario="#hostile" view="both" controls seed="3" height="460" readonly></handshake-sim>
    <script type="application/json" id="hostile">${inlineJson(hostile)}</script>
    <handshake-sim id="broken" scenario="missing/no-such-file.json" height="240"></handshake-sim>
    <handshake-sim id="page" scenario="${base}simulations/no-such-file.json" height="240"></handshake-sim>
    <button id="host-button" onclick="window.clicked = (window.clicked || 0) + 1">Host button</button>
    ${LISTEN_TO_EMBEDS}
    <script type="module" src="${base}handshake-sim.js"></script>
  </body>
</html>`;
}

describe('<handshake-sim> on a plain page of another origin', () => {
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let hostUrl: string;

  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost({ '/': coursePage() });
    hostUrl = host.url;
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('renders both, runs each on its own, fires events, and keeps hostile text as text', async () => {
    const page = await browser.newPage({ viewport: { width: 760, height: 800 } });
    const errors = collectPageErrors(page);
    await page.goto(hostUrl);
    const first = page.locator('#first');
    // The first is on screen: it loads its scenario by URL, runs, and says it is ready.
    await expect
      .poll(async () => (await heard(page)).find((e) => e.id === 'first' && e.type === 'hs-ready'))
      .toMatchObject({ detail: { name: 'Ping over one link' } });
    await expect
      .poll(() => first.getByTestId('embed-name').textContent())
      .toBe('Ping over one link');
    expect(await first.getByRole('button', { name: 'Run again' }).count()).toBe(1);
    expect(await first.getByLabel('Seed').count()).toBe(1);
    // The second is far below: it runs too (ready), but only plays once it is on screen.
    await expect
      .poll(async () => (await heard(page)).some((e) => e.id === 'second' && e.type === 'hs-ready'))
      .toBe(true);

    // The page's keys stay the page's: Space scrolls it and plays no embed.
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect((await heard(page)).some((e) => e.type === 'hs-step')).toBe(false);
    await page.evaluate(() => window.scrollTo(0, 0));
    // Inside an embed its shortcuts work: the right arrow on one of its nodes steps its run.
    await first.locator('[data-node]').first().focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(async () => (await heard(page)).some((e) => e.id === 'first' && e.type === 'hs-step'))
      .toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));

    // A seed that is no seed is refused with why, and the run shown stays.
    await first.getByLabel('Seed').fill('seven');
    await first.getByRole('button', { name: 'Run again' }).click();
    await expect.poll(() => first.getByRole('alert').textContent()).toContain('seed');
    await first.getByLabel('Seed').fill('7');
    // Each plays on its own: the first, played by its method, moves; the second stays at 0.
    await page.evaluate(() =>
      (document.getElementById('first') as unknown as { play(): void }).play(),
    );
    await expect
      .poll(
        async () =>
          (await heard(page)).filter((e) => e.id === 'first' && e.type === 'hs-step').length,
      )
      .toBeGreaterThan(0);
    expect((await heard(page)).some((e) => e.id === 'second' && e.type === 'hs-step')).toBe(false);

    // seek(t) shows a moment, paused, and says so; a bad t is a clear error, not a crash.
    const said = await page.evaluate(() => {
      const element = document.getElementById('first') as unknown as {
        seek(t: unknown): void;
      };
      element.seek('15s');
      try {
        element.seek('soon');
        return 'no error';
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(said).toContain('seek(t)');
    expect(said).toContain('"soon" is not a duration');
    await expect
      .poll(async () =>
        (await heard(page)).some((e) => e.id === 'first' && e.type === 'hs-complete'),
      )
      .toBe(true);

    // load(doc) shows another document and runs it; a bad one is refused with what is wrong.
    const loaded = await page.evaluate(async (doc) => {
      const element = document.getElementById('first') as unknown as {
        load(doc: unknown): Promise<void>;
      };
      await element.load({ ...doc, name: 'Loaded by the page' });
      try {
        await element.load({ format: 'handshake/scenario@1', nodes: 'none' });
        return 'no error';
      } catch (error) {
        return (error as Error).message;
      }
    }, hostile);
    expect(loaded).toMatch(
      /^handshake-sim load\(doc\): The scenario from the document given to load\(\) cannot be used:/,
    );
    expect(loaded).toContain('$.nodes');
    await expect
      .poll(async () =>
        (await heard(page))
          .filter((e) => e.id === 'first' && e.type !== 'hs-step')
          .map((e) => e.type),
      )
      .toEqual(expect.arrayContaining(['hs-ready', 'hs-complete', 'hs-error']));
    expect(
      (await heard(page)).some(
        (e) => e.id === 'first' && e.type === 'hs-ready' && e.detail.name === 'Loaded by the page',
      ),
    ).toBe(true);
    await expect.poll(() => first.getByTestId('embed-problem').textContent()).toContain('$.nodes');

    // The hostile scenario's name and labels are shown as text; nothing of them ran.
    const second = page.locator('#second');
    await second.scrollIntoViewIfNeeded();
    await expect.poll(() => second.getByTestId('embed-name').textContent()).toBe(hostile.name);
    // Read-only: no seed to change, nothing to run again (the first, not read-only, has both).
    expect(await second.getByRole('button', { name: 'Run again' }).count()).toBe(0);
    expect(await second.getByLabel('Seed').count()).toBe(0);
    const labels = await second.locator('svg text').allTextContents();
    // Long labels are cut short in the picture, as text: the start of each is there.
    expect(labels.join(' ')).toContain('<img src=x onerr');
    expect(labels.join(' ')).toContain('javascript:');
    expect(await second.locator('img, script').count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { pwned?: string }).pwned),
    ).toBeUndefined();

    // Styles stay apart: the host's red does not reach the embed, and the embed left the host alone.
    const nameColour = await second
      .getByTestId('embed-name')
      .evaluate((node) => getComputedStyle(node).color);
    expect(nameColour).not.toBe('rgb(200, 0, 0)');
    expect(await page.locator('#host-text').evaluate((node) => getComputedStyle(node).color)).toBe(
      'rgb(200, 0, 0)',
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // Moved within the page it keeps its run; taken away and put back, it starts afresh.
    const readies = async () =>
      (await heard(page)).filter((e) => e.id === 'second' && e.type === 'hs-ready').length;
    const before = await readies();
    await page.evaluate(() => {
      const element = document.getElementById('second')!;
      element.parentElement!.append(element);
    });
    await page.waitForTimeout(200);
    expect(await readies()).toBe(before);
    expect(await second.getByTestId('embed-name').textContent()).toBe(hostile.name);
    await page.evaluate(async () => {
      const element = document.getElementById('second')!;
      const parent = element.parentElement!;
      element.remove();
      await new Promise((resolve) => setTimeout(resolve, 50));
      parent.append(element);
    });
    await expect.poll(readies).toBe(before + 1);

    // Accessible in both schemes: no serious or critical axe findings inside either embed.
    await addAxe(page);
    expect(await axeIn(page, '#second')).toEqual([]);
    // (axe does look inside the shadow root: a button with no name there is found.)
    await page.evaluate(() =>
      document.getElementById('second')?.shadowRoot?.append(document.createElement('button')),
    );
    expect((await axeIn(page, '#second')).join()).toContain('button-name');
    await page.evaluate(() =>
      document.getElementById('second')?.shadowRoot?.querySelector(':scope > button')?.remove(),
    );
    await page.evaluate(() => document.getElementById('first')?.setAttribute('data-theme', 'dark'));
    // The dark scheme's colours, not the light ones (the theme's selectors turned to :host).
    const surface = (id: string) =>
      page
        .locator(`#${id}`)
        .getByTestId('embed')
        .evaluate((node) => getComputedStyle(node).getPropertyValue('--surface').trim());
    expect(await surface('first')).toBe('#161b22');
    expect(await surface('second')).toMatch(/^#fff(fff)?$/);
    await page.locator('#first').scrollIntoViewIfNeeded();
    expect(await axeIn(page, '#first')).toEqual([]);
    // The broken embed's 404 is the only failed load.
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await page.close();
  });

  it('shows a scenario URL that fails in its box, fires hs-error, and the page works on', async () => {
    const page = await browser.newPage({ viewport: { width: 760, height: 800 } });
    await page.goto(hostUrl);
    await expect
      .poll(async () => (await heard(page)).find((e) => e.id === 'broken' && e.type === 'hs-error'))
      .toMatchObject({ detail: { where: 'scenario' } });
    const problem = page.locator('#broken').getByTestId('embed-problem');
    await expect.poll(() => problem.textContent()).toContain('404');
    expect(await problem.textContent()).toContain(`${hostUrl}missing/no-such-file.json`);
    // A server that answers a missing file with its home page (an app's fallback) is named too.
    await expect
      .poll(() => page.locator('#page').getByTestId('embed-problem').textContent())
      .toContain('is a web page, not a document');
    // The host page goes on: its own button works, and the other embeds ran.
    await page.click('#host-button');
    expect(await page.evaluate(() => (window as unknown as { clicked: number }).clicked)).toBe(1);
    await page.close();
  });

  it('fetches its panels while idle, so they open after the connection drops', async () => {
    const context = await browser.newContext({ viewport: { width: 760, height: 800 } });
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('requestfinished', (request) => fetched.push(request.url()));
    await page.goto(hostUrl);
    await expect
      .poll(async () => (await heard(page)).some((e) => e.id === 'first' && e.type === 'hs-ready'))
      .toBe(true);
    // Nothing was opened, yet the panels' chunks came in while the page was idle.
    await expect
      .poll(() => fetched.filter((url) => /\/(EventLog|PacketInspector)-/.test(url)).length)
      .toBe(2);
    await context.setOffline(true);
    const first = page.locator('#first');
    await first.getByTestId('embed-tab-log').click();
    await expect.poll(() => first.getByTestId('log-announcer').count()).toBe(1);
    // The run is told as sentences from the moment the log is opened: every record an entry.
    await expect
      .poll(async () => Number(await first.getByTestId('event-log').getAttribute('data-count')))
      .toBeGreaterThan(10);
    await first.getByTestId('embed-tab-packet').click();
    await expect.poll(() => first.getByTestId('embed-panel').textContent()).not.toBe('');
    await context.close();
  });

  it('loads no editing code before it runs; the Edit panel’s code brings the editor', () => {
    const dir = inject('buildDir');
    /** The source files of the built chunks `files`, as their source maps name them. */
    const sources = (files: string[]) =>
      files.flatMap((file) => {
        const map = join(dir, `${file}.map`);
        if (!existsSync(map)) return []; // a virtual module: no source of ours
        return (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources;
      });
    const editing = /src\/(viz\/editor|ui\/editor)\/|src\/ui\/scenarioEdits/;
    const first = sources(staticClosure(dir, 'handshake-sim.js'));
    // The picture and the timeline's marks are there, the editor is not.
    expect(first.some((s) => s.endsWith('src/viz/trace/timedEvents.ts'))).toBe(true);
    expect(first.filter((s) => editing.test(s))).toEqual([]);
    // "Open in Handshake" packs the document in a share link as the run starts: that code
    // brings no editor either.
    const everything = fullClosure(dir, 'handshake-sim.js');
    const share = everything.filter((file) =>
      sources([file]).some((s) => s.endsWith('src/viz/share/shareLink.ts')),
    );
    expect(share).toHaveLength(1);
    expect(sources(staticClosure(dir, share[0]!)).filter((s) => editing.test(s))).toEqual([]);
    const later = sources(everything);
    expect(later.some((s) => s.endsWith('src/ui/scenarioEdits.svelte.ts'))).toBe(true);
    expect(later.some((s) => s.endsWith('src/viz/editor/documentEdits.ts'))).toBe(true);
  });
});
