// The pop3Server kind: a POP3 server (RFC 1939) that lets the owners of its node's mailboxes
// (the node's SMTP server's) fetch and delete their mail. Its schema and check (the node runs an
// SMTP server), always loaded; how it runs and its figures are in pop3ServerBehaviour.ts.

import { POP3_PORT } from '../../net/app/mailPorts.ts';
import { defineAppKind } from '../../sim/kinds/appKind.ts';
import { bookPhrase, phrased } from '../../sim/schema/phrase.ts';
import { mailCheckPhrases } from './mailCheckPhrases.ts';
import { pop3ServerApp, type Pop3ServerApp } from './mailSchemas.ts';
import './mailTrace.ts';
import type { Pop3ServerFigures } from './pop3ServerBehaviour.ts';
export type { Pop3ServerFigures } from './pop3ServerBehaviour.ts';

export const pop3ServerKind = defineAppKind<Pop3ServerApp, Pop3ServerFigures>({
  type: 'pop3Server',
  schema: pop3ServerApp,
  traceName: 'pop3d',
  listens: (app) => ({ protocol: 'tcp', port: app.port ?? POP3_PORT }),
  check(_app, { path, node, apps }, issues) {
    if (!apps.some((a) => a.type === 'smtpServer'))
      issues.push(phrased(path, bookPhrase(mailCheckPhrases, 'check.pop3NeedsSmtp', { node })));
  },
  behaviour: () => import('./pop3ServerBehaviour.ts').then((module) => module.pop3ServerBehaviour),
});
