// Fidelity of simulations/email.json against tshark: links captured from the run's trace. On the
// DNS server's link, the MX question for b.example and its answer (type 15, preference 10,
// mail.b.example), then the A lookup of mail.b.example; on mail-a's link, Alice's submission and
// the relay leaving on port 25; on mail-b's link, the relayed transaction with its message read
// as IMF (two Received fields) and Bob's POP3 sessions. Nothing malformed, no expert warning.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureLink } from '../../src/net/capture/traceCapture.ts';
import { parseScenarioText, runScenario } from '../../src/sim/index.ts';
import { expectClean, fields } from '../support/tshark.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-tshark-email-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parsed = parseScenarioText(readFileSync('simulations/email.json', 'utf8'));
if (!parsed.ok) throw new Error('simulations/email.json does not validate');
const { simulation } = runScenario(parsed.scenario);
function capture(link: string): string {
  const file = join(dir, `${link}.pcap`);
  writeFileSync(file, captureLink(simulation.sim.trace, link));
  return file;
}

/** `> VERB param` and `< code` lines of SMTP, then of POP3, in frame order. */
function transcript(file: string, from: 'smtp' | 'pop'): string[] {
  const rows =
    from === 'smtp'
      ? fields(file, 'smtp.req.command smtp.req.parameter smtp.response.code')
      : fields(file, 'pop.request.command pop.request.parameter pop.response.indicator');
  const [command, parameter, reply] =
    from === 'smtp'
      ? ['smtp.req.command', 'smtp.req.parameter', 'smtp.response.code']
      : ['pop.request.command', 'pop.request.parameter', 'pop.response.indicator'];
  return rows.flatMap((r) =>
    r[command as string]
      ? [`> ${r[command as string]} ${r[parameter as string]}`.trim()]
      : r[reply as string]
        ? [`< ${r[reply as string]}`]
        : [],
  );
}

const SMTP = (helo: string) => [
  '< 220',
  `> EHLO ${helo}`,
  '< 250',
  '> MAIL FROM:<alice@a.example>',
  '< 250',
  '> RCPT TO:<bob@b.example>',
  '< 250',
  '> DATA',
  '< 354',
  '< 250',
  '> QUIT',
  '< 221',
];

describe('tshark on simulations/email.json', () => {
  const dns = capture('dns');
  const a = capture('a2');
  const b = capture('b1');

  it('finds no malformed packet and no expert warning or error on any of the three links', () => {
    for (const file of [dns, a, b]) expectClean(file);
  });

  it('sees the MX question for b.example answered by mail.b.example, then its A record', () => {
    const rows = fields(
      dns,
      'dns.flags.response dns.qry.name dns.qry.type dns.mx.preference dns.mx.mail_exchange dns.a',
      'dns',
    );
    expect(
      rows.map((r) => [
        r['dns.flags.response'],
        r['dns.qry.name'],
        r['dns.qry.type'],
        r['dns.mx.preference'],
        r['dns.mx.mail_exchange'],
        r['dns.a'],
      ]),
    ).toEqual([
      ['0', 'b.example', '15', '', '', ''],
      ['1', 'b.example', '15', '10', 'mail.b.example', ''],
      ['0', 'mail.b.example', '1', '', '', ''],
      ['1', 'mail.b.example', '1', '', '', '10.2.0.25'],
    ]);
  });

  it('sees Alice’s submission, then the relay leaving, on mail-a’s link (port 25 both)', () => {
    expect(transcript(a, 'smtp')).toEqual([...SMTP('[10.1.0.10]'), ...SMTP('mail.a.example')]);
  });

  it('sees the relayed message as IMF with a Received field from each hop, and Bob’s POP3', () => {
    expect(transcript(b, 'smtp')).toEqual(SMTP('mail.a.example'));
    const imf = fields(b, 'imf.from imf.to imf.subject imf.received').filter((r) => r['imf.from']);
    expect(imf).toHaveLength(1);
    expect([imf[0]?.['imf.from'], imf[0]?.['imf.to'], imf[0]?.['imf.subject']]).toEqual([
      'alice@a.example',
      'bob@b.example',
      'Lunch on Friday?',
    ]);
    // Arriving at mail-b it has mail-a's Received line; mail-b adds its own when it stores it.
    expect(imf[0]?.['imf.received']).toMatch(
      /^from \[10\.1\.0\.10\] \(unknown \[10\.1\.0\.10\]\)(?:\\r\\n\\t|\s)+by mail\.a\.example/,
    );
    const pop = transcript(b, 'pop');
    const session = ['< +OK', '> USER bob', '< +OK', '> PASS builder', '< +OK', '> STAT', '< +OK'];
    expect(pop).toEqual([
      ...session,
      '> QUIT',
      '< +OK',
      ...session,
      '> LIST',
      '< +OK',
      '> RETR 1',
      '< +OK',
      '> DELE 1',
      '< +OK',
      '> QUIT',
      '< +OK',
      ...session,
      '> QUIT',
      '< +OK',
    ]);
  });
});
