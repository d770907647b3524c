// End-to-end, in Debian's Chromium: lesson 8 ("Firewalls: allow the web, block the rest") done
// through as a learner does it. The prediction stops at the firewall's first policy drop (the time
// the core's run says); at the end of the run the node inspector shows the FORWARD policy with
// every packet. The "be the firewall" step shows the chain's numbered rules, takes a wrong verdict
// (the rule that decides is named) and the rest, some by keyboard. Both tasks are done in the
// property panel: a rule added to the FORWARD chain (tcp, port 80), the page loads and the rules'
// counts are the core's; then a REJECT with tcp-reset for port 22. The last quiz ends the lesson
// at 100%. axe finds nothing serious in the panel at the machine step.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/lessons/index.ts';
import { runScenario, validateScenario } from '../../src/sim/index.ts';
import { appSession, showTab, timeNs } from './appSession.ts';
import { axeViolations } from './axe.ts';

const session = appSession();
const SCENARIO: unknown = JSON.parse(readFileSync('simulations/firewall-closed.json', 'utf8'));
const WEB_RULE = { action: 'ACCEPT', protocol: 'tcp', dstPort: 80, comment: 'the web' };

/** The core's run of the lesson's scenario with `rules` added to the firewall's FORWARD chain. */
function coreRun(...rules: object[]) {
  const doc = applyEdits(
    SCENARIO,
    rules.map((value) => ({ path: '/nodes/1/firewall/forward/rules/-', value })),
  );
  const valid = validateScenario(doc);
  if (!valid.ok) throw new Error(JSON.stringify(valid.issues));
  return runScenario(valid.scenario);
}

/** The FORWARD chain's packets per rule, then the policy's, at the end of the core's run. */
function forwardCounts(...rules: object[]): string[] {
  const chain = coreRun(...rules).summary.firewalls?.[0]?.chains.find((c) => c.chain === 'FORWARD');
  if (!chain) throw new Error('no FORWARD chain');
  return [...chain.rules.map((r) => r.hits.packets), chain.policyHits.packets].map(String);
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

/** Sets a field of the property panel (a select or a text field committed with Enter). */
async function setField(item: Locator, label: string, value: string): Promise<void> {
  const field = item.getByLabel(label, { exact: true });
  if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
  else {
    await field.fill(value);
    await field.press('Enter');
  }
  await expect.poll(() => field.inputValue()).toBe(value);
}

/** Adds a rule to the firewall's FORWARD chain in the Edit tab and sets its fields in order. */
async function addRule(page: Page, n: number, fields: [string, string][]): Promise<void> {
  await showTab(page, 'Edit');
  const props = page.getByTestId('property-panel');
  await expect
    .poll(() => props.getByRole('heading').first().textContent())
    .toBe('Node Firewall (id fw)');
  const firewall = await group(page, props, /^firewall/);
  const forward = await group(page, firewall, /^forward/);
  const rules = await group(page, forward, /^rules/);
  await rules.getByRole('button', { name: 'Add rule to fw' }).last().click();
  await expect.poll(() => rules.locator(':scope > summary').textContent()).toContain(`(${n})`);
  // A new rule accepts everything until its fields are set (its action comes first).
  const item = await group(page, rules, new RegExp(`^${n}:`));
  expect(await item.locator(':scope > summary').textContent()).toBe(`${n}: ACCEPT`);
  for (const [label, value] of fields) await setField(item, label, value);
  await showTab(page, 'Lessons');
}

describe('lesson 8 in the lesson player', () => {
  it(
    'is done through: the dropped SYN, be the firewall, two rules added, to 100%',
    { timeout: 240_000 },
    async () => {
      const page = await session.openApp({
        viewport: { width: 1366, height: 900 },
        bypassCSP: true,
      });
      // Opened from the list, as a learner does (a navigation could abort the icon's request).
      await showTab(page, 'Lessons');
      const panel = page.getByTestId('lesson-panel');
      await panel.getByRole('button', { name: 'Firewalls: allow the web, block the rest' }).click();
      const step = panel.getByTestId('lesson-step');
      const message = panel.getByTestId('lesson-message');
      const next = panel.getByRole('button', { name: 'Next' });
      await expect
        .poll(() => step.textContent(), { timeout: 30_000 })
        .toContain('Step 1 of 8: A firewall between two networks');
      await panel.getByRole('button', { name: 'Got it' }).click();

      // The prediction: the run stops at the firewall's first verdict by its policy.
      await expect.poll(() => step.textContent()).toContain('Step 2 of 8: The first packet');
      await panel.getByLabel(/It drops it: no rule allows it/).check();
      await panel.getByRole('button', { name: 'Run and see' }).click();
      await expect
        .poll(() => message.textContent(), { timeout: 60_000 })
        .toContain('The answer: It drops it');
      const firstDrop = coreRun().simulation.sim.trace.records.find(
        (r) => r.type === 'fw.verdict' && r.verdict === 'DROP' && r.rule === 0,
      );
      expect(await timeNs(page)).toBe(firstDrop?.t);

      // The run to its end: the policy has every packet, rule 1 none (the core's figures).
      await next.click();
      await expect.poll(() => step.textContent()).toContain('Step 3 of 8: The page never comes');
      await panel.getByRole('button', { name: 'Run to this moment' }).click();
      await expect.poll(() => next.isEnabled(), { timeout: 60_000 }).toBe(true);
      await showTab(page, 'Node');
      await page.getByTestId('node-picker').selectOption('fw');
      const chain = page.getByTestId('firewall-chain-FORWARD');
      const counts = () =>
        chain
          .locator('tbody tr')
          .evaluateAll((rows) =>
            rows.map((row) => row.querySelectorAll('td')[1]?.textContent?.trim() ?? ''),
          );
      expect(forwardCounts()).toEqual(['0', '14']);
      await expect.poll(counts, { timeout: 10_000 }).toEqual(forwardCounts());
      await showTab(page, 'Lessons');

      // Be the firewall: the rules beside the decisions; a wrong verdict names the deciding rule.
      await next.click();
      await expect.poll(() => step.textContent()).toContain('Step 4 of 8: Be the firewall');
      const machine = panel.getByTestId('machine-step');
      const rows = await machine
        .getByTestId('machine-rules')
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim()).join(' | ')),
        );
      expect(rows).toEqual([
        '1 | -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT | replies',
        '2 | -p tcp -d 10.0.0.20 --dport 80 --syn -j ACCEPT | the web',
        '3 | -p tcp --dport 22 -j REJECT --reject-with tcp-reset | logins: refused at once',
        '4 | -j LOG --log-prefix "fw dropped: " | ',
        'Policy DROP: for every packet no rule decides',
      ]);
      const situation = machine.getByTestId('machine-situation');
      const choices = machine.getByRole('group', { name: 'What does the firewall do with it?' });
      expect(await situation.textContent()).toBe(
        'A packet comes to the FORWARD chain: tcp 192.168.1.10:50114 → 10.0.0.20:80 [SYN], state NEW.',
      );
      expect(await choices.getByRole('button').allTextContents()).toEqual([
        'ACCEPT: let it through',
        'DROP: drop it without an answer',
        'REJECT: refuse it with an answer',
      ]);
      await choices.getByRole('button', { name: /^DROP/ }).click();
      await expect
        .poll(() => message.textContent())
        .toBe(
          'Not DROP. Rule 2 is the first rule that matches it and ends the walk: -p tcp -d 10.0.0.20 --dport 80 --syn -j ACCEPT (the web). Try again.',
        );
      expect(await next.isDisabled()).toBe(true);
      expect(await axeViolations(page, 'lesson-panel')).toEqual([]);
      // By keyboard: the SYN is accepted, and the focus goes to the next packet's first choice,
      // the server's SYN+ACK of that connection, which rule 1 lets through.
      await choices.getByRole('button', { name: /^ACCEPT/ }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => situation.textContent()).toContain('[SYN, ACK], state ESTABLISHED');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
        .toBe('ACCEPT: let it through');
      await page.keyboard.press('Enter');
      await expect.poll(() => message.textContent()).toContain('Right: ACCEPT. Rule 1 is');
      // The echo request: the policy drops it, after the LOG rule noted it.
      await choices.getByRole('button', { name: /^DROP/ }).click();
      await expect
        .poll(() => message.textContent())
        .toBe(
          "Right: DROP. No rule matches it and ends the walk, so the FORWARD chain's policy decides: DROP. On the way, rule 4 (LOG) matched and logged it; a LOG rule does not end the walk.",
        );
      await choices.getByRole('button', { name: /^REJECT/ }).click();
      await expect.poll(() => message.textContent()).toContain('with a TCP reset (RST).');
      // An ACK with no connection (rule 2 wants a SYN alone), a SYN towards the office.
      await choices.getByRole('button', { name: /^DROP/ }).click();
      await expect.poll(() => situation.textContent()).toContain('10.0.0.20:40000');
      await choices.getByRole('button', { name: /^DROP/ }).click();
      await expect.poll(() => message.textContent()).toContain('Every packet has its verdict.');
      expect(await machine.getByTestId('machine-result').textContent()).toContain(
        '5 of 6 picks right the first time.',
      );
      expect(await machine.getByRole('list', { name: 'Decisions taken' }).textContent()).toContain(
        'Verdict: REJECT.',
      );

      // Let the web in: not done before the change (a hint), done after a rule is added.
      await next.click();
      await expect.poll(() => step.textContent()).toContain('Step 5 of 8: Let the web in');
      await panel.getByRole('button', { name: 'Check my work' }).click();
      await expect.poll(() => message.textContent(), { timeout: 60_000 }).toContain('Not yet');
      expect(await panel.getByRole('list', { name: 'Hints' }).textContent()).toContain(
        'The firewall is selected',
      );
      await addRule(page, 2, [
        ['protocol', 'tcp'],
        ['dstPort', '80'],
        ['comment', 'the web'],
      ]);
      await panel.getByRole('button', { name: 'Check my work' }).click();
      await expect.poll(() => message.textContent(), { timeout: 60_000 }).toContain('Done');
      // The new rule let the SYN in, rule 1 the rest of the connection (the core's figures).
      await showTab(page, 'Node');
      await page.getByTestId('node-picker').selectOption('fw');
      await page.getByTestId('step').focus();
      await page.keyboard.press('End');
      const withWeb = forwardCounts(WEB_RULE);
      expect(withWeb[1]).toBe('1');
      await expect.poll(counts, { timeout: 10_000 }).toEqual(withWeb);
      await showTab(page, 'Lessons');

      await next.click();
      await expect.poll(() => step.textContent()).toContain('Step 6 of 8: A knock on port 22');
      await panel.getByLabel(/Nothing for a long time/).check();
      await expect.poll(() => message.textContent()).toContain('Right. TCP takes the silence');

      // Refuse port 22 at once: REJECT with a reset.
      await next.click();
      await expect.poll(() => step.textContent()).toContain('Step 7 of 8: Refuse it at once');
      await addRule(page, 3, [
        ['action', 'REJECT'],
        ['protocol', 'tcp'],
        ['dstPort', '22'],
        ['rejectWith', 'tcp-reset'],
      ]);
      await panel.getByRole('button', { name: 'Check my work' }).click();
      await expect.poll(() => message.textContent(), { timeout: 60_000 }).toContain('Done');

      await next.click();
      await expect.poll(() => step.textContent()).toContain('Step 8 of 8: DROP or REJECT?');
      await panel.getByLabel(/DROP is faster/).check();
      await expect.poll(() => message.textContent()).toContain('It is slower for them');
      await panel.getByLabel(/Silence gives away nothing/).check();
      await panel.getByTestId('lesson-complete').waitFor();
      expect(await panel.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
      expect(session.errors).toEqual([]);
    },
  );
});
