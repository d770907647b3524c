// End-to-end test of a firewall in Debian's Chromium, on simulations/firewall.json: the node
// inspector shows the FORWARD chain as `iptables -L -v` would, with each rule's packets at the
// moment shown (fewer at an early moment than at the end), and the tracked connections; the event
// log tells the rejection with the rule that decided it. Figures match the headless run's.
import { describe, expect, it } from 'vitest';
import { appSession, openFile, runWithSeed, shot, showTab, logTexts } from './appSession.ts';

const session = appSession();
const { openApp } = session;

describe('a firewall in the browser', () => {
  it("shows the rules' live hit counts, the tracked connections and why a packet was dropped", async () => {
    const page = await openApp();
    await openFile(page, 'simulations/firewall.json');
    await runWithSeed(page, 8);
    const log = await logTexts(page);
    // Packet #40: the SYN to port 22, numbered after the two ARP exchanges (laptop ↔ firewall,
    // firewall ↔ server) whose four frames take ids too (#36 before there was ARP).
    expect(
      log.some((line) =>
        line.includes(
          'Firewall rejects packet #40 and answers the sender: FORWARD rule 3 (admin logins: refused at once)',
        ),
      ),
    ).toBe(true);

    await showTab(page, 'Node');
    await page.getByTestId('node-picker').selectOption('fw');
    const chain = page.getByTestId('firewall-chain-FORWARD');
    await chain.waitFor();
    const counts = async () =>
      chain
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => row.querySelectorAll('td')[1]?.textContent?.trim() ?? ''),
        );
    // At the end of the run (the figures of the headless run, src/kinds/firewall tests).
    await expect.poll(counts).toEqual(['34', '1', '1', '6', '6']);
    expect(await chain.locator('caption').textContent()).toMatch(/^FORWARD chain of Firewall at /);
    expect(await chain.locator('tbody tr').nth(2).textContent()).toContain(
      '-p tcp --dport 22 -j REJECT --reject-with tcp-reset',
    );
    await shot(page, 'firewall-node-inspector');

    // At the start nothing has been decided yet.
    await page.getByTestId('step').focus();
    await page.keyboard.press('Home');
    await expect.poll(counts).toEqual(['0', '0', '0', '0', '0']);
    expect(await page.getByTestId('firewall-section').textContent()).toContain(
      'No connection is tracked.',
    );

    expect(session.errors).toEqual([]);
  });
});
