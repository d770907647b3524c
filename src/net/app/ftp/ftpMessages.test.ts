// FTP control messages against RFC 959: command and reply lines, multi-line replies (section 4.2),
// the 227 passive reply (section 4.1.2), the 257 quoting (Appendix II) and an `ls -l` listing.
import { describe, expect, it } from 'vitest';
import {
  encodeFtpCommand,
  encodeFtpReply,
  encodeList,
  formatListLine,
  FtpCommandParser,
  ftpReply,
  FtpReplyParser,
  parsePasvReply,
  parsePwdReply,
  pasvReply,
  pwdReply,
} from './ftpMessages.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytes = (s: string) => new TextEncoder().encode(s);

describe('commands', () => {
  it('encodes the verb, SP, the argument and CRLF (RFC 959 section 5.3)', () => {
    expect(text(encodeFtpCommand({ verb: 'USER', argument: 'anonymous' }))).toBe(
      'USER anonymous\r\n',
    );
    expect(text(encodeFtpCommand({ verb: 'pasv', argument: '' }))).toBe('PASV\r\n');
    expect(() => encodeFtpCommand({ verb: 'RETR', argument: 'a\r\nDELE b' })).toThrow(RangeError);
  });

  it('parses commands split anywhere, upper-casing the verb (section 5.3: case-insensitive)', () => {
    const stream = bytes('user ada\r\nPASS secret\r\nPWD\r\nRETR my file.txt\r\nQUIT\r\n');
    for (let cut = 0; cut <= stream.length; cut++) {
      const parser = new FtpCommandParser();
      const events = [
        ...parser.push(stream.subarray(0, cut)),
        ...parser.push(stream.subarray(cut)),
      ];
      expect(
        events.map((e) =>
          e.kind === 'command' ? `${e.command.verb}|${e.command.argument}` : e.kind,
        ),
      ).toEqual(['USER|ada', 'PASS|secret', 'PWD|', 'RETR|my file.txt', 'QUIT|']);
    }
  });

  it('reports a line that is not a command, and an over-long line, as 500', () => {
    const parser = new FtpCommandParser();
    expect(parser.push(bytes('12345\r\n'))).toMatchObject([{ kind: 'error', code: 500 }]);
    expect(parser.push(bytes('x'.repeat(5000)))).toMatchObject([{ kind: 'error', code: 500 }]);
  });
});

describe('replies', () => {
  it('encodes a single-line reply with the RFC 959 text', () => {
    expect(text(encodeFtpReply(ftpReply(331)))).toBe('331 User name okay, need password.\r\n');
    expect(text(encodeFtpReply(ftpReply(220, 'Handshake FTP ready')))).toBe(
      '220 Handshake FTP ready\r\n',
    );
  });

  it('encodes and parses a multi-line reply (section 4.2: "123-First line" ... "123 last")', () => {
    const reply = {
      code: 150,
      lines: ['First line', 'Second line', '234 A line beginning with numbers', 'The last line'],
    };
    const wire = text(encodeFtpReply(reply));
    expect(wire).toBe(
      '150-First line\r\nSecond line\r\n 234 A line beginning with numbers\r\n150 The last line\r\n',
    );
    const parser = new FtpReplyParser();
    const events = [...wire].flatMap((c) => parser.push(bytes(c)));
    expect(events).toEqual([{ kind: 'reply', reply }]);
  });

  it('keeps a middle line with the same code and a hyphen inside the reply', () => {
    const parser = new FtpReplyParser();
    const events = parser.push(bytes('211-Status\r\n211-more\r\n211 End\r\n200 Command okay.\r\n'));
    expect(events).toEqual([
      { kind: 'reply', reply: { code: 211, lines: ['Status', '211-more', 'End'] } },
      { kind: 'reply', reply: { code: 200, lines: ['Command okay.'] } },
    ]);
  });

  it('reports a line that is not a reply', () => {
    expect(new FtpReplyParser().push(bytes('hello\r\n'))[0]?.kind).toBe('error');
  });
});

describe('PASV, PWD and LIST', () => {
  it('formats and parses the 227 reply (section 4.1.2: h1,h2,h3,h4,p1,p2, port = p1*256+p2)', () => {
    const reply = pasvReply(0x0a000001, 50_000);
    expect(reply).toEqual({ code: 227, lines: ['Entering Passive Mode (10,0,0,1,195,80).'] });
    expect(parsePasvReply(reply.lines[0] ?? '')).toEqual({ address: 0x0a000001, port: 50_000 });
    expect(parsePasvReply('Entering Passive Mode 192,168,1,2,4,1')).toEqual({
      address: 0xc0a80102,
      port: 1025,
    });
    expect(parsePasvReply('Entering Passive Mode (300,0,0,1,0,1)')).toBeUndefined();
  });

  it('quotes the 257 path with inner quotes doubled (Appendix II)', () => {
    const reply = pwdReply('/usr/dm/"x"');
    expect(reply.lines[0]).toBe('"/usr/dm/""x""" is the current directory');
    expect(parsePwdReply(reply.lines[0] ?? '')).toBe('/usr/dm/"x"');
  });

  it('lists files in the ls -l style', () => {
    const line = formatListLine({
      name: 'notes.txt',
      size: 1234,
      modifiedMs: Date.UTC(2024, 0, 5, 9, 7),
    });
    expect(line).toBe('-rw-r--r--    1 ftp      ftp          1234 Jan 05 09:07 notes.txt');
    expect(formatListLine({ name: 'pub', size: 4096, directory: true })).toMatch(
      /^drwxr-xr-x {4}2 ftp /,
    );
    expect(
      text(
        encodeList([
          { name: 'a', size: 1 },
          { name: 'b', size: 2 },
        ]),
      ).split('\r\n'),
    ).toHaveLength(3);
  });
});
