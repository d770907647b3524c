// The Capture tab's files read back by tshark: simulations/ping-over-a-link.json run through
// src/sim and captured as the page does (src/viz/capture), the whole run and up to t = 1.25 s.
// tshark must count as many packets as the page says the file holds, and as the pinger and the
// echo server sent (each request and each reply is one frame on the link, a lost one included:
// the tap sits beside the sender), and the ARP request and reply before the first request, with
// nothing malformed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../src/engine/trace.ts';
import { parseScenarioText, runScenario } from '../../src/sim/index.ts';
import { captureFile, captureFrameCount, type CaptureScope } from '../../src/viz/capture/index.ts';
import { expectClean, fields } from '../support/tshark.ts';
import { recordList } from '../../src/engine/traceRecords.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-tshark-scope-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parsed = parseScenarioText(readFileSync('simulations/ping-over-a-link.json', 'utf8'));
if (!parsed.ok) throw new Error('simulations/ping-over-a-link.json does not validate');
const records = runScenario(parsed.scenario).simulation.sim.trace.records;
const wifi = { kind: 'link', link: 'wifi' } as const;
const T = 1_250_000_000;

/** The app records of `type` up to `time`: what the pinger and the echo server say they sent. */
function sent(type: TraceRecord['type'], time: number): TraceRecord[] {
  return records.filter((r) => r.type === type && r.t <= time);
}

/** Writes the page's file for `scope` and returns its path and the count the page shows. */
function save(scope: CaptureScope): { path: string; name: string; shown: number } {
  const file = captureFile(
    { scenarioName: parsed.ok ? parsed.scenario.name : '', records: recordList(records), time: T },
    wifi,
    scope,
  );
  const path = join(dir, file.name);
  writeFileSync(path, file.bytes);
  return { path, name: file.name, shown: captureFrameCount(recordList(records), wifi, scope, T) };
}

describe('tshark on the Capture tab’s files of the Ping scenario', () => {
  const whole = save('wholeRun');
  const until = save('untilShown');

  it('are named for what they hold', () => {
    expect(whole.name).toBe('ping-over-one-link-wifi-whole-run.pcap');
    expect(until.name).toBe('ping-over-one-link-wifi-to-1.250s.pcap');
  });

  it('reads every request and reply of the whole run, as many as the page says', () => {
    const frames = fields(whole.path, 'frame.number udp.srcport udp.dstport arp.opcode');
    const requests = sent('app.request', Infinity).length;
    const replies = sent('app.serve', Infinity).length;
    expect(frames.filter((f) => f['udp.dstport'] === '7').length).toBe(requests);
    expect(frames.filter((f) => f['udp.srcport'] === '7').length).toBe(replies);
    // ARP: opcode 1 a request (the laptop's), 2 a reply (the server's).
    const arp = frames.filter((f) => f['arp.opcode'] !== '').map((f) => f['arp.opcode']);
    expect(arp).toEqual([
      ...sent('arp.request', Infinity).map(() => '1'),
      ...sent('arp.reply', Infinity).map(() => '2'),
    ]);
    expect(frames.length).toBe(requests + replies + arp.length);
    expect(frames.length).toBe(whole.shown);
    // Five pings (the scenario's count); each timeout is followed by a retry, except the last
    // one of a ping the pinger gives up on.
    const timeouts = sent('app.timeout', Infinity).length;
    const giveUps = sent('app.giveUp', Infinity).length;
    expect(requests).toBe(5 + timeouts - giveUps);
    expectClean(whole.path);
  });

  it('reads only the packets up to t = 1.25 s in the other file', () => {
    const frames = fields(until.path, 'frame.time_relative frame.time_epoch');
    // (The first request, made at 0, waited for ARP until 40 ms: still before 1.25 s.)
    expect(frames.length).toBe(
      sent('app.request', T).length +
        sent('app.serve', T).length +
        sent('arp.request', T).length +
        sent('arp.reply', T).length,
    );
    expect(frames.length).toBe(until.shown);
    expect(frames.length).toBeLessThan(whole.shown);
    // Timestamps are simulated time from the epoch: every frame at or before 1.25 s.
    for (const f of frames) expect(Number(f['frame.time_epoch'])).toBeLessThanOrEqual(1.25);
  });
});
