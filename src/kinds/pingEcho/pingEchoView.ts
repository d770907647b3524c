// How the pinger and the echo server look: their summary cards, their sentences in the event log
// ("Laptop sends request 1 to Echo server (192.168.1.20:7) in packet #1") and their machines.

import type { TraceRecords } from '../../engine/trace.ts';
import type { Said } from '../../viz/log/narratePackets.ts';
import { defineAppView } from '../../viz/kinds/kindView.ts';
import { duration, messageName } from '../../viz/log/sentenceParts.ts';
import { cardTime } from '../../viz/summary/cardParts.ts';
import type { EchoApp, EchoFigures } from './echoKind.ts';
import { echoServerMachine } from './echoServerMachine.ts';
import type { PingerApp, PingerFigures } from './pingerKind.ts';
import { pingerMachine } from './pingerMachine.ts';
import './pingTrace.ts';

/** Each app's phases, as words after "is now". */
const PINGER_STATES: Record<string, string> = {
  starting: 'starting',
  awaitingReply: 'waiting for a reply',
  pausing: 'pausing before the next request',
  done: 'done',
};
const ECHO_STATES: Record<string, string> = {
  idle: 'idle, waiting for requests',
  serving: 'serving a request',
};

function stateSentence(node: string, app: string, state: string | undefined): Said | null {
  return state === undefined
    ? null
    : { kind: 'state', text: `${node}’s ${app} app is now ${state}.` };
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
  card: (p, names) => ({
    id: `pinger-${p.node}`,
    title: `${names.name(p.node)} → ${names.endpoint(p.peer)}`,
    kind: `pinger on ${p.node}`,
    figures: [
      ['Sent', String(p.sent), 'sent'],
      ['Retries', String(p.retries), 'retries'],
      ['Replies', String(p.replies), 'replies'],
      ['Lost (gave up)', String(p.lost), 'lost'],
      ['Late replies', String(p.lateReplies), 'lateReplies'],
      [
        'Round trip min / mean / max',
        `${cardTime(p.rttMinNs)} / ${cardTime(p.rttMeanNs)} / ${cardTime(p.rttMaxNs)}`,
      ],
    ],
  }),
  narration: {
    types: ['app.state', 'app.request', 'app.timeout', 'app.giveUp', 'app.reply', 'app.lateReply'],
    narrator: ({ names, records }) => {
      const name = names.name;
      return (record, index) => {
        switch (record.type) {
          case 'app.state':
            return stateSentence(name(record.node), record.app, PINGER_STATES[record.state]);
          case 'app.request': {
            const to = names.endpoint(record.peer);
            const again = record.attempt === 0 ? '' : ` again (retry ${record.attempt})`;
            return record.pkt < 0
              ? {
                  kind: 'error',
                  text: `${name(record.node)} cannot send request ${record.seq} to ${to}.`,
                }
              : {
                  kind: 'send',
                  text: `${name(record.node)} sends request ${record.seq} to ${to}${again} in packet #${record.pkt}.`,
                };
          }
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
                  : `${name(record.node)} gets reply ${record.seq}: the round trip took ${duration(record.rtt)}.`,
            };
          case 'app.lateReply':
            return {
              kind: 'reply',
              text: `${name(record.node)} ignores ${messageName('reply', record.seq, record.attempt)}: it came too late and is no longer awaited.`,
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
  card: (e, names) => ({
    id: `echo-${e.node}`,
    title: names.name(e.node),
    kind: `echo server on ${e.node}`,
    figures: [
      ['Served', String(e.served), 'served'],
      ['Longest queue', String(e.maxQueue), 'maxQueue'],
    ],
  }),
  narration: {
    types: ['app.state', 'app.receive', 'app.serve'],
    narrator: ({ names }) => {
      const name = names.name;
      return (record) => {
        switch (record.type) {
          case 'app.state':
            return stateSentence(name(record.node), record.app, ECHO_STATES[record.state]);
          case 'app.receive': {
            const request = messageName('request', record.seq, record.attempt);
            const others = record.waiting - 1;
            const queue =
              others === 0
                ? ''
                : `; ${others} ${others === 1 ? 'request is' : 'requests are'} ahead of it`;
            return {
              kind: 'deliver',
              text: `${name(record.node)} receives ${request} from ${names.endpoint(record.client)}${queue}.`,
            };
          }
          case 'app.serve': {
            const request = messageName('request', record.seq, record.attempt);
            const reply =
              record.pkt < 0 ? ', but the reply cannot be sent' : ` in packet #${record.pkt}`;
            return {
              kind: 'reply',
              text: `${name(record.node)} answers ${request} from ${names.endpoint(record.client)}${reply}.`,
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
