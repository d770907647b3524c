// Fidelity of our DNS encoding (RFC 1035) against tshark: UDP queries and answers on port 53, with
// compressed names, a CNAME chain and an NXDOMAIN, must dissect cleanly with the fields we wrote.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DNS_TYPE, RCODE } from '../../src/net/app/dns/dnsMessage.ts';
import { encodeDns, makeDnsQuery, makeDnsResponse } from '../../src/net/app/dns/dnsEncode.ts';
import { FlowScript } from '../../src/net/app/scriptedFlow.ts';
import { writePcap } from '../../src/net/capture/pcapWriter.ts';
import { encodePacket } from '../../src/net/wire/packetCodec.ts';
import { expectClean, fields } from '../support/tshark.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-tshark-dns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLIENT = { address: 0x0a000002, port: 53_000 }; // 10.0.0.2
const RESOLVER = { address: 0x0a000035, port: 53 }; // 10.0.0.53

const script = new FlowScript(0, 2_000_000);
const www = makeDnsQuery(0x1a2b, 'www.example.com');
script.udp(CLIENT, RESOLVER, encodeDns(www));
script.udp(
  RESOLVER,
  CLIENT,
  encodeDns(
    makeDnsResponse(www, [
      {
        name: 'www.example.com',
        type: DNS_TYPE.CNAME,
        class: 1,
        ttl: 300,
        target: 'web.example.com',
      },
      { name: 'web.example.com', type: DNS_TYPE.A, class: 1, ttl: 60, address: 0x0a000001 },
    ]),
  ),
);
const missing = makeDnsQuery(0x1a2c, 'nowhere.example.com');
script.udp(CLIENT, RESOLVER, encodeDns(missing));
script.udp(RESOLVER, CLIENT, encodeDns(makeDnsResponse(missing, [], RCODE.NXDOMAIN)));
const file = join(dir, 'dns.pcap');
const records = script.frames.map(({ timeNs, packet }) => ({
  timeNs,
  bytes: encodePacket(packet),
}));
writeFileSync(file, writePcap(records, { epochSeconds: 1_700_000_000 }));

describe('tshark on DNS queries and answers over UDP', () => {
  const rows = fields(
    file,
    'dns.id dns.flags.response dns.flags.rcode dns.flags.recdesired dns.flags.authoritative dns.qry.name dns.cname dns.a dns.count.answers dns.response_to',
  );

  it('finds no malformed packet and no expert warning or error', () => {
    expectClean(file);
  });

  it('reads the ids, flags and query names we wrote (RFC 1035 section 4.1)', () => {
    expect(rows.map((r) => [r['dns.id'], r['dns.flags.response'], r['dns.qry.name']])).toEqual([
      ['0x1a2b', '0', 'www.example.com'],
      ['0x1a2b', '1', 'www.example.com'],
      ['0x1a2c', '0', 'nowhere.example.com'],
      ['0x1a2c', '1', 'nowhere.example.com'],
    ]);
    expect(rows.map((r) => r['dns.flags.recdesired'])).toEqual(['1', '1', '1', '1']);
  });

  it('follows the compressed CNAME to the A record, and pairs each answer with its query', () => {
    const answer = rows[1] ?? {};
    expect([answer['dns.cname'], answer['dns.a'], answer['dns.count.answers']]).toEqual([
      'web.example.com',
      '10.0.0.1',
      '2',
    ]);
    expect([answer['dns.flags.authoritative'], answer['dns.response_to']]).toEqual(['1', '1']);
    expect(rows[3]?.['dns.response_to']).toBe('3');
  });

  it('reads NXDOMAIN as rcode 3 and NOERROR as 0', () => {
    expect([rows[1]?.['dns.flags.rcode'], rows[3]?.['dns.flags.rcode']]).toEqual(['0', '3']);
  });
});

describe('tshark on an MX query and its answer (RFC 1035 section 3.3.9)', () => {
  const mxScript = new FlowScript(0, 2_000_000);
  const mx = makeDnsQuery(0x2b3c, 'b.example', DNS_TYPE.MX);
  mxScript.udp(CLIENT, RESOLVER, encodeDns(mx));
  mxScript.udp(
    RESOLVER,
    CLIENT,
    encodeDns(
      makeDnsResponse(mx, [
        // The exchange's name compressed against the question's (section 4.1.4).
        {
          name: 'b.example',
          type: DNS_TYPE.MX,
          class: 1,
          ttl: 300,
          preference: 20,
          exchange: 'backup.b.example',
        },
        {
          name: 'b.example',
          type: DNS_TYPE.MX,
          class: 1,
          ttl: 300,
          preference: 10,
          exchange: 'mx.b.example',
        },
      ]),
    ),
  );
  const mxFile = join(dir, 'mx.pcap');
  writeFileSync(
    mxFile,
    writePcap(
      mxScript.frames.map(({ timeNs, packet }) => ({ timeNs, bytes: encodePacket(packet) })),
      { epochSeconds: 1_700_000_000 },
    ),
  );
  const mxRows = fields(
    mxFile,
    'dns.qry.type dns.qry.name dns.mx.preference dns.mx.mail_exchange dns.count.answers',
  );

  it('finds no malformed packet and no expert warning or error', () => {
    expectClean(mxFile);
  });

  it('reads the MX question (type 15) and each exchanger with its preference', () => {
    expect(mxRows.map((r) => [r['dns.qry.type'], r['dns.qry.name']])).toEqual([
      ['15', 'b.example'],
      ['15', 'b.example'],
    ]);
    expect(mxRows[1]?.['dns.mx.preference']).toBe('20,10');
    expect(mxRows[1]?.['dns.mx.mail_exchange']).toBe('backup.b.example,mx.b.example');
    expect(mxRows[1]?.['dns.count.answers']).toBe('2');
  });
});
