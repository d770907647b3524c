// End-to-end: the spanning tree of simulations/switch-ring.json in Chromium. At 3 s (tick 300 of
// 1000 in a 10 s run) switch 1 takes switch 2 as root through p1 and blocks p2 (worked by hand in
// src/kinds/switch/switchRing.test.ts): the node inspector lists its ports' roles and states,
// and the topology marks the blocked port with words; at 6 s, after l-12 failed at 4.5 s, p2 is
// the root port and nothing is marked. axe finds nothing serious in either part.
import { describe, expect, it } from 'vitest';
import { appSession, openFile, runAndShow, shot } from './appSession.ts';
import { axeViolations } from './axe.ts';

const session = appSession();

describe('the spanning tree in the node inspector and the topology', () => {
  it('shows switch 1’s root port, its blocked port, and the port taking over after a failure', async () => {
    // axe is injected as a script, which the page's CSP would refuse.
    const page = await session.openApp({ bypassCSP: true });
    await openFile(page, 'simulations/switch-ring.json');
    await runAndShow(page, 1, '300');
    await page.getByRole('tab', { name: 'Node', exact: true }).click();
    const picker = page.getByTestId('node-picker');
    await picker.focus();
    await picker.selectOption('s1');
    const node = page.getByTestId('node-inspector');
    await expect
      .poll(() => node.getByTestId('stp-root').textContent())
      .toContain('Root bridge 8000.02006f9e7530, reached through port p1 at cost 200000');
    const rows = node.getByTestId('stp-ports').locator('tbody tr');
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()).join(' | '),
      ),
    );
    expect(cells).toEqual([
      'p1 | root | forwarding',
      'p2 | alternate (blocked) | discarding',
      'p3 | designated | forwarding',
    ]);
    const mark = page.getByTestId('topology').locator('[data-stp-blocked]');
    await expect.poll(() => mark.count()).toBe(1);
    expect(await mark.getAttribute('aria-label')).toBe('blocked port p2 of Switch 1');
    await node.getByTestId('stp-ports').scrollIntoViewIfNeeded();
    await shot(page, 'spanning-tree');
    expect(await axeViolations(page, 'node-inspector')).toEqual([]);
    expect(await axeViolations(page, 'topology')).toEqual([]);

    await page.getByTestId('scrubber').fill('600');
    await expect
      .poll(() => node.getByTestId('stp-root').textContent())
      .toContain('reached through port p2 at cost 400000');
    await expect.poll(() => mark.count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});
