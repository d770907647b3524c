// End-to-end test of the load balancer in Debian's Chromium, on simulations/load-balancer.json:
// the node inspector's backends table follows the time shown (Web 2 down while its cable is out,
// every backend up again at the end, shares that add up), reached with the keyboard's node
// picker; the summary card lists each backend; the log tells the health changes; and axe finds
// nothing serious in the table.
import { describe, expect, it } from 'vitest';
import { appSession, logEntries, openFile, runAndShow, shot, showTab } from './appSession.ts';
import { axeViolations } from './axe.ts';

const session = appSession();
const WEB2 = '10.0.1.22:80';

describe('the load balancer in the browser', () => {
  it('shows its backends’ health and share of the picks at the time shown', async () => {
    // axe-core is injected as a script: the page's content security policy would refuse it.
    const page = await session.openApp({ bypassCSP: true });
    await openFile(page, 'simulations/load-balancer.json');
    // 9 s in 1000 ticks: tick 500 is 4.5 s, while Web 2's cable is out (3 s to 6 s).
    await runAndShow(page, 17, '500');
    await showTab(page, 'Node');
    await page.getByTestId('node-picker').selectOption('lb');
    const table = page.getByTestId('lb-backends');
    await table.waitFor();
    const web2 = table.locator(`tr[data-backend="${WEB2}"]`);
    await expect.poll(() => web2.getAttribute('data-healthy')).toBe('false');
    expect(await web2.locator('.health').textContent()).toBe('down');
    expect(await web2.locator('td .sub').textContent()).toMatch(/^since 3\.\d+ s$/);
    expect(await table.locator('tr[data-healthy="true"]').count()).toBe(2);
    expect(await table.locator('h3').textContent()).toBe(
      'Load balancer lb: layer 7 (HTTP), round robin',
    );
    expect(await web2.locator('th').textContent()).toMatch(/^\s*Web 2/);
    expect(await web2.locator('th .sub').textContent()).toBe(WEB2);
    expect(await axeViolations(page, 'lb-backends')).toEqual([]);
    await shot(page, 'lb-backends');

    // At the end every backend is back, and the shares add up to the whole.
    await page.getByTestId('scrubber').fill('1000');
    await expect.poll(() => web2.getAttribute('data-healthy')).toBe('true');
    const shares = await table
      .locator('td.share')
      .evaluateAll((cells) => cells.map((c) => Number.parseFloat(c.textContent ?? '')));
    expect(shares).toHaveLength(3);
    expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.5);

    // The summary card says each backend's health, picks and share.
    await showTab(page, 'Summary');
    const card = page.getByTestId('summary-lb-lb-lb');
    expect(await card.locator(`dd[data-metric="backend-${WEB2}"]`).textContent()).toMatch(
      /^up, \d+ picks \(\d+(\.\d)?%\), 2 failed$/,
    );

    // The log tells Web 2 taken out and taken back.
    await page.getByTestId('show-states').check();
    await page.getByTestId('log-search').fill('Web 2 (10.0.1.22:80) out');
    await expect.poll(async () => (await logEntries(page)).length).toBe(1);
    await page.getByTestId('log-search').fill('takes Web 2 (10.0.1.22:80) back');
    await expect.poll(async () => (await logEntries(page)).length).toBe(1);
    expect(session.errors).toEqual([]);
  });
});
