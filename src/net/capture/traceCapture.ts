// Packet captures from the trace: what a tap on a link, or a capture on one interface, would have
// recorded, as pcap bytes (each frame is `encodePacket` of the traced packet, at its trace time).

import type { Trace, TraceRecord, TraceType } from '../../engine/trace.ts';
import '../link/linkTrace.ts';
import { encodePacket } from '../wire/packetCodec.ts';
import { writePcap, type PcapRecord, type PcapWriteOptions } from './pcapWriter.ts';

/** A trace to capture from: the packed `Trace` itself, or records already built. */
export type CaptureSource = Trace | readonly TraceRecord[];

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
  const trace = source as Trace;
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

/**
 * The frames a tap on link `linkId` sees: every packet put on the link, in either direction, at
 * the time its first bit went on the wire (`link.txBegin`). A packet lost on the wire is still
 * there, as at a tap beside the sender; one dropped by a queue never reached the wire and is not.
 * Throws CaptureError, naming the links that did carry packets, when none went onto this one.
 */
export function linkFrames(source: CaptureSource, linkId: string): PcapRecord[] {
  const frames: PcapRecord[] = [];
  eachPacketRecord(source, (record) => {
    if (record.type === 'link.txBegin' && record.link === linkId) {
      frames.push({ timeNs: record.t, bytes: encodePacket(record.packet) });
    }
  });
  if (frames.length === 0) {
    const seen = new Set<string>();
    eachPacketRecord(source, (record) => seen.add(record.link));
    throw new CaptureError(
      `no packet went onto link "${linkId}" in this trace (links that carried packets: ${listNames(seen)})`,
    );
  }
  return frames;
}

/**
 * The frames a capture on interface `iface` of `node` sees: the packets it sends, when their
 * first bit leaves (`link.txBegin`), and the packets it receives, when they arrive whole
 * (`link.rx`; a duplicated packet arrives, and is captured, twice). Throws CaptureError, naming
 * the interfaces that did send or receive, when this one never did.
 */
export function interfaceFrames(source: CaptureSource, node: string, iface: string): PcapRecord[] {
  const frames: PcapRecord[] = [];
  eachPacketRecord(source, (record) => {
    if (record.node === node && record.iface === iface) {
      frames.push({ timeNs: record.t, bytes: encodePacket(record.packet) });
    }
  });
  if (frames.length === 0) {
    const seen = new Set<string>();
    eachPacketRecord(source, (record) => seen.add(`${record.node}:${record.iface}`));
    throw new CaptureError(
      `interface "${node}:${iface}" sent and received no packet in this trace (interfaces that did: ${listNames(seen)})`,
    );
  }
  return frames;
}

/**
 * A pcap file (nanosecond, raw IP) of everything put on link `linkId`, in either direction,
 * timestamped when each packet's first bit went on the wire. See `linkFrames`.
 */
export function captureLink(
  source: CaptureSource,
  linkId: string,
  options?: PcapWriteOptions,
): Uint8Array {
  return writePcap(linkFrames(source, linkId), options);
}

/**
 * A pcap file (nanosecond, raw IP) of what interface `iface` of `node` sent (at transmission
 * start) and received (at arrival). See `interfaceFrames`.
 */
export function captureInterface(
  source: CaptureSource,
  node: string,
  iface: string,
  options?: PcapWriteOptions,
): Uint8Array {
  return writePcap(interfaceFrames(source, node, iface), options);
}
