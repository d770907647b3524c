// End-to-end tests of the topology's pan and zoom (src/ui/actions/zoom.ts) in Debian's Chromium:
// a drag pans and is not a click, while a click still selects; Ctrl + wheel zooms about the
// pointer within the limits and keeps the wheel from the page, the wheel alone does not zoom and
// is left to the page; a double click does nothing; a two-finger pinch zooms about its midpoint
// and pans; button zooms animate unless motion is reduced; inside the embed the same, and the
// wheel scrolls the course page.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { appSession, pause, startRun } from './appSession.ts';
import { startHost } from './embedHost.ts';

const session = appSession();
const { openApp } = session;

/**
 * The centre and width of an element on the page, read after the next frame: Chromium may give
 * an SVG element's box from before its group's transform changed until it draws again.
 */
async function place(locator: Locator): Promise<{ x: number; y: number; width: number }> {
  const box = await locator.evaluate(async (e) => {
    await new Promise(requestAnimationFrame);
    return e.getBoundingClientRect().toJSON() as DOMRect;
  });
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, width: box.width };
}

const card = (page: Page) => page.locator('[data-node="server"] rect.card');

/**
 * Waits until the page has fetched its lazy parts and the server's card has stayed put for a
 * while: a panel arriving late changes the picture's width, which moves the card.
 */
async function settled(page: Page, server = card(page)): Promise<void> {
  await page.waitForLoadState('networkidle');
  let last = '';
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(await place(server));
        const same = now === last;
        last = now;
        return same;
      },
      { interval: 200 },
    )
    .toBe(true);
}
const group = (page: Page) => page.locator('[data-testid="topology"] > g');
const scaleOf = async (page: Page) =>
  Number(/scale\(([^)]+)\)/.exec((await group(page).getAttribute('transform')) ?? '')?.[1]);

/** From now on, every scale the picture's group is drawn at, in `window.scales`. */
async function noteScales(page: Page): Promise<void> {
  await group(page).evaluate((g) => {
    const scales: number[] = [];
    (window as unknown as { scales: number[] }).scales = scales;
    new MutationObserver(() => {
      scales.push(Number(/scale\(([^)]+)\)/.exec(g.getAttribute('transform') ?? '')?.[1]));
    }).observe(g, { attributes: true, attributeFilter: ['transform'] });
  });
}
const scales = (page: Page) =>
  page.evaluate(() => (window as unknown as { scales: number[] }).scales);

/** From now on, every wheel event, in `window.wheels` (seen first, before the picture's). */
async function noteWheels(page: Page): Promise<void> {
  await page.evaluate(() => {
    const wheels: WheelEvent[] = [];
    (window as unknown as { wheels: WheelEvent[] }).wheels = wheels;
    window.addEventListener('wheel', (event) => wheels.push(event), { capture: true });
  });
}
/** Whether each wheel event so far was kept from the page. */
const wheels = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { wheels: WheelEvent[] }).wheels.map((e) => e.defaultPrevented),
  );

describe('pan and zoom of the topology', () => {
  it('pans by a drag that is not a click, while a click still selects', async () => {
    const page = await openApp({ reducedMotion: 'reduce' });
    await startRun(page, 7);
    await pause(page);
    await settled(page);
    const before = await place(card(page));
    // A drag that starts on the server's card moves the picture and does not select the card.
    await page.mouse.move(before.x, before.y);
    await page.mouse.down();
    await page.mouse.move(before.x + 60, before.y + 40, { steps: 5 });
    await page.mouse.up();
    expect(await page.getByTestId('selection').count()).toBe(0);
    const after = await place(card(page));
    expect(after.x - before.x).toBeCloseTo(60, 0);
    expect(after.y - before.y).toBeCloseTo(40, 0);
    expect(after.width).toBeCloseTo(before.width, 1);
    // A click where it is now selects it.
    await page.mouse.click(after.x, after.y);
    await expect.poll(() => page.getByTestId('selection').textContent()).toContain('Echo server');
    // A drag with Ctrl held does not pan.
    await page.keyboard.down('Control');
    await page.mouse.move(after.x, after.y);
    await page.mouse.down();
    await page.mouse.move(after.x + 50, after.y, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Control');
    expect((await place(card(page))).x).toBeCloseTo(after.x, 0);
    // A double click does not zoom.
    await page.mouse.dblclick(after.x, after.y);
    expect(await scaleOf(page)).toBe(1);
    expect(session.errors).toEqual([]);
  });

  it('zooms by Ctrl + wheel about the pointer within its limits, and leaves the plain wheel to the page', async () => {
    const page = await openApp({ reducedMotion: 'reduce' });
    await noteWheels(page);
    await settled(page);
    const before = await place(card(page));
    // A wheel event's position is in whole pixels: the pointer on one near the card's centre.
    const [mx, my] = [Math.round(before.x), Math.round(before.y)];
    await page.mouse.move(mx, my);
    // The wheel alone does not zoom, nor is it kept from the page.
    await page.mouse.wheel(0, -100);
    await expect.poll(() => wheels(page)).toEqual([false]);
    expect(await scaleOf(page)).toBe(1);
    // With Ctrl, 100 px up is 2^(100 * 0.002 * 10) = 4 times, about the pointer.
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await expect.poll(() => scaleOf(page)).toBe(4);
    const zoomed = await place(card(page));
    expect(zoomed.x - mx).toBeCloseTo(4 * (before.x - mx), 0);
    expect(zoomed.y - my).toBeCloseTo(4 * (before.y - my), 0);
    expect(zoomed.width / before.width).toBeCloseTo(4, 2);
    // No further than 8 times, and no smaller than half.
    await page.mouse.wheel(0, -500);
    await expect.poll(() => scaleOf(page)).toBe(8);
    await page.mouse.wheel(0, 500);
    await expect.poll(() => scaleOf(page)).toBe(0.5);
    await page.keyboard.up('Control');
    expect((await wheels(page)).slice(1)).toEqual([true, true, true]);
    expect(session.errors).toEqual([]);
  });

  it('pinches with two fingers about their midpoint, and pans with them', async () => {
    const page = await openApp({ reducedMotion: 'reduce', hasTouch: true });
    await settled(page);
    const before = await place(card(page));
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: [number, number][]) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: points.map(([x, y], id) => ({ x, y, id })),
      });
    const { x, y } = before;
    await touch('touchStart', [
      [x - 40, y],
      [x + 40, y],
    ]);
    // The fingers twice as far apart: twice the size, the card's centre between them still.
    await touch('touchMove', [
      [x - 80, y],
      [x + 80, y],
    ]);
    await expect.poll(() => scaleOf(page)).toBe(2);
    const pinched = await place(card(page));
    expect(pinched.x).toBeCloseTo(x, 0);
    expect(pinched.y).toBeCloseTo(y, 0);
    expect(pinched.width / before.width).toBeCloseTo(2, 2);
    // Both fingers 30 px down: the picture follows.
    await touch('touchMove', [
      [x - 80, y + 30],
      [x + 80, y + 30],
    ]);
    await expect.poll(async () => (await place(card(page))).y - y).toBeCloseTo(30, 0);
    await touch('touchEnd', []);
    expect(await scaleOf(page)).toBe(2);
    expect(session.errors).toEqual([]);
  });

  it('animates a button zoom, and jumps when motion is reduced', async () => {
    const page = await openApp();
    await settled(page);
    await noteScales(page);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => (await scales(page)).at(-1)).toBe(1.25);
    const steps = await scales(page);
    // Frames on the way (as many as the machine draws in 200 ms), each larger than the last.
    expect(steps.length).toBeGreaterThan(1);
    expect(steps.every((k, i) => k > 1 && (i === 0 || k > (steps[i - 1] as number)))).toBe(true);

    const still = await openApp({ reducedMotion: 'reduce' });
    await settled(still);
    await noteScales(still);
    await still.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => scales(still)).toEqual([1.25]);
    await still.getByTestId('zoom-fit').click();
    await expect.poll(() => scales(still)).toEqual([1.25, 1]);
    expect(session.errors).toEqual([]);
  });
});

describe('pan and zoom inside the embed', () => {
  const base = inject('baseUrl');
  let host: Awaited<ReturnType<typeof startHost>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost({
      '/': `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>A course page</title></head>
  <body>
    <handshake-sim id="sim" scenario="${base}simulations/ping-over-a-link.json" view="topology" height="420"></handshake-sim>
    <div style="height: 3000px">A long article.</div>
    <script type="module" src="${base}handshake-sim.js"></script>
  </body>
</html>`,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('pans by a drag, zooms by Ctrl + wheel, and lets the wheel scroll the page', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    await page.goto(host.url);
    const server = page.locator('#sim [data-node="server"] rect.card');
    await server.waitFor();
    await settled(page, server);
    const before = await place(server);
    await page.mouse.move(before.x, before.y);
    await page.mouse.down();
    await page.mouse.move(before.x - 30, before.y + 20, { steps: 4 });
    await page.mouse.up();
    const after = await place(server);
    expect(after.x - before.x).toBeCloseTo(-30, 0);
    expect(after.y - before.y).toBeCloseTo(20, 0);
    // Ctrl + wheel zooms about the pointer and does not scroll.
    await page.keyboard.down('Control');
    await page.mouse.move(after.x, after.y);
    await page.mouse.wheel(0, -50);
    await expect.poll(async () => (await place(server)).width / after.width).toBeCloseTo(2, 2);
    await page.keyboard.up('Control');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // The wheel alone scrolls the course page.
    await page.mouse.wheel(0, 200);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await page.close();
  });
});
