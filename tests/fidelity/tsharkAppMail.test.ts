// Fidelity of our SMTP (RFC 5321), POP3 (RFC 1939) and message (RFC 5322) encodings against
// tshark: a scripted SMTP transaction on port 25 (multi-line EHLO reply, the message dot-stuffed
// and ended by CRLF.CRLF) and a POP3 session on port 110 (a multi-line LIST and RETR) must dissect
// cleanly, with the commands, reply codes and message fields we wrote. tshark reassembles the
// DATA and reads the message as IMF (Internet Message Format).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodePop3Command, encodePop3Response } from '../../src/net/app/pop3/pop3Messages.ts';
import { encodeMailMessage, mailDate } from '../../src/net/app/smtp/mailMessage.ts';
import {
  encodeSmtpCommand,
  encodeSmtpData,
  encodeSmtpReply,
  smtpReply,
} from '../../src/net/app/smtp/smtpMessages.ts';
import { FlowScript } from '../../src/net/app/scriptedFlow.ts';
import { writePcap } from '../../src/net/capture/pcapWriter.ts';
import { encodePacket } from '../../src/net/wire/packetCodec.ts';
import { expectClean, fields } from '../support/tshark.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-tshark-mail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLIENT = 0x0a000002; // 10.0.0.2
const SERVER = 0x0a000019; // 10.0.0.25
const encoder = new TextEncoder();

const MESSAGE = encodeMailMessage({
  headers: [
    [
      'Received',
      `from [10.0.0.2] (unknown [10.0.0.2])\r\n\tby mail.b.example (Handshake) with ESMTP id 4F2A31C2B8\r\n\tfor <bob@b.example>; ${mailDate(1_700_000_000_000)}`,
    ],
    ['From', 'alice@a.example'],
    ['To', 'bob@b.example'],
    ['Subject', 'Lunch on Friday?'],
    ['Date', mailDate(1_700_000_000_000)],
    ['Message-ID', '<98fc5728.1@a.example>'],
  ],
  body: 'Hi Bob,\n\n.a line that starts with a dot\n\nAlice\n',
});

const script = new FlowScript(0, 1_000_000);
const smtp = script.tcp({ address: CLIENT, port: 49152 }, { address: SERVER, port: 25 }).open();
const command = (verb: string, argument = '') =>
  smtp.send('client', encodeSmtpCommand({ verb, argument }));
const reply = (code: number, ...lines: string[]) =>
  smtp.send('server', encodeSmtpReply(smtpReply(code, ...lines)));
reply(220, 'mail.b.example ESMTP Handshake');
command('EHLO', '[10.0.0.2]');
reply(250, 'mail.b.example', 'SIZE 10240000', 'ENHANCEDSTATUSCODES', '8BITMIME');
command('MAIL', 'FROM:<alice@a.example>');
reply(250, '2.1.0 Ok');
command('RCPT', 'TO:<nobody@b.example>');
reply(
  550,
  '5.1.1 <nobody@b.example>: Recipient address rejected: User unknown in local recipient table',
);
command('RCPT', 'TO:<bob@b.example>');
reply(250, '2.1.5 Ok');
command('DATA');
reply(354, 'End data with <CR><LF>.<CR><LF>');
smtp.send('client', encodeSmtpData(MESSAGE));
reply(250, '2.0.0 Ok: queued as 4F2A31C2B8');
command('QUIT');
reply(221, '2.0.0 Bye');
smtp.close('server');

const pop = script
  .tcp({ address: CLIENT, port: 49153 }, { address: SERVER, port: 110 }, 5000, 9000)
  .open();
const pcmd = (verb: string, argument = '') =>
  pop.send('client', encodePop3Command({ verb, argument }));
const pres = (ok: boolean, text: string, body?: Uint8Array) =>
  pop.send('server', encodePop3Response({ ok, text, body }));
pres(true, 'POP3 server ready.');
pcmd('USER', 'bob');
pres(true, '');
pcmd('PASS', 'builder');
pres(true, 'Logged in.');
pcmd('STAT');
pres(true, `1 ${MESSAGE.length}`);
pcmd('LIST');
pres(true, '1 messages:', encoder.encode(`1 ${MESSAGE.length}\r\n`));
pcmd('RETR', '2');
pres(false, "There's no message 2.");
pcmd('RETR', '1');
pres(true, `${MESSAGE.length} octets`, MESSAGE);
pcmd('DELE', '1');
pres(true, 'Marked to be deleted.');
pcmd('QUIT');
pres(true, 'Logging out, messages deleted.');
pop.close('server');

const file = join(dir, 'mail.pcap');
writeFileSync(
  file,
  writePcap(
    script.frames.map(({ timeNs, packet }) => ({ timeNs, bytes: encodePacket(packet) })),
    { epochSeconds: 1_700_000_000 },
  ),
);

describe('tshark on an SMTP transaction and a POP3 session', () => {
  const rows = fields(
    file,
    'frame.protocols smtp.rsp.parameter smtp.req.command smtp.req.parameter smtp.response.code pop.request.command pop.request.parameter pop.response.indicator imf.from imf.subject imf.message_id imf.received',
  );

  it('finds no malformed packet and no expert warning or error', () => {
    expectClean(file);
  });

  it('reads each SMTP command with its parameter, and each reply code (RFC 5321)', () => {
    const lines = rows.flatMap((r) =>
      r['smtp.req.command']
        ? [`> ${r['smtp.req.command']} ${r['smtp.req.parameter']}`.trim()]
        : r['smtp.response.code']
          ? [`< ${r['smtp.response.code']}`]
          : [],
    );
    expect(lines).toEqual([
      '< 220',
      '> EHLO [10.0.0.2]',
      '< 250', // a multi-line reply, one response
      '> MAIL FROM:<alice@a.example>',
      '< 250',
      '> RCPT TO:<nobody@b.example>',
      '< 550',
      '> RCPT TO:<bob@b.example>',
      '< 250',
      '> DATA',
      '< 354',
      '< 250',
      '> QUIT',
      '< 221',
    ]);
    const ehlo = rows.find((r) => r['smtp.rsp.parameter']?.includes('8BITMIME'));
    expect(ehlo?.['smtp.rsp.parameter']).toBe(
      'mail.b.example,SIZE 10240000,ENHANCEDSTATUSCODES,8BITMIME',
    );
  });

  it('reassembles the DATA to CRLF.CRLF and reads the message as IMF (RFC 5322)', () => {
    const imf = rows.filter((r) => r['frame.protocols']?.endsWith(':imf'));
    expect(imf).toHaveLength(1); // the DATA's text; POP3's RETR is read as POP3 data
    for (const r of imf) {
      expect([r['imf.from'], r['imf.subject'], r['imf.message_id']]).toEqual([
        'alice@a.example',
        'Lunch on Friday?',
        '<98fc5728.1@a.example>',
      ]);
      expect(r['imf.received']).toContain('by mail.b.example (Handshake) with ESMTP id 4F2A31C2B8');
    }
  });

  it('reads each POP3 command and +OK or -ERR (RFC 1939)', () => {
    const lines = rows.flatMap((r) =>
      r['pop.request.command']
        ? [`> ${r['pop.request.command']} ${r['pop.request.parameter']}`.trim()]
        : r['pop.response.indicator']
          ? [`< ${r['pop.response.indicator']}`]
          : [],
    );
    expect(lines).toEqual([
      '< +OK',
      '> USER bob',
      '< +OK',
      '> PASS builder',
      '< +OK',
      '> STAT',
      '< +OK',
      '> LIST',
      '< +OK',
      '> RETR 2',
      '< -ERR',
      '> RETR 1',
      '< +OK',
      '> DELE 1',
      '< +OK',
      '> QUIT',
      '< +OK',
    ]);
  });
});
