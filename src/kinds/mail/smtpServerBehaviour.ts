// The smtpServer behaviour: an SMTP server (RFC 5321) on its node, its mailboxes in the node's
// mail store, relaying through the node's resolver (MX, then A). How it starts, and its figures
// from the trace: connections, commands answered, messages taken, delivered and relayed.

import { SMTP_PORT } from '../../net/app/smtp/smtpMessages.ts';
import { defineAppBehaviour } from '../../sim/kinds/appKind.ts';
import { hostnameOf } from './smtpServerKind.ts';
import { DEFAULT_PASSWORD, type SmtpServerApp } from './mailSchemas.ts';
import { mailStoreOf } from './mailStore.ts';
import { relay } from './smtpRelay.ts';
import { startSmtpServer } from './smtpServer.ts';
import './mailTrace.ts';

/** What an SMTP server did. */
export interface SmtpServerFigures {
  node: string;
  port: number;
  sessions: number;
  commands: number;
  /** Commands answered with a 4xx or 5xx. */
  refusals: number;
  /** Messages taken (250 after their text). */
  messages: number;
  /** Copies put into this server's mailboxes. */
  delivered: number;
  /** Messages handed to another domain's server, and those given up. */
  relayed: number;
  relayFailed: number;
}

export const smtpServerBehaviour = defineAppBehaviour<SmtpServerApp, SmtpServerFigures>({
  start({ sim, host, node, label, lookup, lookupMx }, app) {
    const store = mailStoreOf(sim, node);
    for (const box of app.mailboxes ?? []) store.open(box.user, box.password ?? DEFAULT_PASSWORD);
    const hostname = hostnameOf(app);
    const own = (host.spec.interfaces ?? []).flatMap((i) => (i.address ? [i.address.address] : []));
    const started = startSmtpServer(sim, host.tcp, {
      node,
      app: label,
      port: app.port ?? SMTP_PORT,
      hostname,
      domains: app.domains.map((d) => d.toLowerCase()),
      store,
      relayFrom: app.relayFrom ?? [],
      queueIds: sim.random.stream(`node:${node}/smtp/queue`),
      relay: (job) =>
        relay(sim, host.tcp, { node, app: label, hostname, own, lookup, lookupMx }, job),
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
      const f: SmtpServerFigures = {
        node,
        port: app.port ?? SMTP_PORT,
        sessions: 0,
        commands: 0,
        refusals: 0,
        messages: 0,
        delivered: 0,
        relayed: 0,
        relayFailed: 0,
      };
      return {
        types: [
          'smtp.session',
          'smtp.serve',
          'smtp.message',
          'mail.deliver',
          'smtp.relayed',
          'smtp.relayFailed',
        ],
        add(record) {
          if (record.type === 'smtp.session') f.sessions++;
          else if (record.type === 'smtp.serve') {
            f.commands++;
            if (record.code >= 400) f.refusals++;
          } else if (record.type === 'smtp.message') {
            if (record.code === 250) f.messages++;
            else f.refusals++;
          } else if (record.type === 'mail.deliver') f.delivered++;
          else if (record.type === 'smtp.relayed') f.relayed++;
          else if (record.type === 'smtp.relayFailed') f.relayFailed++;
        },
        result: () => ({ ...f }),
      };
    },
    lines: (f) => [
      `smtp server ${f.node}:${f.port}: ${f.sessions} sessions, ${f.commands} commands (${f.refusals} refused), ` +
        `${f.messages} messages taken, ${f.delivered} delivered, ${f.relayed} relayed (${f.relayFailed} failed)`,
    ],
  },
});
