// End-to-end: DHCP in the node inspector, in Chromium, as a learner reaches it:
// simulations/dhcp-home.json run and shown at 13.5 s (tick 300 of the 45 s run), the home router
// picked with the keyboard: its lease table holds the two laptops' leases, 192.168.1.100 and .101
// (the bottom of the pool, in the order their DISCOVERs arrived), each running out 60 s after its
// ACK; then laptop 1: its lease and its DHCP client in BOUND, its interface line with the leased
// address, and at 0 s "waiting for DHCP" instead, in English and in German. No axe violations in
// the inspector.
import { describe, expect, it } from 'vitest';
import { appSession, openFile, runAndShow, shot } from './appSession.ts';
import { axeViolations } from './axe.ts';

const session = appSession();

describe('DHCP leases in the node inspector', () => {
  it('shows the router’s lease table and a laptop’s lease, accessibly', async () => {
    // axe is put in the page as a script, which the page's CSP would refuse.
    const page = await session.openApp({ bypassCSP: true });
    await openFile(page, 'simulations/dhcp-home.json');
    await runAndShow(page, 7, '300');
    await page.getByRole('tab', { name: 'Node', exact: true }).click();
    const picker = page.getByTestId('node-picker');
    await picker.focus();
    await picker.selectOption('router');
    const node = page.getByTestId('node-inspector');
    const rows = node.getByTestId('dhcp-leases').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const [first, second] = await rows.allTextContents();
    // Leased at about 6 ms for 60 s: 60 - 13.5 = about 46.5 s left at 13.5 s.
    expect(first).toMatch(/192\.168\.1\.100\s*02:00(:[0-9a-f]{2}){4}\s*leased\s*46\.5\d* s/);
    expect(second).toMatch(/192\.168\.1\.101\s*02:00(:[0-9a-f]{2}){4}\s*leased\s*46\.5\d* s/);
    await shot(page, 'dhcp-leases');
    expect(await axeViolations(page, 'node-inspector')).toEqual([]);

    await picker.selectOption('laptop1');
    const lease = node.getByTestId('dhcp-client-lease');
    await expect.poll(async () => (await lease.textContent()) ?? '').toContain('192.168.1.100/24');
    const text = (await lease.textContent()) ?? '';
    expect(text).toContain('BOUND');
    expect(text).toContain('192.168.1.1');
    const chart = node.locator('[data-machine="dhcpClient"]');
    expect(await chart.count()).toBe(1);
    // The interface line: the leased address, marked as DHCP's.
    const eth0 = node.locator('.ifaces li').first();
    expect(await eth0.textContent()).toMatch(/eth0\s*192\.168\.1\.100\/24\s*leased by DHCP/);
    expect(await axeViolations(page, 'node-inspector')).toEqual([]);

    // At 0 s the laptop has asked for nothing yet: no address, waiting for DHCP.
    await page.getByTestId('scrubber').fill('0');
    await expect
      .poll(async () => (await eth0.textContent()) ?? '')
      .toMatch(/eth0\s*waiting for DHCP/);
    expect(await eth0.textContent()).not.toContain('192.168.1.100');
    await page.getByLabel('Language').selectOption('de');
    await expect.poll(async () => (await eth0.textContent()) ?? '').toContain('wartet auf DHCP');
    await page.getByTestId('scrubber').fill('300');
    await expect
      .poll(async () => (await eth0.textContent()) ?? '')
      .toMatch(/192\.168\.1\.100\/24\s*per DHCP bezogen/);
    expect(session.errors).toEqual([]);
  });
});
