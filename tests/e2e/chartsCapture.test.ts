// End-to-end in Debian's Chromium: the Charts tab lists only the charts that apply to the Ping
// example and scales its axes to the moment shown or to the whole run; the Capture tab, right
// after Run with the playhead at 0, offers the whole run, says how many packets the file holds,
// and downloads that file (its name and size checked against the same run in Node).
import { readFileSync } from 'node:fs';
import { axeViolations } from './axe.ts';
import { describe, expect, it } from 'vitest';
import { readPcap } from '../../src/net/capture/pcapReader.ts';
import { captureFile } from '../../src/viz/capture/index.ts';
import { appSession, rewind, shot, startRun } from './appSession.ts';
import { coreRun, defaultScenarioJson } from './reference.ts';
import { recordList } from '../../src/engine/traceRecords.ts';

const session = appSession();
const { openApp } = session;
const SEED = 25; // the file's seed
const reference = coreRun(SEED);
const wifi = { kind: 'link', link: 'wifi' } as const;
describe('charts and capture of the Ping example', () => {
  it('lists only the charts that apply, with axes that follow the moment shown', async () => {
    const page = await openApp();
    await startRun(page, SEED);
    await rewind(page);
    await page.getByRole('tab', { name: 'Charts' }).click();
    const charts = page.getByTestId('charts');
    const picker = charts.getByRole('combobox', { name: 'Chart' });
    // A pinger and a link: round trips and throughput; no TCP, no server process, no queue.
    expect(await picker.locator('option').allTextContents()).toEqual([
      'Request latency',
      'Throughput per link direction',
    ]);
    expect(await picker.inputValue()).toBe('latency');
    // At 0 s the window is 1% of the run up to its last reply; "Whole run" shows all of it.
    const replies = reference.records.filter((r) => r.type === 'app.reply');
    const lastReply = replies[replies.length - 1]!.t;
    const chart = charts.getByTestId('time-chart');
    const whole = charts.getByRole('checkbox', { name: 'Whole run' });
    expect(await whole.isChecked()).toBe(false);
    expect(Number(await chart.getAttribute('data-x-end'))).toBe(lastReply / 100);
    await whole.check();
    await expect.poll(async () => Number(await chart.getAttribute('data-x-end'))).toBe(lastReply);
    expect(await charts.getByTestId('chart-scale').textContent()).toContain('whole run');
    await shot(page, 'charts-ping-whole-run');
    expect(session.errors).toEqual([]);
  });

  it('offers the whole run right after Run and downloads it, as many packets as it says', async () => {
    const page = await openApp();
    await startRun(page, SEED);
    await rewind(page);
    await page.getByRole('tab', { name: 'Capture' }).click();
    const pcap = page.getByTestId('pcap');
    expect(await pcap.getByRole('combobox', { name: 'Capture on' }).inputValue()).toBe('link:wifi');
    const wholeRun = pcap.getByRole('radio', { name: 'The whole run' });
    expect(await wholeRun.isChecked()).toBe(true);
    // Each request the pinger sent and each reply the echo server sent is a frame on the link
    // (with this seed no request waits in vain for ARP), and so is each ARP request and reply.
    const types = new Set(['app.request', 'app.serve', 'arp.request', 'arp.reply']);
    const frames = reference.records.filter((r) => types.has(r.type)).length;
    expect(reference.records.filter((r) => r.type === 'ip.drop').length).toBe(0);
    const contents = pcap.getByTestId('pcap-contents');
    expect(await contents.textContent()).toContain(`${frames} packets on link wifi`);
    expect(await contents.textContent()).toContain('whole run');
    const expected = captureFile(
      { scenarioName: defaultScenarioJson.name, records: recordList(reference.records), time: 0 },
      wifi,
      'wholeRun',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      pcap.getByRole('button', { name: 'Download .pcap' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ping-over-one-link-wifi-whole-run.pcap');
    const bytes = new Uint8Array(readFileSync(await download.path()));
    expect(bytes.length).toBe(expected.bytes.length);
    expect(bytes).toEqual(expected.bytes);
    const read = readPcap(bytes);
    if (!read.ok) throw new Error(read.error);
    expect(read.file.records.length).toBe(frames);
    expect(await pcap.getByRole('status').textContent()).toContain(`${frames} packets`);
    await shot(page, 'capture-ping-whole-run');

    // Up to the moment shown (0 s): the laptop's ARP request alone (the first request waits).
    await pcap.getByRole('radio', { name: /^Up to t = 0 s/ }).check();
    expect(await contents.textContent()).toContain('1 packet on link wifi, up to t = 0 s');
    const [early] = await Promise.all([
      page.waitForEvent('download'),
      pcap.getByRole('button', { name: 'Download .pcap' }).click(),
    ]);
    expect(early.suggestedFilename()).toBe('ping-over-one-link-wifi-to-0.000s.pcap');
    const first = readPcap(new Uint8Array(readFileSync(await early.path())));
    if (!first.ok) throw new Error(first.error);
    expect(first.file.records.length).toBe(1);
    expect(session.errors).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`keeps both panels keyboard-usable with no serious axe violation (${colorScheme})`, async () => {
      const page = await openApp({ colorScheme, bypassCSP: true });
      await startRun(page, SEED);
      await rewind(page);
      await page.getByRole('tab', { name: 'Charts' }).click();
      const whole = page.getByTestId('charts').getByRole('checkbox', { name: 'Whole run' });
      await whole.focus();
      await page.keyboard.press('Space');
      expect(await whole.isChecked()).toBe(true);
      expect(await axeViolations(page, 'charts')).toEqual([]);
      await page.getByRole('tab', { name: 'Capture' }).click();
      const pcap = page.getByTestId('pcap');
      // Arrow keys move between the two radio buttons, as in any radio group.
      await pcap.getByRole('radio', { name: 'The whole run' }).focus();
      await page.keyboard.press('ArrowRight');
      expect(await pcap.getByRole('radio', { name: /^Up to t = 0 s/ }).isChecked()).toBe(true);
      expect(await pcap.getByTestId('pcap-contents').textContent()).toContain('1 packet');
      expect(await axeViolations(page, 'pcap')).toEqual([]);
      await shot(page, `capture-ping-${colorScheme}`);
      expect(session.errors).toEqual([]);
    });
  }
});
