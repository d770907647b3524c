// End-to-end: the link layer in the node inspector, in Chromium: simulations/two-subnets.json run,
// the router's interfaces with their MACs and its ARP cache (`ip neigh`), then the office
// switch's MAC address table (`bridge fdb show`), each at one moment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMac } from '../../src/net/wire/mac.ts';
import { interfaceMac, parseScenarioText, scenarioMacs } from '../../src/sim/index.ts';
import { ROOT } from './reference.ts';
import { appSession, openFile, runAndShow, shot } from './appSession.ts';

const session = appSession();
const FILE = 'simulations/two-subnets.json';

/** The MACs the scenario gives its interfaces (src/sim/scenario/scenarioMacs.ts). */
function macsOf(): (node: string, iface: string) => string {
  const parsed = parseScenarioText(readFileSync(join(ROOT, FILE), 'utf8'));
  if (!parsed.ok) throw new Error('invalid scenario');
  const macs = scenarioMacs(parsed.scenario);
  return (node, iface) => formatMac(interfaceMac(macs, node, iface)!);
}

describe('the node inspector’s link layer', () => {
  it('shows MACs, the router’s ARP cache and the switch’s MAC table', async () => {
    const mac = macsOf();
    const page = await session.openApp();
    await openFile(page, FILE);
    // 10 s run; tick 500 of 1000 is 5 s. By then the laptop (pinging from 0 s) and the desktop
    // (uploading from 0.2 s) have asked the router for its MAC, and the router the server for
    // its: three entries, each learned under 30 s ago, so REACHABLE.
    await runAndShow(page, 3, '500');
    await page.getByRole('tab', { name: 'Node', exact: true }).click();
    const picker = page.getByTestId('node-picker');
    await picker.focus();
    await picker.selectOption('router');
    const node = page.getByTestId('node-inspector');
    const ifaces = (await node.locator('.ifaces').textContent()) ?? '';
    expect(ifaces).toContain(mac('router', 'eth0'));
    expect(ifaces).toContain(mac('router', 'eth1'));

    const arp = node.getByTestId('arp-cache');
    const rows = arp.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const text = (await rows.allTextContents()).join('\n');
    expect(text).toMatch(new RegExp(`192\\.168\\.1\\.10\\s*on eth0\\s*${mac('laptop', 'eth0')}`));
    expect(text).toMatch(new RegExp(`192\\.168\\.1\\.11\\s*on eth0\\s*${mac('desktop', 'eth0')}`));
    expect(text).toMatch(new RegExp(`10\\.0\\.0\\.20\\s*on eth1\\s*${mac('server', 'eth0')}`));
    expect(text.match(/REACHABLE/g)?.length).toBe(3);
    await arp.scrollIntoViewIfNeeded();
    await shot(page, 'arp-cache');

    await picker.selectOption('switch');
    const table = node.getByTestId('mac-table');
    const entries = table.locator('tbody tr');
    await expect.poll(() => entries.count()).toBe(3);
    const learned = (await entries.allTextContents()).join('\n');
    // Each MAC behind the port its frames came in on (the switch's ageing time is 300 s).
    expect(learned).toMatch(new RegExp(`${mac('laptop', 'eth0')}\\s*Laptop\\s*p1`));
    expect(learned).toMatch(new RegExp(`${mac('desktop', 'eth0')}\\s*Desktop\\s*p2`));
    expect(learned).toMatch(new RegExp(`${mac('router', 'eth0')}\\s*Router \\(eth0\\)\\s*p3`));
    await table.scrollIntoViewIfNeeded();
    await shot(page, 'mac-table');
    expect(session.errors).toEqual([]);
  });
});
