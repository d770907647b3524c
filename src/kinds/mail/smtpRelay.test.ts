// Relaying by MX (RFC 5321 section 5.1): the server looks up the domain's MX records, tries the
// exchangers lowest preference first and moves on when one cannot be reached, takes the domain
// itself when it has no MX (the implicit MX), gives up on a domain that does not exist and on a
// permanent (5xx) refusal, refuses mail that would loop back to itself, and reports recipients the
// next server refused. One message from a relayed client to six domains, each case a domain.
import { describe, expect, it } from 'vitest';
import { converse, host, MAIL_B, mailNetwork, runAll } from '../../../tests/support/mailNetwork.ts';
import { mailStoreOf } from './mailStore.ts';

const RECORDS = [
  // b.example: the preferred exchanger runs no SMTP server, the backup (mx) does.
  { name: 'b.example', type: 'MX', preference: 5, exchange: 'dead.b.example' },
  { name: 'b.example', type: 'MX', preference: 20, exchange: 'mx.b.example' },
  { name: 'dead.b.example', type: 'A', address: '10.0.0.66' },
  { name: 'mx.b.example', type: 'A', address: '10.0.0.25' },
  // c.example: no MX, but an address (the implicit MX), the c server.
  { name: 'c.example', type: 'A', address: '10.0.0.26' },
  // d.example: its MX is the relaying server itself.
  { name: 'd.example', type: 'MX', exchange: 'mta.a.example' },
  { name: 'mta.a.example', type: 'A', address: '10.0.0.24' },
];

function relayRun(to: string[]) {
  const simulation = mailNetwork([
    host('pc', 2),
    host('mta', 24, {
      dns: { server: 'ns' },
      apps: [
        {
          type: 'smtpServer',
          domains: ['a.example'],
          hostname: 'mta.a.example',
          relayFrom: ['10.0.0.0/28'],
        },
      ],
    }),
    MAIL_B,
    host('c', 26, {
      apps: [{ type: 'smtpServer', domains: ['c.example'], mailboxes: [{ user: 'cy' }] }],
    }),
    host('dead', 66),
    host('ns', 53, { role: 'dns', apps: [{ type: 'dnsServer', records: RECORDS }] }),
  ]);
  converse(simulation, 'pc', '10.0.0.24', 25, [
    'EHLO pc',
    'MAIL FROM:<alice@a.example>',
    ...to.map((x) => `RCPT TO:<${x}>`),
    'DATA',
    'Subject: everywhere\r\n\r\nHello.\r\n.\r\n',
    'QUIT',
  ]);
  runAll(simulation);
  const records = simulation.sim.trace.records;
  const routes = simulation.sim.trace.ofType('smtp.route');
  return { simulation, records, routes };
}

describe('relaying by MX', () => {
  const { simulation, routes } = relayRun([
    'bob@b.example',
    'nobody@b.example',
    'cy@c.example',
    'x@nowhere.example',
    'z@d.example',
  ]);
  const trace = simulation.sim.trace;
  const route = (domain: string) =>
    routes
      .filter((r) => r.domain === domain)
      .map((r) => [r.exchange, r.preference, r.address, r.error]);
  const failed = (domain: string) =>
    trace
      .ofType('smtp.relayFailed')
      .filter((r) => r.domain === domain)
      .map((r) => [r.to, r.error]);

  it('tries the lowest preference first, and the next when it cannot connect', () => {
    expect(route('b.example')).toEqual([
      ['dead.b.example', 5, '10.0.0.66', null],
      ['mx.b.example', 20, '10.0.0.25', null],
    ]);
    expect(trace.ofType('smtp.relayed').map((r) => [r.domain, r.exchange, r.to])).toEqual(
      expect.arrayContaining([['b.example', 'mx.b.example', 'bob@b.example']]),
    );
    expect(
      mailStoreOf(simulation.sim, 'mx')
        .messages('bob')
        .map((m) => m.subject),
    ).toEqual(['everywhere']);
    // The next server refused one recipient (550): reported, not retried elsewhere.
    expect(failed('b.example')).toEqual([
      ['nobody@b.example', 'mx.b.example: RCPT TO refused with 550'],
    ]);
  });

  it('sends to the domain itself when it has no MX record (implicit MX)', () => {
    expect(route('c.example')).toEqual([['c.example', null, '10.0.0.26', null]]);
    expect(mailStoreOf(simulation.sim, 'c').messages('cy')).toHaveLength(1);
  });

  it('gives up on a domain that does not exist, and on mail that would loop back to itself', () => {
    expect(route('nowhere.example')).toEqual([[null, null, null, 'NXDOMAIN']]);
    expect(failed('nowhere.example')).toEqual([
      ['x@nowhere.example', 'MX lookup of nowhere.example: NXDOMAIN'],
    ]);
    expect(route('d.example')).toEqual([
      ['mta.a.example', 10, '10.0.0.24', 'loops back to myself'],
    ]);
    expect(failed('d.example')).toEqual([
      ['z@d.example', 'mail for d.example loops back to myself'],
    ]);
  });

  it('ends at a permanent refusal without trying the next exchanger', () => {
    const run = relayRun(['nobody@b.example']);
    expect(run.routes.map((r) => r.exchange)).toEqual(['dead.b.example', 'mx.b.example']);
    const failures = run.simulation.sim.trace.ofType('smtp.relayFailed');
    expect(failures.map((r) => r.error)).toEqual(['mx.b.example: every recipient refused']);
  });
});
