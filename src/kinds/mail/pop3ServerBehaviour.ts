// The pop3Server behaviour: a POP3 server (RFC 1939) over its node's mail store. How it starts,
// and its figures from the trace: connections, logins, messages retrieved and deleted.

import { POP3_PORT } from '../../net/app/pop3/pop3Messages.ts';
import { defineAppBehaviour } from '../../sim/kinds/appKind.ts';
import type { Pop3ServerApp } from './mailSchemas.ts';
import { mailStoreOf } from './mailStore.ts';
import { startPop3Server } from './pop3Server.ts';
import './mailTrace.ts';

/** What a POP3 server did. */
export interface Pop3ServerFigures {
  node: string;
  port: number;
  sessions: number;
  logins: number;
  failedLogins: number;
  /** Messages handed out (RETR) and removed (DELE, then QUIT). */
  retrieved: number;
  removed: number;
}

export const pop3ServerBehaviour = defineAppBehaviour<Pop3ServerApp, Pop3ServerFigures>({
  start({ sim, host, node, label }, app) {
    const started = startPop3Server(sim, host.tcp, {
      node,
      app: label,
      port: app.port ?? POP3_PORT,
      store: mailStoreOf(sim, node),
    });
    if (!started.ok)
      sim.record({
        t: sim.now(),
        type: 'app.error',
        node,
        app: label,
        op: 'listen',
        error: started.error,
      });
  },
  figures: {
    fold({ node, app }) {
      const f: Pop3ServerFigures = {
        node,
        port: app.port ?? POP3_PORT,
        sessions: 0,
        logins: 0,
        failedLogins: 0,
        retrieved: 0,
        removed: 0,
      };
      return {
        types: ['pop3.session', 'pop3.serve', 'mail.remove'],
        add(record) {
          if (record.type === 'pop3.session') f.sessions++;
          else if (record.type === 'mail.remove') f.removed++;
          else if (record.type === 'pop3.serve') {
            if (record.verb === 'PASS') {
              if (record.ok) f.logins++;
              else f.failedLogins++;
            } else if (record.verb === 'RETR' && record.ok) f.retrieved++;
          }
        },
        result: () => ({ ...f }),
      };
    },
    lines: (f) => [
      `pop3 server ${f.node}:${f.port}: ${f.sessions} sessions, ${f.logins} logins (${f.failedLogins} refused), ` +
        `${f.retrieved} messages retrieved, ${f.removed} removed`,
    ],
  },
});
