// What a packet capture download holds: the whole run or the run up to the moment shown, how many
// packets that is, and a file name that says which (`ping-over-one-link-wifi-whole-run.pcap`,
// `...-wifi-to-1.250s.pcap`).

import type { TraceRecord, TraceRecords } from '../../engine/trace.ts';
import { countUntil, recordPrefix } from '../../engine/traceRecords.ts';
import { captureInterface, captureLink, type CaptureTarget } from '../../net/capture/index.ts';
import '../../net/link/linkTrace.ts';
import { countAtMost } from '../charts/series.ts';

/** What a capture covers: every packet of the run, or those up to the moment shown. */
export type CaptureScope = 'wholeRun' | 'untilShown';

/** Whether the run is over: its trace ends with `sim.end` (a run stopped at a limit too). */
export function runFinished(records: TraceRecords): boolean {
  return records.length > 0 && records.typeAt(records.length - 1) === 'sim.end';
}

/** The scope offered first: the whole run once it has finished, else up to the moment shown. */
export function defaultScope(records: TraceRecords): CaptureScope {
  return runFinished(records) ? 'wholeRun' : 'untilShown';
}

/**
 * The scope a download uses: `picked` (or the default), except that the whole run cannot be
 * chosen before the run has finished.
 */
export function scopeToUse(records: TraceRecords, picked: CaptureScope | null): CaptureScope {
  const scope = picked ?? defaultScope(records);
  return scope === 'wholeRun' && !runFinished(records) ? 'untilShown' : scope;
}

/** The records a capture of `scope` is built from: all, or those with `t <= time`. */
export function recordsInScope(
  records: TraceRecords,
  scope: CaptureScope,
  time: number,
): TraceRecords {
  return scope === 'wholeRun' ? records : recordPrefix(records, countUntil(records, time));
}

/**
 * Whether `record` is a frame of `target`, by the rule of `CaptureTap.frameOf` in
 * src/net/capture: a link's frames are the packets put on it (`link.txBegin`), an interface's
 * the packets it sends (`link.txBegin`) and receives (`link.rx`).
 */
function isFrame(record: TraceRecord, target: CaptureTarget): boolean {
  if (record.type === 'link.txBegin') {
    return target.kind === 'link'
      ? record.link === target.link
      : record.node === target.node && record.iface === target.iface;
  }
  if (record.type === 'link.rx') {
    return (
      target.kind === 'interface' && record.node === target.node && record.iface === target.iface
    );
  }
  return false;
}

function targetKey(target: CaptureTarget): string {
  return target.kind === 'link' ? `link ${target.link}` : `iface ${target.node}:${target.iface}`;
}

/** Frame times per records array and target, extended as a streaming run appends records. */
const frameTimes = new WeakMap<TraceRecords, Map<string, { read: number; times: number[] }>>();

/**
 * How many frames a capture of `target` holds: of the whole run, or up to `time`. Each target's
 * frame times are read once per records array, so moving the time costs a binary search.
 */
export function captureFrameCount(
  records: TraceRecords,
  target: CaptureTarget,
  scope: CaptureScope,
  time: number,
): number {
  let byTarget = frameTimes.get(records);
  if (!byTarget) frameTimes.set(records, (byTarget = new Map()));
  const key = targetKey(target);
  let seen = byTarget.get(key);
  if (!seen || seen.read > records.length) byTarget.set(key, (seen = { read: 0, times: [] }));
  for (; seen.read < records.length; seen.read++) {
    const type = records.typeAt(seen.read);
    if (type !== 'link.txBegin' && type !== 'link.rx') continue;
    const record = records.get(seen.read);
    if (isFrame(record, target)) seen.times.push(record.t);
  }
  return scope === 'wholeRun' ? seen.times.length : countAtMost(seen.times, time);
}

/** `a-file-upload-through-a-slow-link`: the scenario's name as a file name part. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'handshake';
}

/**
 * A moment in seconds for a file name, exact to the nanosecond and with at least three
 * decimals: `1.250s`, `0.000s`, `2.000000125s`.
 */
export function fileTime(ns: number): string {
  const whole = Math.floor(ns / 1e9);
  const fraction = String(Math.round(ns - whole * 1e9))
    .padStart(9, '0')
    .replace(/0+$/, '')
    .padEnd(3, '0');
  return `${whole}.${fraction}s`;
}

/**
 * The capture's file name: the scenario, the link or interface, and what it covers:
 * `ping-over-one-link-wifi-whole-run.pcap` or `ping-over-one-link-laptop-wlan0-to-1.250s.pcap`.
 */
export function captureFileName(
  scenarioName: string,
  target: CaptureTarget,
  scope: CaptureScope,
  time: number,
): string {
  const what = target.kind === 'link' ? target.link : `${target.node}-${target.iface}`;
  const covers = scope === 'wholeRun' ? 'whole-run' : `to-${fileTime(time)}`;
  return `${slug(scenarioName)}-${what}-${covers}.pcap`;
}

/** A capture ready to save: its file name and its pcap bytes. */
export interface CaptureFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * The pcap file of `target` for `scope` at `time`, named by `captureFileName`. Throws the
 * capture's CaptureError when no packet crossed the target in that scope.
 */
export function captureFile(
  input: { scenarioName: string; records: TraceRecords; time: number },
  target: CaptureTarget,
  scope: CaptureScope,
): CaptureFile {
  const records = recordsInScope(input.records, scope, input.time);
  const bytes =
    target.kind === 'link'
      ? captureLink(records, target.link)
      : captureInterface(records, target.node, target.iface);
  return { name: captureFileName(input.scenarioName, target, scope, input.time), bytes };
}
