// simulations/email.json, run headless, does what its description claims: Alice's client submits
// the message to mail-a (RFC 5321 section 3.3's transaction), mail-a asks DNS for b.example's MX
// (RFC 5321 section 5.1), takes the lowest preference, looks up its A record and relays on port
// 25, mail-b puts it in Bob's mailbox with a Received line from each hop on top (section 4.4),
// and Bob's client finds nothing at 0.5 s and fetches and deletes it by POP3 at 2.5 s.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { Pop3ResponseReader } from '../../net/app/pop3/pop3Messages.ts';
import { decodeMailMessage } from '../../net/app/smtp/mailMessage.ts';
import { parseScenarioText, runScenario } from '../../sim/index.ts';
import { narrate } from '../../viz/log/index.ts';
import { networkNames } from '../../viz/names/index.ts';
import { mailboxesAt, mailboxesOf, mailboxRecords } from './mailboxesView.ts';
import { mailStoreOf } from './mailStore.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

const parsed = parseScenarioText(readFileSync('simulations/email.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const run = runScenario(parsed.scenario);
const records = run.simulation.sim.trace.records;
const of = <T extends TraceRecord['type']>(type: T) =>
  records.filter((r): r is TraceRecord<T> => r.type === type);
const ms = (t: number) => Math.round(t / 1e6);
/** The SMTP commands and replies a node sent and got, in order. */
const smtpLines = (node: string) =>
  records.filter(
    (r): r is TraceRecord<'smtp.command'> | TraceRecord<'smtp.reply'> =>
      (r.type === 'smtp.command' || r.type === 'smtp.reply') && r.node === node,
  );

describe('simulations/email.json', () => {
  it('submits the message to mail-a: EHLO, MAIL, RCPT, DATA, the text, QUIT', () => {
    const alice = smtpLines('alice').map((r) =>
      r.type === 'smtp.command'
        ? `> ${r.verb}${r.arg ? ` ${r.arg}` : ''}`
        : `< ${r.code} ${r.text}`,
    );
    expect(alice).toEqual([
      '< 220 mail.a.example ESMTP Handshake',
      '> EHLO [10.1.0.10]',
      '< 250 mail.a.example SIZE 10240000 ENHANCEDSTATUSCODES 8BITMIME',
      '> MAIL FROM:<alice@a.example>',
      '< 250 2.1.0 Ok',
      '> RCPT TO:<bob@b.example>',
      '< 250 2.1.5 Ok',
      '> DATA',
      '< 354 End data with <CR><LF>.<CR><LF>',
      expect.stringMatching(/^< 250 2\.0\.0 Ok: queued as [0-9A-F]{10}$/),
      '> QUIT',
      '< 221 2.0.0 Bye',
    ]);
    // 1032 ms without ARP; Alice first asks ARP for mail-a's MAC: a request and a reply across
    // two 1 ms links each way, 4 ms more.
    expect(of('mail.sent').map((r) => [r.node, r.to, ms(r.t)])).toEqual([
      ['alice', 'bob@b.example', 1036],
    ]);
  });

  it('finds b.example’s mail exchanger by MX, then its address by A, and relays there', () => {
    expect(of('dns.mxAnswer').map((r) => [r.node, r.name, r.exchangers])).toEqual([
      ['mail-a', 'b.example', '10 mail.b.example'],
    ]);
    expect(of('dns.answer').map((r) => [r.node, r.name, r.address])).toEqual([
      ['mail-a', 'mail.b.example', '10.2.0.25'],
    ]);
    const route = of('smtp.route');
    expect(route.map((r) => [r.domain, r.exchange, r.preference, r.address, r.error])).toEqual([
      ['b.example', 'mail.b.example', 10, '10.2.0.25', null],
    ]);
    const relay = smtpLines('mail-a');
    expect(relay.map((r) => (r.type === 'smtp.command' ? r.verb : r.code))).toEqual([
      220,
      'EHLO',
      250,
      'MAIL',
      250,
      'RCPT',
      250,
      'DATA',
      354,
      250,
      'QUIT',
      221,
    ]);
    expect(relay[1]?.type === 'smtp.command' && relay[1].arg).toBe('mail.a.example');
    expect(of('smtp.relayed').map((r) => [r.node, r.exchange, r.to])).toEqual([
      ['mail-a', 'mail.b.example', 'bob@b.example'],
    ]);
    // The order the description tells: taken from Alice, MX, A, route, relayed, delivered.
    const order = ['smtp.message', 'dns.mxAnswer', 'dns.answer', 'smtp.route', 'smtp.relayed'];
    const at = order.map((type) => records.findIndex((r) => r.type === type));
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('delivers into Bob’s mailbox on mail-b only, with a Received line from each hop on top', () => {
    expect(of('mail.deliver').map((r) => [r.node, r.mailbox, r.from, r.subject])).toEqual([
      ['mail-b', 'bob', 'alice@a.example', 'Lunch on Friday?'],
    ]);
    const taken = of('smtp.message');
    expect(taken.map((r) => [r.node, r.code, r.messageId])).toEqual([
      ['mail-a', 250, taken[0]?.messageId],
      ['mail-b', 250, taken[0]?.messageId],
    ]);
    // Bob deleted it: the store is empty at the end; the fetched copy had both Received lines.
    expect(mailStoreOf(run.simulation.sim, 'mail-b').messages('bob')).toEqual([]);
  });

  it('lets Bob find nothing at 0.5 s, then fetch, delete and log out at 2.5 s', () => {
    const sessions = of('pop3.session').map((r) => ms(r.t));
    // Bob's first connection waits for ARP (request and reply over two 1 ms links each way, 4 ms);
    // at 2.5 s and 4.5 s mail-b's MAC is still in his cache (reachable for 30 s).
    expect(sessions).toEqual([510, 2506, 4506]);
    const bob = of('pop3.command').flatMap((r) =>
      r.node === 'bob' && r.t > 2e9 && r.t < 3e9 ? [`${r.verb}${r.arg ? ` ${r.arg}` : ''}`] : [],
    );
    expect(bob).toEqual(['USER bob', 'PASS builder', 'STAT', 'LIST', 'RETR 1', 'DELE 1', 'QUIT']);
    const stats = of('pop3.response').filter((r) => /^\d+ \d+$/.test(r.text));
    expect(stats.map((r) => r.text.split(' ')[0])).toEqual(['0', '1', '0']);
    const [fetched] = of('mail.fetched');
    expect(fetched && [fetched.node, fetched.from, fetched.subject]).toEqual([
      'bob',
      'alice@a.example',
      'Lunch on Friday?',
    ]);
    // From the moment mail-a took it (mail.sent) to Bob's RETR answer.
    const sent = of('mail.sent')[0];
    expect(fetched?.latency).toBe((fetched?.t ?? 0) - (sent?.t ?? 0));
    expect(of('mail.remove').map((r) => [r.node, r.mailbox])).toEqual([['mail-b', 'bob']]);
  });

  it('carries the text dot-stuffed on the wire and whole in the mailbox, two Received lines on top', () => {
    const sim = run.simulation.sim;
    const payloads = records.flatMap((r) =>
      r.type === 'link.txBegin' &&
      carriesIp(r) &&
      r.node === 'mail-b' &&
      r.packet.transport.kind === 'tcp' &&
      r.packet.transport.srcPort === 110
        ? [new TextDecoder().decode(r.packet.payload)]
        : [],
    );
    const retr = payloads.find((p) => p.startsWith('+OK') && p.includes('Subject:')) ?? '';
    expect(retr).toContain('\r\n....or is Saturday better for you?\r\n'); // one dot more on the wire
    const reader = new Pop3ResponseReader();
    reader.push(new TextEncoder().encode('+OK\r\n')); // a greeting first, as on the wire
    reader.expect(true); // then RETR's multi-line answer: its dots undone
    const [answer] = reader.push(new TextEncoder().encode(retr));
    const body = answer?.kind === 'response' ? answer.response.body : undefined;
    const message = decodeMailMessage(body ?? new Uint8Array(0));
    expect(
      message.headers.filter(([n]) => n === 'Received').map(([, v]) => v.split('\t')[1]),
    ).toEqual([
      'by mail.b.example (Handshake) with ESMTP id ' + (of('smtp.message')[1]?.queueId ?? ''),
      'by mail.a.example (Handshake) with ESMTP id ' + (of('smtp.message')[0]?.queueId ?? ''),
    ]);
    expect(message.body).toContain('\r\n...or is Saturday better for you?\r\n');
    expect(sim.now()).toBe(5e9);
  });

  it('is told in the event log', () => {
    const entries = narrate(records, networkNames(parsed.scenario.nodes));
    const text = (r: TraceRecord | undefined) => (r ? entries[records.indexOf(r)]?.text : '');
    expect(text(of('smtp.route')[0])).toBe(
      'Mail server a.example’s SMTP server will hand the mail for b.example to mail.b.example (10.2.0.25), its mail exchanger of preference 10.',
    );
    expect(text(of('dns.mxAnswer')[0])).toBe(
      'Mail server a.example learns the mail exchangers of b.example: 10 mail.b.example (preference, then server), which it may cache for 300 s.',
    );
    expect(text(of('pop3.command').find((r) => r.verb === 'PASS'))).toBe(
      "Bob's laptop sends the POP3 command PASS builder (in plain text).",
    );
    expect(text(of('mail.deliver')[0])).toBe(
      'Mail server b.example’s SMTP server puts the message from alice@a.example into the mailbox of bob.',
    );
  });

  it('shows Bob’s mailbox in the inspector empty, then with the message, then empty again', () => {
    const node = parsed.ok ? parsed.scenario.nodes.find((n) => n.id === 'mail-b') : undefined;
    const boxes = node ? mailboxesOf(node) : [];
    expect(boxes).toEqual(['bob']);
    const own = mailboxRecords(records, 'mail-b');
    const at = (s: number) =>
      mailboxesAt(boxes, own, s * 1e9).map((b) => [b.mailbox, b.messages.map((m) => m.subject)]);
    expect(at(1)).toEqual([['bob', []]]);
    expect(at(2)).toEqual([['bob', ['Lunch on Friday?']]]);
    expect(at(3)).toEqual([['bob', []]]);
    expect(mailboxesAt(boxes, own, 2e9)[0]?.messages[0]).toEqual({
      messageId: of('mail.deliver')[0]?.messageId,
      from: 'alice@a.example',
      subject: 'Lunch on Friday?',
      bytes: of('mail.deliver')[0]?.bytes,
    });
  });
});
