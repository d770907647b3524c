// How a request/response service looks: the service's and its clients' summary cards, the
// clients' sentences in the event log (their users, queries and replies) and the machines behind
// their states (users; the service's threads).

import type { ServerFigures } from '../../sim/index.ts';
import { defineAppView } from '../../viz/kinds/kindView.ts';
import { userSentence } from '../../viz/log/narrateUsers.ts';
import { duration } from '../../viz/log/sentenceParts.ts';
import { serverThreadMachine, userMachineOf } from '../../viz/statechart/sharedMachines.ts';
import { cardTime, serverCard, type SummaryFigure } from '../../viz/summary/cardParts.ts';
import type { ServiceClientFigures } from './serviceClientKind.ts';
import type { ServiceClientApp, ServiceServerApp } from './serviceSchemas.ts';
import './serviceTrace.ts';

export const serviceView = defineAppView<ServiceServerApp, ServerFigures>({
  type: 'service',
  card: (w, names) => serverCard(w, names.name),
  machine: serverThreadMachine,
});

export const serviceClientView = defineAppView<ServiceClientApp, ServiceClientFigures>({
  type: 'serviceClient',
  talksTo: 'service',
  card(c, names) {
    const figures: SummaryFigure[] = [
      ['Visits', String(c.visits), 'visits'],
      ['Answered', `${c.replies} of ${c.requests}`, 'replies'],
      ['Errors', String(c.errors), 'errors'],
      ['Failed', String(c.failures), 'failures'],
      ['Latency mean / p95', `${cardTime(c.latency.meanNs)} / ${cardTime(c.latency.p95Ns)}`],
    ];
    if (c.error) figures.push(['Stopped', c.error]);
    return {
      id: `service-client-${c.node}`,
      title: `${names.name(c.node)} → ${c.server}`,
      kind: 'service client',
      figures,
    };
  },
  narration: {
    types: ['app.state', 'app.visit', 'service.request', 'service.response', 'service.failure'],
    narrator:
      ({ names }) =>
      (record) => {
        const name = names.name;
        switch (record.type) {
          case 'app.state':
          case 'app.visit':
            return userSentence(record, names);
          case 'service.request':
            return {
              kind: 'send',
              text: `${name(record.node)} sends query ${record.req}: ${record.query}.`,
            };
          case 'service.response':
            return {
              kind: record.ok ? 'reply' : 'error',
              text: record.ok
                ? `${name(record.node)} gets the answer to query ${record.req}: ${record.bytes} bytes, ${duration(record.latency)} after asking.`
                : `${name(record.node)} gets an error for query ${record.req}, ${duration(record.latency)} after asking.`,
            };
          case 'service.failure':
            return {
              kind: 'error',
              text: `${name(record.node)}: query ${record.req} fails without an answer (${record.error}).`,
            };
          default:
            return null;
        }
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
