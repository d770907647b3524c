// The TLS 1.3-shaped handshake end to end (RFC 8446 section 2's message flow), the record layer
// (section 5) and certificate checks (RFC 6125 section 6.4.3 wildcards). Crypto is simulated.
import { describe, expect, it } from 'vitest';
import {
  checkCertificate,
  decodeCertificate,
  encodeCertificate,
  hostMatches,
} from './certificate.ts';
import type { Certificate } from './certificate.ts';
import { publicKeyShare, sharedSecret } from './simulatedCrypto.ts';
import {
  decodeClientHello,
  decodeServerHello,
  encodeClientHello,
  HANDSHAKE_TYPE,
  HandshakeParser,
} from './tlsHandshake.ts';
import { CONTENT_TYPE, protectRecord, TlsRecordParser, unprotectRecord } from './tlsRecord.ts';
import { TlsClient, TlsServer } from './tlsSession.ts';
import type { TlsEvent } from './tlsSession.ts';

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
  subject: 'www.example.com',
  subjectAltNames: ['www.example.com', '*.shop.example.com'],
  issuer: 'Handshake Root CA',
  serial: 2,
  notBefore: 10 * S,
  notAfter: 100 * S,
  publicKeyId: 'server-key',
  signedBy: 'root-key',
};

/** Deterministic "random" bytes: a counter, enough for tests. */
function counter(seed: number) {
  let n = seed;
  return (length: number) =>
    Uint8Array.from({ length }, () => (n = (n * 1103515245 + 12345) >>> 0) >>> 24);
}

function handshake(chain: Certificate[], serverName = 'www.example.com', nowNs = 50 * S) {
  const client = new TlsClient({
    serverName,
    trustStore: [ROOT],
    random: counter(1),
    nowNs: () => nowNs,
  });
  const server = new TlsServer({ chain, random: counter(2) });
  const hello = client.start();
  const flight = server.push(hello.send);
  const reply = client.push(flight.send);
  const done = server.push(reply.send);
  return { client, server, hello, flight, reply, done };
}

const kinds = (events: TlsEvent[]) => events.map((e) => e.kind);

describe('the simulated handshake', () => {
  it('completes the RFC 8446 flow and carries data both ways, then close_notify', () => {
    const { client, server, reply, done } = handshake([LEAF, ROOT]);
    expect(kinds(reply.events)).toEqual(['certificate', 'handshakeDone']);
    expect(kinds(done.events)).toEqual(['handshakeDone']);
    expect(server.serverName).toBe('www.example.com');
    const request = new TextEncoder().encode('GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n');
    const sent = client.write(request);
    expect(sent.send.join()).not.toContain(request.subarray(0, 8).join()); // ciphertext on the wire
    expect(server.push(sent.send).events).toEqual([{ kind: 'data', data: request }]);
    const answer = server.write(new TextEncoder().encode('HTTP/1.1 204 No Content\r\n\r\n'));
    expect(kinds(client.push(answer.send).events)).toEqual(['data']);
    expect(server.push(client.close().send).events).toEqual([{ kind: 'closed' }]);
  });

  it('works when the stream arrives one byte at a time', () => {
    const client = new TlsClient({
      serverName: 'www.example.com',
      trustStore: [ROOT],
      random: counter(3),
      nowNs: () => 50 * S,
    });
    const server = new TlsServer({ chain: [LEAF], random: counter(4) });
    const feed = (side: TlsClient | TlsServer, bytes: Uint8Array) => {
      const out: Uint8Array[] = [];
      const events: TlsEvent[] = [];
      for (const b of bytes) {
        const o = side.push(Uint8Array.of(b));
        out.push(o.send);
        events.push(...o.events);
      }
      return { send: Uint8Array.from(out.flatMap((x) => [...x])), events };
    };
    const flight = feed(server, client.start().send);
    const reply = feed(client, flight.send);
    expect(kinds(feed(server, reply.send).events)).toEqual(['handshakeDone']);
  });

  it.each([
    ['expired', 200 * S, 'www.example.com', [LEAF, ROOT]],
    ['notYetValid', 5 * S, 'www.example.com', [LEAF, ROOT]],
    ['wrongName', 50 * S, 'evil.example.org', [LEAF, ROOT]],
  ] as const)(
    'refuses a certificate that is %s, with an alert to the server',
    (verdict, now, name, chain) => {
      const { reply, done } = handshake([...chain], name, now);
      expect(reply.events[0]).toMatchObject({ kind: 'certificate', verdict });
      expect(reply.events[1]?.kind).toBe('error');
      expect(kinds(done.events)).toEqual(['error']); // the server reads the fatal alert
    },
  );

  it('detects a flipped ciphertext bit (bad_record_mac, RFC 8446 section 5.2)', () => {
    const { client, server } = handshake([LEAF]);
    const sent = client.write(new Uint8Array(40));
    sent.send[10] = (sent.send[10] as number) ^ 1;
    expect(server.push(sent.send).events).toMatchObject([{ kind: 'error', alert: 20 }]);
  });
});

describe('record layer and handshake codecs', () => {
  it('splits records whatever the boundaries and protects with the inner type last', () => {
    const key = new Uint8Array(32).fill(7);
    const record = protectRecord(key, 3, CONTENT_TYPE.handshake, Uint8Array.of(1, 2, 3), 2);
    // 5-byte header, 3 content + 1 type + 2 padding + 16 tag (section 5.2).
    expect([...record.subarray(0, 5)]).toEqual([23, 3, 3, 0, 22]);
    const parser = new TlsRecordParser();
    const events = [...parser.push(record.subarray(0, 7)), ...parser.push(record.subarray(7))];
    const parsed = events[0]?.kind === 'record' ? events[0].record : undefined;
    expect(parsed && unprotectRecord(key, 3, parsed)).toEqual({
      type: 22,
      content: Uint8Array.of(1, 2, 3),
    });
    expect(parsed && unprotectRecord(key, 4, parsed)).toBeUndefined();
    expect(new TlsRecordParser().push(Uint8Array.of(0x47, 0x45, 0x54, 0x20, 0x2f))[0]?.kind).toBe(
      'error',
    );
  });

  it('round-trips a ClientHello and parses handshake messages spanning fragments', () => {
    const hello = {
      random: new Uint8Array(32).fill(1),
      sessionId: new Uint8Array(32).fill(2),
      cipherSuites: [0x1301],
      serverName: 'a.example',
      keyShare: new Uint8Array(32).fill(3),
    };
    const bytes = encodeClientHello(hello);
    expect(bytes[0]).toBe(HANDSHAKE_TYPE.clientHello);
    const parser = new HandshakeParser();
    expect(parser.push(bytes.subarray(0, 50))).toEqual([]);
    const [message] = parser.push(bytes.subarray(50));
    expect(message && decodeClientHello(message.body)).toEqual(hello);
    expect(decodeClientHello(bytes.subarray(4, 40))).toBeUndefined();
    expect(decodeServerHello(new Uint8Array(3))).toBeUndefined();
  });

  it('agrees on a shared secret from the key shares (Diffie-Hellman, simulated)', () => {
    const a = new Uint8Array(32).fill(5);
    const b = new Uint8Array(32).fill(9);
    expect(sharedSecret(a, publicKeyShare(b))).toEqual(sharedSecret(b, publicKeyShare(a)));
  });
});

describe('checkCertificate', () => {
  it('matches wildcards in the leftmost label only (RFC 6125 section 6.4.3)', () => {
    expect(hostMatches('*.example.com', 'www.example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'WWW.Example.COM.')).toBe(true);
    expect(hostMatches('*.example.com', 'example.com')).toBe(false);
    expect(hostMatches('*.example.com', 'a.b.example.com')).toBe(false);
    expect(hostMatches('www.*.com', 'www.example.com')).toBe(false);
  });

  it('gives each verdict', () => {
    expect(checkCertificate([LEAF], [ROOT], 'www.example.com', 50 * S)).toBe('ok');
    expect(checkCertificate([LEAF], [ROOT], 'cart.shop.example.com', 50 * S)).toBe('ok');
    expect(checkCertificate([LEAF], [ROOT], 'example.com', 50 * S)).toBe('wrongName');
    expect(checkCertificate([LEAF], [ROOT], 'www.example.com', 101 * S)).toBe('expired');
    expect(checkCertificate([LEAF], [ROOT], 'www.example.com', 9 * S)).toBe('notYetValid');
    expect(checkCertificate([LEAF], [], 'www.example.com', 50 * S)).toBe('untrustedIssuer');
    const forged = { ...LEAF, signedBy: 'attacker-key' };
    expect(checkCertificate([forged], [ROOT], 'www.example.com', 50 * S)).toBe('untrustedIssuer');
    const selfSigned = { ...LEAF, issuer: LEAF.subject, signedBy: LEAF.publicKeyId };
    expect(checkCertificate([selfSigned], [ROOT], 'www.example.com', 50 * S)).toBe(
      'untrustedIssuer',
    );
  });

  it('follows an intermediate and uses the subject only without SANs (RFC 6125 section 6.4.4)', () => {
    const mid = { ...ROOT, subject: 'Mid CA', publicKeyId: 'mid-key', notAfter: 40 * S };
    const leaf = { ...LEAF, subjectAltNames: [], issuer: 'Mid CA', signedBy: 'mid-key' };
    expect(checkCertificate([leaf, mid], [ROOT], 'www.example.com', 30 * S)).toBe('ok');
    expect(checkCertificate([leaf, mid], [ROOT], 'www.example.com', 45 * S)).toBe('expired');
    expect(checkCertificate([leaf], [ROOT], 'www.example.com', 30 * S)).toBe('untrustedIssuer');
    expect(decodeCertificate(encodeCertificate(leaf))).toEqual(leaf);
    expect(decodeCertificate(new TextEncoder().encode('{"subject":1}'))).toBeUndefined();
  });
});
