// How a request/response service looks: the service's and its clients' summary cards, the
// clients' sentences in the event log (their users, queries and replies) and the machines behind
// their states (users; the service's threads). Its words, in each language, are in
// servicePhrases.ts.

import { ENGLISH } from '../../engine/language.ts';
import type { ServerFigures } from '../../sim/index.ts';
import { defineAppView } from '../../viz/kinds/kindView.ts';
import { userSentence } from '../../viz/log/narrateUsers.ts';
import { formatCount } from '../../engine/language.ts';
import { formatMoment } from '../../engine/time.ts';
import { serverThreadMachine, userMachineOf } from '../../viz/statechart/sharedMachines.ts';
import {
  cardTime,
  retryCardFigures,
  serverCard,
  type SummaryFigure,
} from '../../viz/summary/cardParts.ts';
import type { ServiceClientFigures } from './serviceClientKind.ts';
import type { ServiceClientApp, ServiceServerApp } from './serviceSchemas.ts';
import { servicePhrases } from './servicePhrases.ts';
import './serviceTrace.ts';

export const serviceView = defineAppView<ServiceServerApp, ServerFigures>({
  type: 'service',
  card: (w, names, language) => serverCard(w, names.name, language),
  machine: serverThreadMachine,
});

export const serviceClientView = defineAppView<ServiceClientApp, ServiceClientFigures>({
  type: 'serviceClient',
  talksTo: 'service',
  card(c, names, language = ENGLISH) {
    const { say } = servicePhrases.in(language);
    const n = (value: number) => formatCount(value, language);
    const time = (ns: number | null) => cardTime(ns, language);
    const figures: SummaryFigure[] = [
      [say('card.visits'), n(c.visits), 'visits'],
      [
        say('card.answered'),
        say('card.answeredValue', { replies: n(c.replies), requests: n(c.requests) }),
        'replies',
      ],
      [say('card.errors'), n(c.errors), 'errors'],
      [say('card.failed'), n(c.failures), 'failures'],
      [say('card.latency'), `${time(c.latency.meanNs)} / ${time(c.latency.p95Ns)}`],
    ];
    figures.push(...retryCardFigures(c.retry, language));
    if (c.error) figures.push([say('card.stopped'), c.error]);
    return {
      id: `service-client-${c.node}`,
      title: `${names.name(c.node)} → ${c.server}`,
      kind: say('card.kind'),
      figures,
    };
  },
  narration: {
    types: ['app.state', 'app.visit', 'service.request', 'service.response', 'service.failure'],
    narrator: ({ names, language = ENGLISH }) => {
      const { say } = servicePhrases.in(language);
      const name = names.name;
      return (record) => {
        switch (record.type) {
          case 'app.state':
          case 'app.visit':
            return userSentence(record, names, language);
          case 'service.request':
            return {
              kind: 'send',
              text: say('request', {
                node: name(record.node),
                req: String(record.req),
                query: record.query,
              }),
            };
          case 'service.response': {
            const asked = {
              node: name(record.node),
              req: String(record.req),
              time: formatMoment(record.latency, language),
            };
            return {
              kind: record.ok ? 'reply' : 'error',
              text: record.ok
                ? say('answer', { ...asked, bytes: formatCount(record.bytes, language) })
                : say('error', asked),
            };
          }
          case 'service.failure':
            return {
              kind: 'error',
              text: say('failure', {
                node: name(record.node),
                req: String(record.req),
                error: record.error,
              }),
            };
          default:
            return null;
        }
      };
    },
  },
  logGroups: {
    'service.request': () => 'packets',
    'service.response': (r) => (r.type === 'service.response' && !r.ok ? 'errors' : 'packets'),
    'service.failure': () => 'errors',
  },
  machine: userMachineOf,
  listedBeforeStart: (app) => app.workload === undefined,
});
