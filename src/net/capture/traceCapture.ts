// Packet captures from the trace: what a tap on a link, or a capture on one interface, would have
// recorded, as pcap bytes of LINKTYPE_ETHERNET: each record is the traced frame (`frameBytes`:
// the Ethernet header, the IP packet with any bit a link flipped flipped or the ARP packet, and
// the padding; no FCS, as capturing cards strip it), at its trace time.

import type { TraceRecord, TraceRecords, TraceType } from '../../engine/trace.ts';
import '../link/linkTrace.ts';
import { frameBytes } from '../wire/frameBytes.ts';
import {
  LINKTYPE_ETHERNET,
  writePcap,
  type PcapRecord,
  type PcapWriteOptions,
} from './pcapWriter.ts';

/** The link type of every capture: whole Ethernet frames, so Wireshark shows the frame layer. */
export const CAPTURE_LINK_TYPE = LINKTYPE_ETHERNET;

/** A trace to capture from: the packed `Trace` itself, or records already built. */
export type CaptureSource = TraceRecords | readonly TraceRecord[];

/** Asked for a capture of a link or interface that no packet ever crossed. */
export class CaptureError extends Error {
  override name = 'CaptureError';
}

type TxBegin = TraceRecord<'link.txBegin'>;
type Rx = TraceRecord<'link.rx'>;

/**
 * Calls `visit` with every `link.txBegin` and `link.rx` record, in trace order. Other records are
 * skipped by type alone, so a packed trace never builds them.
 */
function eachPacketRecord(source: CaptureSource, visit: (record: TxBegin | Rx) => void): void {
  if (Array.isArray(source)) {
    for (const record of source as readonly TraceRecord[]) {
      if (record.type === 'link.txBegin' || record.type === 'link.rx') visit(record);
    }
    return;
  }
  const trace = source as TraceRecords;
  const length = trace.length;
  for (let i = 0; i < length; i++) {
    const type: TraceType = trace.typeAt(i);
    if (type === 'link.txBegin' || type === 'link.rx') visit(trace.get(i) as TxBegin | Rx);
  }
}

/** Up to eight names, quoted and sorted, for error messages. */
function listNames(names: ReadonlySet<string>): string {
  const sorted = [...names].sort();
  if (sorted.length === 0) return 'none';
  const shown = sorted.slice(0, 8).map((n) => `"${n}"`);
  return sorted.length > 8 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** What a capture records: everything put on one link, or what one interface sends and receives. */
export type CaptureTarget =
  { kind: 'link'; link: string } | { kind: 'interface'; node: string; iface: string };

/**
 * One capture fed records one at a time, in trace order: as a run appends them (the CLI, with
 * the trace not stored) or as a trace file is read back. `linkFrames` and `interfaceFrames` are
 * built on it, so every way of capturing gives the same frames.
 */
export class CaptureTap {
  /** Frames given so far. */
  frames = 0;
  /** Links (or "node:iface") that carried packets, kept only while this capture has none. */
  private readonly seen = new Set<string>();

  constructor(readonly target: CaptureTarget) {}

  /** The frame this capture sees in `record`, or undefined (another type, link or interface). */
  frameOf(record: TraceRecord): PcapRecord | undefined {
    if (record.type !== 'link.txBegin' && record.type !== 'link.rx') return undefined;
    const target = this.target;
    const hit =
      target.kind === 'link'
        ? record.type === 'link.txBegin' && record.link === target.link
        : record.node === target.node && record.iface === target.iface;
    if (!hit) {
      if (this.frames === 0)
        this.seen.add(target.kind === 'link' ? record.link : `${record.node}:${record.iface}`);
      return undefined;
    }
    this.frames++;
    return { timeNs: record.t, bytes: frameBytes(record.packet) };
  }

  /** Why a capture that got no frame is empty, naming the links or interfaces that carried some. */
  error(): CaptureError {
    const target = this.target;
    return new CaptureError(
      target.kind === 'link'
        ? `no packet went onto link "${target.link}" in this trace (links that carried packets: ${listNames(this.seen)})`
        : `interface "${target.node}:${target.iface}" sent and received no packet in this trace (interfaces that did: ${listNames(this.seen)})`,
    );
  }
}

/** Every frame of `target` in `source`; throws the tap's CaptureError when there is none. */
function captureFrames(source: CaptureSource, target: CaptureTarget): PcapRecord[] {
  const tap = new CaptureTap(target);
  const frames: PcapRecord[] = [];
  eachPacketRecord(source, (record) => {
    const frame = tap.frameOf(record);
    if (frame) frames.push(frame);
  });
  if (frames.length === 0) throw tap.error();
  return frames;
}

/**
 * The frames a tap on link `linkId` sees: every packet put on the link, in either direction, at
 * the time its first bit went on the wire (`link.txBegin`). A packet lost on the wire is still
 * there, as at a tap beside the sender; one dropped by a queue never reached the wire and is not.
 * Throws CaptureError, naming the links that did carry packets, when none went onto this one.
 */
export function linkFrames(source: CaptureSource, linkId: string): PcapRecord[] {
  return captureFrames(source, { kind: 'link', link: linkId });
}

/**
 * The frames a capture on interface `iface` of `node` sees: the packets it sends, when their
 * first bit leaves (`link.txBegin`), and the packets it receives, when they arrive whole
 * (`link.rx`; a duplicated packet arrives, and is captured, twice). Throws CaptureError, naming
 * the interfaces that did send or receive, when this one never did.
 */
export function interfaceFrames(source: CaptureSource, node: string, iface: string): PcapRecord[] {
  return captureFrames(source, { kind: 'interface', node, iface });
}

/**
 * A pcap file (nanosecond, Ethernet) of everything put on link `linkId`, in either direction,
 * timestamped when each frame's first bit went on the wire. See `linkFrames`.
 */
export function captureLink(
  source: CaptureSource,
  linkId: string,
  options?: PcapWriteOptions,
): Uint8Array {
  return writePcap(linkFrames(source, linkId), { linkType: CAPTURE_LINK_TYPE, ...options });
}

/**
 * A pcap file (nanosecond, Ethernet) of what interface `iface` of `node` sent (at transmission
 * start) and received (at arrival). See `interfaceFrames`.
 */
export function captureInterface(
  source: CaptureSource,
  node: string,
  iface: string,
  options?: PcapWriteOptions,
): Uint8Array {
  return writePcap(interfaceFrames(source, node, iface), {
    linkType: CAPTURE_LINK_TYPE,
    ...options,
  });
}
