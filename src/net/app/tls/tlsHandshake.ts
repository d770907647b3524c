// TLS 1.3 handshake messages (RFC 8446 section 4): ClientHello and ServerHello with the
// extensions a modern client sends, EncryptedExtensions, Certificate, CertificateVerify, Finished,
// each framed as type + 24-bit length, and a parser that splits a stream of them.

import { HANDSHAKE_TYPE } from './tlsNumbers.ts';

export { HANDSHAKE_TYPE };

/** Cipher suites (RFC 8446 appendix B.4). */
export const CIPHER_SUITE = {
  TLS_AES_128_GCM_SHA256: 0x1301,
  TLS_AES_256_GCM_SHA384: 0x1302,
  TLS_CHACHA20_POLY1305_SHA256: 0x1303,
};

/** ExtensionType values (RFC 8446 section 4.2; server_name from RFC 6066). */
export const EXTENSION = {
  serverName: 0,
  supportedGroups: 10,
  signatureAlgorithms: 13,
  supportedVersions: 43,
  pskKeyExchangeModes: 45,
  keyShare: 51,
};

/** NamedGroup x25519 (section 4.2.7) and the signature schemes we offer (section 4.2.3). */
export const GROUP_X25519 = 0x001d;
export const SIGNATURE_SCHEMES = [0x0403, 0x0804, 0x0807]; // ecdsa_secp256r1_sha256, rsa_pss_rsae_sha256, ed25519
export const SIGNATURE_ED25519 = 0x0807;

/** A ClientHello's fields that vary; the rest (versions, groups, schemes) is fixed. */
export interface ClientHello {
  random: Uint8Array;
  sessionId: Uint8Array;
  cipherSuites: number[];
  serverName?: string;
  /** x25519-sized (32-byte) key share. */
  keyShare: Uint8Array;
}

/** A ServerHello's fields. */
export interface ServerHello {
  random: Uint8Array;
  sessionId: Uint8Array;
  cipherSuite: number;
  keyShare: Uint8Array;
}

/** A handshake message: its type and body (without the 4-byte header). */
export interface HandshakeMessage {
  type: number;
  body: Uint8Array;
}

class Out {
  private parts: number[] = [];
  u8(v: number): this {
    this.parts.push(v & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.u8(v >> 8).u8(v);
  }
  u24(v: number): this {
    return this.u8(v >> 16)
      .u8(v >> 8)
      .u8(v);
  }
  bytes(b: Uint8Array): this {
    for (const x of b) this.parts.push(x);
    return this;
  }
  /** A vector with a length prefix of `size` bytes (section 3.4). */
  vector(size: 1 | 2 | 3, inner: (o: Out) => void): this {
    const o = new Out();
    inner(o);
    const body = o.done();
    if (size === 1) this.u8(body.length);
    else if (size === 2) this.u16(body.length);
    else this.u24(body.length);
    return this.bytes(body);
  }
  done(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

class In {
  at = 0;
  constructor(private readonly b: Uint8Array) {}
  need(n: number): void {
    if (this.at + n > this.b.length) throw new RangeError('TLS message cut short');
  }
  u8(): number {
    this.need(1);
    return this.b[this.at++] as number;
  }
  u16(): number {
    return (this.u8() << 8) | this.u8();
  }
  u24(): number {
    return (this.u8() << 16) | (this.u8() << 8) | this.u8();
  }
  take(n: number): Uint8Array {
    this.need(n);
    const out = this.b.slice(this.at, this.at + n);
    this.at += n;
    return out;
  }
  get left(): number {
    return this.b.length - this.at;
  }
}

/** Frames a handshake message: msg_type, uint24 length, body (section 4). */
export function encodeHandshake(message: HandshakeMessage): Uint8Array {
  return new Out().u8(message.type).u24(message.body.length).bytes(message.body).done();
}

function extension(o: Out, type: number, body: (o: Out) => void): void {
  o.u16(type).vector(2, body);
}

/** A ClientHello (section 4.1.2) with SNI, supported_versions 1.3, x25519 key share and friends. */
export function encodeClientHello(hello: ClientHello): Uint8Array {
  const body = new Out()
    .u16(0x0303)
    .bytes(hello.random)
    .vector(1, (o) => o.bytes(hello.sessionId))
    .vector(2, (o) => hello.cipherSuites.forEach((s) => o.u16(s)))
    .vector(1, (o) => o.u8(0)) // legacy_compression_methods: null only
    .vector(2, (o) => {
      if (hello.serverName !== undefined) {
        const name = new TextEncoder().encode(hello.serverName);
        extension(o, EXTENSION.serverName, (e) =>
          e.vector(2, (l) => l.u8(0).vector(2, (n) => n.bytes(name))),
        );
      }
      extension(o, EXTENSION.supportedGroups, (e) => e.vector(2, (l) => l.u16(GROUP_X25519)));
      extension(o, EXTENSION.signatureAlgorithms, (e) =>
        e.vector(2, (l) => SIGNATURE_SCHEMES.forEach((s) => l.u16(s))),
      );
      extension(o, EXTENSION.supportedVersions, (e) => e.vector(1, (l) => l.u16(0x0304)));
      extension(o, EXTENSION.pskKeyExchangeModes, (e) => e.vector(1, (l) => l.u8(1))); // psk_dhe_ke
      extension(o, EXTENSION.keyShare, (e) =>
        e.vector(2, (l) => l.u16(GROUP_X25519).vector(2, (k) => k.bytes(hello.keyShare))),
      );
    })
    .done();
  return encodeHandshake({ type: HANDSHAKE_TYPE.clientHello, body });
}

/** A ServerHello (section 4.1.3) selecting TLS 1.3 and answering the x25519 key share. */
export function encodeServerHello(hello: ServerHello): Uint8Array {
  const body = new Out()
    .u16(0x0303)
    .bytes(hello.random)
    .vector(1, (o) => o.bytes(hello.sessionId))
    .u16(hello.cipherSuite)
    .u8(0)
    .vector(2, (o) => {
      extension(o, EXTENSION.supportedVersions, (e) => e.u16(0x0304));
      extension(o, EXTENSION.keyShare, (e) =>
        e.u16(GROUP_X25519).vector(2, (k) => k.bytes(hello.keyShare)),
      );
    })
    .done();
  return encodeHandshake({ type: HANDSHAKE_TYPE.serverHello, body });
}

function readExtensions(r: In): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>();
  const end = r.u16() + r.at;
  while (r.at < end) {
    const type = r.u16();
    out.set(type, r.take(r.u16()));
  }
  if (r.at !== end) throw new RangeError('extensions overrun');
  return out;
}

/** Parses a ClientHello body; undefined if malformed or lacking a 32-byte x25519 share. */
export function decodeClientHello(body: Uint8Array): ClientHello | undefined {
  try {
    const r = new In(body);
    r.u16();
    const random = r.take(32);
    const sessionId = r.take(r.u8());
    const suites = new In(r.take(r.u16()));
    const cipherSuites: number[] = [];
    while (suites.left > 0) cipherSuites.push(suites.u16());
    r.take(r.u8());
    const extensions = readExtensions(r);
    const hello: ClientHello = { random, sessionId, cipherSuites, keyShare: new Uint8Array(0) };
    const sni = extensions.get(EXTENSION.serverName);
    if (sni) {
      const s = new In(sni);
      s.u16();
      s.u8();
      hello.serverName = new TextDecoder().decode(s.take(s.u16()));
    }
    const share = extensions.get(EXTENSION.keyShare);
    if (!share) return undefined;
    const k = new In(share);
    const end = k.u16() + 2;
    while (k.at < end) {
      const group = k.u16();
      const key = k.take(k.u16());
      if (group === GROUP_X25519 && key.length === 32) hello.keyShare = key;
    }
    return hello.keyShare.length === 32 ? hello : undefined;
  } catch {
    return undefined;
  }
}

/** Parses a ServerHello body; undefined if malformed. */
export function decodeServerHello(body: Uint8Array): ServerHello | undefined {
  try {
    const r = new In(body);
    r.u16();
    const random = r.take(32);
    const sessionId = r.take(r.u8());
    const cipherSuite = r.u16();
    r.u8();
    const share = readExtensions(r).get(EXTENSION.keyShare);
    if (!share) return undefined;
    const k = new In(share);
    k.u16();
    return { random, sessionId, cipherSuite, keyShare: k.take(k.u16()) };
  } catch {
    return undefined;
  }
}

/** EncryptedExtensions with no extensions (section 4.3.1). */
export function encodeEncryptedExtensions(): Uint8Array {
  return encodeHandshake({ type: HANDSHAKE_TYPE.encryptedExtensions, body: Uint8Array.of(0, 0) });
}

/** Certificate (section 4.4.2): empty context, one CertificateEntry per cert_data, no extensions. */
export function encodeCertificateMessage(certificates: Uint8Array[]): Uint8Array {
  const body = new Out()
    .vector(1, () => {})
    .vector(3, (o) => certificates.forEach((c) => o.vector(3, (d) => d.bytes(c)).u16(0)))
    .done();
  return encodeHandshake({ type: HANDSHAKE_TYPE.certificate, body });
}

/** The cert_data of each entry of a Certificate body; undefined if malformed. */
export function decodeCertificateMessage(body: Uint8Array): Uint8Array[] | undefined {
  try {
    const r = new In(body);
    r.take(r.u8());
    const list = new In(r.take(r.u24()));
    const out: Uint8Array[] = [];
    while (list.left > 0) {
      out.push(list.take(list.u24()));
      list.take(list.u16());
    }
    return out;
  } catch {
    return undefined;
  }
}

/** CertificateVerify (section 4.4.3): scheme and signature. */
export function encodeCertificateVerify(scheme: number, signature: Uint8Array): Uint8Array {
  const body = new Out()
    .u16(scheme)
    .vector(2, (o) => o.bytes(signature))
    .done();
  return encodeHandshake({ type: HANDSHAKE_TYPE.certificateVerify, body });
}

/** The signature of a CertificateVerify body; undefined if malformed. */
export function decodeCertificateVerify(body: Uint8Array): Uint8Array | undefined {
  try {
    const r = new In(body);
    r.u16();
    return r.take(r.u16());
  } catch {
    return undefined;
  }
}

/** Finished (section 4.4.4): verify_data. */
export function encodeFinished(verifyData: Uint8Array): Uint8Array {
  return encodeHandshake({ type: HANDSHAKE_TYPE.finished, body: verifyData });
}

/** Splits handshake messages out of record fragments (a message may span records). */
export class HandshakeParser {
  private buffer = new Uint8Array(0);

  /** Feeds a handshake record's fragment; returns the messages it completes, with their bytes. */
  push(fragment: Uint8Array): (HandshakeMessage & { bytes: Uint8Array })[] {
    const joined = new Uint8Array(this.buffer.length + fragment.length);
    joined.set(this.buffer, 0);
    joined.set(fragment, this.buffer.length);
    const out: (HandshakeMessage & { bytes: Uint8Array })[] = [];
    let at = 0;
    while (joined.length - at >= 4) {
      const length =
        ((joined[at + 1] as number) << 16) |
        ((joined[at + 2] as number) << 8) |
        (joined[at + 3] as number);
      if (joined.length - at < 4 + length) break;
      const bytes = joined.slice(at, at + 4 + length);
      out.push({ type: joined[at] as number, body: bytes.subarray(4), bytes });
      at += 4 + length;
    }
    this.buffer = joined.slice(at);
    return out;
  }
}
