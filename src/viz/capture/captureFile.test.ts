// What a capture download holds, on a real run of simulations/ping-over-a-link.json: the whole
// run or the run up to the moment shown, how many packets each holds (checked against the
// pinger's and the echo server's own records, not the link's), and names that say which.
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { interfaceFrames, readPcap } from '../../net/capture/index.ts';
import { recordsOfType, runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import {
  captureFile,
  captureFileName,
  captureFrameCount,
  defaultScope,
  fileTime,
  recordsInScope,
  runFinished,
  scopeToUse,
} from './captureFile.ts';
import { recordList } from '../../engine/traceRecords.ts';

const { scenario, records } = runSimulationFile('ping-over-a-link.json');
const wifi = { kind: 'link', link: 'wifi' } as const;
const S = 1e9;
/**
 * Each request the pinger sends and each reply the echo server sends is one frame on the link,
 * and so is each ARP request and reply. A request leaves when the laptop knows the server's MAC:
 * at once once it has learned it (no entry expires in this 15 s run), else when it learns it;
 * and never if ARP failed first (its `ip.drop` arpFailed: on this lossy link the first two
 * pings' requests all wait, with three ARP requests lost or unanswered).
 */
function sentBy(time: number): number {
  const learned = recordsOfType(records, 'arp.learn')
    .filter((r) => r.node === 'laptop')
    .map((r) => r.t);
  const failed = new Set(
    recordsOfType(records, 'ip.drop')
      .filter((r) => r.reason === 'arpFailed')
      .map((r) => r.pkt),
  );
  const leaves = (t: number) => (learned.some((l) => l <= t) ? t : learned.find((l) => l > t));
  const requests = recordsOfType(records, 'app.request').filter((r) => !failed.has(r.pkt));
  return (
    requests.filter((r) => (leaves(r.t) ?? Infinity) <= time).length +
    recordsOfType(records, 'app.serve').filter((r) => r.t <= time).length +
    recordsOfType(records, 'arp.request').filter((r) => r.t <= time).length +
    recordsOfType(records, 'arp.reply').filter((r) => r.t <= time).length
  );
}

describe('what a capture covers', () => {
  it('is the whole run once the run has finished (its trace ends with sim.end)', () => {
    expect(runFinished(recordList(records))).toBe(true);
    expect(defaultScope(recordList(records))).toBe('wholeRun');
    expect(scopeToUse(recordList(records), null)).toBe('wholeRun');
    expect(scopeToUse(recordList(records), 'untilShown')).toBe('untilShown');
  });

  it('is up to the moment shown while a run is still coming in', () => {
    const partial = records.slice(0, 40);
    expect(runFinished(recordList(partial))).toBe(false);
    expect(runFinished(recordList([]))).toBe(false);
    expect(defaultScope(recordList(partial))).toBe('untilShown');
    expect(scopeToUse(recordList(partial), 'wholeRun')).toBe('untilShown');
  });

  it('takes every record for the whole run, and those up to t otherwise', () => {
    const list = recordList(records);
    expect(recordsInScope(list, 'wholeRun', 0)).toBe(list);
    const upTo = recordsInScope(list, 'untilShown', 1.25 * S);
    expect(upTo.length).toBe(records.filter((r) => r.t <= 1.25 * S).length);
    expect(upTo.length).toBeLessThan(records.length);
  });
});

describe('how many packets a capture holds', () => {
  it('counts every request and reply put on the link over the whole run', () => {
    const whole = sentBy(Infinity);
    // Five pings of one to four attempts, each a request and (unless the request was lost) a
    // reply: from 10 frames (no loss) to 40; and the ARP exchange before the first, 2 frames or
    // (a lost request asked again 1 s later) more.
    expect(whole).toBeGreaterThanOrEqual(12);
    expect(whole).toBeLessThanOrEqual(46);
    expect(captureFrameCount(recordList(records), wifi, 'wholeRun', 0)).toBe(whole);
  });

  it('counts only those up to the moment shown: one ARP request at 0 s', () => {
    expect(captureFrameCount(recordList(records), wifi, 'untilShown', 0)).toBe(1);
    expect(sentBy(0)).toBe(1);
    for (const t of [0.5 * S, 1.25 * S, 3 * S]) {
      expect(captureFrameCount(recordList(records), wifi, 'untilShown', t)).toBe(sentBy(t));
    }
  });

  it('counts an interface as the capture does: what it sends and what it receives', () => {
    const laptop = { kind: 'interface', node: 'laptop', iface: 'wlan0' } as const;
    const frames = interfaceFrames(records, 'laptop', 'wlan0');
    expect(captureFrameCount(recordList(records), laptop, 'wholeRun', 0)).toBe(frames.length);
    const t = 2 * S;
    expect(captureFrameCount(recordList(records), laptop, 'untilShown', t)).toBe(
      frames.filter((f) => f.timeNs <= t).length,
    );
  });

  it('follows a run as its records stream in', () => {
    const growing: TraceRecord[] = [];
    for (let i = 0; i < records.length; i += 50) {
      growing.push(...records.slice(i, i + 50));
      // The count read on from the last one equals a count of a fresh copy of the records.
      expect(captureFrameCount(recordList(growing), wifi, 'wholeRun', 0)).toBe(
        captureFrameCount(recordList([...growing]), wifi, 'wholeRun', 0),
      );
    }
    expect(captureFrameCount(recordList(growing), wifi, 'wholeRun', 0)).toBe(sentBy(Infinity));
  });
});

describe('the capture file', () => {
  it('is named for the scenario, the link or interface, and what it covers', () => {
    expect(captureFileName('Ping over one link', wifi, 'wholeRun', 3 * S)).toBe(
      'ping-over-one-link-wifi-whole-run.pcap',
    );
    expect(
      captureFileName(
        'Ping over one link',
        { kind: 'interface', node: 'laptop', iface: 'wlan0' },
        'untilShown',
        1.25 * S,
      ),
    ).toBe('ping-over-one-link-laptop-wlan0-to-1.250s.pcap');
    expect(captureFileName('Ça va? Über-Netz!', wifi, 'untilShown', 0)).toBe(
      'ca-va-uber-netz-wifi-to-0.000s.pcap',
    );
  });

  it('writes moments in seconds, exact to the nanosecond', () => {
    expect(fileTime(1_250_000_000)).toBe('1.250s');
    expect(fileTime(0)).toBe('0.000s');
    expect(fileTime(15_000_000_000)).toBe('15.000s');
    expect(fileTime(1_234_500_000)).toBe('1.2345s');
    expect(fileTime(2_000_000_125)).toBe('2.000000125s');
    expect(fileTime(40_000)).toBe('0.00004s');
  });

  it('holds the packets it says, for the whole run and up to t', () => {
    const input = { scenarioName: scenario.name, records: recordList(records), time: 0 };
    const whole = captureFile(input, wifi, 'wholeRun');
    expect(whole.name).toBe('ping-over-one-link-wifi-whole-run.pcap');
    const read = readPcap(whole.bytes);
    if (!read.ok) throw new Error(read.error);
    expect(read.file.records.length).toBe(sentBy(Infinity));
    const start = captureFile(input, wifi, 'untilShown');
    expect(start.name).toBe('ping-over-one-link-wifi-to-0.000s.pcap');
    // The pcap header (24 bytes), one record header (16) and the first frame: the laptop's ARP
    // request, 14 bytes of Ethernet header and 28 of ARP padded to 60 (a capture holds no FCS).
    expect(start.bytes.length).toBe(24 + 16 + 60);
  });
});
