// End-to-end, in Debian's Chromium: the packet inspector's "Predict the headers" on the laptop's
// first echo request of the ping example. The right answers are what the scenario and the RFCs
// say (UDP is IP protocol 17, RFC 768; the echo server listens on port 7, RFC 862; the server's
// address is in simulations/ping-over-a-link.json), a wrong prediction is marked and explained,
// the keyboard reveals a layer and focus follows, the live region says it, and axe is content.
import { describe, expect, it } from 'vitest';
import { appSession, runAndShow } from './appSession.ts';
import { axeViolations } from './axe.ts';

const session = appSession();

describe('the encapsulation quiz', () => {
  it('reveals an echo request layer by layer after predictions', { timeout: 120_000 }, async () => {
    // Dark, so that axe reads the quiz's colours on the dark surfaces.
    const page = await session.openApp({ bypassCSP: true, colorScheme: 'dark' });
    // Tick 4 of 1000 over 15 s, 60 ms: the first request (packet #1) is the one packet on the
    // wire (sent at 40.018964 ms once ARP answered, arriving at 60.034076 ms).
    await runAndShow(page, 25, '4');
    await page.getByTestId('packets-in-flight').locator('summary').click();
    await page.getByTestId('packets-in-flight').getByRole('button').first().click();
    const inspector = page.getByTestId('packet-inspector');
    await inspector.getByRole('button', { name: 'Predict the headers' }).click();
    const quiz = inspector.getByTestId('encapsulation-quiz');
    await quiz.waitFor();
    // The fields would give the answers away: they are not shown while the quiz is on.
    expect(await inspector.locator('[data-field="ip.protocol"]').count()).toBe(0);
    const said = quiz.getByTestId('quiz-said');

    // Layer 1, IPv4: the protocol predicted wrong (TCP), the addresses right.
    await quiz
      .getByRole('group', { name: /^Protocol/ })
      .getByLabel('6 (TCP)')
      .check();
    await quiz
      .getByRole('group', { name: /^Source address/ })
      .getByLabel(/192\.168\.1\.10/)
      .check();
    await quiz
      .getByRole('group', { name: /^Destination address/ })
      .getByLabel(/192\.168\.1\.20/)
      .check();
    await quiz.getByRole('button', { name: /^Reveal/ }).click();
    await expect.poll(() => said.textContent()).toContain('IPv4 revealed.');
    expect(await said.textContent()).toContain('Not quite: 17 (UDP), not 6 (TCP).');
    expect(await said.getAttribute('aria-live')).toBe('polite');
    expect(await quiz.locator('li.revealed .wrong').first().textContent()).toContain('17 (UDP)');

    // Layer 2, UDP, by keyboard: Space picks a focused choice, Enter on Reveal shows the layer.
    const dst = quiz.getByRole('group', { name: /^Destination port/ }).getByLabel('7 (echo)');
    await dst.focus();
    await page.keyboard.press('Space');
    expect(await dst.isChecked()).toBe(true);
    const src = quiz.getByRole('group', { name: /^Source port/ }).getByRole('radio');
    // The laptop's port is an ephemeral one (49152-65535, RFC 6335): the choice above 1023.
    const labels = await quiz
      .getByRole('group', { name: /^Source port/ })
      .locator('label')
      .allTextContents();
    const ephemeral = labels.findIndex((l) => Number.parseInt(l.trim(), 10) >= 49152);
    expect(ephemeral).toBeGreaterThanOrEqual(0);
    await src.nth(ephemeral).check();
    await quiz.getByRole('button', { name: /^Reveal/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => said.textContent()).toContain('UDP revealed.');
    // Focus moved to the layer just shown.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('UDP');

    // Layer 3, the application: the pinger's echo request.
    await quiz
      .getByRole('group', { name: /^Application protocol/ })
      .getByLabel('Echo')
      .check();
    await quiz
      .getByRole('group', { name: /request or a reply/ })
      .getByLabel('request')
      .check();
    await quiz.getByRole('button', { name: /^Reveal/ }).click();
    await expect.poll(() => said.textContent()).toContain('Every layer is shown: 6 of 7');
    expect(await axeViolations(page, 'packet-inspector')).toEqual([]);

    // Switched off, the fields are back.
    await inspector.getByRole('button', { name: 'Predict the headers' }).click();
    expect(await inspector.locator('[data-field="ip.protocol"]').textContent()).toContain('17');
    expect(session.errors).toEqual([]);
  });
});
