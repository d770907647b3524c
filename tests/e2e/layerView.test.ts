// The layer view in Chromium (issue 18): the Layers radio group over the picture, chosen with the
// keyboard alone; the packets listed (the canvas's words) and the canvas's dimmed dots change
// with the layer, each label worked out here from the core run's packet fields; node cards show
// and dim what matters at a layer; the packet inspector opens the chosen layer's part and closes
// the others; the choice is in the address and survives a reload; axe finds nothing; German.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isIpPacket } from '../../src/net/wire/frame.ts';
import { formatIpv4 } from '../../src/net/wire/ipv4Address.ts';
import { formatMac } from '../../src/net/wire/mac.ts';
import { axeViolations } from './axe.ts';
import { appSession, openFile, rewind, shot, showTab, startRun, timeNs } from './appSession.ts';
import { coreRun } from './reference.ts';

const session = appSession();
const { openApp } = session;

/** The first link record of packet `pkt` in the core run of seed 25 (what the page shows). */
function sent(pkt: number) {
  const r = coreRun(25).records.find((x) => x.type === 'link.txBegin' && x.pkt === pkt);
  if (r?.type !== 'link.txBegin') throw new Error(`packet #${pkt} never sent`);
  return r.packet;
}

async function listed(page: Page): Promise<string> {
  return (await page.getByTestId('packets-in-flight').textContent()) ?? '';
}

async function dimmed(page: Page): Promise<string | null> {
  return page.getByTestId('packet-canvas').getAttribute('data-dimmed');
}

async function checked(page: Page): Promise<string | null> {
  return page.locator('[data-testid="layer-picker"] input:checked').inputValue();
}

describe('the layer view', () => {
  it('switches layers with the keyboard: labels, dimming, cards and the inspector follow', async () => {
    const page = await openApp({ bypassCSP: true });
    await startRun(page, 25);
    await rewind(page);
    await page.locator('[data-testid="packets-in-flight"] summary').click();
    const scrubber = page.getByTestId('scrubber');
    // 15 ms: the laptop's ARP request (#2) is on the wire; 60 ms: request 1 (#1), UDP to port 7
    // (playback.test.ts works both moments out).
    await scrubber.fill('1');
    expect(await timeNs(page)).toBe(15_000_000);
    expect(await listed(page)).toContain('#2 ARP request');
    // Every layer, as always: no lens, nothing dimmed.
    expect(await checked(page)).toBe('all');
    expect(await dimmed(page)).toBe(null);

    const arp = sent(2);
    const udp = sent(1);
    if (!('arp' in arp) || !isIpPacket(udp) || udp.transport.kind !== 'udp' || !udp.eth)
      throw new Error('packets #1 and #2 are not a UDP request and an ARP request');

    // The keyboard alone: Tab lands on the group's checked radio, arrows move the choice.
    const all = page.getByRole('radio', { name: 'All layers' });
    await all.focus();
    await page.keyboard.press('ArrowRight');
    expect(await checked(page)).toBe('application');
    // The focused choice is outlined (the input itself is invisible, its label drawn).
    const outline = await page.evaluate(() => {
      const span = document.querySelector(
        '[data-testid="layer-picker"] input:focus-visible + span',
      );
      return span ? getComputedStyle(span).outlineStyle : 'none';
    });
    expect(outline).toBe('solid');
    await expect
      .poll(() => page.getByTestId('layer-said').textContent())
      .toMatch(/^Showing the application layer/);
    // ARP carries nothing for a program: dimmed, and the list says so.
    expect(await listed(page)).toContain('#2 no application data');
    expect(await dimmed(page)).toBe('1');
    // The cards name the programs.
    const topology = page.getByTestId('topology');
    expect(await topology.textContent()).toContain('Ping client');
    expect(await topology.textContent()).toContain('Echo server');
    await scrubber.fill('4');
    const payload = udp.payload.length;
    expect(await listed(page)).toContain(`#1 data ${payload} B`);
    expect(await dimmed(page)).toBe('0');

    await all.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await checked(page)).toBe('transport');
    expect(await listed(page)).toContain(`#1 UDP ${udp.transport.srcPort}→7`);
    expect(await topology.textContent()).toContain('UDP :7 LISTEN');

    await page.keyboard.press('ArrowRight');
    expect(await checked(page)).toBe('network');
    expect(await listed(page)).toContain(
      `#1 IPv4 ${formatIpv4(udp.ip.src)} → ${formatIpv4(udp.ip.dst)} TTL ${udp.ip.ttl}`,
    );
    await scrubber.fill('1');
    expect(await listed(page)).toContain('#2 no IP header');
    expect(await dimmed(page)).toBe('1');

    await page.getByRole('radio', { name: 'Network' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await checked(page)).toBe('link');
    await expect
      .poll(() => page.getByTestId('layer-said').textContent())
      .toMatch(/^Showing the link layer/);
    expect(await listed(page)).toContain(`#2 ARP Who has ${formatIpv4(arp.arp.targetIp)}?`);
    expect(await dimmed(page)).toBe('0');
    await scrubber.fill('4');
    expect(await listed(page)).toContain(
      `#1 ${formatMac(udp.eth.src)} → ${formatMac(udp.eth.dst)}`,
    );
    // The laptop's card gives its interface's MAC: the one its frames come from.
    expect(await topology.textContent()).toContain(`wlan0 ${formatMac(udp.eth.src)}`);
    expect(await axeViolations(page, 'simulator')).toEqual([]);
    await shot(page, 'layer-view-link');

    // The choice is in the address and survives a reload.
    expect(new URL(page.url()).searchParams.get('layer')).toBe('link');
    await page.reload();
    await page.getByTestId('scenario-name').waitFor();
    expect(await checked(page)).toBe('link');

    // The packet inspector at the transport layer: UDP open and marked, the rest closed until
    // the learner opens them.
    await startRun(page, 25);
    await rewind(page);
    await page.getByRole('radio', { name: 'Transport' }).check();
    await page.locator('[data-testid="packets-in-flight"] summary').click();
    await scrubber.fill('4');
    await page.getByRole('button', { name: /^#1 UDP/ }).click();
    await showTab(page, 'Packet');
    const inspector = page.getByTestId('packet-inspector');
    const part = (id: string) => inspector.locator(`tbody[data-layer="${id}"]`);
    expect(await part('udp').getAttribute('data-open')).toBe('true');
    expect(await part('udp').textContent()).toContain('chosen layer');
    expect(await part('ip').getAttribute('data-open')).toBe('false');
    expect(await part('eth').getAttribute('data-open')).toBe('false');
    expect(await part('ip').locator('tr.field').count()).toBe(0);
    const openIp = part('ip').getByRole('button', { name: /show or hide its fields/ });
    expect(await openIp.getAttribute('aria-expanded')).toBe('false');
    await openIp.focus();
    await page.keyboard.press('Enter');
    expect(await part('ip').getAttribute('data-open')).toBe('true');
    expect(await part('ip').locator('tr.field').count()).toBeGreaterThan(5);
    expect(await axeViolations(page, 'packet-inspector')).toEqual([]);
    await shot(page, 'layer-view-inspector');
    expect(session.errors).toEqual([]);
  });

  it('dims a switch above the link layer and a router above the network layer', async () => {
    const page = await openApp({ bypassCSP: true });
    await openFile(page, 'simulations/two-subnets.json');
    const card = (id: string) => page.locator(`[data-testid="topology"] [data-node="${id}"]`);
    const aside = async (id: string) =>
      (await card(id).getAttribute('class'))?.split(/\s+/).includes('aside') ?? false;
    expect(await aside('switch')).toBe(false);
    await page.getByRole('radio', { name: 'Network' }).check();
    expect(await aside('switch')).toBe(true);
    expect(await aside('router')).toBe(false);
    expect(await card('switch').textContent()).toContain('no IP address');
    await page.getByRole('radio', { name: 'Transport' }).check();
    expect(await aside('router')).toBe(true);
    expect(await aside('server')).toBe(false);
    await page.getByRole('radio', { name: 'Link' }).check();
    expect(await aside('switch')).toBe(false);
    expect(await card('switch').textContent()).toContain('p1 ⇄ l-laptop');
    expect(await axeViolations(page, 'simulator')).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  it('speaks German', async () => {
    const page = await openApp({ locale: 'de-DE', bypassCSP: true });
    await page.getByRole('group', { name: /^Schichten/ }).waitFor();
    await page.getByRole('radio', { name: 'Alle Schichten' }).focus();
    await page.keyboard.press('ArrowLeft');
    expect(await checked(page)).toBe('link');
    expect(await page.getByRole('radio', { name: 'Sicherung' }).isChecked()).toBe(true);
    await expect
      .poll(() => page.getByTestId('layer-said').textContent())
      .toMatch(/^Sicherungsschicht: Rahmen tragen/);
    await page.getByRole('radio', { name: 'Anwendung' }).check();
    expect(await page.getByTestId('topology').textContent()).toContain('Echo-Server');
    expect(await axeViolations(page, 'simulator')).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
