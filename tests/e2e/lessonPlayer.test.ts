// End-to-end, in Debian's Chromium: lesson 1 ("Clients and servers") played through the Lessons
// tab: a narrate step, a prediction revealed at the moment of the first request (the time the
// core's run says), the run to the server's answer, a quiz answered wrong then right, and the
// task: a check that fails brings out a hint, the link's loss set to 0 in the Edit tab passes it.
// Progress survives a reload, and axe finds nothing serious in the panel. The same lesson is then
// done with the keyboard alone, its messages read from the live regions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, runScenario } from '../../src/sim/index.ts';
import { appSession, showTab, timeNs } from './appSession.ts';
import { axeViolations } from './axe.ts';

const session = appSession();

/** When the core's run of the ping example makes its first record of `type` on `node`. */
function firstTimeOf(type: string, node: string): number {
  const parsed = parseScenarioText(readFileSync('simulations/ping-over-a-link.json', 'utf8'));
  if (!parsed.ok) throw new Error('invalid example');
  const records = runScenario(parsed.scenario).simulation.sim.trace.records;
  const found = records.find((r) => r.type === type && 'node' in r && r.node === node);
  if (!found) throw new Error(`no ${type} on ${node}`);
  return found.t;
}

describe('the lesson player', () => {
  it(
    'plays lesson 1 through, with a hint after a failed check, and keeps progress',
    { timeout: 180_000 },
    async () => {
      // bypassCSP: axe-core is put in the page as a script of its own.
      const page = await session.openApp({
        viewport: { width: 1366, height: 900 },
        bypassCSP: true,
      });
      await showTab(page, 'Lessons');
      const panel = page.getByTestId('lesson-panel');
      await panel
        .getByRole('button', { name: 'Clients and servers: who asks, who answers' })
        .click();
      const step = panel.getByTestId('lesson-step');
      const message = panel.getByTestId('lesson-message');
      await expect.poll(() => step.textContent()).toContain('Step 1 of 5: Two programs, two roles');
      // Learner mode: the lesson hides the Charts and Capture tabs; an instructor shows them.
      const tab = (name: string) => page.getByRole('tab', { name, exact: true });
      expect(await tab('Charts').count()).toBe(0);
      expect(await tab('Capture').count()).toBe(0);
      await panel.getByLabel(/Show every panel/).check();
      await tab('Charts').waitFor();
      await panel.getByLabel(/Show every panel/).uncheck();
      await expect.poll(() => tab('Charts').count()).toBe(0);
      expect(await panel.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0');

      await panel.getByRole('button', { name: 'Got it' }).click();
      await expect.poll(() => step.textContent()).toContain('Step 2 of 5: Who speaks first?');
      expect(await panel.getByRole('button', { name: 'Run and see' }).isDisabled()).toBe(true);
      await panel.getByLabel('The echo server').check();
      await panel.getByRole('button', { name: 'Run and see' }).click();
      await expect
        .poll(() => message.textContent())
        .toContain('The answer: The laptop (the client).');
      expect(await timeNs(page)).toBe(firstTimeOf('app.request', 'laptop'));
      expect(await panel.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');

      await panel.getByRole('button', { name: 'Next' }).click();
      await panel.getByRole('button', { name: 'Run to this moment' }).click();
      await expect.poll(() => timeNs(page)).toBe(firstTimeOf('app.serve', 'server'));

      await panel.getByRole('button', { name: 'Next' }).click();
      await panel.getByLabel('It asks the laptop whether it has a request.').check();
      await expect
        .poll(() => message.textContent())
        .toContain('The client always starts the exchange.');
      expect(await panel.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
      await panel.getByLabel('It waits on port 7 for the next request.').check();
      await panel.getByRole('button', { name: 'Next' }).click();

      // The task: checked before any change, it is not done, and the first hint comes out.
      await expect.poll(() => step.textContent()).toContain('Step 5 of 5: A reliable link');
      await panel.getByRole('button', { name: 'Check my work' }).click();
      await expect.poll(() => message.textContent()).toContain('Not yet');
      expect(await panel.getByRole('list', { name: 'Hints' }).textContent()).toContain(
        'The Wi-Fi link is selected',
      );
      // Progress so far survives a reload.
      await page.reload();
      await page.getByTestId('scenario-name').waitFor();
      await showTab(page, 'Lessons');
      await expect.poll(() => step.textContent()).toContain('Step 5 of 5: A reliable link');
      expect(await panel.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('80');

      // The task's link is selected for the learner: set its loss to 0 in the Edit tab.
      await showTab(page, 'Edit');
      const props = page.getByTestId('property-panel');
      await expect.poll(() => props.getByRole('heading').first().textContent()).toBe('Link wifi');
      const loss = props.getByLabel('loss', { exact: true });
      await loss.fill('0');
      await loss.press('Enter');
      await expect.poll(() => page.getByTestId('undo').isEnabled()).toBe(true);
      await showTab(page, 'Lessons');
      await panel.getByRole('button', { name: 'Check my work' }).click();
      await expect.poll(() => message.textContent()).toContain('Done');
      await panel.getByTestId('lesson-complete').waitFor();
      expect(await panel.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');

      expect(await axeViolations(page, 'lesson-panel')).toEqual([]);
      await panel.getByRole('button', { name: 'All lessons' }).click();
      expect(await panel.textContent()).toContain('· done');
      expect(session.errors).toEqual([]);
    },
  );

  it(
    'takes a learner through the whole lesson with the keyboard alone, saying what happened',
    { timeout: 180_000 },
    async () => {
      // In the dark theme, so that axe reads the panel's colours there too.
      const page = await session.openApp({
        viewport: { width: 1366, height: 900 },
        bypassCSP: true,
        colorScheme: 'dark',
      });
      const panel = page.getByTestId('lesson-panel');
      const step = panel.getByTestId('lesson-step');
      const message = panel.getByTestId('lesson-message');
      const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
      const stepHasFocus = () => step.evaluate((e) => e === document.activeElement);
      // Presses `key` until the focused element says `name` (at most `tries` presses).
      const pressTo = async (key: string, name: string, tries = 16) => {
        for (let i = 0; i < tries; i++) {
          await page.keyboard.press(key);
          if ((await focused()) === name) return;
        }
        throw new Error(`${key} never reached "${name}"`);
      };
      const tabTo = (name: string) => pressTo('Tab', name);
      // The inspector's tabs: End goes to the last one, Lessons.
      await page.getByRole('tab', { name: 'Summary', exact: true }).focus();
      await page.keyboard.press('End');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await focused()).toBe('Clients and servers: who asks, who answers');
      await page.keyboard.press('Enter');
      // Focus moves to the step, and from there Tab reaches its controls.
      await expect.poll(stepHasFocus).toBe(true);
      await tabTo('Got it');
      await page.keyboard.press('Enter');
      await expect.poll(() => step.textContent()).toContain('Step 2 of 5');
      await expect.poll(stepHasFocus).toBe(true);
      // Tab enters the choices at the first one and Space picks it; then the run, by keyboard too.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      expect(await panel.getByLabel('The laptop (the client)').isChecked()).toBe(true);
      await tabTo('Run and see');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => message.textContent())
        .toContain('The answer: The laptop (the client).');
      expect(await message.getAttribute('aria-live')).toBe('polite');
      // The workspace's own narration region tells the moment shown.
      const said = await page.locator('[aria-live]').allTextContents();
      expect(said.join(' ')).toContain('Laptop sends request 1');

      // Step 3: run to the server's answer.
      await tabTo('Next');
      await page.keyboard.press('Enter');
      await expect.poll(() => step.textContent()).toContain('Step 3 of 5');
      await tabTo('Run to this moment');
      await page.keyboard.press('Enter');
      await expect.poll(() => timeNs(page)).toBe(firstTimeOf('app.serve', 'server'));
      await tabTo('Next');
      await page.keyboard.press('Enter');

      // Step 4, the quiz: the arrow keys move through the choices; a wrong one is told why.
      await expect.poll(() => step.textContent()).toContain('Step 4 of 5');
      await expect.poll(stepHasFocus).toBe(true);
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown');
      await expect
        .poll(() => message.textContent())
        .toContain('The client always starts the exchange.');
      await page.keyboard.press('ArrowUp');
      expect(await panel.getByLabel('It waits on port 7 for the next request.').isChecked()).toBe(
        true,
      );
      await expect.poll(() => message.textContent()).toContain('a server listens on a known port');
      await tabTo('Next');
      await page.keyboard.press('Enter');

      // Step 5, the task: a check first (not yet, a hint), then the link's loss set to 0 in the
      // Edit tab, reached from the tab list with the arrow keys, and the check again.
      await expect.poll(() => step.textContent()).toContain('Step 5 of 5: A reliable link');
      await tabTo('Check my work');
      await page.keyboard.press('Enter');
      await expect.poll(() => message.textContent()).toContain('Not yet');
      await pressTo('Shift+Tab', 'Lessons', 40);
      await pressTo('ArrowLeft', 'Edit');
      const loss = page.getByTestId('property-panel').getByLabel('loss', { exact: true });
      for (let i = 0; i < 60 && !(await loss.evaluate((e) => e === document.activeElement)); i++) {
        await page.keyboard.press('Tab');
      }
      expect(await loss.evaluate((e) => e === document.activeElement)).toBe(true);
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('0');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('undo').isEnabled()).toBe(true);
      await pressTo('Shift+Tab', 'Edit', 80);
      await pressTo('End', 'Lessons', 1);
      await tabTo('Check my work');
      await page.keyboard.press('Enter');
      await expect.poll(() => message.textContent()).toContain('Done');
      await panel.getByTestId('lesson-complete').waitFor();
      expect(await panel.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
      expect(await axeViolations(page, 'lesson-panel')).toEqual([]);
      expect(session.errors).toEqual([]);
    },
  );

  it('opens the lesson a link names, with its tab in front, and says so when there is none', async () => {
    const page = await session.openApp();
    const panel = page.getByTestId('lesson-panel');
    await page.goto(`${new URL(page.url()).origin}/?lesson=01-clients-and-servers`);
    await expect
      .poll(() => panel.getByTestId('lesson-step').textContent())
      .toContain('Step 1 of 5: Two programs, two roles');
    expect(await page.getByRole('tab', { name: 'Lessons' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(await page.getByTestId('scenario-name').textContent()).toContain('Ping over one link');
    // A reload with the lesson open keeps it in front.
    await page.goto(new URL(page.url()).origin);
    await panel.getByTestId('lesson-step').waitFor();
    expect(await page.getByRole('tab', { name: 'Lessons' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    // A name that is no lesson is said, as text, above the list.
    await panel.getByRole('button', { name: 'All lessons' }).click();
    await page.goto(`${new URL(page.url()).origin}/?lesson=%3Cb%3Enope%3C%2Fb%3E`);
    await expect
      .poll(() => panel.getByTestId('lesson-notice').textContent())
      .toBe(
        'The link asks for a lesson "<b>nope</b>", and there is none of that name. Pick one below.',
      );
    expect(await panel.locator('b').count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});
