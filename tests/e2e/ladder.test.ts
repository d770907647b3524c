// End-to-end, in Debian's Chromium: the ladder reads well at any length. On the built-in TCP bulk
// transfer no two drawn labels overlap, fitted or zoomed in; runs of data segments (with the ACKs
// coming back) are bars that open by keyboard; a brush or the From / To form shows a time window
// and "Whole run" goes back. On the built-in HTTPS login, labels stay between the lifelines and
// off each other.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appSession, runWithSeed, SHOTS } from './appSession.ts';

const session = appSession();

/** Opens a built-in example by its name and runs it with `seed` to the end. */
async function openExample(page: Page, name: string, seed: number): Promise<void> {
  await page.getByLabel('Open a built-in example').selectOption({ label: name });
  await expect.poll(() => page.getByTestId('scenario-name').textContent()).toBe(name);
  await runWithSeed(page, seed);
}

/** Opens the Ladder tab on all traffic between two nodes. */
async function showLadder(page: Page, a: string, b: string): Promise<Locator> {
  await page.getByRole('tab', { name: 'Ladder' }).click();
  const ladder = page.getByTestId('ladder-diagram');
  await ladder.getByTestId('ladder-node-a').selectOption(a);
  await ladder.getByTestId('ladder-node-b').selectOption(b);
  await ladder.getByRole('button', { name: 'Show' }).click();
  // Drawn one by one (buttons), or as one picture when too crowded.
  await ladder.locator('g[role="button"]').first().or(ladder.getByTestId('ladder-dense')).waitFor();
  return ladder;
}

interface Drawn {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Every label drawn on the ladder, with its box on screen. */
function labelBoxes(ladder: Locator): Promise<Drawn[]> {
  return ladder.locator('[data-ladder-label]').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return {
        text: e.textContent ?? '',
        left: r.left,
        right: r.right,
        top: r.top,
        bottom: r.bottom,
      };
    }),
  );
}

/** The pairs of labels whose boxes share some area, as `text × text`. */
function overlaps(boxes: Drawn[]): string[] {
  const out: string[] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
        out.push(`${a.text} × ${b.text}`);
      }
    }
  });
  return out;
}

describe('the ladder of a long transfer', () => {
  it('never overprints labels, fitted or zoomed, and groups data segments into bars', async () => {
    const page = await session.openApp();
    await openExample(page, 'A file upload through a slow link', 1);
    const ladder = await showLadder(page, 'laptop', 'server');
    // Fit is the default mode.
    const fit = ladder.getByRole('button', { name: 'Fit', exact: true });
    expect(await fit.getAttribute('aria-pressed')).toBe('true');
    const fitted = await labelBoxes(ladder);
    expect(fitted.length).toBeGreaterThan(5);
    expect(overlaps(fitted)).toEqual([]);
    await ladder.screenshot({ path: join(SHOTS, 'ladder-fit.png') });

    // Zoomed in: a long diagram, scrolled to its middle; what is drawn still never overprints.
    const zoomIn = ladder.getByRole('button', { name: 'Zoom in' });
    for (let i = 0; i < 4; i++) await zoomIn.click();
    expect(await fit.getAttribute('aria-pressed')).toBe('false');
    await ladder.getByLabel('Follow the time shown').uncheck();
    const scroller = ladder.getByRole('group', { name: /Ladder diagram, scrollable/ });
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await expect.poll(async () => (await labelBoxes(ladder)).length).toBeGreaterThan(5);
    expect(overlaps(await labelBoxes(ladder))).toEqual([]);
    await fit.click();

    // A run of data segments, with the ACKs that came back meanwhile, is one bar; Enter opens it
    // into its segments and ACKs, one arrow each.
    const runs = ladder.getByTestId('ladder-run');
    // Fit redraws a frame or so after the click (and a busy machine may take longer): wait for it.
    await expect.poll(() => runs.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const before = await runs.count();
    const name = (await runs.first().getAttribute('aria-label')) ?? '';
    const [, segments, acks] = /^(\d+) data segments \([\d,]+ bytes\), (\d+) ACKs/.exec(name) ?? [];
    expect(Number(segments)).toBeGreaterThanOrEqual(3);
    expect(Number(acks)).toBeGreaterThan(0);
    // Two bands: the data going one way, the ACKs coming back.
    expect(await runs.first().locator('polygon.band').count()).toBe(2);
    const arrowsBefore = await ladder.locator('g.arrow').count();
    await runs.first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => runs.count()).toBe(before - 1);
    expect(await ladder.locator('g.arrow').count()).toBe(
      arrowsBefore + Number(segments) + Number(acks),
    );
    // The focus lands on the run's first segment, whose full words the detail line shows.
    const focused = page.locator('g.arrow:focus');
    expect(await focused.count()).toBe(1);
    expect(await ladder.getByTestId('ladder-detail').textContent()).toMatch(/len=\d+/);
    expect(overlaps(await labelBoxes(ladder))).toEqual([]);
    await ladder.getByRole('button', { name: 'Group data segments' }).click();
    await expect.poll(() => runs.count()).toBe(before);
    expect(session.errors).toEqual([]);
  });

  it('shows a time window picked by brush or by keyboard, and the whole run again', async () => {
    const page = await session.openApp();
    await openExample(page, 'A file upload through a slow link', 1);
    const ladder = await showLadder(page, 'laptop', 'server');
    const counts = ladder.getByTestId('ladder-counts');
    const whole = Number(/\d+/.exec((await counts.textContent()) ?? '')?.[0]);
    expect(whole).toBeGreaterThan(100);

    // Drag down the time axis over a tenth of the diagram (in view first: the mouse does not scroll).
    await ladder.getByTestId('ladder-brush').scrollIntoViewIfNeeded();
    const brush = await ladder.getByTestId('ladder-brush').boundingBox();
    const x = brush!.x + brush!.width / 2;
    const y = brush!.y + brush!.height * 0.45;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y + brush!.height * 0.05, { steps: 4 });
    await page.mouse.move(x, y + brush!.height * 0.1, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await counts.textContent()) ?? '').toMatch(/in the window/);
    const windowed = Number(/\d+/.exec((await counts.textContent()) ?? '')?.[0]);
    expect(windowed).toBeGreaterThan(0);
    expect(windowed).toBeLessThan(whole / 2);
    expect(overlaps(await labelBoxes(ladder))).toEqual([]);
    await ladder.screenshot({ path: join(SHOTS, 'ladder-window.png') });

    // Whole run goes back to everything.
    await ladder.getByTestId('ladder-whole-run').click();
    await expect.poll(async () => (await counts.textContent()) ?? '').toMatch(/so far/);

    // The keyboard way: SYN and SYN-ACK only. The laptop starts at 100 ms and its SYN leaves
    // after its ARP exchange with the router (2.01 ms); the router asks for the server's MAC
    // (40.51 ms on the 2 Mbit/s, 20 ms line), so the server sends its SYN-ACK at about 163.8 ms
    // and the laptop's ACK, the first packet after it, goes at 185.04448 ms (the run's
    // connectedAtNs): a window to 175 ms holds the two.
    const form = ladder.getByRole('form', { name: 'Time window' });
    await form.getByLabel('From (ms)').fill('99');
    await form.getByLabel('To (ms)').fill('175');
    await form.getByLabel('To (ms)').press('Enter');
    await expect
      .poll(async () => (await counts.textContent()) ?? '')
      .toMatch(/^\s*2 packets in the window/);
    const names = await ladder
      .locator('g[role="button"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/\bSYN\b(?!-)/);
    expect(names[1]).toMatch(/\bSYN-ACK\b/);
    expect(session.errors).toEqual([]);
  });
});

describe('the ladder of a crowded exchange', () => {
  it('says when the fitted diagram is too crowded, and not once a window is drawn', async () => {
    const page = await session.openApp();
    await openExample(page, "TCP's options on a long, fast path", 1);
    const ladder = await showLadder(page, 'laptop', 'modern');
    // Thousands of packets in 440 px: the note says how many items share how few pixels.
    const crowded = ladder.getByTestId('ladder-crowded');
    await expect.poll(() => crowded.count()).toBe(1);
    const [, items, px] =
      /^\s*([\d,]+) arrows and bars share (\d+) px/.exec((await crowded.textContent()) ?? '') ?? [];
    // Under 3 px an item.
    expect(3 * Number(items?.replace(/,/g, ''))).toBeGreaterThan(Number(px));
    expect(Number(px)).toBeLessThanOrEqual(440);
    // Too many to draw one by one: one picture, no buttons (nothing is selected).
    expect(await crowded.textContent()).toMatch(/drawn as one picture/);
    expect(await ladder.getByTestId('ladder-dense').count()).toBe(1);
    expect(await ladder.locator('g[role="button"]').count()).toBe(0);
    // A window of its first moments: few enough to read, drawn as buttons, and the note is gone.
    const form = ladder.getByRole('form', { name: 'Time window' });
    await form.getByLabel('From (ms)').fill('0');
    await form.getByLabel('To (ms)').fill('150');
    await form.getByLabel('To (ms)').press('Enter');
    await expect
      .poll(async () => (await ladder.getByTestId('ladder-counts').textContent()) ?? '')
      .toMatch(/in the window/);
    await expect.poll(() => crowded.count()).toBe(0);
    expect(await ladder.getByTestId('ladder-dense').count()).toBe(0);
    expect(await ladder.locator('g[role="button"]').count()).toBeGreaterThan(0);
    expect(session.errors).toEqual([]);
  });
});

describe('the ladder of an HTTPS login', () => {
  it('keeps every label between the lifelines and off every other label', async () => {
    const page = await session.openApp();
    await openExample(page, 'Logging in over HTTPS', 21);
    const ladder = await showLadder(page, 'laptop', 'web');
    const lanes = await ladder
      .locator('line.lifeline')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left).sort((a, b) => a - b));
    expect(lanes).toHaveLength(2);
    for (const mode of ['Fit', 'Zoom in']) {
      if (mode !== 'Fit') await ladder.getByRole('button', { name: mode }).click();
      const boxes = await labelBoxes(ladder);
      expect(boxes.length).toBeGreaterThan(5);
      // TLS messages are named on the arrows.
      expect(boxes.some((b) => b.text.includes('TLS'))).toBe(true);
      expect(overlaps(boxes)).toEqual([]);
      for (const b of boxes) {
        expect(b.left, b.text).toBeGreaterThanOrEqual(lanes[0]!);
        expect(b.right, b.text).toBeLessThanOrEqual(lanes[1]!);
      }
    }
    await ladder.screenshot({ path: join(SHOTS, 'ladder-https.png') });
    expect(session.errors).toEqual([]);
  });
});
