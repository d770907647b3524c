// End-to-end, in Debian's Chromium: lesson 14 ("How my laptop gets an address and finds the
// router") done through as a learner does it. Each prediction and run stops where the core's run
// of dhcp-home.json makes the record the step waits for (laptop 1's DISCOVER, the switch flooding
// it to the router's port, the OFFER, the lease, the ARP request for the router and its answer,
// the router forwarding the SYN, the renewal at T1); after the lease the node inspector shows
// laptop 1's address; the quizzes are answered, one wrong first; the lesson ends at 100%. axe
// finds nothing serious in the lesson panel.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadEveryKind, parseScenarioText, runScenario } from '../../src/sim/index.ts';
import type { TraceRecord } from '../../src/engine/trace.ts';
import { appSession, showTab, timeNs } from './appSession.ts';
import { axeViolations } from './axe.ts';

const session = appSession();

/** When the core's run of simulations/dhcp-home.json first makes a record like `where`. */
async function firstTimeOf(type: string, where: Record<string, string | number>): Promise<number> {
  await loadEveryKind();
  const parsed = parseScenarioText(readFileSync('simulations/dhcp-home.json', 'utf8'));
  if (!parsed.ok) throw new Error('invalid scenario');
  const records: readonly TraceRecord[] = runScenario(parsed.scenario).simulation.sim.trace.records;
  const found = records.find(
    (r) =>
      r.type === type &&
      Object.entries(where).every(([k, v]) => (r as unknown as Record<string, unknown>)[k] === v),
  );
  if (!found) throw new Error(`no ${type} like ${JSON.stringify(where)}`);
  return found.t;
}

describe('lesson 14 in the lesson player', () => {
  it(
    'is done through: DORA from 0.0.0.0, the flood, the lease, ARP for the router, MAC per hop, T1',
    { timeout: 240_000 },
    async () => {
      const page = await session.openApp({
        viewport: { width: 1366, height: 900 },
        bypassCSP: true,
      });
      await showTab(page, 'Lessons');
      const panel = page.getByTestId('lesson-panel');
      await panel
        .getByRole('button', { name: 'How my laptop gets an address and finds the router' })
        .click();
      const step = panel.getByTestId('lesson-step');
      const message = panel.getByTestId('lesson-message');
      const next = panel.getByRole('button', { name: 'Next' });
      const predict = async (title: string, choice: RegExp, answer: string) => {
        await expect.poll(() => step.textContent()).toContain(title);
        await panel.getByLabel(choice).check();
        await panel.getByRole('button', { name: 'Run and see' }).click();
        await expect
          .poll(() => message.textContent(), { timeout: 60_000 })
          .toContain(`The answer: ${answer}`);
      };
      const run = async (title: string) => {
        await expect.poll(() => step.textContent()).toContain(title);
        await panel.getByRole('button', { name: 'Run to this moment' }).click();
      };

      await expect
        .poll(() => step.textContent(), { timeout: 30_000 })
        .toContain('Step 1 of 12: A laptop with no address');
      await panel.getByRole('button', { name: 'Got it' }).click();

      // The DISCOVER: a broadcast from 0.0.0.0, at the very start.
      await predict(
        'Step 2 of 12: The first packet',
        /To everyone on the network/,
        'To everyone on the network: from 0.0.0.0 to the broadcast address 255.255.255.255.',
      );
      expect(await timeNs(page)).toBe(await firstTimeOf('dhcp.discover', { node: 'laptop1' }));

      // The switch floods it, to the router's port too.
      await next.click();
      await predict(
        'Step 3 of 12: Who hears it?',
        /Out of every other port/,
        'Out of every other port: to Laptop 2, the phone and the router.',
      );
      expect(await timeNs(page)).toBe(
        await firstTimeOf('switch.forward', { node: 'homeSwitch', pkt: 1, toPort: 'p4' }),
      );

      await next.click();
      await run('Step 4 of 12: An offer');
      await expect
        .poll(() => timeNs(page), { timeout: 60_000 })
        .toBe(await firstTimeOf('dhcp.offer', { node: 'router', address: '192.168.1.100' }));

      // Why REQUEST: a wrong answer first.
      await next.click();
      await expect.poll(() => step.textContent()).toContain('Step 5 of 12: Why ask again?');
      await panel.getByLabel(/the first offer is always wrong/).check();
      await expect.poll(() => message.textContent()).toContain('The offer is fine');
      await panel.getByLabel(/There may be several DHCP servers/).check();
      await expect.poll(() => message.textContent()).toContain('option 54');

      // The lease: the node inspector shows laptop 1's address.
      await next.click();
      await run('Step 6 of 12: The lease');
      await expect
        .poll(() => timeNs(page), { timeout: 60_000 })
        .toBe(await firstTimeOf('dhcp.bound', { node: 'laptop1' }));
      await showTab(page, 'Node');
      await page.getByTestId('node-picker').selectOption('laptop1');
      await expect
        .poll(() => page.getByTestId('dhcp-section').textContent(), { timeout: 10_000 })
        .toContain('192.168.1.100');
      await showTab(page, 'Lessons');

      // The first packet to the web server: ARP for the router.
      await next.click();
      await predict(
        'Step 7 of 12: The first packet to the web server',
        /An ARP request: who has 192.168.1.1\?/,
        "An ARP request: who has 192.168.1.1? It needs the router's MAC address.",
      );
      expect(await timeNs(page)).toBe(
        await firstTimeOf('arp.request', { node: 'laptop1', target: '192.168.1.1' }),
      );

      await next.click();
      await run('Step 8 of 12: The router answers');
      await expect
        .poll(() => timeNs(page), { timeout: 60_000 })
        .toBe(await firstTimeOf('arp.learn', { node: 'laptop1', ip: '192.168.1.1' }));

      await next.click();
      await expect.poll(() => step.textContent()).toContain('Step 9 of 12: The switch learned');
      await panel.getByLabel(/When the laptop's frames came in on p1/).check();
      await expect.poll(() => message.textContent()).toContain('a switch learns');

      // MAC per hop, IP end to end: a wrong answer first.
      await next.click();
      await expect
        .poll(() => step.textContent())
        .toContain('Step 10 of 12: One packet, two kinds of address');
      await panel.getByLabel(/The web server's MAC address and the web server's IP/).check();
      await expect.poll(() => message.textContent()).toContain('on another network');
      await panel.getByLabel(/The router's MAC address and the web server's IP/).check();
      await expect.poll(() => message.textContent()).toContain('the next hop');
      expect(await axeViolations(page, 'lesson-panel')).toEqual([]);

      await next.click();
      await run('Step 11 of 12: Through the router');
      await expect
        .poll(() => timeNs(page), { timeout: 60_000 })
        .toBe(
          await firstTimeOf('ip.forward', { node: 'router', fromIface: 'lan', toIface: 'wan' }),
        );

      // Renewal at T1, straight to the router.
      await next.click();
      await predict(
        'Step 12 of 12: Renewing the lease',
        /It asks the router directly/,
        'It asks the router directly (unicast) to extend the lease: a DHCPREQUEST from 192.168.1.100.',
      );
      expect(await timeNs(page)).toBe(
        await firstTimeOf('dhcp.request', { node: 'laptop1', state: 'renewing' }),
      );
      await panel.getByTestId('lesson-complete').waitFor();
      expect(await panel.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
      expect(session.errors).toEqual([]);
    },
  );
});
