// End-to-end, in Debian's Chromium: lesson 9 ("Load balancing and failover") done through as a
// learner does it. The prediction stops at the third pick (the time the core's run says). "Be the
// load balancer" with weights 5, 1, 1 shows the backends' current weights as each request finds
// them, takes a wrong pick (the sums are said) and the rest, some by keyboard: a a b a c a a, the
// weights back to 0 at the end. Least connections shows the open connections, and offers "none"
// once a backend is down. The crash stops at the balancer taking Web 2 out (the core's time); the
// run to its return shows Web 2 up in the node inspector. The task is done in the property panel
// (the office's httpClient gets a retry) and the summary card shows the core's retry figures: no
// page given up. The lesson ends at 100%. axe finds nothing serious in the panel at the machine step.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/lessons/index.ts';
import { runScenario, validateScenario } from '../../src/sim/index.ts';
import { appSession, showTab, timeNs } from './appSession.ts';
import { axeViolations } from './axe.ts';

const session = appSession();
const SCENARIO: unknown = JSON.parse(
  readFileSync('simulations/load-balancer-failover.json', 'utf8'),
);

/** The core's run of the lesson's scenario, the office's browser given `retry` if any. */
function coreRun(retry?: object) {
  const doc = retry
    ? applyEdits(SCENARIO, [{ path: '/nodes/0/apps/0/retry', value: retry }])
    : SCENARIO;
  const valid = validateScenario(doc);
  if (!valid.ok) throw new Error(JSON.stringify(valid.issues));
  return runScenario(valid.scenario);
}

/** Opens a disclosure of the property panel (a group or list) whose summary starts with `title`. */
async function group(page: Page, within: Locator, title: RegExp): Promise<Locator> {
  const details = within
    .locator('details', { has: page.locator(':scope > summary', { hasText: title }) })
    .first();
  if ((await details.getAttribute('open')) === null)
    await details.locator(':scope > summary').click();
  return details;
}

/** The rows of the step's backends table, cells joined by " | ". */
function backendRows(machine: Locator): Promise<string[]> {
  return machine
    .getByTestId('machine-backends')
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim()).join(' | ')),
    );
}

describe('lesson 9 in the lesson player', () => {
  it(
    'is done through: round robin, be the load balancer twice, the crash, a retry, to 100%',
    { timeout: 240_000 },
    async () => {
      const page = await session.openApp({
        viewport: { width: 1366, height: 900 },
        bypassCSP: true,
      });
      await showTab(page, 'Lessons');
      const panel = page.getByTestId('lesson-panel');
      await panel.getByRole('button', { name: 'Load balancing and failover' }).click();
      const step = panel.getByTestId('lesson-step');
      const message = panel.getByTestId('lesson-message');
      const next = panel.getByRole('button', { name: 'Next' });
      await expect
        .poll(() => step.textContent(), { timeout: 30_000 })
        .toContain('Step 1 of 8: One address, three servers');
      await panel.getByRole('button', { name: 'Got it' }).click();

      // Round robin: the run stops at the third pick.
      await expect
        .poll(() => step.textContent())
        .toContain('Step 2 of 8: The first three requests');
      await panel.getByLabel('Web 1, then Web 2, then Web 3').check();
      await panel.getByRole('button', { name: 'Run and see' }).click();
      await expect
        .poll(() => message.textContent(), { timeout: 60_000 })
        .toContain('The answer: Web 1, then Web 2, then Web 3');
      const records = coreRun().simulation.sim.trace.records;
      const picks = records.filter((r) => r.type === 'lb.pick');
      expect(picks.slice(0, 3).map((r) => r.type === 'lb.pick' && r.backend)).toEqual([
        '10.0.1.21:80',
        '10.0.1.22:80',
        '10.0.1.23:80',
      ]);
      expect(await timeNs(page)).toBe(picks[2]?.t);

      // Be the load balancer, weights 5 1 1: the current weights each request meets.
      await next.click();
      await expect
        .poll(() => step.textContent())
        .toContain('Step 3 of 8: Be the load balancer: weights');
      const machine = panel.getByTestId('machine-step');
      const caption = machine.getByTestId('machine-backends').locator('caption');
      expect(await caption.textContent()).toBe(
        'Smooth weighted round robin (nginx): the backends as request 1 arrives',
      );
      expect(await backendRows(machine)).toEqual([
        'web1 | 5 | up | 0',
        'web2 | 1 | up | 0',
        'web3 | 1 | up | 0',
      ]);
      const situation = machine.getByTestId('machine-situation');
      const choices = machine.getByRole('group', { name: 'Which backend gets it?' });
      expect(await situation.textContent()).toBe('Request 1 arrives.');
      expect(await choices.getByRole('button').allTextContents()).toEqual(['web1', 'web2', 'web3']);
      await choices.getByRole('button', { name: 'web2' }).click();
      await expect
        .poll(() => message.textContent())
        .toBe(
          "Not web2. Smooth weighted round robin adds each healthy backend's weight to its current weight: web1 0 + 5 = 5, web2 0 + 1 = 1, web3 0 + 1 = 1. web1 has the largest, 5, and is picked; it gives back the total of the weights, 7, and goes on from -2. Try again.",
        );
      expect(await next.isDisabled()).toBe(true);
      expect(await axeViolations(page, 'lesson-panel')).toEqual([]);
      // By keyboard: web1, and the focus goes to the next request's first choice.
      await choices.getByRole('button', { name: 'web1' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => situation.textContent()).toBe('Request 2 arrives.');
      expect(await backendRows(machine)).toEqual([
        'web1 | 5 | up | -2',
        'web2 | 1 | up | 1',
        'web3 | 1 | up | 1',
      ]);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
        .toBe('web1');
      await page.keyboard.press('Enter');
      await expect.poll(() => situation.textContent()).toBe('Request 3 arrives.');
      // web2 and web3 both reach 3, web1 only 1: the first in the list wins.
      expect(await backendRows(machine)).toEqual([
        'web1 | 5 | up | -4',
        'web2 | 1 | up | 2',
        'web3 | 1 | up | 2',
      ]);
      for (const pick of ['web2', 'web1', 'web3', 'web1', 'web1']) {
        await choices.getByRole('button', { name: pick, exact: true }).click();
        await expect.poll(() => message.textContent()).toContain(`Right: ${pick}.`);
      }
      await expect.poll(() => message.textContent()).toContain('Every request has its backend.');
      expect(await machine.getByTestId('machine-result').textContent()).toContain(
        '6 of 7 picks right the first time.',
      );
      const taken = machine.getByRole('list', { name: 'Decisions taken' });
      expect(await taken.locator('strong').allTextContents()).toEqual(
        ['web1', 'web1', 'web2', 'web1', 'web3', 'web1', 'web1'].map((b) => `To ${b}.`),
      );
      // After the seven picks the current weights are all 0 again.
      expect(await caption.textContent()).toBe(
        'Smooth weighted round robin (nginx): the backends after the last request',
      );
      expect(await backendRows(machine)).toEqual([
        'web1 | 5 | up | 0',
        'web2 | 1 | up | 0',
        'web3 | 1 | up | 0',
      ]);

      // Least connections: the open connections, a backend taken out.
      await next.click();
      await expect
        .poll(() => step.textContent())
        .toContain('Step 4 of 8: Be the load balancer: least connections');
      expect(await backendRows(machine)).toEqual([
        'web1 | 1 | up | 3',
        'web2 | 1 | up | 1',
        'web3 | 1 | up | 0',
      ]);
      await choices.getByRole('button', { name: 'web3' }).click();
      await expect
        .poll(() => message.textContent())
        .toBe(
          'Right: web3. Least connections picks the healthy backend with the fewest open connections: web1 3, web2 1, web3 0. web3 has the fewest.',
        );
      await choices.getByRole('button', { name: 'web2' }).click();
      await expect.poll(() => message.textContent()).toContain('tie for the fewest');
      // Request 1 (on web3) has finished: web3 is back to 0.
      expect(await situation.textContent()).toBe('Request 1 has finished. Request 3 arrives.');
      expect(await backendRows(machine)).toEqual([
        'web1 | 1 | up | 3',
        'web2 | 1 | up | 2',
        'web3 | 1 | up | 0',
      ]);
      await choices.getByRole('button', { name: 'web3' }).click();
      await expect.poll(() => situation.textContent()).toBe('Request 4 arrives.');
      await choices.getByRole('button', { name: 'web3' }).click();
      await expect
        .poll(() => situation.textContent())
        .toBe('Request 2 has finished. The health checks take web3 out. Request 5 arrives.');
      expect(await choices.getByRole('button').allTextContents()).toEqual([
        'web1',
        'web2',
        'web3 (down)',
        'None: no backend is healthy',
      ]);
      expect(await backendRows(machine)).toEqual([
        'web1 | 1 | up | 3',
        'web2 | 1 | up | 1',
        'web3 | 1 | down | 2',
      ]);
      await choices.getByRole('button', { name: 'web3 (down)' }).click();
      await expect
        .poll(() => message.textContent())
        .toMatch(/^Not web3\. .* web3 is down and takes no part\. Try again\.$/);
      await choices.getByRole('button', { name: 'web2' }).click();
      await expect.poll(() => message.textContent()).toContain('Every request has its backend.');

      // The crash: the run stops when the balancer takes Web 2 out.
      await next.click();
      await expect.poll(() => step.textContent()).toContain('Step 5 of 8: Web 2 crashes');
      await panel.getByLabel(/Those sent to Web 2 before the load balancer notices/).check();
      await panel.getByRole('button', { name: 'Run and see' }).click();
      await expect
        .poll(() => message.textContent(), { timeout: 60_000 })
        .toContain('The answer: Those sent to Web 2');
      const out = records.find((r) => r.type === 'lb.health' && !r.healthy);
      expect(await timeNs(page)).toBe(out?.t);

      await next.click();
      await expect.poll(() => step.textContent()).toContain('Step 6 of 8: How long can it take?');
      await panel.getByLabel(/About 3\.5 s: three checks/).check();
      await expect.poll(() => message.textContent()).toContain('Right. The first failing check');

      // Web 2 comes back: up again in the node inspector at that moment.
      await next.click();
      await expect.poll(() => step.textContent()).toContain('Step 7 of 8: Web 2 comes back');
      await panel.getByRole('button', { name: 'Run to this moment' }).click();
      await expect.poll(() => next.isEnabled(), { timeout: 60_000 }).toBe(true);
      const back = records.find((r) => r.type === 'lb.health' && r.healthy);
      expect(await timeNs(page)).toBe(back?.t);
      await showTab(page, 'Node');
      await page.getByTestId('node-picker').selectOption('lb');
      const web2 = page.getByTestId('lb-backends').locator('tr[data-backend="10.0.1.22:80"]');
      await expect.poll(() => web2.getAttribute('data-healthy'), { timeout: 10_000 }).toBe('true');
      await showTab(page, 'Lessons');

      // Lose no page: not done before the change (a hint), done once the browser retries.
      await next.click();
      await expect.poll(() => step.textContent()).toContain('Step 8 of 8: Lose no page');
      await panel.getByRole('button', { name: 'Check my work' }).click();
      await expect.poll(() => message.textContent(), { timeout: 60_000 }).toContain('Not yet');
      expect(await panel.getByRole('list', { name: 'Hints' }).textContent()).toContain(
        'The browser needs a retry setting.',
      );
      await showTab(page, 'Edit');
      const props = page.getByTestId('property-panel');
      await expect
        .poll(() => props.getByRole('heading').first().textContent())
        .toBe('Node Office (id office)');
      const apps = await group(page, props, /^apps/);
      const client = await group(page, apps, /^1: httpClient/);
      const retry = await group(page, client, /^retry/);
      const attempts = retry.getByLabel('attempts', { exact: true });
      await attempts.fill('3');
      await attempts.press('Enter');
      await expect.poll(() => attempts.inputValue()).toBe('3');
      await showTab(page, 'Lessons');
      await panel.getByRole('button', { name: 'Check my work' }).click();
      await expect.poll(() => message.textContent(), { timeout: 60_000 }).toContain('Done');
      await panel.getByTestId('lesson-complete').waitFor();
      expect(await panel.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');

      // The office's card at the end: every 504 tried again and answered (the core's figures).
      const figures = coreRun({ attempts: 3 }).summary.apps.httpClient?.[0]?.retry;
      expect(figures?.gaveUp).toBe(0);
      expect(figures?.recovered).toBeGreaterThan(0);
      await showTab(page, 'Summary');
      // The card counts up to the time shown: to the end of the run.
      await page.getByTestId('step').focus();
      await page.keyboard.press('End');
      const card = page.getByTestId('summary-web-client-office');
      await expect
        .poll(() => card.locator('dd[data-metric="recovered"]').textContent(), { timeout: 30_000 })
        .toBe(String(figures?.recovered));
      expect(await card.locator('dd[data-metric="gaveUp"]').textContent()).toBe('0');
      expect(session.errors).toEqual([]);
    },
  );
});
