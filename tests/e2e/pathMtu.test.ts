// End-to-end: MTUs and path MTUs in the node inspector, in Chromium: simulations/mtu-path-discovery
// run, Router 1 picked with the keyboard shows its narrow interface's MTU, and the laptop's path
// MTU cache grows as the moment shown passes the ICMP messages that taught it; the summary has a
// card for what the routers cut and refused.
import { describe, expect, it } from 'vitest';
import { appSession, openFile, runAndShow, shot } from './appSession.ts';

const session = appSession();

describe('MTUs and path MTUs', () => {
  it('shows interface MTUs and the path MTUs the laptop learned by the moment shown', async () => {
    const page = await session.openApp();
    await openFile(page, 'simulations/mtu-path-discovery.json');
    // 6 s run; tick 50 of 1000 is 0.3 s: nothing learned yet.
    await runAndShow(page, 1, '50');
    await page.getByRole('tab', { name: 'Node', exact: true }).click();
    const picker = page.getByTestId('node-picker');
    await picker.focus();
    await picker.selectOption('r1');
    const node = page.getByTestId('node-inspector');
    await expect.poll(async () => (await node.textContent()) ?? '').toContain('mtu 576');
    expect(await node.textContent()).toContain('mtu 1500');
    await picker.selectOption('laptop');
    await expect.poll(async () => (await node.textContent()) ?? '').toContain('None yet at');
    // At 0.75 s the backup server's path is known; at 3 s the server's too.
    await page.getByTestId('scrubber').fill('125');
    const list = node.getByTestId('path-mtus');
    await expect.poll(() => list.locator('li').count()).toBe(1);
    await page.getByTestId('scrubber').fill('500');
    await expect.poll(() => list.locator('li').count()).toBe(2);
    const [backup, server] = await list.locator('li').allTextContents();
    expect(backup).toMatch(/10\.0\.3\.30 cache mtu 576\s*learned from Router 1/);
    expect(server).toMatch(/10\.0\.3\.20 cache mtu 576/);
    await list.scrollIntoViewIfNeeded();
    await shot(page, 'path-mtus');
    await page.getByRole('tab', { name: 'Summary', exact: true }).click();
    await expect
      .poll(async () => (await page.textContent('body')) ?? '')
      .toContain('Fragments and path MTU');
    expect(session.errors).toEqual([]);
  });
});
