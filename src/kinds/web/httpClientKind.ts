// The httpClient kind: a browser, one user or a workload of users, each visit loading a page and
// the objects it references or sending a list of requests, over HTTP or HTTPS. Its schema and
// checks, always loaded; how it runs and its figures are in httpClientBehaviour.ts, loaded when a
// scenario has such an app.

import { defineAppKind } from '../../sim/kinds/appKind.ts';
import { httpClientApp, type HttpClientApp } from './webSchemas.ts';
import './httpTrace.ts';
import { bookPhrase, phrased } from '../../sim/schema/phrase.ts';
import { webCheckPhrases } from './webCheckPhrases.ts';
import type { HttpClientFigures } from './httpClientBehaviour.ts';
export type { HttpClientFigures } from './httpClientBehaviour.ts';

export const httpClientKind = defineAppKind<HttpClientApp, HttpClientFigures>({
  type: 'httpClient',
  schema: httpClientApp,
  traceName: 'http',
  target: (app) => ({
    field: 'server',
    value: app.server,
    socket: { protocol: 'tcp', port: app.port ?? (app.https ? 443 : 80) },
  }),
  check(app, { path }, issues) {
    if (app.page !== undefined && app.requests !== undefined)
      issues.push(phrased(path, bookPhrase(webCheckPhrases, 'check.pageOrRequests')));
  },
  behaviour: () => import('./httpClientBehaviour.ts').then((module) => module.httpClientBehaviour),
});
