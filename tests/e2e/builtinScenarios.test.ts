// End-to-end: the scenario panel offers every scenario shipped in simulations/ as a built-in
// example; choosing one loads it (name and description as text) and it runs.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appSession } from './appSession.ts';

const session = appSession();
const shipped = readdirSync('simulations')
  .filter((f) => f.endsWith('.json'))
  .map((f) => (JSON.parse(readFileSync(`simulations/${f}`, 'utf8')) as { name: string }).name);

describe('built-in examples', () => {
  it('lists every shipped scenario and opens the one chosen, ready to run', async () => {
    const page = await session.openApp();
    const picker = page.getByLabel('Open a built-in example');
    const options = await picker.locator('option:not([disabled])').allTextContents();
    expect(options.sort()).toEqual([...shipped].sort());
    await picker.selectOption({ label: 'Logging in over HTTPS' });
    await expect
      .poll(() => page.getByTestId('scenario-name').textContent())
      .toBe('Logging in over HTTPS');
    expect(await page.getByTestId('scenario-description').textContent()).toContain('TLS handshake');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByTestId('metric-seed').filter({ hasText: '21' }).waitFor();
    // The summary shows the web server, both clients and the CPU as cards (the whole run's).
    await page.getByTestId('summary-whole-run').click();
    const server = page.getByTestId('summary-server-web-web');
    await server.waitFor();
    expect(await server.textContent()).toContain('11 of 11');
    expect(await page.getByTestId('summary-cpu-web').textContent()).toContain('Utilization');
    // The picker goes back to its prompt, so the same example can be chosen again.
    expect(await picker.inputValue()).toBe('');
  });
});
