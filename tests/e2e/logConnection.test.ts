// End-to-end test of the event log's connection filter in Debian's Chromium: on a run with two
// TCP connections (Ada's laptop and the intruder, each to the web server's port 443), choosing
// one keeps only the entries about it, and clearing the filters brings every entry back.
import { describe, expect, it } from 'vitest';
import {
  appSession,
  logCount,
  logEntries,
  openFile,
  runAndShow,
  shot,
  showTab,
} from './appSession.ts';

const session = appSession();

/** `Intruder :61775 ⇄ Web server :443 (TCP)`: the opener's port. */
const openerPort = (label: string) => /:(\d+) ⇄/.exec(label)?.[1];

describe('the event log, one connection at a time', () => {
  it('keeps only the chosen connection’s entries, naming its ports', async () => {
    const page = await session.openApp();
    await openFile(page, 'simulations/https-login.json');
    await runAndShow(page, 5, '1000');
    const select = page.getByTestId('log-filter-connection');
    // The list grows as the run is told: "All connections" and the run's two conversations.
    await expect.poll(() => select.locator('option').count()).toBe(3);
    await expect
      .poll(() => page.getByTestId('log-count').textContent())
      .not.toMatch(/telling the run/);
    const labels = await select.locator('option').allTextContents();
    expect(labels[0]).toBe('All connections (2)');
    const intruder = labels.find((l) => l.startsWith('Intruder :'));
    const laptop = labels.find(
      (l) => l.startsWith('Ada’s laptop :') || l.startsWith("Ada's laptop :"),
    );
    expect(intruder).toMatch(/^Intruder :\d+ ⇄ Web server :443 \(TCP\)$/);
    expect(laptop).toMatch(/ ⇄ Web server :443 \(TCP\)$/);
    const port = openerPort(intruder!);
    const otherPort = openerPort(laptop!);
    expect(port).not.toBe(otherPort);

    const total = await logCount(page);
    await select.selectOption({ label: intruder! });
    await expect.poll(() => logCount(page)).toBeLessThan(total);
    const count = await logCount(page);
    expect(count).toBeGreaterThan(0);
    // The help text says what is shown (it is only read out, not shown, with no connection chosen).
    const help = page.getByTestId('log-connection-help');
    expect(await help.getAttribute('class')).not.toMatch(/visually-hidden/);
    expect(await help.textContent()).toMatch(/its packets at every hop, both ways/);

    const texts = (await logEntries(page)).map((e) => e.text);
    expect(texts.length).toBe(count);
    // Every address:port an entry names is one of this connection's two ends, and the
    // intruder's port is named; the laptop's connection is not.
    const ports = new Set(
      texts.flatMap((t) => [...t.matchAll(/\d+\.\d+\.\d+\.\d+:(\d+)/g)].map((m) => m[1])),
    );
    expect(ports).toEqual(new Set([port, '443']));
    expect(texts.some((t) => t.includes('Intruder'))).toBe(true);
    expect(texts.some((t) => t.includes(`:${otherPort}`))).toBe(false);
    await shot(page, 'log-one-connection');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => logCount(page)).toBe(total);

    // A packet picked elsewhere (an arrow of the ladder between the intruder and the web server)
    // offers "Only this connection", which picks the intruder's conversation in the list.
    await showTab(page, 'Ladder');
    const ladder = page.getByTestId('ladder-diagram');
    await ladder.getByTestId('ladder-node-a').selectOption('intruder');
    await ladder.getByTestId('ladder-node-b').selectOption('web');
    await ladder.getByRole('button', { name: 'Show' }).click();
    await ladder.locator('g.arrow').first().click();
    const only = page.getByTestId('log-only-connection');
    await only.click();
    await expect.poll(() => select.inputValue()).not.toBe('');
    expect(await select.locator('option:checked').textContent()).toBe(intruder);
    await expect.poll(() => logCount(page)).toBe(count);
    expect(session.errors).toEqual([]);
  });
});
