// SMTP's wire format against RFC 5321: command and reply lines (section 4.1.1, 4.2.1's multi-line
// replies), the paths of MAIL and RCPT (4.1.2), dot-stuffing and the CRLF.CRLF end of DATA
// (4.5.2), the 512-octet command line (4.5.3.1.4), and the reader taking bytes in any pieces.
import { describe, expect, it } from 'vitest';
import {
  encodeSmtpCommand,
  encodeSmtpData,
  encodeSmtpReply,
  enhancedStatus,
  parseSmtpPath,
  smtpReply,
  SmtpReplyParser,
  SmtpServerReader,
  type SmtpServerEvent,
} from './smtpMessages.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytes = (s: string) => new TextEncoder().encode(s);

/** Every event a reader gives for `input` fed in pieces of `size` bytes, DATA after a 354. */
function read(input: string, size: number): SmtpServerEvent[] {
  const reader = new SmtpServerReader();
  const events: SmtpServerEvent[] = [];
  const all = bytes(input);
  for (let i = 0; i < all.length; i += size) {
    reader.push(all.subarray(i, i + size));
    for (let e = reader.next(); e; e = reader.next()) {
      events.push(e);
      if (e.kind === 'command' && e.command.verb === 'DATA') reader.expectData();
    }
  }
  return events;
}

describe('SMTP commands and replies', () => {
  it('writes commands as a verb, a space and the argument, ended by CRLF', () => {
    expect(text(encodeSmtpCommand({ verb: 'ehlo', argument: 'mail.a.example' }))).toBe(
      'EHLO mail.a.example\r\n',
    );
    expect(text(encodeSmtpCommand({ verb: 'DATA', argument: '' }))).toBe('DATA\r\n');
    expect(() => encodeSmtpCommand({ verb: 'MAIL', argument: 'FROM:<a>\r\nRSET' })).toThrow();
  });

  it('writes a multi-line reply with hyphens on every line but the last (4.2.1)', () => {
    expect(
      text(encodeSmtpReply(smtpReply(250, 'mail.b.example', 'SIZE 10240000', '8BITMIME'))),
    ).toBe('250-mail.b.example\r\n250-SIZE 10240000\r\n250 8BITMIME\r\n');
    expect(() => encodeSmtpReply(smtpReply(199, 'no'))).toThrow();
  });

  it('reads replies in any pieces, joining multi-line ones', () => {
    const stream = bytes(
      '220 mail.b.example ESMTP Postfix\r\n250-mail.b.example\r\n250-SIZE 1\r\n250 8BITMIME\r\n',
    );
    const parser = new SmtpReplyParser();
    const replies = [...stream].flatMap((b) => parser.push(Uint8Array.of(b)));
    expect(replies).toEqual([
      { kind: 'reply', reply: { code: 220, lines: ['mail.b.example ESMTP Postfix'] } },
      { kind: 'reply', reply: { code: 250, lines: ['mail.b.example', 'SIZE 1', '8BITMIME'] } },
    ]);
    expect(new SmtpReplyParser().push(bytes('hello\r\n'))[0]?.kind).toBe('error');
  });

  it('reads the enhanced status code of a reply (RFC 3463)', () => {
    expect(enhancedStatus(smtpReply(554, '5.7.1 <x@c.example>: Relay access denied'))).toBe(
      '5.7.1',
    );
    expect(enhancedStatus(smtpReply(220, 'mail ESMTP'))).toBeUndefined();
  });

  it('reads the paths of MAIL FROM and RCPT TO, parameters and the null path included', () => {
    expect(parseSmtpPath('FROM', 'FROM:<alice@a.example>')).toBe('alice@a.example');
    expect(parseSmtpPath('FROM', 'from:<alice@a.example> BODY=8BITMIME SIZE=300')).toBe(
      'alice@a.example',
    );
    expect(parseSmtpPath('FROM', 'FROM:<>')).toBe('');
    expect(parseSmtpPath('TO', 'TO:<@relay.example:bob@b.example>')).toBe('bob@b.example');
    expect(parseSmtpPath('TO', 'TO:bob@b.example')).toBeUndefined();
    expect(parseSmtpPath('TO', 'FROM:<bob@b.example>')).toBeUndefined();
  });
});

describe('the server reader', () => {
  const session =
    'EHLO laptop\r\nMAIL FROM:<a@a.example>\r\nRCPT TO:<b@b.example>\r\nDATA\r\n' +
    'Subject: dots\r\n\r\n..leading dot\r\n.\r\nQUIT\r\n';

  it('gives commands, then the message with its dots undone, whatever the pieces', () => {
    for (const size of [1, 2, 7, 1000]) {
      const events = read(session, size);
      expect(events.map((e) => (e.kind === 'command' ? e.command.verb : e.kind))).toEqual([
        'EHLO',
        'MAIL',
        'RCPT',
        'DATA',
        'data',
        'QUIT',
      ]);
      const data = events[4];
      expect(data?.kind === 'data' && text(data.message)).toBe(
        'Subject: dots\r\n\r\n.leading dot\r\n',
      );
    }
  });

  it('answers a line that is no command, and one over 512 octets, with 500', () => {
    const events = read(`\x01\x02\r\n${'NOOP '.padEnd(600, 'x')}\r\nNOOP\r\n`, 64);
    expect(events.map((e) => (e.kind === 'error' ? e.code : e.kind))).toEqual([
      500,
      500,
      'command',
    ]);
  });

  it('writes DATA dot-stuffed with CRLF.CRLF, and reads it back unchanged', () => {
    const message = 'Subject: x\r\n\r\n.\r\n..two\r\nlast line without CRLF';
    const wire = text(encodeSmtpData(bytes(message)));
    expect(wire).toBe('Subject: x\r\n\r\n..\r\n...two\r\nlast line without CRLF\r\n.\r\n');
    const reader = new SmtpServerReader();
    reader.expectData();
    reader.push(bytes(wire));
    const event = reader.next();
    expect(event?.kind === 'data' && text(event.message)).toBe(`${message}\r\n`);
    expect(text(encodeSmtpData(new Uint8Array(0)))).toBe('.\r\n');
  });
});
