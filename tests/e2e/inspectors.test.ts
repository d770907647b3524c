// End-to-end tests of the inspector panels as mounted in the page, in Debian's Chromium: a packet's
// layers and bytes, a node's socket table and statecharts, the ladder diagram, the charts and the
// pcap download, each reached from the simulator the way a learner would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPcap } from '../../src/net/capture/pcapReader.ts';
import { appSession, openFile, SHOTS, runAndShow } from './appSession.ts';

const session = appSession();
const { openApp } = session;

describe('inspectors', () => {
  it('shows the selected packet layer by layer, explains fields and lights their bytes', async () => {
    const page = await openApp();
    // 60 ms: the first request (packet #1) is the one packet on the wire (sent at 40.018964 ms
    // once ARP answered, arriving at 60.034076 ms).
    await runAndShow(page, 25, '4');
    // The keyboard path to a packet: the list of packets on screen.
    await page.getByTestId('packets-in-flight').locator('summary').click();
    await page.getByTestId('packets-in-flight').getByRole('button').first().click();
    const inspector = page.getByTestId('packet-inspector');
    await inspector.waitFor();
    // Laptop's first request: IPv4 TTL 64 (Linux's default), protocol 17 (UDP), to port 7.
    expect(await inspector.locator('[data-field="ip.ttl"]').textContent()).toContain('64');
    expect(await inspector.locator('[data-field="ip.protocol"]').textContent()).toContain('17');
    expect(await inspector.locator('[data-field="udp.dstPort"]').textContent()).toContain('7');
    // Focusing the TTL field lights byte 22 of the frame: the 14-byte Ethernet header comes
    // first, then the IPv4 header, whose ninth byte (8) is the TTL (RFC 791): 14 + 8 = 22.
    // Focused again on each try: on a loaded machine a re-render can take the focus away. The
    // pointer may rest over another field (where the packet list was); focus must still win.
    await inspector.locator('[data-field="ip.protocol"]').hover();
    const ttl = inspector.locator('[data-field="ip.ttl"] button');
    await expect
      .poll(
        async () => {
          await ttl.focus();
          return inspector.locator('[data-byte="22"].lit').count();
        },
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    expect(await inspector.locator('[data-byte="23"].lit').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'inspector-packet.png'), fullPage: true });
    expect(session.errors).toEqual([]);
  });

  it('shows a node’s sockets like ss, its statecharts, and a TCP connection’s ladder', async () => {
    const page = await openApp();
    await openFile(page, 'simulations/tcp-bulk-transfer.json');
    // 30 s run; tick 100 of 1000 is 3 s, after the transfer ended (about 2.9 s).
    await runAndShow(page, 1, '50');
    const card = await page.locator('[data-node="server"] .label').boundingBox();
    await page.mouse.click(card!.x + card!.width / 2, card!.y + card!.height / 2);
    const node = page.getByTestId('node-inspector');
    await node.waitFor();
    const sockets = node.getByTestId('socket-table');
    // As `ss -tan` prints it: the listener on 0.0.0.0:5001, the accepted connection ESTABLISHED.
    expect(await sockets.textContent()).toMatch(/LISTEN\s*0\.0\.0\.0:5001/);
    expect(await sockets.textContent()).toContain('ESTAB');
    // Selecting the TCP row shows that connection's RFC 9293 statechart with its state lit.
    await sockets.getByRole('button', { name: /tcp/i }).last().click();
    await expect
      .poll(() => node.locator('[data-state="ESTABLISHED"].lit').count())
      .toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'inspector-node.png'), fullPage: true });
    await page.getByRole('tab', { name: 'Ladder' }).click();
    const ladder = page.getByTestId('ladder-diagram');
    const arrows = ladder.locator('g[role="button"]');
    await arrows.first().waitFor();
    const labels = await arrows.evaluateAll((els) =>
      els.slice(0, 3).map((e) => e.getAttribute('aria-label') ?? ''),
    );
    // The handshake opens the ladder: the client's SYN, then the server's SYN-ACK.
    expect(labels[0]).toMatch(/\bSYN\b(?!-)/);
    expect(labels[1]).toMatch(/\bSYN-ACK\b/);
    await page.screenshot({ path: join(SHOTS, 'inspector-ladder.png'), fullPage: true });
    expect(session.errors).toEqual([]);
  });

  it('draws all traffic between two chosen nodes on the ladder', async () => {
    const page = await openApp();
    await openFile(page, 'simulations/two-subnets.json');
    await runAndShow(page, 3, '1000');
    await page.getByRole('tab', { name: 'Ladder' }).click();
    const ladder = page.getByTestId('ladder-diagram');
    await ladder.getByTestId('ladder-node-a').selectOption('laptop');
    await ladder.getByTestId('ladder-node-b').selectOption('server');
    await ladder.getByRole('button', { name: 'Show' }).click();
    await expect
      .poll(async () => (await ladder.locator('h2').textContent()) ?? '')
      .toContain('Laptop ⇄ Server');
    // Only the laptop's UDP pings and the server's replies: the desktop's TCP upload to the same
    // server is not traffic between these two nodes.
    const labels = await ladder
      .locator('g[role="button"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toMatch(/UDP/);
    expect(session.errors).toEqual([]);
  });

  it('picks a node with the keyboard alone', async () => {
    const page = await openApp();
    await runAndShow(page, 25, '0');
    const tab = page.getByRole('tab', { name: 'Node' });
    await tab.focus();
    await page.keyboard.press('Enter');
    const picker = page.getByTestId('node-picker');
    await picker.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await picker.selectOption('server'); // what the arrow keys do on a closed select, made exact
    const node = page.getByTestId('node-inspector');
    // The echo server's UDP socket on port 7, as `ss -uan` shows it.
    await expect
      .poll(async () => (await node.getByTestId('socket-table').textContent()) ?? '')
      .toMatch(/udp[\s\S]*0\.0\.0\.0:7/);
    expect(session.errors).toEqual([]);
  });

  it('charts the congestion window and downloads a pcap of the bottleneck link', async () => {
    const page = await openApp();
    await openFile(page, 'simulations/tcp-bulk-transfer.json');
    await runAndShow(page, 1, '200');
    await page.getByRole('tab', { name: 'Charts' }).click();
    const charts = page.getByTestId('charts');
    const picker = charts.getByTestId('chart-picker');
    const options = await picker.locator('option').allTextContents();
    const cwnd = options.find((o) => /congestion/i.test(o));
    expect(cwnd).toBeDefined();
    await picker.selectOption({ label: cwnd as string });
    const path = charts.getByTestId('time-chart').locator('path').first();
    await path.waitFor({ state: 'attached' });
    expect((await path.getAttribute('d'))?.length ?? 0).toBeGreaterThan(10);
    await page.getByRole('tab', { name: 'Capture' }).click();
    await page.getByTestId('pcap-target').selectOption('link:wan');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('pcap-download').click(),
    ]);
    const file = await download.path();
    const pcap = readPcap(new Uint8Array(readFileSync(file)));
    expect(pcap.ok).toBe(true);
    if (pcap.ok) expect(pcap.file.records.length).toBeGreaterThan(10);
    expect(download.suggestedFilename()).toMatch(/-wan-whole-run\.pcap$/);
    expect(session.errors).toEqual([]);
  });
});
