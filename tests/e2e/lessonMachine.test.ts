// End-to-end, in Debian's Chromium: lesson 7's "be the CPU" step under SJF. The learner gets to
// it through the lesson (narrate, a prediction run on the database), picks a wrong process first
// and hears the rule, then the right ones, one of them by keyboard; the step is done, and the
// comparison shows the policies' average waiting times on the same jobs. The expected picks and
// figures are worked by hand from the step's table (P1 0/7, P2 2/4, P3 4/1, P4 5/4 ms):
// SJF runs P1 0-7, then P3 (1 ms) 7-8, then P2 and P4 tie at 4 ms and P2 arrived first: 8-12,
// P4 12-16. Waiting: SJF (0 + 6 + 3 + 7) / 4 = 4 ms; FCFS (0 + 5 + 7 + 7) / 4 = 4.75 ms;
// SRTF (P1 0-2, P2 2-4, P3 4-5, P2 5-7, P4 7-11, P1 11-16) (9 + 1 + 0 + 2) / 4 = 3 ms.
import { describe, expect, it } from 'vitest';
import { appSession, showTab } from './appSession.ts';
import { axeViolations } from './axe.ts';

const session = appSession();

describe('a machine step in the lesson player', () => {
  it(
    'checks each pick of the CPU against the real scheduler, wrong then right',
    { timeout: 180_000 },
    async () => {
      const page = await session.openApp({
        viewport: { width: 1366, height: 900 },
        bypassCSP: true,
      });
      await showTab(page, 'Lessons');
      const panel = page.getByTestId('lesson-panel');
      await panel
        .getByRole('button', {
          name: 'CPU scheduling on a busy server: FCFS, SJF and round robin compared',
        })
        .click();
      const step = panel.getByTestId('lesson-step');
      const message = panel.getByTestId('lesson-message');
      await expect.poll(() => step.textContent()).toContain('Step 1 of 7');
      await panel.getByRole('button', { name: 'Got it' }).click();
      await panel.getByLabel(/Yes: when three or more threads are ready/).check();
      await panel.getByRole('button', { name: 'Run and see' }).click();
      await expect.poll(() => message.textContent(), { timeout: 60_000 }).toContain('The answer');
      await panel.getByRole('button', { name: 'Next' }).click();
      await expect
        .poll(() => step.textContent())
        .toContain('Step 3 of 7: Be the CPU: shortest job first');

      const machine = panel.getByTestId('machine-step');
      const choices = machine.getByTestId('machine-choices');
      const situation = machine.getByTestId('machine-situation');
      // P1 was alone at 0 and ran to 7 ms: the first choice is at 7 ms, among P2, P3 and P4.
      await expect.poll(() => situation.textContent()).toBe('At 7 ms the CPU is free.');
      expect(await choices.getByRole('button').allTextContents()).toEqual([
        'P2: needs 4 ms',
        'P3: needs 1 ms',
        'P4: needs 4 ms',
      ]);
      expect(await panel.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);

      // A wrong pick: the rule, naming the right one, is said in the live region; nothing moves.
      await choices.getByRole('button', { name: /^P2:/ }).click();
      await expect
        .poll(() => message.textContent())
        .toContain(
          'Not P2. SJF runs the shortest next CPU burst among the ready processes: P3 (1 ms). Try again.',
        );
      expect(await message.getAttribute('aria-live')).toBe('polite');
      expect(await situation.textContent()).toBe('At 7 ms the CPU is free.');

      // The right one, by keyboard: focus the button, Enter; the focus goes to the next choice.
      await choices.getByRole('button', { name: /^P3:/ }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => message.textContent()).toContain('Right: P3.');
      await expect.poll(() => situation.textContent()).toBe('At 8 ms the CPU is free.');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
        .toBe('P2: needs 4 ms');
      expect(await machine.getByRole('list', { name: 'Decisions taken' }).textContent()).toContain(
        '1 wrong pick first',
      );

      // The tie: P2 arrived before P4.
      await page.keyboard.press('Enter');
      await expect.poll(() => message.textContent()).toContain('Every decision is taken');
      expect(await message.textContent()).toContain('P4 ties with it');
      expect(await choices.count()).toBe(0);

      // The comparison: the same jobs under each policy, from the real scheduler.
      const rows = await machine
        .getByTestId('machine-compare')
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.children].slice(0, 2).map((c) => c.textContent?.trim())),
        );
      expect(rows).toEqual([
        ['First come, first served (FCFS)', '4.75 ms'],
        ['Shortest job first (SJF)', '4 ms'],
        ['Shortest remaining time first (SRTF)', '3 ms'],
        ['Round robin (RR)', expect.stringMatching(/ ms$/)],
      ]);
      expect(await panel.getByRole('button', { name: 'Next' }).isDisabled()).toBe(false);

      // The picks are saved: after a reload the step is still done, its schedule shown.
      await page.reload();
      await page.getByTestId('scenario-name').waitFor();
      await showTab(page, 'Lessons');
      await expect.poll(() => step.textContent()).toContain('Step 3 of 7');
      await machine.getByTestId('machine-compare').waitFor();
      expect(await axeViolations(page, 'lesson-panel')).toEqual([]);
      expect(session.errors).toEqual([]);
    },
  );
});
