// End-to-end tests of the built app in Debian's Chromium: the default scenario, runs that agree
// with the CLI and the core byte for byte, keyboard use, bad and hostile files, and accessibility.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatSummaryLines, parseScenarioText } from '../../src/sim/index.ts';
import { collectPageErrors, launchChromium } from './browser.ts';
import { ROOT, cliRun, coreRun, defaultScenarioJson } from './reference.ts';

const baseUrl = inject('baseUrl');
const SHOTS = join(ROOT, 'test-results', 'e2e');
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser: Browser;
let context: BrowserContext | undefined;
let errors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

/** Opens the app in a fresh context and waits for the scenario to show. */
async function openApp(options: BrowserContextOptions = {}): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  errors = collectPageErrors(page);
  await page.goto(baseUrl);
  await page.getByTestId('scenario-name').waitFor();
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Runs with `seed` by mouse and waits until the summary and the fingerprint are there. */
async function runWithSeed(page: Page, seed: number): Promise<void> {
  await page.getByLabel('Seed').fill(String(seed));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForRun(page, seed);
}

async function waitForRun(page: Page, seed: number): Promise<void> {
  await page
    .getByTestId('metric-seed')
    .filter({ hasText: String(seed) })
    .waitFor();
  await page.getByTestId('trace-sha256').waitFor({ state: 'attached' });
}

async function text(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).textContent()) ?? '';
}

/** The default scenario as a mutable document, to break or rename in a test. */
type Doc = {
  format: string;
  links: { b: string }[];
  nodes: { apps?: { peer?: string }[] }[];
};
function copyOfDefault(): Doc {
  return JSON.parse(JSON.stringify(defaultScenarioJson)) as Doc;
}

/** The part of axe-core's results these tests read. */
interface AxeResults {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

function file(name: string, content: string) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') };
}

describe('the Handshake app', () => {
  it('opens on the default scenario with its topology drawn', async () => {
    const page = await openApp();
    expect(await text(page, 'scenario-name')).toBe(defaultScenarioJson.name);
    expect(await text(page, 'scenario-description')).toBe(defaultScenarioJson.description);
    const nodes = page.locator('[data-testid="topology"] [data-node]');
    expect(await nodes.count()).toBe(2);
    const laptop = (await page.locator('[data-node="laptop"]').textContent()) ?? '';
    expect(laptop).toMatch(/client/);
    expect(laptop).toMatch(/Laptop/);
    expect(laptop).toMatch(/id laptop/);
    expect(await page.locator('[data-node="server"]').textContent()).toMatch(
      /server.*Echo server/s,
    );
    expect(await page.locator('[data-link="wifi"]').textContent()).toMatch(
      /wifi · 20 ms · 20% loss/,
    );
    expect(await page.getByRole('img', { name: /2 nodes/ }).count()).toBe(1);
    await expect(page.getByLabel('Seed').inputValue()).resolves.toBe('7');
    await shot(page, 'default-light');
    expect(errors).toEqual([]);
  });

  it('runs with a seed and agrees with the CLI and the core, number for number and byte for byte', async () => {
    const page = await openApp();
    await runWithSeed(page, 3);
    const cli = cliRun(3);
    const core = coreRun(3);
    expect(cli.summary.traceRecords).toBe(core.summary.traceRecords);
    // The text summary is formatSummaryLines of the browser's run; the CLI's numbers must give it.
    expect(await text(page, 'summary-lines')).toBe(core.lines.join('\n'));
    expect(formatSummaryLines(cli.summary)).toEqual(core.lines);
    const pinger = cli.summary.pingers[0];
    const link = cli.summary.links[0];
    if (!pinger || !link) throw new Error('the CLI summary has no pinger or no link');
    for (const key of ['sent', 'retries', 'replies', 'lost', 'lateReplies'] as const) {
      expect(
        await page.locator(`[data-testid="pinger-laptop"] [data-metric="${key}"]`).textContent(),
      ).toBe(String(pinger[key]));
    }
    for (const key of ['sent', 'delivered', 'dropped'] as const) {
      expect(
        await page.locator(`[data-testid="link-wifi"] [data-metric="${key}"]`).textContent(),
      ).toBe(String(link[key]));
    }
    expect(await text(page, 'metric-events')).toBe(String(cli.summary.events));
    expect(await text(page, 'metric-trace')).toBe(String(cli.summary.traceRecords));
    // The fingerprint is the SHA-256 of the same JSON Lines in Node and from the CLI's file.
    expect(await text(page, 'trace-sha256')).toBe(core.sha256);
    expect(core.sha256).toBe(cli.traceSha256);
    // With state changes shown, the log narrates every trace record.
    await page.getByTestId('show-states').check();
    expect(await page.locator('[data-testid="event-log"] li').count()).toBe(
      core.summary.traceRecords,
    );
    await page.getByText('Trace fingerprint').click();
    await shot(page, 'run-seed-3-light');
    expect(errors).toEqual([]);
  });

  it('can be run with the keyboard alone, and narrates the run in the live log', async () => {
    const page = await openApp({ reducedMotion: 'reduce' });
    const focused = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    await page.locator('body').focus();
    for (let i = 0; i < 20 && (await focused()) !== 'seed'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('seed');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('7');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('run');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await waitForRun(page, 7);
    const log = page.getByTestId('event-log');
    expect(await log.getAttribute('role')).toBe('log');
    expect(await log.getAttribute('aria-live')).toBe('polite');
    const narration = (await log.textContent()) ?? '';
    expect(narration).toContain('Laptop sends request 1 to Echo server.');
    expect(narration).toContain('reply 1 is lost on link wifi.');
    expect(narration).toContain('request 1 (retry 1) is lost on link wifi.');
    expect(narration).toContain('Laptop times out waiting for reply 1 and retries.');
    expect(narration).toContain('Echo server answers request 1 (retry 2) from Laptop.');
    expect(narration).toContain('Laptop gets reply 1: the round trip took 42 ms.');
    expect(await page.locator('[data-testid="event-log"] li .time').first().textContent()).toBe(
      '0 s',
    );
    // Reduced motion: log entries appear without animation.
    expect(
      await page
        .locator('[data-testid="event-log"] li')
        .first()
        .evaluate((li) => getComputedStyle(li).animationName),
    ).toBe('none');
    expect(await text(page, 'trace-sha256')).toBe(coreRun(7).sha256);
    // Enter in the seed field runs too.
    await page.getByLabel('Seed').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('11');
    await page.keyboard.press('Enter');
    await waitForRun(page, 11);
    expect(await text(page, 'trace-sha256')).toBe(coreRun(11).sha256);
    expect(errors).toEqual([]);
  });

  it('refuses an invalid seed with a message instead of running', async () => {
    const page = await openApp();
    await page.getByLabel('Seed').fill('-1');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByText('The seed must be a whole number').waitFor();
    expect(await page.getByLabel('Seed').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('metric-seed').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('lists every problem of an invalid file and keeps the loaded scenario', async () => {
    const page = await openApp();
    await runWithSeed(page, 7);
    const broken = copyOfDefault();
    broken.links[0]!.b = 'nowhere';
    broken.nodes[0]!.apps![0]!.peer = 'ghost';
    const brokenText = JSON.stringify(broken, null, 2);
    const expected = parseScenarioText(brokenText);
    if (expected.ok) throw new Error('the broken scenario should not validate');
    await page
      .getByLabel('Open a scenario file (JSON)')
      .setInputFiles(file('broken.json', brokenText));
    const problems = page.getByTestId('load-problems');
    await problems.waitFor();
    const shown = ((await problems.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(shown).toContain('broken.json was not loaded: 2 problems');
    expect(shown).toContain(`The scenario “${defaultScenarioJson.name}” is still loaded.`);
    for (const issue of expected.issues) expect(shown).toContain(`${issue.path} ${issue.message}`);
    expect(shown).toContain('$.links[0].b');
    expect(await problems.getAttribute('role')).toBe('alert');
    expect(await text(page, 'scenario-name')).toBe(defaultScenarioJson.name);
    expect(await page.getByTestId('metric-seed').textContent()).toBe('7');
    await shot(page, 'invalid-file');

    // Schema errors: each field named; JSON syntax errors: line and column.
    const schemaBad: Partial<Doc> = copyOfDefault();
    delete schemaBad.format;
    await page
      .getByLabel('Open a scenario file (JSON)')
      .setInputFiles(file('schema.json', JSON.stringify(schemaBad)));
    await page.getByText('$.format', { exact: true }).waitFor();
    await page
      .getByLabel('Open a scenario file (JSON)')
      .setInputFiles(file('syntax.json', '{"format": '));
    await page.getByText(/invalid JSON at line 1, column 12/).waitFor();
    expect(await text(page, 'scenario-name')).toBe(defaultScenarioJson.name);

    // A valid file replaces the scenario and clears the problems.
    const renamed = { ...defaultScenarioJson, name: 'Ping, renamed', seed: 5 };
    await page
      .getByLabel('Open a scenario file (JSON)')
      .setInputFiles(file('good.json', JSON.stringify(renamed)));
    await page.getByTestId('scenario-name').filter({ hasText: 'Ping, renamed' }).waitFor();
    expect(await page.getByTestId('load-problems').count()).toBe(0);
    expect(await page.getByLabel('Seed').inputValue()).toBe('5');
    expect(errors).toEqual([]);
  });

  it('shows markup in a scenario as literal text and runs none of it', async () => {
    // No CSP here, so this checks the app's own escaping; the page's CSP is a second layer.
    const page = await openApp({ bypassCSP: true });
    const name = '<img src=x onerror="window.__xss=1">Evil';
    const hostile = {
      ...defaultScenarioJson,
      name,
      description: '<script>window.__xss=2</script><b>bold?</b>',
      nodes: defaultScenarioJson.nodes.map((n, i) =>
        i === 0 ? { ...n, label: '<img src=x onerror=window.__xss=3>Laptop' } : n,
      ),
    };
    await page
      .getByLabel('Open a scenario file (JSON)')
      .setInputFiles(file('<img src=x onerror=window.__xss=4>.json', JSON.stringify(hostile)));
    await page.getByTestId('scenario-name').filter({ hasText: 'Evil' }).waitFor();
    expect(await text(page, 'scenario-name')).toBe(name);
    expect(await text(page, 'scenario-description')).toBe(hostile.description);
    await runWithSeed(page, 7);
    expect(await page.getByTestId('event-log').textContent()).toContain(
      '<img src=x onerror=window.__xss=3>Laptop sends request 1',
    );
    expect(await page.locator('img, b, #app script').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    await shot(page, 'hostile-scenario');
    expect(errors).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations (${colorScheme})`, async () => {
      // axe is injected as a script, which the page's CSP would refuse.
      const page = await openApp({ colorScheme, bypassCSP: true });
      await runWithSeed(page, 7);
      await page.getByTestId('show-states').check();
      await page.getByText('Trace fingerprint').click();
      await page
        .getByLabel('Open a scenario file (JSON)')
        .setInputFiles(file('broken.json', '{"format": "handshake/scenario@1"}'));
      await page.getByTestId('load-problems').waitFor();
      await shot(page, `axe-${colorScheme}`);
      await page.addScriptTag({ path: AXE_PATH });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: () => Promise<AxeResults> } }).axe;
        const results = await axe.run();
        return results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
          );
      });
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});
