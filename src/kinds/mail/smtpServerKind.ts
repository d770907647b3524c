// The smtpServer kind: an SMTP server (RFC 5321) that takes mail for its domains into their
// mailboxes and relays its own clients' mail for other domains by their MX records. Its schema
// and checks (a relay needs the node's resolver; a mailbox named once), always loaded; how it
// runs and its figures are in smtpServerBehaviour.ts, loaded when a scenario has such an app.

import { SMTP_PORT } from '../../net/app/mailPorts.ts';
import { defineAppKind } from '../../sim/kinds/appKind.ts';
import { bookPhrase, phrased } from '../../sim/schema/phrase.ts';
import { mailCheckPhrases } from './mailCheckPhrases.ts';
import { smtpServerApp, type SmtpServerApp } from './mailSchemas.ts';
import './mailTrace.ts';
import type { SmtpServerFigures } from './smtpServerBehaviour.ts';
export type { SmtpServerFigures } from './smtpServerBehaviour.ts';

export const smtpServerKind = defineAppKind<SmtpServerApp, SmtpServerFigures>({
  type: 'smtpServer',
  schema: smtpServerApp,
  traceName: 'smtpd',
  listens: (app) => ({ protocol: 'tcp', port: app.port ?? SMTP_PORT }),
  check(app, { path, node, dns }, issues) {
    if ((app.relayFrom ?? []).length > 0 && !dns)
      issues.push(
        phrased(`${path}.relayFrom`, bookPhrase(mailCheckPhrases, 'check.relayNeedsDns', { node })),
      );
    const seen = new Map<string, number>();
    (app.mailboxes ?? []).forEach((box, k) => {
      const first = seen.get(box.user.toLowerCase());
      if (first !== undefined)
        issues.push(
          phrased(
            `${path}.mailboxes[${k}].user`,
            bookPhrase(mailCheckPhrases, 'check.mailboxTwice', {
              user: box.user,
              first: String(first),
              node,
            }),
          ),
        );
      else seen.set(box.user.toLowerCase(), k);
    });
  },
  behaviour: () => import('./smtpServerBehaviour.ts').then((module) => module.smtpServerBehaviour),
});

/** The server's own name: its `hostname`, else "mail." and its first domain. */
export function hostnameOf(app: SmtpServerApp): string {
  return (app.hostname ?? `mail.${app.domains[0] ?? 'localdomain'}`).toLowerCase();
}
