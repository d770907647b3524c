// End-to-end: a NAT router's rules and translation table in the node inspector, in Chromium, as a
// learner reaches them: simulations/home-nat.json run, the router picked with the keyboard, the
// table at one moment (the laptop's masqueraded connection and the friend's port forward), then
// empty at a later one, and the NAT's card in the summary.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { appSession, openFile, runAndShow, shot, SHOTS } from './appSession.ts';

const session = appSession();

describe('the NAT table', () => {
  it('shows the router’s rules and its mappings at the moment shown, and empties', async () => {
    const page = await session.openApp();
    await openFile(page, 'simulations/home-nat.json');
    // 10 s run; tick 110 of 1000 is 1.1 s: laptop 1's connection is open, the friend's too.
    await runAndShow(page, 17, '110');
    await page.getByRole('tab', { name: 'Node', exact: true }).click();
    const picker = page.getByTestId('node-picker');
    await picker.focus();
    await picker.selectOption('router');
    const node = page.getByTestId('node-inspector');
    expect(await node.getByTestId('nat-rules').textContent()).toBe(
      '-A PREROUTING -i wan -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.168.1.20:80\n' +
        '-A POSTROUTING -s 192.168.1.0/24 -o wan -j MASQUERADE',
    );
    const table = node.getByTestId('nat-table');
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const [laptop, friend] = await rows.allTextContents();
    expect(laptop).toMatch(
      /tcp masquerade\s*192\.168\.1\.10:(\d+)\s*↔ 203\.0\.113\.1:\1\s*Laptop 1/,
    );
    expect(laptop).toMatch(/198\.51\.100\.10:80\s*Web server/);
    expect(laptop).toContain('answered');
    expect(friend).toMatch(
      /tcp port forward\s*192\.168\.1\.20:80\s*↔ 203\.0\.113\.1:8080\s*Game server/,
    );
    await table.scrollIntoViewIfNeeded();
    await shot(page, 'nat-table');
    await table.screenshot({ path: join(SHOTS, 'nat-table-rows.png') });
    // The whole table fits the panel: nothing hidden to its right.
    const box = await table.boundingBox();
    const panel = await node.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(
      (panel?.x ?? 0) + (panel?.width ?? 0),
    );
    // At 3 s both connections have closed: the table is empty.
    await page.getByTestId('scrubber').fill('300');
    await expect
      .poll(async () => (await node.textContent()) ?? '')
      .toContain('No translations at this moment');
    expect(await table.count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});
