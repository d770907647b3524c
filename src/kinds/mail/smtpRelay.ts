// An SMTP server's way out for mail to other domains (RFC 5321 section 5.1): ask DNS for the
// domain's MX records, take the exchangers lowest preference first (the domain itself when it has
// none: the "implicit MX"), look up the address of each until one answers, and hand the message
// over there on port 25 as a client (smtpClientSession.ts), with its own EHLO name. A temporary
// failure (no connection, a 4xx) moves on to the next exchanger; a 5xx or the last exchanger's
// failure ends it with smtp.relayFailed. Mail that would come back to this server is refused, as
// Postfix says "mail for ... loops back to myself". No queue kept for later retries.

import type { Simulator } from '../../engine/simulator.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import type { TcpLayer } from '../../machines/tcp/tcpLayer.ts';
import { sendMail } from './smtpClientSession.ts';
import type { RelayJob } from './smtpServer.ts';
import './mailTrace.ts';

/** An address lookup, as the node's resolver gives it (AppContext.lookup). */
export type AddressLookup = (
  name: string,
  done: (result: { ok: true; address: Ipv4Address } | { ok: false; error: string }) => void,
) => void;

/** An MX lookup, as the node's resolver gives it (AppContext.lookupMx). */
export type ExchangerLookup = (
  domain: string,
  done: (
    result:
      | { ok: true; exchangers: readonly { preference: number; exchange: string }[] }
      | { ok: false; error: string },
  ) => void,
) => void;

/** What a relay needs of its server and node. */
export interface RelayOptions {
  node: string;
  /** The server's name in the trace (`smtpd`). */
  app: string;
  /** Its EHLO name. */
  hostname: string;
  /** The node's own addresses, to see mail that would loop back. */
  own: readonly Ipv4Address[];
  lookup: AddressLookup;
  lookupMx: ExchangerLookup;
}

/**
 * `done`, run as an engine event of its own: a resolver answers from inside its lookup machine's
 * action, where no connection (and its TCP actor) may be started.
 */
export function later<A>(sim: Simulator, done: (result: A) => void): (result: A) => void {
  return (result) => void sim.schedule(0, () => done(result));
}

/** Relays `job` to its domain's mail server. */
export function relay(sim: Simulator, tcp: TcpLayer, options: RelayOptions, job: RelayJob): void {
  const { node, app } = options;
  const { queueId, messageId, domain } = job;
  const to = job.to.join(', ');
  const route = (
    exchange: string | null,
    preference: number | null,
    address: string | null,
    error: string | null,
  ) =>
    sim.record({
      t: sim.now(),
      type: 'smtp.route',
      node,
      app,
      queueId,
      domain,
      exchange,
      preference,
      address,
      error,
    });
  const fail = (error: string, who = to) =>
    sim.record({
      t: sim.now(),
      type: 'smtp.relayFailed',
      node,
      app,
      queueId,
      messageId,
      domain,
      to: who,
      error,
    });

  /** Tries exchanger `index` of `list`; `last` is the error of the one before. */
  const attempt = (
    list: readonly { preference: number | null; exchange: string }[],
    index: number,
    last: string,
  ): void => {
    const target = list[index];
    if (!target) return fail(last);
    const { exchange, preference } = target;
    options.lookup(
      exchange,
      later(sim, (found) => {
        if (!found.ok) {
          route(exchange, preference, null, found.error);
          return attempt(list, index + 1, `${exchange}: ${found.error}`);
        }
        const address = formatIpv4(found.address);
        if (options.own.includes(found.address)) {
          route(exchange, preference, address, 'loops back to myself');
          return fail(`mail for ${domain} loops back to myself`);
        }
        route(exchange, preference, address, null);
        const envelope = {
          helo: () => options.hostname,
          from: job.from,
          to: job.to,
          message: job.bytes,
        };
        sendMail(sim, tcp, { node, app }, found.address, envelope, (outcome) => {
          if (outcome.ok) {
            const refused = outcome.refused.map((r) => r.to);
            sim.record({
              t: sim.now(),
              type: 'smtp.relayed',
              node,
              app,
              queueId,
              messageId,
              domain,
              to: job.to.filter((x) => !refused.includes(x)).join(', '),
              exchange,
              address,
            });
            // Recipients the next server refused (its RCPT 5xx) are lost: no bounce here.
            for (const { to: one, code } of outcome.refused)
              fail(`${exchange}: RCPT TO refused with ${code}`, one);
            return;
          }
          const error = `${exchange}: ${outcome.error}`;
          // A permanent refusal (5xx) is the domain's answer; anything else, try the next one.
          if (outcome.code !== null && outcome.code >= 500) return fail(error);
          attempt(list, index + 1, error);
        });
      }),
    );
  };

  options.lookupMx(
    domain,
    later(sim, (result) => {
      if (result.ok) return attempt(result.exchangers, 0, '');
      // RFC 5321 section 5.1: no MX records, the domain itself is the only exchanger.
      if (result.error === 'NODATA')
        return attempt([{ preference: null, exchange: domain }], 0, '');
      route(null, null, null, result.error);
      fail(`MX lookup of ${domain}: ${result.error}`);
    }),
  );
}
