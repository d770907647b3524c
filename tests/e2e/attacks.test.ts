// End-to-end, in Debian's Chromium: the attacks' built-in examples run in the page and their
// figures reach the summary as cards: the SYN flood's (SYNs sent, what each target did with them,
// 1387 dropped by the server without cookies, 1357 cookies and 5 connections from the other) and
// the port scan's (4 open, 1022 closed, the printer's 8 filtered).
import { describe, expect, it } from 'vitest';
import { appSession } from './appSession.ts';

const session = appSession();

describe('attacks in the page', () => {
  it(
    'runs the SYN flood and the port scan examples and shows their cards',
    { timeout: 240_000 },
    async () => {
      const page = await session.openApp();
      const picker = page.getByLabel('Open a built-in example');
      await picker.selectOption({ label: 'A SYN flood, with and without SYN cookies' });
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.getByTestId('metric-seed').filter({ hasText: '17' }).waitFor();
      await page.getByTestId('summary-whole-run').click();
      const plain = page.getByTestId('summary-synFlood-attacker');
      const cookies = page.getByTestId('summary-synFlood-attacker-2');
      await cookies.waitFor();
      expect(await plain.textContent()).toContain('1400 of 1400 (10 a second)');
      expect(await plain.textContent()).toMatch(/SYNs the target dropped\s*1387/);
      expect(await cookies.textContent()).toMatch(/SYN cookies the target sent\s*1357/);
      expect(await cookies.textContent()).toMatch(/Connections made from cookies\s*5/);

      await picker.selectOption({ label: 'A port scan' });
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.getByTestId('metric-seed').filter({ hasText: '21' }).waitFor();
      await page.getByTestId('summary-whole-run').click();
      const scan = page.getByTestId('summary-portScan-scanner');
      await scan.waitFor();
      expect(await scan.textContent()).toMatch(/Open\s*4/);
      expect(await scan.textContent()).toMatch(/Open ports\s*21,80,5001,7000/);
      const printer = page.getByTestId('summary-portScan-scanner-2');
      expect(await printer.textContent()).toMatch(/Filtered\s*8/);
    },
  );
});
