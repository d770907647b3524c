// End-to-end, in Debian's Chromium: lesson 7's "be the CPU" step under SJF. The learner gets to
// it through the lesson (narrate, a prediction run on the database), picks a wrong process first
// and hears the rule, then the right ones, one of them by keyboard; the step is done, and the
// comparison shows the policies' average waiting times on the same jobs. The expected picks and
// figures are worked by hand from the step's table (P1 0/7, P2 2/4, P3 4/1, P4 5/4 ms):
// SJF runs P1 0-7, then P3 (1 ms) 7-8, then P2 and P4 tie at 4 ms and P2 arrived first: 8-12,
// P4 12-16. Waiting: SJF (0 + 6 + 3 + 7) / 4 = 4 ms; FCFS (0 + 5 + 7 + 7) / 4 = 4.75 ms;
// SRTF (P1 0-2, P2 2-4, P3 4-5, P2 5-7, P4 7-11, P1 11-16) (9 + 1 + 0 + 2) / 4 = 3 ms.
// Then lesson 2's "be the router" step and its encapsulation step on the packet the router sent.
import { describe, expect, it } from 'vitest';
import { appSession, showTab } from './appSession.ts';
import { axeViolations } from './axe.ts';

const session = appSession();

describe('a machine step in the lesson player', () => {
  it(
    'checks each pick of the CPU against the real scheduler, wrong then right',
    { timeout: 180_000 },
    async () => {
      // Dark, so that axe reads the step's colours on the dark surfaces.
      const page = await session.openApp({
        viewport: { width: 1366, height: 900 },
        bypassCSP: true,
        colorScheme: 'dark',
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
      expect(await machine.getByTestId('machine-result').textContent()).toContain(
        '1 of 2 picks right the first time.',
      );

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

  // Lesson 2's router (two-subnets.json): eth0 192.168.1.1/24, eth1 10.0.0.1/24, no default
  // route. By hand: 10.0.0.20 is in 10.0.0.0/24 only (eth1), 192.168.1.10 in 192.168.1.0/24
  // only (eth0), and no route holds 8.8.8.8 (drop).
  it('checks the router picks against longest-prefix match, then quizzes the headers', async () => {
    const page = await session.openApp({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${new URL(page.url()).origin}/?lesson=02-addresses-ports-sockets`);
    const panel = page.getByTestId('lesson-panel');
    const step = panel.getByTestId('lesson-step');
    const message = panel.getByTestId('lesson-message');
    await expect.poll(() => step.textContent()).toContain('Step 1 of');
    await panel.getByRole('button', { name: 'Got it' }).click();
    await panel.getByRole('button', { name: 'Run to this moment' }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Next' }).isEnabled()).toBe(true);
    await panel.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => step.textContent()).toContain('Be the router');
    const choices = panel.getByTestId('machine-choices');
    expect(await choices.getByRole('button').allTextContents()).toEqual([
      'eth0',
      'eth1',
      'Drop it (no route)',
    ]);
    await choices.getByRole('button', { name: 'eth0' }).click();
    await expect
      .poll(() => message.textContent())
      .toContain('only 10.0.0.0/24 holds 10.0.0.20, so the packet leaves by eth1');
    expect(await panel.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await choices.getByRole('button', { name: 'eth1' }).click();
    await choices.getByRole('button', { name: 'eth0' }).click();
    await choices.getByRole('button', { name: 'Drop it (no route)' }).click();
    await expect
      .poll(() => panel.getByTestId('machine-result').textContent())
      .toContain('2 of 3 picks right the first time.');
    expect(await panel.getByRole('button', { name: 'Next' }).isDisabled()).toBe(false);

    // The next step opens the encapsulation quiz on the first packet the router sent on: the
    // laptop's echo request, UDP (IP protocol 17, RFC 768) to port 7 (RFC 862), sent with TTL 64
    // and lowered by one at the router (RFC 791): 63 on the server's link.
    await panel.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => step.textContent()).toContain('Inside the request');
    await panel.getByRole('button', { name: 'Run to the packet' }).click();
    const quiz = panel.getByTestId('encapsulation-quiz');
    await quiz.waitFor();
    const group = (name: RegExp) => quiz.getByRole('group', { name });
    await group(/^Protocol/)
      .getByLabel('17 (UDP)')
      .check();
    await group(/^Source address/)
      .getByLabel(/192\.168\.1\.10/)
      .check();
    await group(/^Destination address/)
      .getByLabel(/10\.0\.0\.20/)
      .check();
    await group(/^Time to live/)
      .getByLabel(/^\s*63$/)
      .check();
    await quiz.getByRole('button', { name: /^Reveal/ }).click();
    const said = quiz.getByTestId('quiz-said');
    await expect.poll(() => said.textContent()).toContain('IPv4 revealed.');
    expect(await said.textContent()).toBe(
      'IPv4 revealed. Right: 17 (UDP). Right: Laptop (192.168.1.10). Right: Server (10.0.0.20). Right: 63.',
    );
    await group(/^Destination port/)
      .getByLabel(/^\s*7\b/)
      .check();
    await group(/^Source port/)
      .getByLabel(/^\s*5\d{4}/)
      .check();
    await quiz.getByRole('button', { name: /^Reveal/ }).click();
    await expect.poll(() => said.textContent()).toContain('UDP revealed.');
    // The data inside: the echo protocol (RFC 862), a request.
    await group(/^Application protocol/)
      .getByLabel(/^\s*Echo$/)
      .check();
    await group(/request or a reply/)
      .getByLabel(/request/i)
      .check();
    await quiz.getByRole('button', { name: /^Reveal/ }).click();
    await expect.poll(() => said.textContent()).toContain('Right: Echo');
    await expect.poll(() => panel.getByRole('button', { name: 'Next' }).isEnabled()).toBe(true);
    expect(session.errors).toEqual([]);
  });
});
