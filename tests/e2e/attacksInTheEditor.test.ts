// End-to-end, in Debian's Chromium: attacks as actions at a moment in the editor (issue 17). On the
// two-subnets example, with the keyboard: the port scan's form opens with the topology's first
// values (the laptop scans the server, whose sink listens on 5001), a port list nmap would not
// take is refused with the field named, and at 2 s the laptop scans ports 1-1024 and 5001: the run
// is replayed at 2 s, the event is listed and undoable, and the scan's summary card counts 1 open
// (5001), 1024 closed and 0 filtered. The SYN flood's form says whether the server has SYN cookies
// on (a setting of its TCP, not a field of the attack).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { axeViolations } from './axe.ts';
import { appSession, runWithSeed, shot, SHOTS, showTab, timeNs } from './appSession.ts';

const session = appSession();

describe('attacks in the editor', () => {
  it(
    'adds a port scan at 2 s by keyboard; its card shows the open, closed and filtered ports',
    { timeout: 240_000 },
    async () => {
      // axe is injected as a script, which the page's CSP would refuse.
      const page = await session.openApp({
        viewport: { width: 1366, height: 900 },
        bypassCSP: true,
      });
      await page
        .getByLabel('Open a built-in example')
        .selectOption({ label: 'Two subnets joined by a router' });
      await page.getByTestId('scenario-name').filter({ hasText: 'Two subnets' }).waitFor();
      await runWithSeed(page, 3);
      await showTab(page, 'Edit');
      const actions = page.getByTestId('actions-panel');

      // The SYN flood's form, opened with Enter on its focused button (focus visible).
      const floodButton = actions.getByRole('button', { name: 'SYN flood…' });
      await floodButton.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('SYN flood…');
      expect(
        await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle),
      ).not.toBe('none');
      await page.keyboard.press('Enter');
      expect(await floodButton.getAttribute('aria-expanded')).toBe('true');
      expect(await actions.getByLabel('Attacker').inputValue()).toBe('laptop');
      expect(await actions.getByLabel('Target').inputValue()).toBe('server');
      expect(await actions.getByLabel('TCP port').inputValue()).toBe('5001');
      expect(await actions.getByTestId('attack-cookies').textContent()).toMatch(
        /SYN cookies at Server: off\. They are a setting of its TCP, not of the attack/,
      );
      await actions.getByTestId('attack-form').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'attack-form-syn-flood.png') });
      expect(await axeViolations(page, 'actions-panel')).toEqual([]);

      // The port scan's form: the same parties, and well-known ports with the server's 5001.
      const scanButton = actions.getByRole('button', { name: 'Port scan…' });
      await scanButton.focus();
      await page.keyboard.press('Enter');
      expect(await scanButton.getAttribute('aria-expanded')).toBe('true');
      expect(await floodButton.getAttribute('aria-expanded')).toBe('false');
      expect(await actions.getByLabel('Scanner').inputValue()).toBe('laptop');
      expect(await actions.getByLabel('Target').inputValue()).toBe('server');
      const ports = actions.getByLabel('Ports', { exact: true });
      expect(await ports.inputValue()).toBe('21-23,25,53,80,110,143,443,3306,5001,5432,8080');

      // A port list nmap would not take: refused, the field named, nothing added.
      await actions.getByLabel('At', { exact: true }).fill('2s');
      await ports.fill('22,http');
      await ports.press('Enter');
      expect(await actions.getByTestId('attack-problem').textContent()).toMatch(
        /^ports: "http" is not a port or a range/,
      );
      expect(await ports.getAttribute('aria-invalid')).toBe('true');
      expect(await axeViolations(page, 'actions-panel')).toEqual([]);
      expect(await actions.getByTestId('timed-events').count()).toBe(0);

      await ports.fill('1-1024,5001');
      await actions.getByLabel('Probes a second').fill('1000');
      await actions.getByRole('button', { name: 'Add port scan at 2s' }).press('Enter');

      // Listed, undoable, and the run replayed with the same seed, shown at 2 s.
      const listed = actions.getByTestId('timed-events');
      await expect
        .poll(async () => (await listed.textContent()) ?? '')
        .toMatch(/2 s\s*Laptop scans TCP ports 1-1024,5001 of Server \(SYN scan\)/);
      expect(await actions.getByTestId('attack-problem').count()).toBe(0);
      expect(await page.getByTestId('undo').getAttribute('title')).toMatch(
        /^Undo: Add port scan by laptop at 2s/,
      );
      await expect.poll(() => timeNs(page)).toBe(2_000_000_000);
      await showTab(page, 'Summary');
      await page.getByTestId('trace-sha256').waitFor({ state: 'attached' });
      expect(await page.getByTestId('metric-seed').textContent()).toContain('3');

      // The scan's card, over the whole run: the sink's port open, the rest closed, none filtered.
      await page.getByTestId('summary-whole-run').click();
      const card = page.getByTestId('summary-portScan-laptop');
      await card.waitFor();
      const figure = async (metric: string) =>
        (await card.locator(`dd[data-metric="${metric}"]`).textContent()) ?? '';
      expect(await figure('ports')).toBe('1-1024,5001 (1025)');
      expect(await figure('open')).toBe('1');
      expect(await figure('closed')).toBe('1024');
      expect(await figure('filtered')).toBe('0');
      expect(await figure('openPorts')).toBe('5001');
      await shot(page, 'attacks-in-the-editor');

      // Undo takes it out of the document again.
      await page.getByTestId('undo').click();
      await showTab(page, 'Edit');
      await expect.poll(() => listed.count()).toBe(0);
      expect(session.errors).toEqual([]);
    },
  );
});
