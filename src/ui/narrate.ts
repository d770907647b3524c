// Turns trace records into plain sentences for the event log ("Laptop sends request 1 to Echo
// server"), each with its simulated time. A pure function of the trace, like every view.

import { formatDuration } from '../engine/time.ts';
import type { TraceRecord } from '../engine/trace.ts';

/** What a log entry is about; the view uses it for a marker beside the sentence. */
export type EntryKind = 'run' | 'send' | 'deliver' | 'loss' | 'timeout' | 'reply' | 'state';

export interface LogEntry {
  /** Position of the record in the trace, from 0. */
  index: number;
  /** Simulated time in ns. */
  t: number;
  /** The time for people: `0 s`, `20 ms`, `1.442 s`. */
  time: string;
  kind: EntryKind;
  text: string;
}

/** Looks up the name people see for a node id (its label, or the id). */
export type NodeName = (id: string) => string;

/** A NodeName for a scenario's nodes: each node's label, else its id; unknown ids as they are. */
export function nodeNames(nodes: readonly { id: string; label?: string }[]): NodeName {
  const names = new Map(nodes.map((n) => [n.id, n.label ?? n.id]));
  return (id) => names.get(id) ?? id;
}

const STATE_WORDS: Record<string, string> = {
  starting: 'starting',
  awaitingReply: 'waiting for a reply',
  pausing: 'pausing before the next request',
  done: 'done',
  idle: 'idle, waiting for requests',
  serving: 'serving a request',
};

const STOP_WORDS: Record<string, string> = {
  empty: 'nothing was left to do',
  until: 'it reached the time limit',
  maxEvents: 'it hit the event limit (the run may be unbounded)',
  stopped: 'it was stopped',
};

/** Simulated time for the log: `0 s` rather than `0 ns` at the start. */
export function formatTime(t: number): string {
  return t === 0 ? '0 s' : formatDuration(t);
}

/** `request 3` or `request 3 (retry 1)`, as the trace's message labels read. */
function messageName(kind: 'request' | 'reply', seq: number, attempt: number): string {
  return attempt > 0 ? `${kind} ${seq} (retry ${attempt})` : `${kind} ${seq}`;
}

/** camelCase state names as words, for states this file has no sentence for. */
function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * Narrates up to `limit` records (all by default). Needs the whole trace: a drop names the
 * message by the label of its send, and a timeout says "and retries" only when a retry follows.
 */
export function narrate(
  records: readonly TraceRecord[],
  name: NodeName,
  limit = records.length,
): LogEntry[] {
  const labels = new Map<number, string>();
  const entries: LogEntry[] = [];
  const end = Math.min(limit, records.length);
  for (let index = 0; index < end; index++) {
    const record = records[index] as TraceRecord;
    if (record.type === 'link.send') labels.set(record.msg, record.label);
    const said = sentence(record, index, records, labels, name);
    entries.push({ index, t: record.t, time: formatTime(record.t), ...said });
  }
  return entries;
}

function sentence(
  record: TraceRecord,
  index: number,
  records: readonly TraceRecord[],
  labels: Map<number, string>,
  name: NodeName,
): { kind: EntryKind; text: string } {
  const label = (msg: number): string => labels.get(msg) ?? `message ${msg}`;
  switch (record.type) {
    case 'sim.start':
      return {
        kind: 'run',
        text: `The simulation of “${record.scenario}” starts with seed ${record.seed}.`,
      };
    case 'sim.end':
      return {
        kind: 'run',
        text: `The run ends because ${STOP_WORDS[record.reason] ?? record.reason}, after ${record.events} events.`,
      };
    case 'app.state':
      return {
        kind: 'state',
        text: `${name(record.node)}’s ${record.app} app is now ${STATE_WORDS[record.state] ?? words(record.state)}.`,
      };
    case 'app.request':
      return {
        kind: 'send',
        text:
          record.attempt === 0
            ? `${name(record.node)} sends request ${record.seq} to ${name(record.peer)}.`
            : `${name(record.node)} sends request ${record.seq} to ${name(record.peer)} again (retry ${record.attempt}).`,
      };
    case 'link.send':
      return {
        kind: 'send',
        text: `${record.label} (${record.bytes} bytes) goes onto link ${record.link} towards ${name(record.to)}.`,
      };
    case 'link.deliver':
      return {
        kind: 'deliver',
        text: `${label(record.msg)} arrives at ${name(record.to)} over link ${record.link}.`,
      };
    case 'link.drop':
      return { kind: 'loss', text: `${label(record.msg)} is lost on link ${record.link}.` };
    case 'app.serve':
      return {
        kind: 'reply',
        text: `${name(record.node)} answers ${messageName('request', record.seq, record.attempt)} from ${name(record.client)}.`,
      };
    case 'app.timeout': {
      const retries = retriesAfter(records, index, record.node, record.seq);
      return {
        kind: 'timeout',
        text: `${name(record.node)} times out waiting for reply ${record.seq}${retries ? ' and retries' : ''}.`,
      };
    }
    case 'app.giveUp':
      return {
        kind: 'loss',
        text: `${name(record.node)} gives up on request ${record.seq}: it counts as lost.`,
      };
    case 'app.reply':
      return {
        kind: 'reply',
        text:
          record.rtt === null
            ? `${name(record.node)} gets ${messageName('reply', record.seq, record.attempt)}, which answers an earlier attempt, so its round trip cannot be timed.`
            : `${name(record.node)} gets reply ${record.seq}: the round trip took ${formatDuration(record.rtt)}.`,
      };
    case 'app.lateReply':
      return {
        kind: 'reply',
        text: `${name(record.node)} ignores ${messageName('reply', record.seq, record.attempt)}: it came too late and is no longer awaited.`,
      };
    default:
      return { kind: 'run', text: describeUnknown(record) };
  }
}

/** True when the pinger on `node` sends `seq` again at the same instant as the timeout. */
function retriesAfter(
  records: readonly TraceRecord[],
  index: number,
  node: string,
  seq: number,
): boolean {
  const t = (records[index] as TraceRecord).t;
  for (let i = index + 1; i < records.length; i++) {
    const next = records[i] as TraceRecord;
    if (next.t !== t) return false;
    if (next.type === 'app.giveUp' && next.node === node) return false;
    if (next.type === 'app.request' && next.node === node && next.seq === seq) return true;
  }
  return false;
}

/** A record type this narrator does not know yet: its type and fields, as text. */
function describeUnknown(record: { type: string; t: number }): string {
  const parts = Object.entries(record)
    .filter(([key]) => key !== 't' && key !== 'type')
    .map(([key, value]) => `${key} ${JSON.stringify(value)}`);
  return `${record.type}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.`;
}
