// A TLS segment "from an endpoint's point of view": the endpoint's key log (tls.keys) opens the
// records of one direction's byte stream, rebuilt from the segments on the wire, as Wireshark
// does with a browser's SSLKEYLOGFILE. Pure functions of (records, packet, t), memoised per trace.

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { TraceRecord, TraceRecords } from '../../engine/trace.ts';
import { recordsOfTypes } from '../../engine/traceRecords.ts';
import '../../kinds/web/tlsTrace.ts';
import { fromHex } from '../../net/app/sha256.ts';
import { HANDSHAKE_TYPE } from '../../net/app/tls/tlsHandshake.ts';
import { CONTENT_TYPE } from '../../net/app/tls/tlsRecord.ts';
import { decryptTlsStream, type StreamRecord } from '../../net/app/tls/tlsStreamDecrypt.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { isLinkFrame } from '../../net/wire/frame.ts';
import { decodeHttpBytes, type HttpPart } from './appMessage.ts';
import { hexBytes, payloadText } from './packetFieldModel.ts';
import { packetPhrases } from '../packet/packetPhrases.ts';
import { packetEnds } from '../packet/packetTrace.ts';

export type TlsRole = 'client' | 'server';
export type TlsKeysRecord = TraceRecord<'tls.keys'>;

/** One TLS record that (partly) lies in the segment, as the endpoint reads it. */
export interface DecryptedRecord {
  /** Where the record sits in the direction's stream, header included. */
  offset: number;
  length: number;
  /** Type on the wire (23 for every protected record) and the real type inside. */
  outerType: string;
  innerType: string | null;
  /** The handshake messages of handshake content: `EncryptedExtensions, Certificate`. */
  handshake: string | null;
  /** Which key opened it: 'none' for plaintext records, 'failed' when no key did. */
  key: StreamRecord['key'];
  /** The content as HTTP, when it starts an HTTP message. */
  http: HttpPart | null;
  /** The content as text (or hex), cut short, when it is not HTTP. */
  preview: string;
  /** Whether the record's first and last bytes are in this segment. */
  startsHere: boolean;
  endsHere: boolean;
}

/** What the segment carries, decrypted with one endpoint's keys. */
export interface TlsSegmentView {
  node: string;
  role: TlsRole;
  /** Who sent the segment: the endpoint's own side ('client' or 'server'). */
  sender: TlsRole;
  /** The segment's first byte in the stream (0 = first byte after the SYN). */
  offset: number;
  records: DecryptedRecord[];
  /** Why no record is shown, when none is. */
  note: string | null;
}

const TYPE_NAMES = new Map<number, string>([
  [CONTENT_TYPE.changeCipherSpec, 'ChangeCipherSpec'],
  [CONTENT_TYPE.alert, 'Alert'],
  [CONTENT_TYPE.handshake, 'Handshake'],
]);
const HANDSHAKE_NAMES = new Map(
  Object.entries(HANDSHAKE_TYPE).map(([n, v]) => [v, n.charAt(0).toUpperCase() + n.slice(1)]),
);
function typeName(type: number, language: Language): string {
  if (type === CONTENT_TYPE.applicationData)
    return packetPhrases.in(language).say('app.applicationData');
  return TYPE_NAMES.get(type) ?? `type ${type}`;
}

/** The connection `a <-> b` as one key, whichever end is named first. */
function connKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * The key logs of the packet's connection recorded at or before `t`, by role (before its
 * handshake finishes an endpoint has no keys). Null for packets that are not TCP.
 */
export function tlsKeysAt(
  records: TraceRecords,
  packet: Packet,
  t: number,
): Partial<Record<TlsRole, TlsKeysRecord>> | null {
  if (packet.transport.kind !== 'tcp') return null;
  const { src, dst } = packetEnds(packet);
  const key = connKey(src, dst);
  const out: Partial<Record<TlsRole, TlsKeysRecord>> = {};
  for (const r of keyRecords(records)) {
    if (r.t > t) break;
    if (connKey(r.local, r.remote) !== key) continue;
    if (r.role === 'client' || r.role === 'server') out[r.role] = r;
  }
  return out;
}

const keyCache = new WeakMap<TraceRecords, { count: number; keys: TlsKeysRecord[] }>();

function keyRecords(records: TraceRecords): TlsKeysRecord[] {
  const cached = keyCache.get(records);
  if (cached && cached.count === records.length) return cached.keys;
  const keys: TlsKeysRecord[] = recordsOfTypes(records, ['tls.keys']);
  keyCache.set(records, { count: records.length, keys });
  return keys;
}

/**
 * The bytes one side sent on a connection, from its first data byte: every segment put on a
 * link from `src` to `dst` placed at seq - (ISN + 1), the ISN taken from that side's SYN (RFC
 * 9293 section 3.4). Only the gap-free beginning is returned.
 */
export function tcpStream(records: TraceRecords, src: string, dst: string): Uint8Array {
  let isn: number | null = null;
  const chunks: { seq: number; payload: Uint8Array }[] = [];
  for (const r of recordsOfTypes(records, ['link.txBegin'])) {
    const p = r.packet;
    if (isLinkFrame(p) || p.transport.kind !== 'tcp') continue;
    const ends = packetEnds(p);
    if (ends.src !== src || ends.dst !== dst) continue;
    if (p.transport.flags.syn) isn = p.transport.seq;
    if (p.payload.length > 0) chunks.push({ seq: p.transport.seq, payload: p.payload });
  }
  if (isn === null) return new Uint8Array(0);
  const first = (isn + 1) >>> 0;
  let size = 0;
  const placed = chunks.map((c) => {
    const at = (c.seq - first) >>> 0;
    size = Math.max(size, at + c.payload.length);
    return { at, payload: c.payload };
  });
  if (size > 64 * 1024 * 1024) return new Uint8Array(0);
  const stream = new Uint8Array(size);
  const have = new Uint8Array(size);
  for (const c of placed) {
    stream.set(c.payload, c.at);
    have.fill(1, c.at, c.at + c.payload.length);
  }
  const gap = have.indexOf(0);
  return gap < 0 ? stream : stream.subarray(0, gap);
}

const streamCache = new WeakMap<
  TraceRecords,
  Map<string, { count: number; records: StreamRecord[] }>
>();

/** The records of the stream `src` -> `dst`, decrypted with `keys` (memoised per trace length). */
function decryptedStream(
  records: TraceRecords,
  src: string,
  dst: string,
  keys: { handshake: Uint8Array; application: Uint8Array },
  id: string,
): StreamRecord[] {
  let byConn = streamCache.get(records);
  if (!byConn) streamCache.set(records, (byConn = new Map()));
  const key = `${src}>${dst} ${id}`;
  const cached = byConn.get(key);
  if (cached && cached.count === records.length) return cached.records;
  const decrypted = decryptTlsStream(tcpStream(records, src, dst), keys);
  byConn.set(key, { count: records.length, records: decrypted });
  return decrypted;
}

/** The handshake messages in handshake content, by name. */
function handshakeNames(content: Uint8Array): string {
  const names: string[] = [];
  let at = 0;
  while (at + 4 <= content.length) {
    const type = content[at] as number;
    names.push(HANDSHAKE_NAMES.get(type) ?? `type ${type}`);
    const length =
      ((content[at + 1] as number) << 16) |
      ((content[at + 2] as number) << 8) |
      (content[at + 3] as number);
    at += 4 + length;
  }
  return names.join(', ');
}

/**
 * The TLS records the segment `packet` carries, as the endpoint of `keys` reads them with its
 * session keys: for a segment it sent, its own write keys; for one it received, its peer's.
 */
export function decryptSegment(
  records: TraceRecords,
  packet: Packet,
  keys: TlsKeysRecord,
  language: Language = ENGLISH,
): TlsSegmentView | null {
  const words = packetPhrases.in(language);
  const t = packet.transport;
  if (t.kind !== 'tcp') return null;
  const { src, dst } = packetEnds(packet);
  const role: TlsRole = keys.role === 'server' ? 'server' : 'client';
  const fromLocal = keys.local === src;
  const sender: TlsRole = fromLocal ? role : role === 'client' ? 'server' : 'client';
  const handshake = fromHex(sender === 'client' ? keys.clientHandshake : keys.serverHandshake);
  const application = fromHex(
    sender === 'client' ? keys.clientApplication : keys.serverApplication,
  );
  const base = { node: keys.node, role, sender, offset: 0, records: [] };
  if (!handshake || !application) return { ...base, note: words.say('tls.badKeyLog') };
  const stream = decryptedStream(records, src, dst, { handshake, application }, keys.node);
  let isn: number | null = null;
  for (const r of recordsOfTypes(records, ['link.txBegin'])) {
    const p = r.packet;
    if (!isLinkFrame(p) && p.transport.kind === 'tcp' && p.transport.flags.syn) {
      const ends = packetEnds(p);
      if (ends.src === src && ends.dst === dst) {
        isn = p.transport.seq;
        break;
      }
    }
  }
  if (isn === null) return { ...base, note: words.say('tls.noSyn') };
  const offset = (t.seq - ((isn + 1) >>> 0)) >>> 0;
  const end = offset + packet.payload.length;
  const shown: DecryptedRecord[] = [];
  for (const r of stream) {
    if (r.offset >= end || r.offset + r.length <= offset) continue;
    const content = r.plaintext ?? new Uint8Array(0);
    const http =
      r.innerType === CONTENT_TYPE.applicationData && r.plaintext
        ? decodeHttpBytes(r.plaintext)
        : null;
    shown.push({
      offset: r.offset,
      length: r.length,
      outerType: typeName(r.outerType, language),
      innerType: r.innerType === null ? null : typeName(r.innerType, language),
      handshake: r.innerType === CONTENT_TYPE.handshake ? handshakeNames(content) : null,
      key: r.key,
      http,
      preview:
        r.plaintext === null
          ? ''
          : r.innerType === CONTENT_TYPE.applicationData
            ? payloadText(r.plaintext, 400)
            : hexBytes(r.plaintext, 24),
      startsHere: r.offset >= offset,
      endsHere: r.offset + r.length <= end,
    });
  }
  const note =
    shown.length > 0
      ? null
      : packet.payload.length === 0
        ? words.say('tls.noData')
        : words.say('tls.incomplete');
  return { ...base, offset, records: shown, note };
}
