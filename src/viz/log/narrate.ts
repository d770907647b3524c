// Turns trace records into plain sentences for the event log ("Laptop sends request 1 to Echo
// server (192.168.1.20:7) in packet #1"), each with its simulated time. A pure function of the
// trace, like every view. Packet, link and IP sentences live in narratePackets.ts, TCP's in
// narrateTcp.ts, the CPU's and server processes' in narrateServers.ts, and each app kind's in its
// own view (src/kinds/*/…View.ts), found through the view registry. Told in the narration's
// language (English by default) through the phrasebooks beside them (narratePhrases.ts, …).

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { TraceRecord, TraceRecords } from '../../engine/trace.ts';
import { asRecords } from '../../engine/traceRecords.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { isIpPacket, type Frame } from '../../net/wire/frame.ts';
import { arpLabel, packetLabel } from '../packet/index.ts';
import type { ArpPacket } from '../../net/wire/arp.ts';
import type { NetworkNames } from '../names/index.ts';
import { kindNarrator } from './narrateKinds.ts';
import { packetSentence, type EntryKind, type PacketContext, type Said } from './narratePackets.ts';
import { serverContext, serverSentence } from './narrateServers.ts';
import { arpSentence } from './narrateArp.ts';
import { stpSentence } from './narrateStp.ts';
import { retrySentence } from './narrateRetries.ts';
import { tcpContext, tcpSentence } from './narrateTcp.ts';
import { narratePhrases } from './narratePhrases.ts';
import { errorText, words } from './sentenceParts.ts';
import { formatCount } from '../../engine/language.ts';
import { LogStore, type LogEntry } from './logStore.ts';

export type { EntryKind } from './narratePackets.ts';
export { formatTime, type LogEntry } from './logStore.ts';

/** Kinds the log hides until "show details and state changes" is ticked: frequent and minor. */
export const DETAIL_KINDS: ReadonlySet<EntryKind> = new Set(['state', 'detail']);

/** The mark the log draws before an entry of each kind (decoration; the sentence says it all). */
export const ENTRY_MARKS: Readonly<Record<EntryKind, string>> = {
  run: '■',
  send: '→',
  deliver: '✓',
  forward: '↪',
  loss: '✕',
  timeout: '↻',
  reply: '←',
  error: '!',
  socket: '○',
  link: '↯',
  congestion: '↓',
  state: '·',
  detail: '·',
};

/** Why a run stopped, by its stop reason: the phrase after "because". */
const STOP_WORDS = {
  empty: 'stop.empty',
  until: 'stop.until',
  maxEvents: 'stop.maxEvents',
  stopped: 'stop.stopped',
} as const;

/**
 * A run's narration, made a slice at a time so a page can narrate millions of records without
 * stalling: `advance(n)` tells the next n records and appends their entries to `log`, one per
 * record (entry i is record i's). Needs the whole trace from the start: a timeout says "and
 * retries" only when a retry follows, and a drop names the packet seen earlier with that id.
 */
export class Narration {
  /** The entries told so far, stored compactly (logStore.ts). */
  readonly log: LogStore;
  private next = 0;
  private readonly ctx: PacketContext;
  private readonly tcp: ReturnType<typeof tcpContext>;
  private readonly servers: ReturnType<typeof serverContext>;
  private readonly kinds: ReturnType<typeof kindNarrator>;

  constructor(
    /** The records told (the whole trace, read by position). */
    readonly records: TraceRecords,
    private readonly names: NetworkNames,
    chunkSize?: number,
    /** The language the sentences are told in (English by default: the CLI, the tests). */
    readonly language: Language = ENGLISH,
  ) {
    this.log = new LogStore(chunkSize, language);
    // Where each packet id was last carried: its record is read again when a drop names it.
    const seenAt = new PacketIndex();
    this.ctx = {
      names,
      language,
      seen: (pkt, index) => seenAt.set(pkt, index),
      packet: (pkt) => {
        const index = seenAt.get(pkt);
        const frame =
          index < 0 ? undefined : (this.records.get(index) as { packet?: Frame }).packet;
        return frame && isIpPacket(frame) ? frame : undefined;
      },
    };
    this.tcp = tcpContext(names, records, language);
    this.servers = serverContext(names, language);
    this.kinds = kindNarrator({ names, records, language });
  }

  /** Records told so far (entries are one per record, in order). */
  get told(): number {
    return this.next;
  }

  get done(): boolean {
    return this.next >= this.records.length;
  }

  /** Tells up to `count` more records; returns how many are left. */
  advance(count: number): number {
    const end = Math.min(this.records.length, this.next + Math.max(0, count));
    for (let index = this.next; index < end; index++) {
      const record = this.records.get(index);
      const said =
        packetSentence(record, index, this.ctx) ??
        arpSentence(record, this.names, this.language) ??
        stpSentence(record, this.names, this.language) ??
        tcpSentence(record, this.tcp) ??
        this.kinds(record, index) ??
        serverSentence(record, this.servers) ??
        retrySentence(record, this.names, this.language) ??
        sentence(record, this.names, this.language);
      this.log.push(record.t, said.kind, said.text);
    }
    this.next = end;
    return this.records.length - end;
  }
}

/** Narrates up to `limit` records (all by default) at once, in `language` (see Narration). */
export function narrate(
  records: TraceRecords | readonly TraceRecord[],
  names: NetworkNames,
  limit = records.length,
  language: Language = ENGLISH,
): LogEntry[] {
  const narration = new Narration(asRecords(records), names, undefined, language);
  narration.advance(limit);
  return narration.log.entries();
}

/** Record index by packet id: a typed array for the usual small ids, a map for any other. */
class PacketIndex {
  private dense = new Int32Array(1024).fill(-1);
  private readonly other = new Map<number, number>();

  set(pkt: number, index: number): void {
    if (!(Number.isInteger(pkt) && pkt >= 0 && pkt < 1 << 28)) {
      this.other.set(pkt, index);
      return;
    }
    if (pkt >= this.dense.length) {
      let size = this.dense.length * 2;
      while (size <= pkt) size *= 2;
      const grown = new Int32Array(size).fill(-1);
      grown.set(this.dense);
      this.dense = grown;
    }
    this.dense[pkt] = index;
  }

  /** The index last set for `pkt`, or -1. */
  get(pkt: number): number {
    if (Number.isInteger(pkt) && pkt >= 0 && pkt < this.dense.length)
      return this.dense[pkt] as number;
    return this.other.get(pkt) ?? -1;
  }
}

function sentence(record: TraceRecord, names: NetworkNames, language: Language): Said {
  const name = names.name;
  const { say } = narratePhrases.in(language);
  switch (record.type) {
    case 'sim.start':
      return {
        kind: 'run',
        text: say('sim.start', { scenario: record.scenario, seed: String(record.seed) }),
      };
    case 'sim.end': {
      const stop = STOP_WORDS[record.reason as keyof typeof STOP_WORDS] as
        (typeof STOP_WORDS)[keyof typeof STOP_WORDS] | undefined;
      const why = stop === undefined ? record.reason : say(stop);
      return {
        kind: 'run',
        text: say('sim.end', { why, count: formatCount(record.events, language) }),
      };
    }
    case 'app.state':
      return {
        kind: 'state',
        text: say('app.state', {
          node: name(record.node),
          app: record.app,
          state: words(record.state, language),
        }),
      };
    case 'app.error':
      return {
        kind: 'error',
        text: say('app.error', {
          node: name(record.node),
          app: record.app,
          op: record.op,
          error: errorText(record.error, language),
        }),
      };
    case 'socket.bind':
      return {
        kind: 'socket',
        text: say('socket.bind', {
          node: name(record.node),
          protocol: record.protocol.toUpperCase(),
          port: String(record.port),
        }),
      };
    case 'socket.release':
      return {
        kind: 'socket',
        text: say('socket.release', {
          node: name(record.node),
          protocol: record.protocol.toUpperCase(),
          port: String(record.port),
        }),
      };
    case 'socket.error':
      return {
        kind: 'error',
        text: say('socket.error', {
          node: name(record.node),
          op: record.op,
          socket: record.socket,
          error: errorText(record.error, language),
        }),
      };
    default:
      return { kind: 'run', text: describeUnknown(record, names, language) };
  }
}

/** Whether a value looks like a Packet (records with a `packet` field hold one). */
function isPacket(value: unknown): value is Packet {
  return (
    typeof value === 'object' &&
    value !== null &&
    'ip' in value &&
    'transport' in value &&
    'payload' in value
  );
}

/** Whether a value looks like an ARP frame. */
function isArpFrameValue(value: unknown): value is { arp: ArpPacket } {
  return typeof value === 'object' && value !== null && 'arp' in value && 'eth' in value;
}

/** One field of an unknown record as words. */
function describeValue(
  key: string,
  value: unknown,
  names: NetworkNames,
  language: Language,
): string {
  const { say } = narratePhrases.in(language);
  if (key === 'pkt' && typeof value === 'number')
    return say('unknown.packet', { pkt: String(value) });
  if (isPacket(value)) return `${key} ${packetLabel(value)}`;
  if (isArpFrameValue(value)) return `${key} ${arpLabel(value.arp)}`;
  if (value instanceof Uint8Array)
    return say('unknown.bytes', { key, count: formatCount(value.length, language) });
  if (key === 'node' && typeof value === 'string')
    return say('unknown.node', { name: names.name(value) });
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return `${key} ${text.length > 80 ? `${text.slice(0, 79)}…` : text}`;
}

/**
 * A record type this narrator does not know yet (one added to the core after this file): its
 * type and fields as text, packets by their label, never a crash.
 */
function describeUnknown(
  record: { type: string; t: number },
  names: NetworkNames,
  language: Language,
): string {
  const parts = Object.entries(record)
    .filter(([key]) => key !== 't' && key !== 'type')
    .map(([key, value]) => describeValue(key, value, names, language));
  return `${record.type}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.`;
}
