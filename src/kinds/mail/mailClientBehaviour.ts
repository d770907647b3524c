// The mailClient behaviour: composes each message (RFC 5322: From, To, Subject, Date from the
// simulated clock, Message-ID), sends it through its SMTP server when it is due, and fetches its
// mail by POP3 on its schedule, one job at a time (mailClientMachine.ts). How it starts, and its
// figures from the trace: sent, not sent, fetched, and the time from sending to fetching.

import { createActor } from 'xstate';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import { POP3_PORT } from '../../net/app/pop3/pop3Messages.ts';
import {
  encodeHeaderText,
  encodeMailMessage,
  mailDate,
  mimeFields,
  splitAddress,
} from '../../net/app/smtp/mailMessage.ts';
import { SMTP_PORT } from '../../net/app/smtp/smtpMessages.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { defineAppBehaviour } from '../../sim/kinds/appKind.ts';
import { traceStates } from '../../sim/appTrace.ts';
import { afterAction } from '../../sim/build/afterAction.ts';
import { latencyFigures, type LatencyFigures } from '../../sim/summary/figureMath.ts';
import { mailClientMachine } from './mailClientMachine.ts';
import { DEFAULT_PASSWORD, type MailClientApp } from './mailSchemas.ts';
import { noteSent } from './mailStore.ts';
import { fetchMail } from './pop3ClientSession.ts';
import { sendMail } from './smtpClientSession.ts';
import { later } from './smtpRelay.ts';
import './mailTrace.ts';

/** What a mail client did. */
export interface MailClientFigures {
  node: string;
  address: string;
  sent: number;
  notSent: number;
  fetched: number;
  /** From sent (its author's server took it) to fetched, for the messages fetched. */
  latency: LatencyFigures;
  /** The last failure of a send or fetch, or null. */
  error: string | null;
}

/** When the first fetch is when a scenario gives none. */
const FIRST_FETCH = NS_PER_S;

export const mailClientBehaviour = defineAppBehaviour<MailClientApp, MailClientFigures>({
  start({ sim, host, node, label, lookup }, app) {
    const where = { node, app: label };
    const messages = app.send ?? [];
    const domain = splitAddress(app.address)?.domain ?? 'localdomain';
    const ids = sim.random.stream(`node:${node}/mail/ids`);
    const done = () => actor.send({ type: 'mail.done' });
    const failed = (op: string, error: string) => {
      sim.record({ t: sim.now(), type: 'app.error', node, app: label, op, error });
      done();
    };

    const send = (index: number): void => {
      const message = messages[index];
      if (!message || app.smtp === undefined) return failed('send', 'no such message');
      const tag = ids.integer(0, 0xffffffff).toString(16).padStart(8, '0');
      const messageId = `<${tag}.${index + 1}@${domain}>`;
      const body = message.body ?? '';
      const bytes = encodeMailMessage({
        headers: [
          ['From', app.address],
          ['To', message.to],
          ['Subject', encodeHeaderText(message.subject)],
          ['Date', mailDate(sim.now() / NS_PER_MS)],
          ['Message-ID', messageId],
          ...mimeFields(body),
        ],
        body,
      });
      const notSent = (code: number | null, error: string) => {
        sim.record({
          t: sim.now(),
          type: 'mail.notSent',
          ...where,
          messageId,
          to: message.to,
          code,
          error,
        });
        done();
      };
      lookup(
        app.smtp,
        later(sim, (server) => {
          if (!server.ok) return notSent(null, server.error);
          const envelope = {
            // A client with no name of its own says its address (RFC 5321 section 4.1.3).
            helo: (local: number) => `[${formatIpv4(local)}]`,
            from: app.address,
            to: [message.to],
            message: bytes,
          };
          sendMail(
            sim,
            host.tcp,
            where,
            server.address,
            envelope,
            (outcome) => {
              if (!outcome.ok) return notSent(outcome.code, outcome.error);
              noteSent(sim, messageId);
              sim.record({
                t: sim.now(),
                type: 'mail.sent',
                ...where,
                messageId,
                to: message.to,
                subject: message.subject,
                queueId: outcome.queueId,
              });
              done();
            },
            app.smtpPort ?? SMTP_PORT,
          );
        }),
      );
    };

    const fetch = (): void => {
      if (app.pop3 === undefined) return failed('fetch', 'no POP3 server');
      lookup(
        app.pop3,
        later(sim, (server) => {
          if (!server.ok) return failed('fetch', server.error);
          const account = {
            user: splitAddress(app.address)?.local ?? app.address,
            password: app.password ?? DEFAULT_PASSWORD,
            keep: app.fetch?.keep ?? false,
          };
          fetchMail(
            sim,
            host.tcp,
            where,
            server.address,
            app.pop3Port ?? POP3_PORT,
            account,
            (outcome) => (outcome.ok ? done() : failed('fetch', outcome.error)),
          );
        }),
      );
    };

    const machine = mailClientMachine.provide({
      actions: {
        send: afterAction(sim, (_: unknown, index: number) => send(index)),
        fetch: afterAction(sim, () => fetch()),
      },
    });
    const actor = createActor(machine, { clock: sim.clock });
    traceStates(sim, actor, node, label);
    actor.start();
    messages.forEach((message, index) =>
      sim.schedule(message.at ?? 0, () => actor.send({ type: 'mail.sendDue', index })),
    );
    const schedule = app.fetch;
    if (schedule) {
      const due = (): void => {
        actor.send({ type: 'mail.fetchDue' });
        if (schedule.every !== undefined) sim.schedule(schedule.every, due);
      };
      sim.schedule(schedule.start ?? FIRST_FETCH, due);
    }
  },
  figures: {
    fold({ node, app }) {
      let sent = 0;
      let notSent = 0;
      let fetched = 0;
      let error: string | null = null;
      const latencies: number[] = [];
      return {
        types: ['mail.sent', 'mail.notSent', 'mail.fetched', 'app.error'],
        add(record) {
          if (record.type === 'mail.sent') sent++;
          else if (record.type === 'mail.notSent') {
            notSent++;
            error = record.error;
          } else if (record.type === 'mail.fetched') {
            fetched++;
            if (record.latency !== null) latencies.push(record.latency);
          } else if (record.type === 'app.error') error = record.error;
        },
        result: () => ({
          node,
          address: app.address,
          sent,
          notSent,
          fetched,
          latency: latencyFigures(latencies),
          error,
        }),
      };
    },
    lines: (c) => [
      `mail client ${c.node} (${c.address}): ${c.sent} sent, ${c.notSent} not sent, ${c.fetched} fetched` +
        (c.latency.count > 0
          ? `, ${Math.round((c.latency.meanNs ?? 0) / 1e6)} ms mean from sent to fetched`
          : '') +
        (c.error ? `; last failure: ${c.error}` : ''),
    ],
  },
});
