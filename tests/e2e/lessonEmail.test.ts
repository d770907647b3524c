// End-to-end, in Debian's Chromium: lesson 13 ("The life of an email") done through as a learner
// does it. The predictions stop where the core's run says (mail-a's first SMTP connection, its
// MX answer); after the relay the node inspector shows Bob's mailbox on mail-b holding Alice's
// message, and after the fetch it is empty again; the quizzes are answered, one wrong first; the
// task is done in the property panel (Bob's client fetches every 500ms) and the lesson ends at
// 100%. axe finds nothing serious in the lesson panel.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, runScenario } from '../../src/sim/index.ts';
import { appSession, showTab, timeNs } from './appSession.ts';
import { axeViolations } from './axe.ts';

const session = appSession();

/** When the core's run of simulations/email.json first makes a record of `type` on `node`. */
function firstTimeOf(type: string, node: string): number {
  const parsed = parseScenarioText(readFileSync('simulations/email.json', 'utf8'));
  if (!parsed.ok) throw new Error('invalid scenario');
  const records = runScenario(parsed.scenario).simulation.sim.trace.records;
  const found = records.find((r) => r.type === type && 'node' in r && r.node === node);
  if (!found) throw new Error(`no ${type} on ${node}`);
  return found.t;
}

/** Opens a disclosure of the property panel whose summary starts with `title`. */
async function group(page: Page, within: Locator, title: RegExp): Promise<Locator> {
  const details = within
    .locator('details', { has: page.locator(':scope > summary', { hasText: title }) })
    .first();
  if ((await details.getAttribute('open')) === null)
    await details.locator(':scope > summary').click();
  return details;
}

/** The rows of the node inspector's mailboxes table: mailbox, from, subject. */
async function mailboxRows(page: Page): Promise<string[]> {
  return page
    .getByTestId('mailboxes-section')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.children]
          .slice(0, 3)
          .map((c) => c.textContent?.trim())
          .join(' | '),
      ),
    );
}

describe('lesson 13 in the lesson player', () => {
  it(
    'is done through: the first hop, MX, the relay into Bob’s mailbox, POP3, a faster fetch',
    { timeout: 240_000 },
    async () => {
      const page = await session.openApp({
        viewport: { width: 1366, height: 900 },
        bypassCSP: true,
      });
      await showTab(page, 'Lessons');
      const panel = page.getByTestId('lesson-panel');
      await panel.getByRole('button', { name: 'The life of an email' }).click();
      const step = panel.getByTestId('lesson-step');
      const message = panel.getByTestId('lesson-message');
      const next = panel.getByRole('button', { name: 'Next' });
      await expect
        .poll(() => step.textContent(), { timeout: 30_000 })
        .toContain('Step 1 of 10: Four machines, three protocols');
      await panel.getByRole('button', { name: 'Got it' }).click();

      // The first hop: Alice's program connects to her own server.
      await expect.poll(() => step.textContent()).toContain('Step 2 of 10: The first hop');
      await panel.getByLabel(/mail-a, Alice's own mail server/).check();
      await panel.getByRole('button', { name: 'Run and see' }).click();
      await expect
        .poll(() => message.textContent(), { timeout: 60_000 })
        .toContain("The answer: mail-a, Alice's own mail server.");
      expect(await timeNs(page)).toBe(firstTimeOf('smtp.session', 'mail-a'));

      await next.click();
      await expect
        .poll(() => step.textContent())
        .toContain('Step 3 of 10: Handing the message over');
      await panel.getByRole('button', { name: 'Run to this moment' }).click();
      await expect
        .poll(() => timeNs(page), { timeout: 60_000 })
        .toBe(firstTimeOf('mail.sent', 'alice'));

      // Dot-stuffing: a wrong answer first.
      await next.click();
      await expect
        .poll(() => step.textContent())
        .toContain('Step 4 of 10: A line that starts with a dot');
      await panel.getByLabel(/A mistake in Alice's program/).check();
      await expect.poll(() => message.textContent()).toContain('It is on purpose');
      await panel.getByLabel(/A line with only a dot ends the message/).check();
      await expect.poll(() => message.textContent()).toContain('dot-stuffing');

      // Where mail for b.example goes: the MX answer.
      await next.click();
      await expect
        .poll(() => step.textContent())
        .toContain('Step 5 of 10: Where does mail for b.example go?');
      await panel.getByLabel(/It asks DNS for the mail exchanger/).check();
      await panel.getByRole('button', { name: 'Run and see' }).click();
      await expect
        .poll(() => message.textContent(), { timeout: 60_000 })
        .toContain('The answer: It asks DNS for the mail exchanger (MX) of b.example.');
      expect(await timeNs(page)).toBe(firstTimeOf('dns.mxAnswer', 'mail-a'));

      // The relay: Bob's mailbox on mail-b now holds the message.
      await next.click();
      await expect.poll(() => step.textContent()).toContain('Step 6 of 10: The relay');
      await panel.getByRole('button', { name: 'Run to this moment' }).click();
      await expect
        .poll(() => timeNs(page), { timeout: 60_000 })
        .toBe(firstTimeOf('smtp.relayed', 'mail-a'));
      await showTab(page, 'Node');
      await page.getByTestId('node-picker').selectOption('mail-b');
      await expect
        .poll(() => mailboxRows(page), { timeout: 10_000 })
        .toEqual(['bob | alice@a.example | Lunch on Friday?']);
      await showTab(page, 'Lessons');

      await next.click();
      await expect.poll(() => step.textContent()).toContain("Step 7 of 10: Bob's mailbox");
      await panel.getByLabel(/At Bob's program's next check/).check();
      await expect.poll(() => message.textContent()).toContain('POP3 is pull, not push');

      // The fetch: the mailbox is empty again afterwards (DELE, then QUIT).
      await next.click();
      await expect.poll(() => step.textContent()).toContain('Step 8 of 10: Fetching by POP3');
      await panel.getByRole('button', { name: 'Run to this moment' }).click();
      await expect
        .poll(() => timeNs(page), { timeout: 60_000 })
        .toBe(firstTimeOf('mail.fetched', 'bob'));
      await showTab(page, 'Node');
      await page.getByTestId('step').focus();
      await page.keyboard.press('End');
      await expect.poll(() => mailboxRows(page), { timeout: 10_000 }).toEqual(['bob | empty']);
      await showTab(page, 'Lessons');

      await next.click();
      await expect.poll(() => step.textContent()).toContain('Step 9 of 10: Received lines');
      await panel.getByLabel(/Two: mail-b's on top/).check();
      await expect.poll(() => message.textContent()).toContain('like stamps on a letter');
      expect(await axeViolations(page, 'lesson-panel')).toEqual([]);

      // The task: not done before the change; Bob's client set to fetch every 500ms passes it.
      await next.click();
      await expect.poll(() => step.textContent()).toContain('Step 10 of 10: Faster mail');
      await panel.getByRole('button', { name: 'Check my work' }).click();
      await expect.poll(() => message.textContent(), { timeout: 60_000 }).toContain('Not yet');
      await showTab(page, 'Edit');
      const props = page.getByTestId('property-panel');
      await expect
        .poll(() => props.getByRole('heading').first().textContent())
        .toBe("Node Bob's laptop (id bob)");
      const apps = await group(page, props, /^apps/);
      const client = await group(page, apps, /^1:/);
      const fetch = await group(page, client, /^fetch/);
      const every = fetch.getByLabel('every', { exact: true });
      await every.fill('500ms');
      await every.press('Enter');
      await expect.poll(() => every.inputValue()).toBe('500ms');
      await showTab(page, 'Lessons');
      await panel.getByRole('button', { name: 'Check my work' }).click();
      await expect.poll(() => message.textContent(), { timeout: 60_000 }).toContain('Done');
      await panel.getByTestId('lesson-complete').waitFor();
      expect(await panel.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
      expect(session.errors).toEqual([]);
    },
  );
});
