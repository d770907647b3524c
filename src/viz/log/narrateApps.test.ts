// The event log's sentences for TLS, DNS and FTP on real runs: an HTTPS visit (RFC 8446
// section 2: ClientHello, then the server's flight with its certificate), a certificate that has
// expired (RFC 5280 section 6.1.3: the validity period is checked), the DNS lookup scenario
// (CNAME to A 10.0.0.80 with a 60 s TTL, then a cache hit, then NXDOMAIN = RCODE 3, RFC 1035
// section 4.1.1) and the FTP session (RFC 959 commands and reply codes).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ofType, runNarrated } from '../../../tests/support/narrateTestRuns.ts';

function https(notAfter?: string) {
  return runNarrated({
    format: 'handshake/scenario@1',
    name: 'https',
    seed: 1,
    until: '5s',
    nodes: [
      {
        id: 'laptop',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
        apps: [{ type: 'httpClient', server: 'web', https: true, page: '/index.html' }],
      },
      {
        id: 'web',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
        apps: [
          {
            type: 'httpServer',
            site: [{ path: '/index.html', text: 'hello' }],
            tls: { certificate: { subject: 'web', ...(notAfter ? { notAfter } : {}) } },
          },
        ],
      },
    ],
    links: [{ id: 'l1', a: 'laptop', b: 'web', latency: '20ms' }],
  });
}

const file = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../simulations/${name}`, import.meta.url), 'utf8'));

describe('TLS sentences', () => {
  it('narrates a handshake, the certificate check and the key logs', () => {
    const run = https();
    const [start] = ofType(run.records, 'tls.handshake');
    expect(run.text(start!)).toMatch(/^laptop starts a TLS handshake with web \(ClientHello/);
    const [cert] = ofType(run.records, 'tls.certificate');
    expect(run.text(cert!)).toBe(
      'laptop checks web’s certificate (for “web”, issued by Handshake Root CA): valid — the handshake goes on.',
    );
    const done = ofType(run.records, 'tls.handshake').filter((r) => r.phase === 'done');
    expect(done.map((r) => run.text(r))).toContain(
      'laptop finishes the TLS handshake with web: from now on the data are encrypted.',
    );
    const [keys] = ofType(run.records, 'tls.keys');
    expect(run.text(keys!)).toMatch(/decrypt it as laptop sees it/);
  });

  it('says the browser refuses an expired certificate', () => {
    const run = https('10ms');
    const [cert] = ofType(run.records, 'tls.certificate');
    expect(run.entry(cert!).kind).toBe('error');
    expect(run.text(cert!)).toMatch(
      /^laptop checks web’s certificate .*: expired — the browser refuses the connection\.$/,
    );
  });
});

describe('DNS sentences', () => {
  it('narrates a query, an answer with its TTL, a cache hit and NXDOMAIN', () => {
    const run = runNarrated(file('dns-lookup.json'));
    const [query] = ofType(run.records, 'dns.query');
    expect(run.text(query!)).toMatch(
      /^Laptop asks DNS server \(10\.0\.0\.53\) for the address of www\.example\.com \(query ID \d+\)\.$/,
    );
    const answers = ofType(run.records, 'dns.answer');
    const texts = answers.map((r) => run.text(r));
    expect(texts).toContain(
      'Laptop learns www.example.com = 10.0.0.80, which it may cache for 60 s.',
    );
    expect(
      texts.some((t) => /^Laptop finds www\.example\.com = 10\.0\.0\.80 in its cache/.test(t)),
    ).toBe(true);
    expect(texts).toContain(
      'Laptop cannot find the address of missing.example.com: the name does not exist (NXDOMAIN).',
    );
    const serves = ofType(run.records, 'dns.serve').map((r) => run.text(r));
    expect(
      serves.some((t) => /query for missing\.example\.com from Laptop .*: NXDOMAIN\.$/.test(t)),
    ).toBe(true);
  });
});

describe('FTP sentences', () => {
  it('narrates commands, replies and transfers', () => {
    const run = runNarrated(file('ftp-session.json'));
    const commands = ofType(run.records, 'ftp.command').map((r) => run.text(r));
    expect(commands.some((t) => / sends the FTP command USER /.test(t))).toBe(true);
    expect(
      commands.some((t) => / sends the FTP command PASS .* \(in plain text\)\.$/.test(t)),
    ).toBe(true);
    const replies = ofType(run.records, 'ftp.reply').map((r) => run.text(r));
    // RFC 959 section 4.2: 230 User logged in; 227 Entering Passive Mode.
    expect(replies.some((t) => / gets FTP reply 230: /.test(t))).toBe(true);
    expect(replies.some((t) => / gets FTP reply 227: Entering Passive Mode/.test(t))).toBe(true);
    const transfers = ofType(run.records, 'ftp.transfer');
    expect(transfers.length).toBeGreaterThan(0);
    const t = transfers[0]!;
    expect(run.text(t)).toMatch(new RegExp(`: ${t.bytes} bytes\\.$`));
  });
});
