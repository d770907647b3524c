// Fidelity of whole DNS and FTP scenarios against tshark: simulations/dns-lookup.json and
// simulations/ftp-session.json run through src/sim, a link captured from the trace, and tshark must
// dissect DNS (names, addresses, RCODE 3 for NXDOMAIN), FTP (commands, reply codes) and FTP-DATA
// on the passive ports, with nothing malformed and no expert warning or error.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureLink } from '../../src/net/capture/traceCapture.ts';
import { parseScenarioText, runScenario } from '../../src/sim/index.ts';
import { expectClean, fields } from '../support/tshark.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-tshark-dnsftp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(scenarioFile: string, link: string): string {
  const parsed = parseScenarioText(readFileSync(scenarioFile, 'utf8'));
  if (!parsed.ok) throw new Error(`${scenarioFile} does not validate`);
  const { simulation } = runScenario(parsed.scenario);
  const file = join(dir, `${link}.pcap`);
  writeFileSync(file, captureLink(simulation.sim.trace, link));
  return file;
}

describe("tshark on simulations/dns-lookup.json (the DNS server's link)", () => {
  const file = capture('simulations/dns-lookup.json', 'dns');
  const dns = fields(
    file,
    'dns.flags.response dns.id dns.qry.name dns.cname dns.a dns.flags.rcode dns.resp.ttl udp.srcport udp.dstport',
  ).filter((row) => row['dns.qry.name'] !== '');

  it('finds no malformed packet and no expert warning or error', () => {
    expectClean(file);
  });

  it('sees two queries and their responses: a CNAME chain to 10.0.0.80, then NXDOMAIN', () => {
    // The second visit's lookup came from the resolver's cache: no third query on the wire.
    expect(
      dns.map((r) => [
        r['dns.flags.response'],
        r['dns.qry.name'],
        r['dns.cname'],
        r['dns.a'],
        r['dns.flags.rcode'],
      ]),
    ).toEqual([
      ['0', 'www.example.com', '', '', ''],
      ['1', 'www.example.com', 'web.example.com', '10.0.0.80', '0'],
      ['0', 'missing.example.com', '', '', ''],
      ['1', 'missing.example.com', '', '', '3'], // RFC 1035 4.1.1: RCODE 3, Name Error
    ]);
    expect(dns[1]?.['dns.resp.ttl']).toBe('60,60');
  });

  it('matches each response to its query by id and ports, the server on port 53', () => {
    for (const [query, response] of [
      [dns[0], dns[1]],
      [dns[2], dns[3]],
    ]) {
      expect(response?.['dns.id']).toBe(query?.['dns.id']);
      expect(query?.['udp.dstport']).toBe('53');
      expect(response?.['udp.dstport']).toBe(query?.['udp.srcport']);
    }
    expect(dns[0]?.['dns.id']).not.toBe(dns[2]?.['dns.id']); // random ids (RFC 5452)
  });
});

describe('tshark on simulations/ftp-session.json (the only link)', () => {
  const file = capture('simulations/ftp-session.json', 'lan');
  const rows = fields(
    file,
    'frame.protocols tcp.srcport tcp.dstport tcp.len ftp.request.command ftp.request.arg ftp.response.code ftp.passive.port',
  );

  it('finds no malformed packet and no expert warning or error', () => {
    expectClean(file);
  });

  it('dissects the control connection: commands and RFC 959 reply codes in order', () => {
    const control = rows.flatMap((r) =>
      r['ftp.request.command']
        ? [`> ${r['ftp.request.command']}${r['ftp.request.arg'] ? ` ${r['ftp.request.arg']}` : ''}`]
        : r['ftp.response.code']
          ? [`< ${r['ftp.response.code']}`]
          : [],
    );
    expect(control).toEqual([
      '< 220',
      '> USER ada',
      '< 331',
      '> PASS lovelace',
      '< 230',
      '> PWD',
      '< 257',
      '> TYPE I',
      '< 200',
      '> PASV',
      '< 227',
      '> LIST',
      '< 150',
      '< 226',
      '> PASV',
      '< 227',
      '> RETR notes.txt',
      '< 150',
      '< 226',
      '> PASV',
      '< 227',
      '> RETR missing.txt',
      '< 550',
      '> PASV',
      '< 227',
      '> STOR up.bin',
      '< 150',
      '< 226',
      '> QUIT',
      '< 221',
    ]);
  });

  it('sees FTP-DATA on each passive port the 227 replies announced, with every byte', () => {
    const passive = rows.flatMap((r) => (r['ftp.passive.port'] ? [r['ftp.passive.port']] : []));
    expect(passive).toHaveLength(4);
    const data = rows.filter((r) => r['frame.protocols']?.includes(':ftp-data'));
    const ports = new Set(
      data.map((r) =>
        passive.includes(r['tcp.srcport'] ?? '') ? r['tcp.srcport'] : r['tcp.dstport'],
      ),
    );
    // LIST, RETR notes.txt and STOR carried data; the 550'd RETR's connection carried none.
    expect([...ports].sort()).toEqual([passive[0], passive[1], passive[3]].sort());
    const bytesTo = (port: string | undefined) =>
      data
        .filter((r) => r['tcp.srcport'] === port || r['tcp.dstport'] === port)
        .reduce((sum, r) => sum + Number(r['tcp.len']), 0);
    expect(bytesTo(passive[1])).toBe('Notes on the Analytical Engine.\r\n'.length);
    expect(bytesTo(passive[3])).toBe(20000);
  });
});
