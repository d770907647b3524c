// How a load balancer looks: its summary card (each backend with its health and its share of the
// picks), its sentences in the event log (picks, outcomes, health checks, backends taken out and
// back), the canvas editor's new balancer, and the backend names both use. Its words, in each
// language, are in lbPhrases.ts.

import { ENGLISH, formatCount, type Language } from '../../engine/language.ts';
import { defineAppView, type JsonFields, type NewAppContext } from '../../viz/kinds/kindView.ts';
import type { LoadBalancerFigures } from './loadBalancerKind.ts';
import type { LoadBalancerApp } from './lbSchemas.ts';
import { lbPhrases } from './lbPhrases.ts';
import './lbTrace.ts';

/** A share of the picks as a percentage in `language`: `33.3%`, `33,3 %`. */
export function shareText(share: number, language: Language = ENGLISH): string {
  return lbPhrases.in(language).num(share, { style: 'percent', maximumFractionDigits: 1 });
}

/**
 * The backends a new balancer gets: every other node that serves the web, on its port (the
 * editor's property panel can change them).
 */
function webServers({ node, nodes }: NewAppContext): JsonFields[] {
  const backends: JsonFields[] = [];
  for (const n of nodes) {
    if (n.id === node || typeof n.id !== 'string') continue;
    for (const app of Array.isArray(n.apps) ? n.apps : []) {
      if (app === null || typeof app !== 'object' || Array.isArray(app)) continue;
      if (app.type !== 'httpServer' || app.tls !== undefined) continue;
      backends.push({ address: n.id, port: typeof app.port === 'number' ? app.port : 80 });
    }
  }
  return backends;
}

export const loadBalancerView = defineAppView<LoadBalancerApp, LoadBalancerFigures>({
  type: 'loadBalancer',
  card: (f, names, language = ENGLISH) => {
    const { say } = lbPhrases.in(language);
    const n = (value: number) => formatCount(value, language);
    return {
      id: `lb-${f.node}-${f.app}`,
      title: `${names.name(f.node)} · ${f.app}`,
      kind: say('card.kind', {
        port: String(f.port),
        mode: say(f.mode === 'l4' ? 'mode.l4' : 'mode.l7'),
        policy: say(`policy.${f.policy}`),
      }),
      figures: [
        [say('card.picks'), n(f.picks), 'picks'],
        [say('card.unserved'), n(f.unserved), 'unserved'],
        ...(f.limited === undefined
          ? []
          : [[say('card.limited'), n(f.limited), 'limited'] as [string, string, string]]),
        ...f.backends.map(
          (b) =>
            [
              say('card.backend', { backend: names.endpoint(b.backend) }),
              say('card.backendValue', {
                health: say(b.healthy ? 'health.up' : 'health.down'),
                requests: n(b.requests),
                share: shareText(b.share, language),
                failures: n(b.failures),
              }),
              `backend-${b.backend}`,
            ] as [string, string, string],
        ),
      ],
    };
  },
  narration: {
    types: [
      'lb.pick',
      'lb.noBackend',
      'lb.limit',
      'lb.done',
      'lb.failure',
      'lb.check',
      'lb.health',
    ],
    narrator: ({ names, language = ENGLISH }) => {
      const { say } = lbPhrases.in(language);
      const lb = (node: string) => say('lb.name', { node: names.name(node) });
      return (record) => {
        switch (record.type) {
          case 'lb.pick': {
            const said = {
              lb: lb(record.node),
              backend: names.endpoint(record.backend),
              client: names.endpoint(record.client),
            };
            return {
              kind: 'forward',
              text: say(record.sticky ? 'lb.pickSticky' : 'lb.pick', said),
            };
          }
          case 'lb.noBackend':
            return {
              kind: 'error',
              text: say('lb.noBackend', {
                lb: lb(record.node),
                client: names.endpoint(record.client),
              }),
            };
          case 'lb.limit': {
            const said = { lb: lb(record.node), client: names.endpoint(record.client) };
            return {
              kind: 'error',
              text:
                record.status === null
                  ? say('lb.limitReset', said)
                  : say('lb.limitStatus', { ...said, status: String(record.status) }),
            };
          }
          case 'lb.done': {
            const said = {
              lb: lb(record.node),
              backend: names.endpoint(record.backend),
              client: names.endpoint(record.client),
            };
            return record.status === null
              ? { kind: 'detail', text: say('lb.doneConnection', said) }
              : {
                  kind: 'reply',
                  text: say('lb.doneResponse', { ...said, status: String(record.status) }),
                };
          }
          case 'lb.failure': {
            const said = {
              lb: lb(record.node),
              backend: names.endpoint(record.backend),
              client: names.endpoint(record.client),
              error: record.error,
            };
            return {
              kind: 'error',
              text:
                record.status === null
                  ? say('lb.failureClosed', said)
                  : say('lb.failureStatus', { ...said, status: String(record.status) }),
            };
          }
          case 'lb.check': {
            const said = { lb: lb(record.node), backend: names.endpoint(record.backend) };
            return record.ok
              ? { kind: 'detail', text: say('lb.checkPassed', said) }
              : { kind: 'detail', text: say('lb.checkFailed', { ...said, error: record.error }) };
          }
          case 'lb.health': {
            const said = { lb: lb(record.node), backend: names.endpoint(record.backend) };
            const key = record.healthy
              ? 'lb.up'
              : record.cause === 'request'
                ? 'lb.downRequests'
                : 'lb.down';
            return { kind: 'state', text: say(key, said) };
          }
          default:
            return null;
        }
      };
    },
  },
  logGroups: {
    'lb.failure': () => 'errors',
    'lb.noBackend': () => 'errors',
    'lb.limit': () => 'errors',
  },
  // Plain code without a machine of its own in the trace: nothing to list before it starts.
  listedBeforeStart: () => false,
  newApp: {
    name: (language) => lbPhrases.in(language).say('newApp.name'),
    make: (context) => ({
      type: 'loadBalancer',
      mode: 'l7',
      policy: 'roundRobin',
      backends: webServers(context),
    }),
  },
});
