// End-to-end, in Debian's Chromium: lesson 1's first two steps played (read, then a wrong
// prediction run to its moment), then "Download progress": the JSON report and the xAPI
// statements are saved by the browser, read back from disk and checked against what was done and
// against the lesson file. Also the lesson index's minutes and the "For teachers" tips, which
// must be the lesson file's own `tip:` lines.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appSession, showTab } from './appSession.ts';

const session = appSession();
const KEY = '01-clients-and-servers';
const FILE = readFileSync(`simulations/lessons/${KEY}.md`, 'utf8');
/** The lesson file's front matter: its `tip:` lines and its minutes, read here by hand. */
const TIPS = [...FILE.matchAll(/^tip: (.*)$/gm)].map((m) => m[1]);
const MINUTES = /^minutes: (\d+)$/m.exec(FILE)?.[1];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('the progress export', () => {
  it('downloads what was done as JSON and as xAPI statements', { timeout: 120_000 }, async () => {
    const page = await session.openApp({
      viewport: { width: 1366, height: 900 },
      acceptDownloads: true,
    });
    const started = Date.now();
    await showTab(page, 'Lessons');
    const panel = page.getByTestId('lesson-panel');
    const entry = panel.getByRole('listitem').filter({ hasText: 'Clients and servers' });
    expect(await entry.textContent()).toContain(`${MINUTES} min`);
    await panel.getByRole('button', { name: 'Clients and servers: who asks, who answers' }).click();

    // Teacher tips: behind a disclosure, the file's own lines.
    const tips = panel.getByTestId('lesson-tips');
    expect(await tips.getByRole('listitem').first().isVisible()).toBe(false);
    await tips.getByText('For teachers').click();
    expect(await tips.getByRole('listitem').allTextContents()).toEqual(TIPS);
    expect(await tips.textContent()).toContain(`about ${MINUTES} minutes`);

    await panel.getByRole('button', { name: 'Got it' }).click();
    await panel.getByLabel('The echo server').check();
    await panel.getByRole('button', { name: 'Run and see' }).click();
    await expect
      .poll(() => panel.getByTestId('lesson-message').textContent())
      .toContain('The answer');

    const exporter = panel.getByTestId('lesson-export');
    await exporter.getByText('Download progress', { exact: true }).click();
    await exporter.getByLabel(/Your name/).fill('Ada');
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      exporter.getByRole('button', { name: 'Download progress (JSON)' }).click(),
    ]);
    expect(json.suggestedFilename()).toBe(`${KEY}-progress.json`);
    const report = JSON.parse(readFileSync((await json.path()) as string, 'utf8'));
    expect(report.lesson).toEqual({
      key: KEY,
      title: 'Clients and servers: who asks, who answers',
      minutes: Number(MINUTES),
    });
    expect(report.stepsDone).toBe(2);
    expect(report.steps.map((s: { kind: string; done: boolean }) => [s.kind, s.done])).toEqual([
      ['narrate', true],
      ['predict', true],
      ['run', false],
      ['quiz', false],
      ['task', false],
    ]);
    expect(report.steps[1].answer).toEqual({ choice: 1, text: 'The echo server', correct: false });
    // Wall-clock times of this test's own run.
    for (const time of [report.startedAt, report.steps[1].startedAt, report.steps[1].doneAt]) {
      expect(time).toMatch(ISO);
      expect(Date.parse(time)).toBeGreaterThanOrEqual(started - 1000);
      expect(Date.parse(time)).toBeLessThanOrEqual(Date.now() + 1000);
    }

    const [xapi] = await Promise.all([
      page.waitForEvent('download'),
      exporter.getByRole('button', { name: 'Download xAPI statements' }).click(),
    ]);
    expect(xapi.suggestedFilename()).toBe(`${KEY}-xapi.json`);
    const statements = JSON.parse(readFileSync((await xapi.path()) as string, 'utf8'));
    const verbs = statements.map((s: { verb: { id: string } }) => s.verb.id);
    expect(verbs).toEqual(
      ['attempted', 'completed', 'attempted', 'answered', 'completed'].map(
        (v) => `http://adlnet.gov/expapi/verbs/${v}`,
      ),
    );
    const answered = statements[3];
    expect(answered.actor.name).toBe('Ada');
    expect(answered.actor.account.name).toMatch(/^anonymous-/);
    expect(answered.object.id).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:\\d+/lessons/${KEY}/steps/2$`),
    );
    expect(answered.result).toEqual({ success: false, response: 'choice-1' });
    expect(answered.timestamp).toMatch(ISO);
    // The name is kept in this browser for next time.
    await page.reload();
    await page.getByTestId('scenario-name').waitFor();
    await showTab(page, 'Lessons');
    await panel
      .getByTestId('lesson-export')
      .getByText('Download progress', { exact: true })
      .click();
    expect(
      await panel
        .getByTestId('lesson-export')
        .getByLabel(/Your name/)
        .inputValue(),
    ).toBe('Ada');
    expect(session.errors).toEqual([]);
  });
});
