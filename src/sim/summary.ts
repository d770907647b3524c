// Metrics of a run and the summary the CLI prints and the browser shows.

import { formatDuration, type Nanos } from '../engine/time.ts';
import type { StopReason } from '../engine/simulator.ts';
import type { LinkCounters } from '../net/link/linkDirection.ts';
import {
  serviceSummaryLines,
  type CpuRunSummary,
  type QueryServiceSummary,
  type DnsFtpSummary,
  type ServerSummary,
  type WebClientSummary,
} from './serviceSummary.ts';

export interface PingerMetrics {
  node: string;
  peer: string;
  sent: number;
  retries: number;
  replies: number;
  lost: number;
  lateReplies: number;
  /** Round-trip times in ns of the replies that could be timed. */
  rtts: Nanos[];
}

export interface EchoMetrics {
  node: string;
  served: number;
  /** Most requests waiting at once, the one in service included. */
  maxQueue: number;
}

/** A bulk TCP sender: how much it wrote and when the transfer finished. */
export interface BulkSendMetrics {
  node: string;
  peer: string;
  /** Bytes to send. */
  bytes: number;
  /** Bytes handed to the socket so far. */
  written: number;
  connectedAtNs: Nanos | null;
  /** When the connection closed after all data was acknowledged. */
  finishedAtNs: Nanos | null;
  error: string | null;
}

/** A TCP sink: connections accepted and bytes read. */
export interface SinkMetrics {
  node: string;
  port: number;
  connections: number;
  bytesReceived: number;
}

/** A link's settings and what each direction did. */
export interface LinkMetrics {
  link: string;
  a: string;
  b: string;
  latency: Nanos;
  bandwidth: number;
  loss: number;
  /** From a to b, then from b to a. */
  directions: [LinkCounters, LinkCounters];
}

/** What a run did: plain data, the same in Node and the browser. */
export interface RunSummary extends DnsFtpSummary, QueryServiceSummary {
  scenario: string;
  seed: number;
  reason: StopReason;
  events: number;
  simulatedNs: Nanos;
  traceRecords: number;
  pingers: (Omit<PingerMetrics, 'rtts'> & {
    rttMinNs: Nanos | null;
    rttMeanNs: Nanos | null;
    rttMaxNs: Nanos | null;
  })[];
  servers: EchoMetrics[];
  bulkSenders: BulkSendMetrics[];
  sinks: SinkMetrics[];
  webServers: ServerSummary[];
  webClients: WebClientSummary[];
  cpus: CpuRunSummary[];
  links: LinkMetrics[];
}

/** Summarises a pinger's round-trip times as min, mean and max (null when none was timed). */
export function summarisePinger(m: PingerMetrics): RunSummary['pingers'][number] {
  const { rtts, ...counts } = m;
  if (rtts.length === 0) return { ...counts, rttMinNs: null, rttMeanNs: null, rttMaxNs: null };
  return {
    ...counts,
    rttMinNs: Math.min(...rtts),
    rttMeanNs: Math.round(rtts.reduce((a, b) => a + b, 0) / rtts.length),
    rttMaxNs: Math.max(...rtts),
  };
}

const REASONS: Record<StopReason, string> = {
  empty: 'nothing left to do',
  until: 'reached the time limit',
  maxEvents: 'hit the event limit (the run may be unbounded)',
  stopped: 'stopped',
};

/** The summary as lines of text for a terminal. */
export function formatSummaryLines(s: RunSummary): string[] {
  const lines = [
    `scenario   ${s.scenario}`,
    `seed       ${s.seed}`,
    `stopped    ${REASONS[s.reason]} at ${formatDuration(s.simulatedNs)}`,
    `events     ${s.events}`,
    `trace      ${s.traceRecords} records`,
  ];
  for (const p of s.pingers) {
    const rtt =
      p.rttMinNs === null
        ? 'no round trip timed'
        : `RTT min/mean/max ${formatDuration(p.rttMinNs)} / ${formatDuration(p.rttMeanNs ?? 0)} / ${formatDuration(p.rttMaxNs ?? 0)}`;
    lines.push(
      `pinger     ${p.node} -> ${p.peer}: ${p.sent} sent (${p.retries} retries), ${p.replies} replies, ${p.lost} lost, ${p.lateReplies} late; ${rtt}`,
    );
  }
  for (const e of s.servers) {
    lines.push(`echo       ${e.node}: ${e.served} served, longest queue ${e.maxQueue}`);
  }
  for (const b of s.bulkSenders)
    lines.push(`bulkSend   ${b.node} -> ${b.peer}: ${describeTransfer(b)}`);
  for (const k of s.sinks) {
    lines.push(
      `sink       ${k.node}:${k.port}: ${k.connections} connections, ${k.bytesReceived} bytes received`,
    );
  }
  lines.push(...serviceSummaryLines(s));
  for (const l of s.links) {
    const [ab, ba] = l.directions;
    const total = (key: keyof LinkCounters) => ab[key] + ba[key];
    lines.push(
      `link       ${l.link} (${l.a} - ${l.b}, ${formatBitRate(l.bandwidth)}, ${formatDuration(l.latency)}, loss ${l.loss * 100}%): ` +
        `${total('sent')} sent, ${total('delivered')} delivered, ${total('lost')} lost, ${total('queueDrops')} dropped at queues`,
    );
  }
  return lines;
}

/** Formats bits per second with SI prefixes: `100 Mbit/s`. */
export function formatBitRate(bps: number): string {
  if (bps === Infinity) return 'unlimited';
  for (const [unit, scale] of [
    ['Gbit/s', 1e9],
    ['Mbit/s', 1e6],
    ['kbit/s', 1e3],
  ] as const) {
    if (bps >= scale) return `${Number((bps / scale).toFixed(3))} ${unit}`;
  }
  return `${bps} bit/s`;
}

/** "300000 bytes in 2.1 s after connecting (1.14 Mbit/s goodput)", or why it did not finish. */
export function describeTransfer(b: BulkSendMetrics): string {
  if (b.error) return `failed: ${b.error} after writing ${b.written} of ${b.bytes} bytes`;
  if (b.finishedAtNs === null || b.connectedAtNs === null)
    return `not finished: ${b.written} of ${b.bytes} bytes written`;
  const duration = Math.max(1, b.finishedAtNs - b.connectedAtNs);
  const goodput = Math.round((b.bytes * 8 * 1e9) / duration);
  return `${b.bytes} bytes in ${formatDuration(duration)} after connecting (${formatBitRate(goodput)} goodput)`;
}
