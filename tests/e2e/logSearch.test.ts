// End-to-end test of the event log's text search in Debian's Chromium: on the default scenario
// with every entry shown, a search lists exactly the entries whose sentence holds the text, case
// aside (the reference: the unsearched list filtered in the test), ASCII or not, and clearing
// it brings every entry back.
import { describe, expect, it } from 'vitest';
import { appSession, logCount, logEntries, runWithSeed } from './appSession.ts';

const session = appSession();

describe('the event log’s text search', () => {
  it('lists the entries whose sentence holds the text, whatever its case', async () => {
    const page = await session.openApp();
    await runWithSeed(page, 3);
    await page.getByTestId('show-states').check();
    const all = await logEntries(page);
    expect(all.length).toBe(await logCount(page));
    const search = page.getByTestId('log-search');
    for (const text of ['PACKET #1', 'reply', '’s', 'Simulation of “', 'no such words']) {
      const needle = text.toLowerCase();
      const expected = all.filter((e) => e.text.toLowerCase().includes(needle));
      expect(expected.length > 0, text).toBe(text !== 'no such words');
      await search.fill(text);
      await expect.poll(() => logCount(page), { message: text }).toBe(expected.length);
      expect(await logEntries(page)).toEqual(expected);
    }
    await search.fill('');
    await expect.poll(() => logCount(page)).toBe(all.length);
    expect(session.errors).toEqual([]);
  });
});
