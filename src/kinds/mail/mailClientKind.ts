// The mailClient kind: a person's mail program that sends messages through its SMTP server at
// their times and fetches its own mail from its POP3 server on a schedule. Its schema and checks
// (a server for what it does), always loaded; how it runs and its figures are in
// mailClientBehaviour.ts, loaded when a scenario has such an app.

import { POP3_PORT, SMTP_PORT } from '../../net/app/mailPorts.ts';
import { defineAppKind, type AppTarget } from '../../sim/kinds/appKind.ts';
import { bookPhrase, phrased } from '../../sim/schema/phrase.ts';
import { mailCheckPhrases } from './mailCheckPhrases.ts';
import { mailClientApp, type MailClientApp } from './mailSchemas.ts';
import './mailTrace.ts';
import type { MailClientFigures } from './mailClientBehaviour.ts';
export type { MailClientFigures } from './mailClientBehaviour.ts';

export const mailClientKind = defineAppKind<MailClientApp, MailClientFigures>({
  type: 'mailClient',
  schema: mailClientApp,
  traceName: 'mail',
  targets: (app) => {
    const targets: AppTarget[] = [];
    if (app.smtp !== undefined)
      targets.push({
        field: 'smtp',
        value: app.smtp,
        socket: { protocol: 'tcp', port: app.smtpPort ?? SMTP_PORT },
      });
    if (app.pop3 !== undefined)
      targets.push({
        field: 'pop3',
        value: app.pop3,
        socket: { protocol: 'tcp', port: app.pop3Port ?? POP3_PORT },
      });
    return targets;
  },
  check(app, { path }, issues) {
    if ((app.send ?? []).length > 0 && app.smtp === undefined)
      issues.push(phrased(`${path}.smtp`, bookPhrase(mailCheckPhrases, 'check.needsSmtp')));
    if (app.fetch !== undefined && app.pop3 === undefined)
      issues.push(phrased(`${path}.pop3`, bookPhrase(mailCheckPhrases, 'check.needsPop3')));
  },
  behaviour: () => import('./mailClientBehaviour.ts').then((module) => module.mailClientBehaviour),
});
