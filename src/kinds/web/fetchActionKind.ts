// The fetch action: at a moment, a node fetches one URL from a web server, as a browser's
// address bar would: a web client (the httpClient kind, its connection and TCP) opens a
// connection, sends `GET path`, reads the response and closes. Its records are the web client's
// (http.request, http.response, ...), under the action's name (`action3`).

import { object, string, type Infer } from '../../sim/schema/schema.ts';
import { port, serverName } from '../../sim/scenario/commonSchemas.ts';
import { parseIpv4 } from '../../net/wire/ipv4Address.ts';
import {
  actionFields,
  defineActionBehaviour,
  defineActionKind,
} from '../../sim/kinds/actionKind.ts';
import { httpClientKind } from './httpClientKind.ts';
import type { HttpClientApp } from './webSchemas.ts';
import { bookPhrase, phrased } from '../../sim/schema/phrase.ts';
import { webCheckPhrases } from './webCheckPhrases.ts';

export const fetchAction = object(
  {
    ...actionFields('fetch'),
    server: serverName,
    path: string({
      pattern: /^\/[!-~]*$/,
      patternText: 'a path starting with "/" without spaces',
      description: 'What to fetch, e.g. /index.html.',
    }),
  },
  { port: port('Server port (default 80).') },
  'At `at`, the node fetches `path` from `server` over HTTP: one GET on a new connection.',
);

export type FetchAction = Infer<typeof fetchAction>;

export const fetchActionKind = defineActionKind<FetchAction>({
  type: 'fetch',
  schema: fetchAction,
  runsAs: httpClientKind.type,
  target: (event) => ({ field: 'server', value: event.server }),
  check(event, path, listens, issues) {
    const at = event.port ?? 80;
    // A host name is resolved by DNS at run time; a node id or an address is checked now.
    const hostName = event.server.includes('.') && !parseIpv4(event.server).ok;
    if (!hostName && !listens(event.server, 'tcp', at))
      issues.push(
        phrased(
          `${path}.server`,
          bookPhrase(webCheckPhrases, 'check.noWebServer', {
            server: event.server,
            port: String(at),
          }),
        ),
      );
  },

  // Its behaviour is the web client's, started with one request.
  behaviour: () =>
    httpClientKind.behaviour().then((client) =>
      defineActionBehaviour<FetchAction>({
        start(context, event) {
          const app: HttpClientApp = {
            type: 'httpClient',
            server: event.server,
            persistent: false,
            requests: [{ method: 'GET', path: event.path }],
            start: event.at,
          };
          if (event.port !== undefined) app.port = event.port;
          client.start(context, app);
        },
      }),
    ),
});
