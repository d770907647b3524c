// Fidelity of our TLS 1.3-shaped records (RFC 8446) against tshark: a scripted connection on port
// 443 whose ClientHello and ServerHello dissect field by field and whose protected records show as
// encrypted application data, with nothing malformed. The cryptography is simulated.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FlowScript } from '../../src/net/app/scriptedFlow.ts';
import type { Certificate } from '../../src/net/app/tls/certificate.ts';
import { TlsClient, TlsServer } from '../../src/net/app/tls/tlsSession.ts';
import { writePcap } from '../../src/net/capture/pcapWriter.ts';
import { encodePacket } from '../../src/net/wire/packetCodec.ts';
import { expectClean, fields } from '../support/tshark.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-tshark-tls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const S = 1_000_000_000;
const ROOT: Certificate = {
  subject: 'Handshake Root CA',
  subjectAltNames: [],
  issuer: 'Handshake Root CA',
  serial: 1,
  notBefore: 0,
  notAfter: 1000 * S,
  publicKeyId: 'root-key',
  signedBy: 'root-key',
};
const LEAF: Certificate = {
  ...ROOT,
  subject: 'www.example.com',
  subjectAltNames: ['www.example.com'],
  serial: 2,
  publicKeyId: 'server-key',
};

function bytesFrom(seed: number) {
  let n = seed;
  return (length: number) =>
    Uint8Array.from({ length }, () => (n = (n * 1103515245 + 12345) >>> 0) >>> 24);
}

const text = (s: string) => new TextEncoder().encode(s);
const client = new TlsClient({
  serverName: 'www.example.com',
  trustStore: [ROOT],
  random: bytesFrom(1),
  nowNs: () => S,
});
const server = new TlsServer({ chain: [LEAF, ROOT], random: bytesFrom(2) });
const script = new FlowScript(0, 1_000_000);
const tcp = script
  .tcp({ address: 0x0a000002, port: 49152 }, { address: 0x0a000001, port: 443 })
  .open();
const hello = client.start().send;
tcp.send('client', hello);
const flight = server.push(hello).send;
tcp.send('server', flight);
const finished = client.push(flight).send;
tcp.send('client', finished);
server.push(finished);
tcp.send('client', client.write(text('GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n')).send);
tcp.send('server', server.write(text('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi')).send);
tcp.send('client', client.close().send);
tcp.send('server', server.close().send);
tcp.close();

const file = join(dir, 'tls.pcap');
const records = script.frames.map(({ timeNs, packet }) => ({
  timeNs,
  bytes: encodePacket(packet),
}));
writeFileSync(file, writePcap(records, { epochSeconds: 1_700_000_000 }));

describe('tshark on a simulated TLS 1.3 connection', () => {
  const rows = fields(
    file,
    'ip.src tls.record.content_type tls.record.opaque_type tls.record.version tls.handshake.type tls.handshake.extensions_server_name tls.handshake.extensions.supported_version tls.handshake.ciphersuite tls.handshake.extensions_key_share_group tls.handshake.extensions_key_share_key_exchange_length tls.app_data',
  ).filter((r) => r['tls.record.version'] !== '');

  it('finds no malformed packet and no expert warning or error', () => {
    expectClean(file);
  });

  it('dissects the ClientHello: record version 0x0301, SNI, TLS 1.3 offered, x25519 share', () => {
    const ch = rows.find((r) => r['tls.handshake.type'] === '1');
    expect(ch?.['tls.record.version']).toBe('0x0301');
    expect(ch?.['tls.handshake.extensions_server_name']).toBe('www.example.com');
    expect(ch?.['tls.handshake.extensions.supported_version']).toBe('0x0304');
    expect(ch?.['tls.handshake.ciphersuite']).toBe('0x1301,0x1303');
    expect(ch?.['tls.handshake.extensions_key_share_group']).toBe('29'); // x25519, 0x001d
    expect(ch?.['tls.handshake.extensions_key_share_key_exchange_length']).toBe('32');
  });

  it('dissects the ServerHello selecting TLS 1.3 and TLS_AES_128_GCM_SHA256', () => {
    const sh = rows.find((r) => r['tls.handshake.type'] === '2');
    expect(sh?.['tls.record.version']?.split(',')[0]).toBe('0x0303');
    expect(sh?.['tls.handshake.extensions.supported_version']).toBe('0x0304');
    expect(sh?.['tls.handshake.ciphersuite']).toBe('0x1301');
  });

  it('sees the server flight as ServerHello, ChangeCipherSpec and 4 encrypted records', () => {
    // tshark names a protected record's outer type tls.record.opaque_type (RFC 8446 section 5.2).
    const types = rows.map(
      (r) =>
        `${r['ip.src']}:${[r['tls.record.content_type'], r['tls.record.opaque_type']].filter(Boolean).join(',')}`,
    );
    expect(types).toEqual([
      '10.0.0.2:22', // ClientHello
      '10.0.0.1:22,20,23,23,23,23', // ServerHello, CCS, {EE}, {Certificate}, {CV}, {Finished}
      '10.0.0.2:20,23', // CCS, {Finished}
      '10.0.0.2:23', // request
      '10.0.0.1:23', // response
      '10.0.0.2:23', // close_notify
      '10.0.0.1:23', // close_notify
    ]);
    // Only the first ClientHello's record says 0x0301; every other, protected ones too, 0x0303.
    const versions = new Set(rows.flatMap((r) => (r['tls.record.version'] ?? '').split(',')));
    expect([...versions].sort()).toEqual(['0x0301', '0x0303']);
    const encrypted = rows.filter((r) => r['tls.record.opaque_type'] !== '');
    expect(encrypted.every((r) => r['tls.app_data'] !== '')).toBe(true);
  });
});
