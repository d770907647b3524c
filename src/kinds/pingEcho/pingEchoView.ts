// How the pinger and the echo server look: their summary cards, their sentences in the event log
// ("Laptop sends request 1 to Echo server (192.168.1.20:7) in packet #1") and their machines. Their
// words, in each language, are in pingEchoPhrases.ts.

import { ENGLISH } from '../../engine/language.ts';
import type { TraceRecords } from '../../engine/trace.ts';
import type { Said } from '../../viz/log/narratePackets.ts';
import { defineAppView } from '../../viz/kinds/kindView.ts';
import { formatCount } from '../../engine/language.ts';
import { formatMoment } from '../../engine/time.ts';
import { cardTime } from '../../viz/summary/cardParts.ts';
import type { EchoApp, EchoFigures } from './echoKind.ts';
import { echoServerMachine } from './echoServerMachine.ts';
import type { PingerApp, PingerFigures } from './pingerKind.ts';
import { pingerMachine } from './pingerMachine.ts';
import { pingEchoPhrases } from './pingEchoPhrases.ts';
import './pingTrace.ts';

/** Each app's phases that have words (pingEchoPhrases.ts, `pinger.` and `echo.`). */
const PINGER_STATES = new Set(['starting', 'awaitingReply', 'pausing', 'done']);
const ECHO_STATES = new Set(['idle', 'serving']);

type PingEchoSpeech = ReturnType<typeof pingEchoPhrases.in>;

/** `Laptop’s pinger app is now done.`, or null for a phase without words. */
function stateSentence(
  say: PingEchoSpeech['say'],
  node: string,
  app: string,
  state: string | null,
): Said | null {
  return state === null ? null : { kind: 'state', text: say('state', { node, app, state }) };
}

/** `request 3` or `request 3 (retry 1)`, as the trace's message labels read. */
function messageName(
  say: PingEchoSpeech['say'],
  kind: 'request' | 'reply',
  seq: number,
  attempt: number,
): string {
  const label = { seq: String(seq), attempt: String(attempt) };
  if (kind === 'request')
    return attempt > 0 ? say('requestRetry', label) : say('request', { seq: label.seq });
  return attempt > 0 ? say('replyRetry', label) : say('reply', { seq: label.seq });
}

/** True when the pinger on `node` sends `seq` again at the same instant as the timeout. */
function retriesAfter(records: TraceRecords, index: number, node: string, seq: number) {
  const t = records.timeAt(index);
  for (let i = index + 1; i < records.length; i++) {
    if (records.timeAt(i) !== t) return false;
    const type = records.typeAt(i);
    if (type !== 'app.giveUp' && type !== 'app.request') continue;
    const next = records.get(i);
    if (next.type === 'app.giveUp' && next.node === node) return false;
    if (next.type === 'app.request' && next.node === node && next.seq === seq) return true;
  }
  return false;
}

export const pingerView = defineAppView<PingerApp, PingerFigures>({
  type: 'pinger',
  talksTo: 'echo',
  card: (p, names, language = ENGLISH) => {
    const { say } = pingEchoPhrases.in(language);
    const n = (value: number) => formatCount(value, language);
    const time = (ns: number | null) => cardTime(ns, language);
    return {
      id: `pinger-${p.node}`,
      title: `${names.name(p.node)} → ${names.endpoint(p.peer)}`,
      kind: say('pinger.kind', { node: p.node }),
      figures: [
        [say('pinger.sent'), n(p.sent), 'sent'],
        [say('pinger.retries'), n(p.retries), 'retries'],
        [say('pinger.replies'), n(p.replies), 'replies'],
        [say('pinger.lost'), n(p.lost), 'lost'],
        [say('pinger.lateReplies'), n(p.lateReplies), 'lateReplies'],
        [
          say('pinger.roundTrip'),
          `${time(p.rttMinNs)} / ${time(p.rttMeanNs)} / ${time(p.rttMaxNs)}`,
        ],
      ],
    };
  },
  narration: {
    types: ['app.state', 'app.request', 'app.timeout', 'app.giveUp', 'app.reply', 'app.lateReply'],
    narrator: ({ names, records, language = ENGLISH }) => {
      const { say } = pingEchoPhrases.in(language);
      const name = names.name;
      return (record, index) => {
        switch (record.type) {
          case 'app.state':
            return stateSentence(
              say,
              name(record.node),
              record.app,
              PINGER_STATES.has(record.state)
                ? say(`pinger.${record.state}` as 'pinger.done')
                : null,
            );
          case 'app.request': {
            const sent = {
              node: name(record.node),
              seq: String(record.seq),
              to: names.endpoint(record.peer),
            };
            const pkt = String(record.pkt);
            return record.pkt < 0
              ? { kind: 'error', text: say('app.cannotSend', sent) }
              : {
                  kind: 'send',
                  text:
                    record.attempt === 0
                      ? say('app.request', { ...sent, pkt })
                      : say('app.requestAgain', { ...sent, pkt, attempt: String(record.attempt) }),
                };
          }
          case 'app.timeout': {
            const retries = retriesAfter(records, index, record.node, record.seq);
            const waited = { node: name(record.node), seq: String(record.seq) };
            return {
              kind: 'timeout',
              text: retries ? say('app.timeoutRetry', waited) : say('app.timeout', waited),
            };
          }
          case 'app.giveUp':
            return {
              kind: 'loss',
              text: say('app.giveUp', { node: name(record.node), seq: String(record.seq) }),
            };
          case 'app.reply':
            return {
              kind: 'reply',
              text:
                record.rtt === null
                  ? say('app.replyUntimed', {
                      node: name(record.node),
                      reply: messageName(say, 'reply', record.seq, record.attempt),
                    })
                  : say('app.reply', {
                      node: name(record.node),
                      seq: String(record.seq),
                      time: formatMoment(record.rtt, language),
                    }),
            };
          case 'app.lateReply':
            return {
              kind: 'reply',
              text: say('app.lateReply', {
                node: name(record.node),
                reply: messageName(say, 'reply', record.seq, record.attempt),
              }),
            };
          default:
            return null;
        }
      };
    },
  },
  logGroups: {
    'app.request': (r) => (r.type === 'app.request' && r.pkt < 0 ? 'errors' : 'packets'),
    'app.reply': () => 'packets',
    'app.lateReply': () => 'packets',
    'app.timeout': () => 'drops',
    'app.giveUp': () => 'drops',
  },
  machine: () => ({ key: 'pinger', machine: pingerMachine }),
});

export const echoView = defineAppView<EchoApp, EchoFigures>({
  type: 'echo',
  card: (e, names, language = ENGLISH) => {
    const { say } = pingEchoPhrases.in(language);
    return {
      id: `echo-${e.node}`,
      title: names.name(e.node),
      kind: say('echo.kind', { node: e.node }),
      figures: [
        [say('echo.served'), formatCount(e.served, language), 'served'],
        [say('echo.longestQueue'), formatCount(e.maxQueue, language), 'maxQueue'],
      ],
    };
  },
  narration: {
    types: ['app.state', 'app.receive', 'app.serve'],
    narrator: ({ names, language = ENGLISH }) => {
      const { say } = pingEchoPhrases.in(language);
      const name = names.name;
      return (record) => {
        switch (record.type) {
          case 'app.state':
            return stateSentence(
              say,
              name(record.node),
              record.app,
              ECHO_STATES.has(record.state) ? say(`echo.${record.state}` as 'echo.idle') : null,
            );
          case 'app.receive': {
            const received = {
              node: name(record.node),
              request: messageName(say, 'request', record.seq, record.attempt),
              client: names.endpoint(record.client),
            };
            const others = record.waiting - 1;
            return {
              kind: 'deliver',
              text:
                others === 0
                  ? say('app.receive', received)
                  : say('app.receiveQueued', { ...received, count: formatCount(others, language) }),
            };
          }
          case 'app.serve': {
            const served = {
              node: name(record.node),
              request: messageName(say, 'request', record.seq, record.attempt),
              client: names.endpoint(record.client),
            };
            return {
              kind: 'reply',
              text:
                record.pkt < 0
                  ? say('app.serveUnsent', served)
                  : say('app.serve', { ...served, pkt: String(record.pkt) }),
            };
          }
          default:
            return null;
        }
      };
    },
  },
  logGroups: {
    'app.receive': () => 'packets',
    'app.serve': (r) => (r.type === 'app.serve' && r.pkt < 0 ? 'errors' : 'packets'),
  },
  machine: () => ({ key: 'echo', machine: echoServerMachine }),
});
