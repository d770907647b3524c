// End-to-end tests of the built app in Debian's Chromium: the default scenario, runs that agree
// with the CLI and the core byte for byte, keyboard use, and a seed refused.
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../src/engine/trace.ts';
import { formatSummaryLines } from '../../src/sim/index.ts';
import { cliRun, coreRun, defaultScenarioJson } from './reference.ts';
import {
  appSession,
  logCount,
  logEntries,
  logTexts,
  runWithSeed,
  shot,
  text,
  waitForRun,
} from './appSession.ts';

const session = appSession();
const { openApp } = session;

describe('the Handshake app', () => {
  it('opens on the default scenario with its topology drawn', async () => {
    const page = await openApp();
    expect(await text(page, 'scenario-name')).toBe(defaultScenarioJson.name);
    expect(await text(page, 'scenario-description')).toBe(defaultScenarioJson.description);
    const nodes = page.locator('[data-testid="topology"] [data-node]');
    expect(await nodes.count()).toBe(2);
    // Each card: the role as an icon and a word, the name, the id, and the interface addresses
    // as the document writes them ("wlan0", "192.168.1.10/24").
    const laptop = (await page.locator('[data-node="laptop"]').textContent()) ?? '';
    expect(laptop).toMatch(/client/);
    expect(laptop).toMatch(/Laptop/);
    expect(laptop).toMatch(/id laptop/);
    expect(laptop).toContain('wlan0 192.168.1.10/24');
    const server = (await page.locator('[data-node="server"]').textContent()) ?? '';
    expect(server).toMatch(/Echo server.*server/s);
    expect(server).toContain('eth0 192.168.1.20/24');
    expect(await page.locator('[data-node] path.icon').count()).toBe(2);
    // The link: "54Mbps", "20ms" and loss 0.2 in the document; no queue is set, so none is shown.
    const wifi = (await page.locator('[data-link="wifi"]').textContent()) ?? '';
    expect(await page.locator('[data-link="wifi"] text.id').textContent()).toBe('wifi');
    expect(wifi).toContain('54 Mbit/s · 20 ms · 20% loss');
    expect(wifi).not.toContain('queue');
    const picture = page.getByRole('group', { name: /2 nodes/ });
    expect(await picture.count()).toBe(1);
    expect(await picture.getAttribute('aria-label')).toContain(
      'Link wifi joins Laptop wlan0 (192.168.1.10/24) and Echo server eth0 (192.168.1.20/24): 54 Mbit/s, 20 ms, 20% loss.',
    );
    await expect(page.getByLabel('Seed').inputValue()).resolves.toBe('25');
    await shot(page, 'default-light');
    expect(session.errors).toEqual([]);
  });

  it('runs with a seed and agrees with the CLI and the core, number for number and byte for byte', async () => {
    const page = await openApp();
    await runWithSeed(page, 3);
    const cli = cliRun(3);
    const core = coreRun(3);
    expect(cli.summary.traceRecords).toBe(core.summary.traceRecords);
    // The text summary is formatSummaryLines of the browser's run; the CLI's numbers must give it.
    expect(await text(page, 'summary-lines')).toBe(core.lines.join('\n'));
    expect(formatSummaryLines(cli.summary)).toEqual(core.lines);
    const pinger = cli.summary.apps.pinger?.[0];
    const link = cli.summary.links[0];
    if (!pinger || !link) throw new Error('the CLI summary has no pinger or no link');
    for (const key of ['sent', 'retries', 'replies', 'lost', 'lateReplies'] as const) {
      expect(
        await page
          .locator(`[data-testid="summary-pinger-laptop"] [data-metric="${key}"]`)
          .textContent(),
      ).toBe(String(pinger[key]));
    }
    // Each direction of the link on its own row: laptop to server, then server to laptop.
    const counters = ['sent', 'delivered', 'lost', 'queueDrops', 'maxQueue'] as const;
    for (const [d, direction] of (['ab', 'ba'] as const).entries()) {
      const row = page.locator(`[data-testid="link-wifi"] tr[data-direction="${direction}"]`);
      expect(await row.locator('th').textContent()).toBe(
        d === 0 ? 'Laptop → Echo server' : 'Echo server → Laptop',
      );
      for (const key of counters) {
        expect(await row.locator(`[data-metric="${key}"]`).textContent()).toBe(
          String(link.directions[d]![key]),
        );
      }
    }
    expect(await page.getByTestId('summary').textContent()).toContain(
      'Laptop → Echo server (192.168.1.20:7)',
    );
    expect(await text(page, 'metric-events')).toBe(String(cli.summary.events));
    expect(await text(page, 'metric-trace')).toBe(String(cli.summary.traceRecords));
    // The fingerprint is the SHA-256 of the same JSON Lines in Node and from the CLI's file.
    expect(await text(page, 'trace-sha256')).toBe(core.sha256);
    expect(core.sha256).toBe(cli.traceSha256);
    // By default the log hides details and state changes; shown, it narrates every record.
    const details = core.log.filter((e) => e.kind === 'detail' || e.kind === 'state').length;
    expect(details).toBeGreaterThan(0);
    expect(await logCount(page)).toBe(core.summary.traceRecords - details);
    await page.getByTestId('show-states').check();
    expect(await logCount(page)).toBe(core.summary.traceRecords);
    expect(await logTexts(page)).toEqual(core.log.map((e) => e.text));
    await page.getByText('Trace fingerprint').click();
    await shot(page, 'run-seed-3-light');
    expect(session.errors).toEqual([]);
  });

  it('can be run with the keyboard alone, and narrates the run in the live log', async () => {
    const page = await openApp({ reducedMotion: 'reduce' });
    const focused = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    await page.locator('body').focus();
    for (let i = 0; i < 20 && (await focused()) !== 'seed'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('seed');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('5');
    // Select-all then type replaces the seed; a busy page must not leave "255" or "525" behind.
    expect(await page.getByTestId('seed').inputValue()).toBe('5');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('run');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await waitForRun(page, 5);
    const log = page.getByTestId('event-log');
    expect(await log.getAttribute('role')).toBe('log');
    // The list follows the time shown; a separate polite region announces only what is new.
    expect(await page.getByTestId('log-announcer').getAttribute('aria-live')).toBe('polite');
    const narration = (await logTexts(page)).join('\n');
    // First the laptop asks for the server's MAC (ARP request, packet #2); the first request,
    // packet #1 (56 bytes of payload + 8 (UDP) + 20 (IPv4) = 84 bytes), waits for the answer.
    expect(narration).toContain(
      'Laptop does not know the MAC address of Echo server (192.168.1.20) and asks every station on wlan0: who has 192.168.1.20? (ARP request #2)',
    );
    expect(narration).toContain(
      'Laptop sends request 1 to Echo server (192.168.1.20:7) in packet #1.',
    );
    expect(narration).toContain(
      'Laptop (192.168.1.10) starts sending an 84-byte UDP packet #1 to Echo server (192.168.1.20:7) on link wifi.',
    );
    // Which packets the link loses and which replies get timed depends on the seed: take them
    // from the core's run of the same seed. A timed round trip is two transmissions of 102-byte
    // frames (84 + 18) at 54 Mbit/s (ceil(102 * 8 / 54e6 s) = 15112 ns each), 2 x 20 ms latency
    // and 2 ms of service: 42.030224 ms, shown as 42.03 ms; the first also waits for the ARP
    // exchange, two 64-byte frames (9482 ns each) and 2 x 20 ms: 82.049188 ms, shown 82.049 ms.
    const reference = coreRun(5);
    const lost = reference.records.filter((r) => r.type === 'link.lost');
    expect(lost.length).toBeGreaterThan(0);
    for (const r of lost) expect(narration).toContain(`Packet #${r.pkt} is lost on link wifi.`);
    const timed = reference.records.filter(
      (r): r is TraceRecord<'app.reply'> => r.type === 'app.reply' && r.rtt !== null,
    );
    expect(timed.length).toBeGreaterThan(0);
    for (const r of timed) {
      const took = r.seq === 1 ? '82.049 ms' : '42.03 ms';
      expect(narration).toContain(`Laptop gets reply ${r.seq}: the round trip took ${took}.`);
    }
    // With this seed the link loses packet #6, the server's first reply to request 2; the pinger
    // (3 retries) times out after 200 ms and sends request 2 again.
    expect(lost.map((r) => r.pkt)).toContain(6);
    expect(narration).toContain('Laptop times out waiting for reply 2 and retries.');
    // Details (a transmission ending, a hand-over to UDP) stay hidden until asked for.
    expect(narration).not.toContain('The last bit of packet #1 leaves Laptop on link wifi.');
    expect((await logEntries(page))[0]?.time).toBe('0 s');
    // Reduced motion: log entries appear without animation.
    expect(
      await page
        .locator('[data-testid="event-log"] li')
        .first()
        .evaluate((li) => getComputedStyle(li).animationName),
    ).toBe('none');
    expect(await text(page, 'trace-sha256')).toBe(reference.sha256);
    // Enter in the seed field runs too.
    await page.getByLabel('Seed').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('11');
    await page.keyboard.press('Enter');
    await waitForRun(page, 11);
    expect(await text(page, 'trace-sha256')).toBe(coreRun(11).sha256);
    expect(session.errors).toEqual([]);
  });

  it('refuses an invalid seed with a message instead of running', async () => {
    const page = await openApp();
    await page.getByLabel('Seed').fill('-1');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByText('The seed must be a whole number').waitFor();
    expect(await page.getByLabel('Seed').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('metric-seed').count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});
