// The page's memory on a run that outgrows it: the database example for 300 s (about 3 million
// trace records) opened in the built app in Chromium. The run stops at the page's record budget;
// the page's JS heap is sampled (CDP Performance.getMetrics) while it records and until the event
// log has told every record, and the renderer process's resident memory (it holds the page and
// the simulation worker) read from /proc.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { print } from './engineBench.ts';

/** Resident memory in MB of the Chromium processes with `--type=renderer`. */
function rendererRssMb(): number {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

/**
 * The runs measured: the database example for 300 s (`browser.memory.*`), and the same with 200
 * users in its closed workload (`browser.memory200.*`; 200 clients for 300 s once crashed the tab).
 */
export async function pageMemory(browser: Browser, url: string, root: string): Promise<void> {
  const doc = JSON.parse(readFileSync(join(root, 'simulations/database-service.json'), 'utf8'));
  doc.until = '300s';
  await runInPage(browser, url, doc, 'browser.memory');
  const crowd = structuredClone(doc);
  const closed = crowd.nodes
    .flatMap((n: { apps?: { workload?: { kind: string; users?: number } }[] }) => n.apps ?? [])
    .find((a: { workload?: { kind: string } }) => a.workload?.kind === 'closed');
  if (!closed?.workload) throw new Error('the database example has no closed workload');
  closed.workload.users = 200;
  crowd.name = `${doc.name} (200 users)`;
  await runInPage(browser, url, crowd, 'browser.memory200');
}

/** Runs `doc` in the page and prints peak JS heap, peak renderer memory, records kept. */
async function runInPage(browser: Browser, url: string, doc: { name: string }, name: string) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.setDefaultTimeout(170_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.getByTestId('scenario-name').waitFor();
  await page.getByLabel('Open a scenario file (JSON)').setInputFiles({
    name: `${name}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc), 'utf8'),
  });
  await page.getByTestId('scenario-name').filter({ hasText: doc.name }).waitFor();
  const rssBefore = rendererRssMb();
  let peakHeap = 0;
  let peakRss = 0;
  let sampling = true;
  const sample = async (): Promise<void> => {
    while (sampling) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      peakHeap = Math.max(peakHeap, heap / 2 ** 20);
      peakRss = Math.max(peakRss, rendererRssMb());
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const sampler = sample();
  const started = performance.now();
  await page.getByLabel('Seed').fill('1');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByTestId('metric-seed').filter({ hasText: '1' }).waitFor();
  const wallS = (performance.now() - started) / 1000;
  // The page goes on telling the run in the event log after it ends: sample until that is done,
  // since the log's sentences are part of what the page holds.
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="event-log"]')?.getAttribute('data-complete') === 'true',
    undefined,
    { timeout: 170_000, polling: 500 },
  );
  const toldS = (performance.now() - started) / 1000;
  sampling = false;
  await sampler;
  const budget = await page.getByTestId('run-budget').count();
  const status = (await page.getByTestId('run-status').textContent()) ?? '';
  const records = Number(/(\d[\d,]*)\s+trace records/.exec(status)?.[1]?.replace(/,/g, '') ?? NaN);
  if (Number.isNaN(records)) throw new Error(`no record count in the run status: ${status}`);
  print(`${name}.records`, records, 'records');
  print(`${name}.stoppedAtBudget`, budget, 'yes');
  print(`${name}.peakJsHeap`, peakHeap, 'MB');
  print(`${name}.rendererBeforeRun`, rssBefore, 'MB');
  print(`${name}.peakRenderer`, peakRss, 'MB');
  print(`${name}.wall`, wallS, 's');
  print(`${name}.toldWall`, toldS, 's');
  await page.close();
}
