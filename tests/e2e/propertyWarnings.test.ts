// End-to-end, in Debian's Chromium: the property panel shows the scenario's warnings about the
// node it edits. "Looking up a name" has its laptop fetch from missing.example.com, a name its
// DNS server's zone does not hold (the run shows NXDOMAIN): the laptop's panel says so before the
// run, pointing at the application's field; the DNS server's panel has nothing to say.
import { describe, expect, it } from 'vitest';
import { appSession, showTab } from './appSession.ts';

const session = appSession();

describe("the property panel's warnings", () => {
  it('names the unknown name on the node that asks for it, and only there', async () => {
    const page = await session.openApp({ viewport: { width: 1366, height: 768 } });
    await page.getByLabel('Open a built-in example').selectOption({ label: 'Looking up a name' });
    await page.getByTestId('scenario-name').filter({ hasText: 'Looking up a name' }).waitFor();
    const select = async (name: string) => {
      await page
        .locator('[data-testid="topology"] g[role="button"]')
        .filter({ hasText: name })
        .first()
        .focus();
      await page.keyboard.press('Enter');
      await showTab(page, 'Edit');
    };
    await select('Laptop');
    const panel = page.getByTestId('property-panel');
    const warnings = panel.getByTestId('property-warnings');
    await warnings.waitFor();
    expect(await warnings.getByRole('heading').textContent()).toBe('Warning about this node');
    const text = (await warnings.locator('li').allTextContents()).join('\n');
    expect(text).toContain('apps[2].server');
    expect(text).toContain('missing.example.com');

    await select('DNS server');
    await expect.poll(() => panel.getByRole('heading').first().textContent()).toContain('DNS');
    expect(await panel.getByTestId('property-warnings').count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});
