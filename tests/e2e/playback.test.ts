// End-to-end tests of the animated simulator view in Debian's Chromium: packets on the canvas
// move while playing and freeze when paused, stepping lands on the trace's own times, rewinding
// redraws an earlier moment, clicking a dot selects it, keyboard and reduced motion, pan and
// zoom, themes.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { coreRun } from './reference.ts';
import {
  appSession,
  dotOfColour,
  pause,
  rewind,
  shot,
  startRun as run,
  timeNs,
} from './appSession.ts';

const session = appSession();
const { openApp } = session;

/** The canvas's pixels (as a PNG data URL, to compare two moments). */
async function pixels(page: Page): Promise<string> {
  return page.getByTestId('packet-canvas').evaluate((c) => (c as HTMLCanvasElement).toDataURL());
}

describe('the animated simulator view', () => {
  it('plays packets along the link, and pausing freezes them', async () => {
    const page = await openApp();
    await run(page, 25);
    await rewind(page);
    await page.getByTestId('play').click();
    await page.waitForTimeout(150);
    const first = await pixels(page);
    await page.waitForTimeout(400);
    const second = await pixels(page);
    expect(second).not.toBe(first);
    expect(await timeNs(page)).toBeGreaterThan(0);
    await shot(page, 'playback-playing');
    await pause(page);
    const time = await timeNs(page);
    const frozen = await pixels(page);
    await page.waitForTimeout(400);
    expect(await pixels(page)).toBe(frozen);
    expect(await timeNs(page)).toBe(time);
    expect(session.errors).toEqual([]);
  });

  it('steps to exactly the next event and the next packet event of the trace', async () => {
    const page = await openApp();
    await run(page, 25);
    await rewind(page);
    const records = coreRun(25).records;
    const times = [...new Set(records.map((r) => r.t))];
    const packetTypes = new Set(['link.txBegin', 'link.txEnd', 'link.rx', 'link.lost']);
    const packetTimes = [
      ...new Set(records.filter((r) => packetTypes.has(r.type)).map((r) => r.t)),
    ];
    let t = 0;
    for (let i = 0; i < 4; i++) {
      await page.getByTestId('step').click();
      const next = times.find((x) => x > t) as number;
      expect(await timeNs(page)).toBe(next);
      t = next;
    }
    // 9482 ns is the end of the laptop's ARP request (packet #2, before the first ping can go):
    // a 64-byte frame at 54 Mbit/s, 8 × 64 / 54e6 s = 9481.5 ns, rounded up.
    expect(times[1]).toBe(9_482);
    expect(await page.getByTestId('time').textContent()).toMatch(/^0\.\d{3} \d{3} \d{3} s$/);
    for (let i = 0; i < 3; i++) {
      await page.getByTestId('step-packet').click();
      const next = packetTimes.find((x) => x > t) as number;
      expect(await timeNs(page)).toBe(next);
      t = next;
    }
    await page.getByTestId('step-back').click();
    expect(await timeNs(page)).toBe([...times].reverse().find((x) => x < t));
    // The scrubber says the time in words for screen readers.
    expect(await page.getByTestId('scrubber').getAttribute('aria-valuetext')).toMatch(/ms$/);
    expect(session.errors).toEqual([]);
  });

  it('rewinds: scrubbing back redraws the earlier moment from the recorded trace', async () => {
    const page = await openApp();
    await run(page, 25);
    await rewind(page);
    const scrubber = page.getByTestId('scrubber');
    // Tick 1 of 1000 over 15 s: 15 ms, the ARP request (packet #2, sent at 0 and arriving at
    // 20.009482 ms) is on the wire.
    await page.locator('[data-testid="packets-in-flight"] summary').click();
    await scrubber.fill('1');
    expect(await timeNs(page)).toBe(15_000_000);
    const early = await pixels(page);
    expect(await page.getByTestId('packets-in-flight').textContent()).toContain('#2 ARP request');
    // Tick 4: 60 ms, request 1 (packet #1), sent when the reply came at 40.018964 ms, arrives at
    // 40.018964 + 0.015112 (102 bytes at 54 Mbit/s) + 20 = 60.034076 ms: still on the wire.
    await scrubber.fill('4');
    expect(await timeNs(page)).toBe(60_000_000);
    const later = await pixels(page);
    expect(later).not.toBe(early);
    expect(await page.getByTestId('packets-in-flight').textContent()).toContain('#1 UDP');
    await scrubber.fill('1');
    expect(await timeNs(page)).toBe(15_000_000);
    expect(await pixels(page)).toBe(early);
    expect(session.errors).toEqual([]);
  });

  it('selects a packet by clicking its dot, and says which it is', async () => {
    const page = await openApp();
    await run(page, 25);
    await rewind(page);
    // At 15 ms the ARP request is the only packet on the wire (see the rewind test).
    await page.getByTestId('scrubber').fill('1');
    const arp = await dotOfColour(page, '--pkt-arp');
    expect(arp).not.toBeNull();
    await page.getByTestId('packet-canvas').click({ position: arp! });
    const caption = page.getByTestId('selection');
    await caption.waitFor();
    expect(await caption.textContent()).toContain(
      'Packet #2: ARP request Who has 192.168.1.20? Tell 192.168.1.10 · on link wifi, Laptop → Echo server · on the wire',
    );
    // Tick 142, 2.13 s: request 3 (packet #7, sent at 2.124079412 s) is on the wire; the link
    // loses it at 2.124079412 + 0.000015112 + 0.02 = 2.144094524 s, before tick 143 (2.145 s).
    await page.getByTestId('scrubber').fill('142');
    const dot = await dotOfColour(page, '--pkt-udp');
    expect(dot).not.toBeNull();
    await page.getByTestId('packet-canvas').click({ position: dot! });
    expect(await caption.textContent()).toContain(
      'Packet #7: UDP 58814 → 7 len=56 · on link wifi, Laptop → Echo server · on the wire',
    );
    await shot(page, 'playback-selected');
    await page.getByTestId('scrubber').fill('143');
    expect(await caption.textContent()).toContain('lost');
    await page.getByRole('button', { name: 'Clear selection' }).click();
    expect(await caption.count()).toBe(0);
    // A click on a card (through the canvas above it) selects the node.
    const card = await page.locator('[data-node="server"] .label').boundingBox();
    await page.mouse.click(card!.x + card!.width / 2, card!.y + card!.height / 2);
    expect(await caption.textContent()).toContain('Node Echo server (id server)');
    expect(session.errors).toEqual([]);
  });

  it('plays, pauses, steps and selects with the keyboard alone', async () => {
    const page = await openApp();
    await run(page, 25);
    await rewind(page);
    const play = page.getByTestId('play');
    await page.keyboard.press('Space');
    await play.filter({ hasText: 'Pause' }).waitFor();
    await page.keyboard.press('Space');
    await play.filter({ hasText: 'Play' }).waitFor();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    expect(await timeNs(page)).toBe(9_482);
    await page.keyboard.press('.');
    expect(await timeNs(page)).toBe(coreRun(25).records.find((r) => r.t > 9_482)?.t);
    await page.keyboard.press('Shift+ArrowRight');
    const afterPacket = await timeNs(page);
    expect(afterPacket).toBeGreaterThan(9_482);
    await page.keyboard.press('ArrowLeft');
    expect(await timeNs(page)).toBeLessThan(afterPacket);
    await page.keyboard.press('End');
    expect(await timeNs(page)).toBe(15e9);
    // Typing in a field never drives the playback.
    await page.getByLabel('Seed').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Space');
    expect(await timeNs(page)).toBe(15e9);
    expect(await play.textContent()).toBe('Play');
    // The packets on screen, as buttons: Tab to one, Enter selects it.
    await page.getByTestId('scrubber').fill('1');
    await page.locator('[data-testid="packets-in-flight"] summary').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="packets-in-flight"] li button').first().waitFor();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focused).toContain('#2 ARP request');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('selection').textContent()).toContain('Packet #2: ARP request');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');
    expect(session.errors).toEqual([]);
  });

  it('honours reduced motion: no autoplay, stepping and playing still work', async () => {
    const page = await openApp({ reducedMotion: 'reduce' });
    await run(page, 25);
    await page.waitForTimeout(300);
    expect(await page.getByTestId('play').textContent()).toBe('Play');
    expect(await timeNs(page)).toBe(0);
    // The page says the run waits and how to play it; the hint goes once time moves.
    expect(await page.getByTestId('reduced-motion-hint').textContent()).toContain('press Play');
    const still = await pixels(page);
    await page.waitForTimeout(300);
    expect(await pixels(page)).toBe(still);
    await page.getByTestId('step').click();
    expect(await timeNs(page)).toBe(9_482);
    expect(await page.getByTestId('reduced-motion-hint').count()).toBe(0);
    await page.getByTestId('play').click();
    await page.waitForTimeout(300);
    expect(await timeNs(page)).toBeGreaterThan(9_482);
    await pause(page);
    // A dropped packet stays where it was lost (no fall) with its reason: packet #7, lost at
    // 2.144094524 s (see the selection test).
    await page.getByTestId('scrubber').fill('143');
    await shot(page, 'playback-reduced-motion-drop');
    expect(session.errors).toEqual([]);
  });

  it('pans and zooms with buttons and keys, packets staying on their links, and fits again', async () => {
    const page = await openApp({ reducedMotion: 'reduce' });
    await run(page, 25);
    await page.getByTestId('scrubber').fill('1');
    const group = page.locator('[data-testid="topology"] > g');
    expect(await group.getAttribute('transform')).toContain('scale(1)');
    await page.locator('h1').click();
    await page.keyboard.press('+');
    await expect.poll(() => group.getAttribute('transform')).toContain('scale(1.25)');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => group.getAttribute('transform')).toContain('scale(1.5625)');
    // The canvas follows the SVG: the ARP request's dot (packet #2, on the wire at 15 ms) is on
    // the wifi line, in its lane (5 layout units to the right of its direction of travel: below
    // the line, going right).
    const line = page.locator('[data-link="wifi"] line');
    const box = await line.boundingBox();
    const units = Number(await line.getAttribute('x2')) - Number(await line.getAttribute('x1'));
    const scale = box!.width / units;
    const canvas = await page.getByTestId('packet-canvas').boundingBox();
    const dot = await dotOfColour(page, '--pkt-arp');
    expect(dot).not.toBeNull();
    const y = canvas!.y + dot!.y;
    const x = canvas!.x + dot!.x;
    expect(Math.abs(y - (box!.y + box!.height / 2) - 5 * scale)).toBeLessThan(3);
    expect(x).toBeGreaterThan(box!.x);
    expect(x).toBeLessThan(box!.x + box!.width);
    await shot(page, 'playback-zoomed');
    await page.keyboard.press('0');
    await expect.poll(() => group.getAttribute('transform')).toContain('scale(1)');
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(() => group.getAttribute('transform')).toContain('scale(0.8)');
    await page.getByTestId('zoom-fit').click();
    await expect.poll(() => group.getAttribute('transform')).toContain('scale(1)');
    expect(session.errors).toEqual([]);
  });

  it('switches themes, remembers the choice, and works without storage', async () => {
    const page = await openApp();
    const background = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();
    await page.getByRole('radio', { name: 'Dark' }).check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).not.toBe(light);
    await page.reload();
    await page.getByTestId('scenario-name').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByRole('radio', { name: 'System' }).check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    expect(await background()).toBe(light);
    // Storage that throws on every touch: the switch still works for this page.
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
    });
    await page.reload();
    await page.getByTestId('scenario-name').waitFor();
    await page.getByRole('radio', { name: 'Dark' }).check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(session.errors).toEqual([]);
  });
});
