// The interface's language in Chromium: a German browser gets the German interface with
// <html lang="de">; the header's language select switches to English at once, without a reload;
// the choice survives a reload; an English browser gets English. German lesson 1 is offered in a
// German interface.
import { describe, expect, it } from 'vitest';
import { appSession, file, logCount, logTexts, shot } from './appSession.ts';
import { defaultScenarioJson } from './reference.ts';

const session = appSession();
const { openApp } = session;

describe('the interface language', () => {
  it('follows a German browser, switches to English without a reload, and keeps the choice', async () => {
    const page = await openApp({ locale: 'de-DE' });
    expect(await page.evaluate(() => navigator.language)).toBe('de-DE');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    // German texts (messages.de.ts), not the English ones.
    expect(await page.getByTestId('run').textContent()).toBe('Starten');
    expect(await page.getByRole('tab', { name: 'Übersicht', exact: true }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: 'Summary', exact: true }).count()).toBe(0);
    expect(await page.getByLabel('Sprache').inputValue()).toBe('auto');

    // A marker on the window tells a reload apart from an update in place.
    await page.evaluate(() => ((window as unknown as { stay: number }).stay = 1));
    await page.getByLabel('Sprache').selectOption('en');
    await expect.poll(() => page.getByTestId('run').textContent()).toBe('Run');
    expect(await page.evaluate(() => (window as unknown as { stay?: number }).stay)).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('tab', { name: 'Summary', exact: true }).count()).toBe(1);
    expect(await page.getByLabel('Language').inputValue()).toBe('en');

    // The choice is remembered: after a reload the German browser still gets English.
    await page.reload();
    await page.getByTestId('scenario-name').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('run').textContent()).toBe('Run');

    // And back to the browser's language.
    await page.getByLabel('Language').selectOption('auto');
    await expect.poll(() => page.getByTestId('run').textContent()).toBe('Starten');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(session.errors).toEqual([]);
  });

  it('runs in German: the status, the time controls and the summary speak German', async () => {
    const page = await openApp({ locale: 'de-DE' });
    await page.getByTestId('run').click();
    await page.getByTestId('run-status').filter({ hasText: 'gelaufen' }).waitFor();
    expect(await page.getByTestId('play').textContent()).toMatch(/Abspielen|Pause/);
    await page.getByRole('tab', { name: 'Übersicht', exact: true }).click();
    expect(await page.getByTestId('summary').textContent()).toContain('Gesendet');
    await shot(page, 'language-de');
    expect(session.errors).toEqual([]);
  });

  it('tells the run, a packet and a file’s problems in German, then the log again in English', async () => {
    const page = await openApp({ locale: 'de-DE' });
    await page.getByTestId('run').click();
    await page.getByTestId('run-status').filter({ hasText: 'gelaufen' }).waitFor();

    // The event log, told in German (src/viz/log's phrasebooks): the start, a packet sent.
    await expect.poll(() => logCount(page)).toBeGreaterThan(2);
    const german = await logTexts(page);
    expect(german[0]).toMatch(/^Die Simulation von „.+“ beginnt mit Seed \d+\.$/);
    expect(german.some((line) => / sendet /.test(line))).toBe(true);
    expect(german.filter((line) => /\b(sends|starts|receives|opens)\b/.test(line))).toEqual([]);

    // A packet's fields explained in German (fieldHelpPhrases.de.ts), names as Wireshark has them.
    if ((await page.getByTestId('play').textContent()) === 'Pause')
      await page.getByTestId('play').click();
    // 60 ms: the first request (packet #1) is the one packet on the wire (after the ARP exchange).
    await page.getByTestId('scrubber').fill('4');
    await page.getByTestId('packets-in-flight').locator('summary').click();
    await page.getByTestId('packets-in-flight').getByRole('button').first().click();
    const protocol = page
      .getByTestId('packet-inspector')
      .locator('[data-field="ip.protocol"] button')
      .first();
    expect(await protocol.textContent()).toBe('Protocol');
    expect(await protocol.getAttribute('title')).toMatch(/^Welches Protokoll die Daten tragen/);

    // A file with a link to a node that does not exist: the problem in German, its place as is.
    const broken = JSON.parse(JSON.stringify(defaultScenarioJson)) as { links: { b: string }[] };
    broken.links[0]!.b = 'nirgends';
    await page
      .getByLabel('Eine Szenariodatei öffnen (JSON)')
      .setInputFiles(file('kaputt.json', JSON.stringify(broken)));
    const problems = page.getByTestId('load-problems');
    await problems.filter({ hasText: 'kaputt.json' }).waitFor();
    expect(await problems.textContent()).toContain('$.links[0].b');
    expect(await problems.textContent()).toMatch(/erwartet: die ID eines Knotens/);
    expect(await problems.textContent()).not.toContain('expected the id of a node');

    // In English, the same run's log is told again, without a reload or a new run.
    await page.getByLabel('Sprache').selectOption('en');
    await expect
      .poll(async () => (await logTexts(page))[0])
      .toMatch(/^The simulation of “.+” starts with seed \d+\.$/);
    expect(await protocol.getAttribute('title')).toMatch(/^Which protocol the data carries/);
    expect(await problems.textContent()).toContain('expected the id of a node');
    expect(session.errors).toEqual([]);
  });

  it('offers lesson 1 in German, its progress kept under the English file name', async () => {
    const page = await openApp({ locale: 'de-DE' });
    await page.getByRole('tab', { name: 'Lektionen', exact: true }).click();
    await page
      .getByRole('button', { name: 'Clients und Server: wer fragt, wer antwortet' })
      .click();
    await expect
      .poll(() => page.getByTestId('lesson-step').textContent())
      .toMatch(/Schritt 1 von 5:\s*Zwei Programme, zwei Rollen/);
    await page.getByRole('button', { name: 'Verstanden' }).click();
    await expect
      .poll(() => page.getByTestId('lesson-step').textContent())
      .toMatch(/Schritt 2 von 5:\s*Wer spricht zuerst\?/);
    const saved = await page.evaluate(() =>
      localStorage.getItem('handshake.lesson.progress.01-clients-and-servers'),
    );
    expect(saved).not.toBeNull();
    // In English the same lesson, at the same step.
    await page.getByLabel('Sprache').selectOption('en');
    await expect
      .poll(() => page.getByTestId('lesson-step').textContent())
      .toMatch(/Step 2 of 5:\s*Who speaks first\?/);
    expect(session.errors).toEqual([]);
  });

  it('stays English for an English browser and for a language it does not speak', async () => {
    for (const locale of ['en-US', 'fr-FR']) {
      const page = await openApp({ locale });
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.getByTestId('run').textContent()).toBe('Run');
      await page.context().close();
    }
  });
});
