// The interface's language in Chromium: a German browser gets the German interface with
// <html lang="de">; the header's language select switches to English at once, without a reload;
// the choice survives a reload; an English browser gets English. German lesson 1 is offered in a
// German interface.
import { describe, expect, it } from 'vitest';
import { appSession, shot } from './appSession.ts';

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
