// Reading a TLS stream with the endpoint's key log: the record boundaries of RFC 8446 section 5,
// the handshake-then-application key change of section 7, and nothing readable without the keys.
import { describe, expect, it } from 'vitest';
import type { Certificate } from './certificate.ts';
import { CONTENT_TYPE } from './tlsRecord.ts';
import { TlsClient, TlsServer } from './tlsSession.ts';
import { decryptTlsStream } from './tlsStreamDecrypt.ts';

const ROOT: Certificate = {
  subject: 'Root',
  subjectAltNames: [],
  issuer: 'Root',
  serial: 1,
  notBefore: 0,
  notAfter: 1e12,
  publicKeyId: 'root',
  signedBy: 'root',
};
const LEAF: Certificate = {
  ...ROOT,
  subject: 'web',
  subjectAltNames: ['web'],
  serial: 2,
  publicKeyId: 'leaf',
};

function bytes(seed: number) {
  let n = seed;
  return (length: number) => Uint8Array.from({ length }, () => (n = (n * 69069 + 1) >>> 0) >>> 24);
}

function session() {
  const client = new TlsClient({
    serverName: 'web',
    trustStore: [ROOT],
    random: bytes(1),
    nowNs: () => 5,
  });
  const server = new TlsServer({ chain: [LEAF, ROOT], random: bytes(2) });
  const fromServer: Uint8Array[] = [];
  const fromClient: Uint8Array[] = [client.start().send];
  fromServer.push(server.push(fromClient[0]!).send);
  fromClient.push(client.push(fromServer[0]!).send);
  server.push(fromClient[1]!);
  fromClient.push(client.write(new TextEncoder().encode('GET / HTTP/1.1\r\n\r\n')).send);
  fromServer.push(server.write(new TextEncoder().encode('HTTP/1.1 200 OK\r\n\r\n')).send);
  const join = (parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) out.set(p, (at += p.length) - p.length);
    return out;
  };
  return { client, server, fromClient: join(fromClient), fromServer: join(fromServer) };
}

describe('decryptTlsStream', () => {
  it('reads the server flight: ServerHello, CCS, 4 protected handshake records, then data', () => {
    const { client, fromServer } = session();
    const keys = client.keyLog!;
    const records = decryptTlsStream(fromServer, {
      handshake: keys.serverHandshake,
      application: keys.serverApplication,
    });
    expect(records.map((r) => [r.outerType, r.innerType, r.key])).toEqual([
      [CONTENT_TYPE.handshake, CONTENT_TYPE.handshake, 'none'],
      [CONTENT_TYPE.changeCipherSpec, CONTENT_TYPE.changeCipherSpec, 'none'],
      ...Array.from({ length: 4 }, () => [23, CONTENT_TYPE.handshake, 'handshake']),
      [23, 23, 'application'],
    ]);
    expect(new TextDecoder().decode(records.at(-1)!.plaintext!)).toBe('HTTP/1.1 200 OK\r\n\r\n');
    // Records tile the stream.
    expect(records.reduce((n, r) => n + r.length, 0)).toBe(fromServer.length);
  });

  it('reads the client side with the same key log the server holds', () => {
    const { client, server, fromClient } = session();
    expect(server.keyLog).toEqual(client.keyLog);
    const keys = server.keyLog!;
    const records = decryptTlsStream(fromClient, {
      handshake: keys.clientHandshake,
      application: keys.clientApplication,
    });
    expect(new TextDecoder().decode(records.at(-1)!.plaintext!)).toBe('GET / HTTP/1.1\r\n\r\n');
  });

  it('leaves protected records unread with the wrong keys', () => {
    const { client, fromServer } = session();
    const keys = client.keyLog!;
    const wrong = decryptTlsStream(fromServer, {
      handshake: keys.clientHandshake,
      application: keys.clientApplication,
    });
    expect(
      wrong
        .filter((r) => r.outerType === 23)
        .every((r) => r.key === 'failed' && r.plaintext === null),
    ).toBe(true);
  });
});
