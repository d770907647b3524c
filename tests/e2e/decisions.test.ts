// "What each device decided" in the packet inspector, in Debian's Chromium: a packet of
// simulations/firewall.json picked from the packet list, then (with the keyboard) the firewall
// among the devices it passed: the steps by layer with the route and the FORWARD rule that
// decided, the live summary, the same in German, and no serious axe violation.
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { appSession, openFile, runAndShow, shot } from './appSession.ts';

const session = appSession();
const { openApp } = session;

describe('what each device decided', () => {
  it('lists a packet’s steps at the device picked, with the entries that decided them', async () => {
    const page = await openApp({ bypassCSP: true });
    await openFile(page, 'simulations/firewall.json');
    // 12 s run: tick 1 is 12 ms, while the laptop's first page crosses the firewall.
    await runAndShow(page, 8, '1');
    await page.getByTestId('packets-in-flight').locator('summary').click();
    await page.getByTestId('packets-in-flight').getByRole('button').first().click();
    const decisions = page.getByTestId('decisions');
    await decisions.waitFor();
    // Every packet of this run is between the laptop and the server, so it passed the firewall.
    // The whole run shown (End), so every step has happened.
    await page.getByTestId('step').focus();
    await page.keyboard.press('End');
    const devices = decisions.getByRole('group', { name: /Device of packet #\d+ to show/ });
    const firewall = devices.getByRole('button', { name: 'Firewall', exact: true });
    await firewall.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => firewall.getAttribute('aria-pressed')).toBe('true');

    const steps = decisions.getByRole('list', { name: 'Steps at Firewall' }).locator('li');
    const texts = await steps.allTextContents();
    // In from a link, routed by a connected route, one TTL less, judged by the FORWARD chain.
    expect(texts[0]).toMatch(/^Link in\s*Arrived on eth[01] over link l-(office|servers)/);
    expect(
      texts.some((s) => /^Network in.*The longest match for .* is .*dev eth[01]/.test(s)),
    ).toBe(true);
    expect(texts.some((s) => /^Network out\s*TTL 64 → 63/.test(s))).toBe(true);
    const rule = await steps
      .filter({ hasText: 'Firewall, chain FORWARD' })
      .locator('code')
      .textContent();
    expect(rule).toMatch(/^FORWARD rule [12]: .*-j ACCEPT/);
    // Then ARP for the next hop (from its cache, or asked for) and the Ethernet header it chose.
    expect(texts.some((s) => /^Link out.*ARP/.test(s) && /dev eth[01]/.test(s))).toBe(true);
    expect(
      texts.some((s) => /^Link out\s*Framed in Ethernet II from 02:00(:[0-9a-f]{2}){4}/.test(s)),
    ).toBe(true);
    expect(await decisions.getByTestId('decisions-summary').textContent()).toMatch(
      /Firewall, \d+ steps so far; the last: Sent out of eth[01]/,
    );
    expect(await decisions.getByTestId('decisions-summary').getAttribute('aria-live')).toBe(
      'polite',
    );
    await shot(page, 'decisions-firewall');
    expect(await axeViolations(page, 'packet-inspector')).toEqual([]);

    // The words follow the language at once; the entries stay as the tools print them.
    await page.getByLabel('Language').selectOption('de');
    const german = page.getByTestId('decisions');
    await expect
      .poll(() => german.locator('li .layer').first().textContent())
      .toContain('Sicherungsschicht');
    const deRule = await german
      .locator('li')
      .filter({ hasText: 'Firewall, Kette FORWARD' })
      .locator('code')
      .textContent();
    expect(deRule).toBe(rule);
    expect(session.errors).toEqual([]);
  });

  it('says who asked and who answered of an ARP frame, with buttons between them', async () => {
    const page = await openApp({ bypassCSP: true });
    await openFile(page, 'simulations/two-subnets.json');
    // 10 s run: tick 1 is 10 ms, when the server's ARP reply to the router (sent at 5.5 ms, in
    // at 10.56 ms) is the one ARP reply on a link; the router's request asked who has 10.0.0.20.
    await runAndShow(page, 3, '1');
    await page.getByTestId('packets-in-flight').locator('summary').click();
    await page
      .getByTestId('packets-in-flight')
      .getByRole('button', { name: /ARP reply/ })
      .first()
      .click();
    const decisions = page.getByTestId('decisions');
    const atServer = decisions.getByRole('list', { name: 'Steps at Server' });
    await expect
      .poll(() => atServer.locator('li').first().textContent())
      .toContain('ARP answers 10.0.0.1: 10.0.0.20 is the address of its eth0');
    const request = atServer.getByRole('button', {
      name: /^Open packet #(\d+), which this one answers$/,
    });
    const requestId = /#(\d+)/.exec((await request.textContent()) ?? '')?.[1];
    await request.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('packet-inspector').locator('h2').textContent())
      .toBe(`Packet #${requestId}`);
    // The request, at the router that made it: who asked, for what.
    const atRouter = decisions.getByRole('list', { name: 'Steps at Router' });
    await expect
      .poll(() => atRouter.locator('li').first().textContent())
      .toContain('ARP asks who has 10.0.0.20');
    expect(await axeViolations(page, 'packet-inspector')).toEqual([]);
    // The whole run: at the server the request was for it; it learned the router and answered.
    await page.getByTestId('step').focus();
    await page.keyboard.press('End');
    await decisions.getByRole('button', { name: 'Server', exact: true }).click();
    const answered = decisions.getByRole('list', { name: 'Steps at Server' }).locator('li');
    await expect
      .poll(async () => (await answered.allTextContents()).join('\n'))
      .toContain(
        'It asks who has 10.0.0.20, the address of eth0: the cache learns the asker 10.0.0.1',
      );
    expect(
      await answered
        .getByRole('button', { name: /^Open packet #\d+, sent because of this one$/ })
        .count(),
    ).toBe(1);
    await shot(page, 'decisions-arp');
    expect(session.errors).toEqual([]);
  });

  it('opens the packet a step answers, and the answer it sent back', async () => {
    const page = await openApp();
    await openFile(page, 'simulations/home-nat.json');
    // 10 s run: tick 302 is 3.02 s, when the home router's echo reply to the friend's ping of its
    // public address (sent at 3 s) is on its way out of wan.
    await runAndShow(page, 17, '302');
    await page.getByTestId('packets-in-flight').locator('summary').click();
    await page
      .getByTestId('packets-in-flight')
      .getByRole('button', { name: /echo reply/ })
      .first()
      .click();
    const decisions = page.getByTestId('decisions');
    // Shown at the device that sent it onto the link shown: the home router, which made it.
    const made = decisions.getByRole('list', { name: 'Steps at Home router' });
    await expect
      .poll(() => made.locator('li').first().textContent())
      .toContain('The node’s own ICMP answers an echo request with this echo reply.');
    const request = made.getByRole('button', {
      name: /^Open packet #(\d+), which this one answers$/,
    });
    const requestName = (await request.textContent()) ?? '';
    const requestId = /#(\d+)/.exec(requestName)?.[1];
    await request.click();
    await expect
      .poll(() => page.getByTestId('packet-inspector').locator('h2').textContent())
      .toBe(`Packet #${requestId}`);
    // The request at the router: kept for itself (no NAT entry claims it), answered.
    await decisions.getByRole('button', { name: 'Home router', exact: true }).click();
    const atRouter = decisions.getByRole('list', { name: 'Steps at Home router' }).locator('li');
    const texts = await atRouter.allTextContents();
    expect(
      texts.some((s) => s.includes('PREROUTING: no NAT entry or port forward claims 203.0.113.1')),
    ).toBe(true);
    expect(texts.at(-1)).toContain('Sent back an echo reply to 192.0.2.20.');
    expect(
      await atRouter
        .getByRole('button', { name: /^Open packet #\d+, sent because of this one$/ })
        .count(),
    ).toBe(1);
    expect(session.errors).toEqual([]);
  });
});
