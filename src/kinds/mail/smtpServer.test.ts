// The SMTP server against RFC 5321, typed to as by hand: the 220 greeting, EHLO's multi-line
// 250 with its extensions (section 4.1.1.1), the order of a transaction and its 503s (4.1.4),
// 501 for bad paths, 550 for a mailbox it lacks, 554 Relay access denied for another domain from
// a client it does not relay for, 500 for a line that is no command and 502 for an unknown one
// (4.2.4), DATA's 354 and the text to CRLF.CRLF with dots undone (4.5.2), a Received line on top
// (4.4), RSET, and QUIT's 221 and close. Texts are Postfix's.
import { describe, expect, it } from 'vitest';
import { decodeMailMessage, headerValue } from '../../net/app/smtp/mailMessage.ts';
import { converse, host, MAIL_B, mailNetwork, runAll } from '../../../tests/support/mailNetwork.ts';
import { mailStoreOf } from './mailStore.ts';

const smtp = (lines: string[]) => {
  const simulation = mailNetwork([host('pc', 2), MAIL_B]);
  const transcript = converse(simulation, 'pc', '10.0.0.25', 25, lines);
  runAll(simulation);
  return { simulation, transcript };
};

describe('the SMTP server', () => {
  it('takes a message for its domain: greeting, EHLO, MAIL, RCPT, DATA, the text, QUIT', () => {
    const { simulation, transcript } = smtp([
      'EHLO pc.example',
      'MAIL FROM:<alice@a.example>',
      'RCPT TO:<Bob@B.example>',
      'DATA',
      'Subject: hi\r\nMessage-ID: <1@a.example>\r\n\r\n..a dot\r\nbye\r\n.\r\n',
      'QUIT',
    ]);
    expect(transcript).toEqual([
      '< 220 mail.b.example ESMTP Handshake',
      '> EHLO pc.example',
      '< 250 mail.b.example | SIZE 10240000 | ENHANCEDSTATUSCODES | 8BITMIME',
      '> MAIL FROM:<alice@a.example>',
      '< 250 2.1.0 Ok',
      '> RCPT TO:<Bob@B.example>',
      '< 250 2.1.5 Ok',
      '> DATA',
      '< 354 End data with <CR><LF>.<CR><LF>',
      '> Subject: hi\r\nMessage-ID: <1@a.example>\r\n\r\n..a dot\r\nbye\r\n.\r\n',
      expect.stringMatching(/^< 250 2\.0\.0 Ok: queued as [0-9A-F]{10}$/),
      '> QUIT',
      '< 221 2.0.0 Bye',
      '(closed)',
    ]);
    const [stored] = mailStoreOf(simulation.sim, 'mx').messages('bob');
    const message = decodeMailMessage(stored?.bytes ?? new Uint8Array(0));
    expect(headerValue(message, 'Received')).toMatch(
      /^from pc\.example \(unknown \[10\.0\.0\.2\]\)\tby mail\.b\.example \(Handshake\) with ESMTP id [0-9A-F]{10}\tfor <Bob@B\.example>; Thu, 01 Jan 1970 00:00:00 \+0000$/,
    );
    expect(message.body).toBe('.a dot\r\nbye\r\n');
    // It had no Date: the server added one, as Postfix does; its Message-ID was kept.
    expect(headerValue(message, 'Message-ID')).toBe('<1@a.example>');
    expect(headerValue(message, 'Date')).toBe('Thu, 01 Jan 1970 00:00:00 +0000');
    expect(simulation.sim.trace.ofType('mail.deliver').map((r) => [r.mailbox, r.subject])).toEqual([
      ['bob', 'hi'],
    ]);
  });

  it('refuses what comes out of order, bad paths, unknown mailboxes and other domains', () => {
    const { transcript, simulation } = smtp([
      'MAIL FROM:<alice@a.example>',
      'HELO',
      'HELO pc',
      'RCPT TO:<bob@b.example>',
      'DATA',
      'MAIL FROM:alice@a.example',
      'MAIL FROM:<alice@a.example>',
      'MAIL FROM:<alice@a.example>',
      'RCPT TO:<nobody@b.example>',
      'RCPT TO:<bob>',
      'RCPT TO:<someone@c.example>',
      'DATA',
      'RSET',
      'DATA',
      'QUIT',
    ]);
    expect(transcript.filter((l) => l.startsWith('<'))).toEqual([
      '< 220 mail.b.example ESMTP Handshake',
      '< 503 5.5.1 Error: send HELO/EHLO first',
      '< 501 Syntax: HELO hostname',
      '< 250 mail.b.example',
      '< 503 5.5.1 Error: need MAIL command',
      '< 503 5.5.1 Error: need RCPT command',
      '< 501 5.5.4 Syntax: MAIL FROM:<address>',
      '< 250 2.1.0 Ok',
      '< 503 5.5.1 Error: nested MAIL command',
      '< 550 5.1.1 <nobody@b.example>: Recipient address rejected: User unknown in local recipient table',
      '< 501 5.1.3 <bob>: Recipient address rejected: need fully-qualified address',
      '< 554 5.7.1 <someone@c.example>: Relay access denied',
      '< 554 5.5.1 Error: no valid recipients',
      '< 250 2.0.0 Ok',
      '< 503 5.5.1 Error: need RCPT command',
      '< 221 2.0.0 Bye',
    ]);
    const figures = simulation.sim.trace.ofType('smtp.serve');
    expect(figures.filter((r) => r.code >= 400)).toHaveLength(11);
  });

  it('answers a line that is no command with 500, an unknown verb and VRFY with 502', () => {
    const { transcript } = smtp(['HELLO there', '12345', 'VRFY bob', 'EXPN list', 'NOOP', 'QUIT']);
    expect(transcript.filter((l) => l.startsWith('<'))).toEqual([
      '< 220 mail.b.example ESMTP Handshake',
      '< 500 5.5.2 Error: bad syntax',
      '< 500 5.5.2 Error: bad syntax',
      '< 502 5.5.1 VRFY command is disabled',
      '< 502 5.5.2 Error: command not recognized',
      '< 250 2.0.0 Ok',
      '< 221 2.0.0 Bye',
    ]);
  });

  it('refuses a message larger than its SIZE before and after the text (RFC 1870)', () => {
    const { transcript } = smtp(['EHLO pc', 'MAIL FROM:<a@a.example> SIZE=20000000', 'QUIT']);
    expect(transcript).toContain('< 552 5.3.4 Message size exceeds fixed limit');
  });
});
