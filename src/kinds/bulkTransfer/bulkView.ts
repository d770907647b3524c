// How a bulk transfer looks: the bulk sender's and the sink's summary cards, their sentences in
// the event log (their phases, what they write and read, why they stop) and their machines. Its
// words, in each language, are in bulkPhrases.ts.

import { ENGLISH, type Language } from '../../engine/language.ts';
import { formatDuration } from '../../engine/time.ts';
import { defineAppView } from '../../viz/kinds/kindView.ts';
import { formatCount } from '../../engine/language.ts';
import type { NetworkNames } from '../../viz/names/networkNames.ts';
import { spokenBitRate } from '../../viz/names/networkText.ts';
import { bulkPhrases } from './bulkPhrases.ts';
import type { BulkSendApp, BulkSendFigures } from './bulkSendKind.ts';
import { bulkSendMachine } from './bulkSendMachine.ts';
import type { SinkApp, SinkFigures } from './sinkKind.ts';
import { sinkMachine } from './sinkMachine.ts';
import './bulkTrace.ts';

/** The phases of each app that have words (bulkPhrases.ts, `sender.` and `sink.`). */
const SENDER_STATES = new Set(['waiting', 'connecting', 'sending', 'closing', 'done', 'failed']);
const SINK_STATES = new Set(['starting', 'idle', 'receiving', 'failed']);

/**
 * How the transfer went, in a language; in English as describeTransfer (bulkSendKind.ts) writes
 * it for the CLI, with the same goodput.
 */
export function transferOutcome(b: BulkSendFigures, language: Language = ENGLISH): string {
  const { say } = bulkPhrases.in(language);
  const n = (value: number) => formatCount(value, language);
  const sizes = { written: n(b.written), bytes: n(b.bytes) };
  if (b.error) return say('outcome.failed', { ...sizes, error: b.error });
  if (b.finishedAtNs === null || b.connectedAtNs === null) return say('outcome.unfinished', sizes);
  const elapsed = Math.max(1, b.finishedAtNs - b.connectedAtNs);
  const goodput = Math.round((b.bytes * 8 * 1e9) / elapsed);
  return say('outcome.done', {
    bytes: sizes.bytes,
    time: formatDuration(elapsed, language),
    rate: spokenBitRate(goodput, language),
  });
}

/** `Laptop’s bulk app`: an app of a node, at the start of a sentence. */
function appOf(names: NetworkNames, language: Language) {
  const { say } = bulkPhrases.in(language);
  return (node: string, app: string) => say('app', { node: names.name(node), app });
}

export const bulkSendView = defineAppView<BulkSendApp, BulkSendFigures>({
  type: 'bulkSend',
  talksTo: 'sink',
  card: (b, names, language = ENGLISH) => {
    const { say } = bulkPhrases.in(language);
    return {
      id: `bulkSend-${b.node}`,
      title: `${names.name(b.node)} → ${names.endpoint(b.peer)}`,
      kind: say('send.kind', { node: b.node }),
      figures: [
        [
          say('send.written'),
          say('send.writtenValue', {
            written: formatCount(b.written, language),
            bytes: formatCount(b.bytes, language),
          }),
          'written',
        ],
        [say('send.outcome'), transferOutcome(b, language), 'outcome'],
      ],
    };
  },
  narration: {
    types: ['app.state', 'app.error', 'app.write'],
    narrator: ({ names, language = ENGLISH }) => {
      const { say } = bulkPhrases.in(language);
      const who = appOf(names, language);
      return (record) => {
        switch (record.type) {
          case 'app.state':
            return SENDER_STATES.has(record.state)
              ? {
                  kind: 'state',
                  text: say('state', {
                    who: who(record.node, record.app),
                    state: say(`sender.${record.state}` as 'sender.done'),
                  }),
                }
              : null;
          case 'app.error':
            return {
              kind: 'error',
              text: say('send.error', { who: who(record.node, record.app), error: record.error }),
            };
          case 'app.write':
            return {
              kind: 'detail',
              text: say('send.write', {
                who: who(record.node, record.app),
                bytes: formatCount(record.bytes, language),
                written: formatCount(record.written, language),
              }),
            };
          default:
            return null;
        }
      };
    },
  },
  logGroups: { 'app.write': () => 'packets' },
  machine: () => ({ key: 'bulkSend', machine: bulkSendMachine }),
});

export const sinkView = defineAppView<SinkApp, SinkFigures>({
  type: 'sink',
  card: (k, names, language = ENGLISH) => {
    const { say } = bulkPhrases.in(language);
    return {
      id: `sink-${k.node}`,
      title: names.name(k.node),
      kind: say('sink.kind', { port: String(k.port) }),
      figures: [
        [say('sink.connections'), formatCount(k.connections, language), 'connections'],
        [say('sink.bytesReceived'), formatCount(k.bytesReceived, language), 'bytesReceived'],
      ],
    };
  },
  narration: {
    types: ['app.state', 'app.error', 'app.accept', 'app.read'],
    narrator: ({ names, language = ENGLISH }) => {
      const { say } = bulkPhrases.in(language);
      const who = appOf(names, language);
      return (record) => {
        switch (record.type) {
          case 'app.state':
            return SINK_STATES.has(record.state)
              ? {
                  kind: 'state',
                  text: say('state', {
                    who: who(record.node, record.app),
                    state: say(`sink.${record.state}` as 'sink.idle'),
                  }),
                }
              : null;
          case 'app.error':
            return {
              kind: 'error',
              text: say('sink.error', {
                who: who(record.node, record.app),
                op: record.op,
                error: record.error,
              }),
            };
          case 'app.accept':
            return {
              kind: 'socket',
              text: say('sink.accept', {
                who: who(record.node, record.app),
                peer: names.endpoint(record.conn),
              }),
            };
          case 'app.read':
            return {
              kind: 'detail',
              text: say('sink.read', {
                who: who(record.node, record.app),
                bytes: formatCount(record.bytes, language),
                peer: names.endpoint(record.conn),
              }),
            };
          default:
            return null;
        }
      };
    },
  },
  logGroups: { 'app.accept': () => 'states', 'app.read': () => 'packets' },
  machine: () => ({ key: 'sink', machine: sinkMachine }),
});
