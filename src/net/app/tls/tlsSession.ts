// A TLS 1.3-shaped client and server over a byte stream (RFC 8446 section 2, full handshake, no
// PSK or HelloRetryRequest): they turn stream bytes in into stream bytes out and events.
// The cryptography is SIMULATED (see simulatedCrypto.ts): NOT real security.
import { concatBytes } from '../../wire/bytes.ts';
import { checkCertificate, decodeCertificate, encodeCertificate } from './certificate.ts';
import type { Certificate, CertificateVerdict } from './certificate.ts';
import {
  applicationKeys,
  finishedData,
  handshakeKeys,
  publicKeyShare,
  sharedSecret,
  simulatedSignature,
} from './simulatedCrypto.ts';
import { sha256 } from '../sha256.ts';
import {
  CIPHER_SUITE,
  decodeCertificateMessage,
  decodeCertificateVerify,
  decodeClientHello,
  decodeServerHello,
  encodeCertificateMessage,
  encodeCertificateVerify,
  encodeClientHello,
  encodeEncryptedExtensions,
  encodeFinished,
  encodeServerHello,
  HANDSHAKE_TYPE,
  HandshakeParser,
  SIGNATURE_ED25519,
} from './tlsHandshake.ts';
import {
  CONTENT_TYPE,
  encodeRecord,
  protectRecord,
  TLS_1_0,
  TLS_1_2,
  TlsRecordParser,
  unprotectRecord,
} from './tlsRecord.ts';
import type { TlsRecord } from './tlsRecord.ts';

/** AlertDescription values we send (RFC 8446 section 6). */
export const ALERT = {
  closeNotify: 0,
  unexpectedMessage: 10,
  badRecordMac: 20,
  handshakeFailure: 40,
  badCertificate: 42,
  certificateExpired: 45,
  unknownCa: 48,
  decodeError: 50,
  decryptError: 51,
};

/** The four traffic keys of a connection (handshake and application, each direction). */
export interface TlsKeyLog {
  clientHandshake: Uint8Array;
  serverHandshake: Uint8Array;
  clientApplication: Uint8Array;
  serverApplication: Uint8Array;
}

/** What a session reports besides bytes to send. */
export type TlsEvent =
  | { kind: 'certificate'; verdict: CertificateVerdict; chain: Certificate[] }
  | { kind: 'handshakeDone' }
  | { kind: 'data'; data: Uint8Array }
  | { kind: 'closed' }
  | { kind: 'error'; alert: number; reason: string };

/** The result of a call: bytes to write to the TCP connection (maybe empty) and events. */
export interface TlsOutput {
  send: Uint8Array;
  events: TlsEvent[];
}

/** A source of random bytes (a seeded stream in the simulator). */
export type RandomBytes = (length: number) => Uint8Array;

const CCS = encodeRecord({
  type: CONTENT_TYPE.changeCipherSpec,
  version: TLS_1_2,
  fragment: Uint8Array.of(1),
});

const VERDICT_ALERT: Record<CertificateVerdict, number> = {
  ok: 0,
  expired: ALERT.certificateExpired,
  notYetValid: ALERT.badCertificate,
  wrongName: ALERT.badCertificate,
  untrustedIssuer: ALERT.unknownCa,
};

/** Shared state: records in and out, per-direction keys and sequence numbers, the transcript. */
abstract class TlsEndpoint {
  protected readonly records = new TlsRecordParser();
  protected readonly handshakes = new HandshakeParser();
  protected readonly transcript: Uint8Array[] = [];
  protected readKey: Uint8Array | undefined;
  protected writeKey: Uint8Array | undefined;
  private readSeq = 0;
  private writeSeq = 0;
  protected out: Uint8Array[] = [];
  protected events: TlsEvent[] = [];
  protected failed = false;
  /** True once Finished messages were exchanged and application data may flow. */
  established = false;
  /**
   * This endpoint's traffic keys once the handshake is done: what a browser writes to its
   * SSLKEYLOGFILE, so a capture can be read from the endpoint's point of view.
   */
  keyLog: TlsKeyLog | undefined;

  protected abstract handshake(type: number, body: Uint8Array, bytes: Uint8Array): void;

  protected hash(): Uint8Array {
    return sha256(...this.transcript);
  }

  protected setReadKey(key: Uint8Array): void {
    this.readKey = key;
    this.readSeq = 0;
  }

  protected setWriteKey(key: Uint8Array): void {
    this.writeKey = key;
    this.writeSeq = 0;
  }

  /** Queues `content` of `type`, protected once a write key exists. */
  protected emit(type: number, content: Uint8Array, version = TLS_1_2): void {
    if (this.writeKey) this.out.push(protectRecord(this.writeKey, this.writeSeq++, type, content));
    else this.out.push(encodeRecord({ type, version, fragment: content }));
  }

  protected fail(alert: number, reason: string): void {
    if (this.failed) return;
    this.emit(CONTENT_TYPE.alert, Uint8Array.of(2, alert)); // level fatal
    this.failed = true;
    this.events.push({ kind: 'error', alert, reason });
  }

  protected flush(): TlsOutput {
    const output = { send: concatBytes(this.out), events: this.events };
    this.out = [];
    this.events = [];
    return output;
  }

  /** Feeds bytes received on the TCP connection. */
  push(bytes: Uint8Array): TlsOutput {
    for (const event of this.records.push(bytes)) {
      if (this.failed) break;
      if (event.kind === 'error') this.fail(ALERT.decodeError, event.reason);
      else this.record(event.record);
    }
    return this.flush();
  }

  private record(record: TlsRecord): void {
    if (record.type === CONTENT_TYPE.changeCipherSpec) return; // compatibility mode, section D.4
    let type = record.type;
    let content = record.fragment;
    if (this.readKey) {
      if (type !== CONTENT_TYPE.applicationData)
        return this.fail(ALERT.unexpectedMessage, 'plaintext record after keys');
      const opened = unprotectRecord(this.readKey, this.readSeq++, record);
      if (!opened) return this.fail(ALERT.badRecordMac, 'record failed to decrypt');
      ({ type, content } = opened);
    }
    if (type === CONTENT_TYPE.handshake) {
      for (const message of this.handshakes.push(content)) {
        if (this.failed) return;
        this.handshake(message.type, message.body, message.bytes);
      }
    } else if (type === CONTENT_TYPE.applicationData && this.established) {
      this.events.push({ kind: 'data', data: content.slice() });
    } else if (type === CONTENT_TYPE.alert) {
      if (content[1] === ALERT.closeNotify) this.events.push({ kind: 'closed' });
      else this.events.push({ kind: 'error', alert: content[1] ?? 0, reason: 'alert from peer' });
      this.failed = true;
    } else {
      this.fail(ALERT.unexpectedMessage, `unexpected record type ${type}`);
    }
  }

  /** Sends application data (after the handshake); chunks of at most 2^14 bytes. */
  write(data: Uint8Array): TlsOutput {
    if (!this.established || this.failed)
      throw new Error('TLS write before the handshake finished');
    for (let at = 0; at < data.length; at += 1 << 14) {
      this.emit(CONTENT_TYPE.applicationData, data.subarray(at, at + (1 << 14)));
    }
    return this.flush();
  }

  /** Sends close_notify (section 6.1). */
  close(): TlsOutput {
    this.emit(CONTENT_TYPE.alert, Uint8Array.of(1, ALERT.closeNotify));
    return this.flush();
  }
}

/** Client settings. */
export interface TlsClientOptions {
  serverName: string;
  trustStore: readonly Certificate[];
  random: RandomBytes;
  /** Simulated time, for certificate validity. */
  nowNs: () => number;
}

/** The client side: `start()` sends the ClientHello; `push` answers the server's flight. */
export class TlsClient extends TlsEndpoint {
  private readonly privateKey: Uint8Array;
  private keys: ReturnType<typeof handshakeKeys> | undefined;
  private chain: Certificate[] = [];

  constructor(private readonly options: TlsClientOptions) {
    super();
    this.privateKey = options.random(32);
  }

  /** The first flight: a ClientHello in a record with legacy version 0x0301. */
  start(): TlsOutput {
    const hello = encodeClientHello({
      random: this.options.random(32),
      sessionId: this.options.random(32),
      cipherSuites: [
        CIPHER_SUITE.TLS_AES_128_GCM_SHA256,
        CIPHER_SUITE.TLS_CHACHA20_POLY1305_SHA256,
      ],
      serverName: this.options.serverName,
      keyShare: publicKeyShare(this.privateKey),
    });
    this.transcript.push(hello);
    this.emit(CONTENT_TYPE.handshake, hello, TLS_1_0);
    return this.flush();
  }

  protected handshake(type: number, body: Uint8Array, bytes: Uint8Array): void {
    const H = HANDSHAKE_TYPE;
    if (type === H.serverHello && !this.keys) {
      const hello = decodeServerHello(body);
      if (!hello) return this.fail(ALERT.decodeError, 'bad ServerHello');
      this.transcript.push(bytes);
      this.keys = handshakeKeys(sharedSecret(this.privateKey, hello.keyShare), this.hash());
      this.setReadKey(this.keys.server);
    } else if (type === H.encryptedExtensions && this.keys) {
      this.transcript.push(bytes);
    } else if (type === H.certificate && this.keys) {
      const entries = decodeCertificateMessage(body)?.map(decodeCertificate) ?? [];
      if (entries.length === 0 || entries.some((c) => !c))
        return this.fail(ALERT.badCertificate, 'bad Certificate');
      this.chain = entries as Certificate[];
      this.transcript.push(bytes);
      const verdict = checkCertificate(
        this.chain,
        this.options.trustStore,
        this.options.serverName,
        this.options.nowNs(),
      );
      this.events.push({ kind: 'certificate', verdict, chain: this.chain });
      if (verdict !== 'ok') this.fail(VERDICT_ALERT[verdict], `certificate ${verdict}`);
    } else if (type === H.certificateVerify && this.keys && this.chain[0]) {
      const signature = decodeCertificateVerify(body);
      const expected = simulatedSignature(this.chain[0].publicKeyId, this.hash());
      if (!signature || signature.join() !== expected.join())
        return this.fail(ALERT.decryptError, 'bad CertificateVerify');
      this.transcript.push(bytes);
    } else if (type === H.finished && this.keys) {
      if (body.join() !== finishedData(this.keys.server, this.hash()).join()) {
        return this.fail(ALERT.decryptError, 'bad server Finished');
      }
      this.transcript.push(bytes);
      const app = applicationKeys(this.keys.secret, this.hash());
      this.out.push(CCS);
      this.setWriteKey(this.keys.client);
      const finished = encodeFinished(finishedData(this.keys.client, this.hash()));
      this.emit(CONTENT_TYPE.handshake, finished);
      this.transcript.push(finished);
      this.setReadKey(app.server);
      this.setWriteKey(app.client);
      this.keyLog = {
        clientHandshake: this.keys.client,
        serverHandshake: this.keys.server,
        clientApplication: app.client,
        serverApplication: app.server,
      };
      this.established = true;
      this.events.push({ kind: 'handshakeDone' });
    } else {
      this.fail(ALERT.unexpectedMessage, `unexpected handshake message ${type}`);
    }
  }
}

/** Server settings: the chain it presents (leaf first). */
export interface TlsServerOptions {
  chain: readonly Certificate[];
  random: RandomBytes;
}

/** The server side: answers a ClientHello with its whole flight, then checks the client Finished. */
export class TlsServer extends TlsEndpoint {
  private keys: ReturnType<typeof handshakeKeys> | undefined;
  private app: ReturnType<typeof applicationKeys> | undefined;
  /** The server name the client asked for (SNI), once the ClientHello arrived. */
  serverName: string | undefined;

  constructor(private readonly options: TlsServerOptions) {
    super();
  }

  protected handshake(type: number, body: Uint8Array, bytes: Uint8Array): void {
    const H = HANDSHAKE_TYPE;
    if (type === H.clientHello && !this.keys) {
      const hello = decodeClientHello(body);
      if (!hello) return this.fail(ALERT.decodeError, 'bad ClientHello');
      if (!hello.cipherSuites.includes(CIPHER_SUITE.TLS_AES_128_GCM_SHA256)) {
        return this.fail(ALERT.handshakeFailure, 'no common cipher suite');
      }
      this.serverName = hello.serverName;
      this.transcript.push(bytes);
      const privateKey = this.options.random(32);
      const reply = encodeServerHello({
        random: this.options.random(32),
        sessionId: hello.sessionId,
        cipherSuite: CIPHER_SUITE.TLS_AES_128_GCM_SHA256,
        keyShare: publicKeyShare(privateKey),
      });
      this.emit(CONTENT_TYPE.handshake, reply);
      this.transcript.push(reply);
      this.keys = handshakeKeys(sharedSecret(privateKey, hello.keyShare), this.hash());
      this.out.push(CCS);
      this.setWriteKey(this.keys.server);
      this.setReadKey(this.keys.client);
      const leaf = this.options.chain[0];
      const flight = [
        encodeEncryptedExtensions(),
        encodeCertificateMessage(this.options.chain.map(encodeCertificate)),
      ];
      for (const message of flight) {
        this.emit(CONTENT_TYPE.handshake, message);
        this.transcript.push(message);
      }
      const verify = encodeCertificateVerify(
        SIGNATURE_ED25519,
        simulatedSignature(leaf?.publicKeyId ?? '', this.hash()),
      );
      this.emit(CONTENT_TYPE.handshake, verify);
      this.transcript.push(verify);
      const finished = encodeFinished(finishedData(this.keys.server, this.hash()));
      this.emit(CONTENT_TYPE.handshake, finished);
      this.transcript.push(finished);
      this.app = applicationKeys(this.keys.secret, this.hash());
    } else if (type === H.finished && this.keys && this.app && !this.established) {
      if (body.join() !== finishedData(this.keys.client, this.hash()).join()) {
        return this.fail(ALERT.decryptError, 'bad client Finished');
      }
      this.transcript.push(bytes);
      this.setReadKey(this.app.client);
      this.setWriteKey(this.app.server);
      this.keyLog = {
        clientHandshake: this.keys.client,
        serverHandshake: this.keys.server,
        clientApplication: this.app.client,
        serverApplication: this.app.server,
      };
      this.established = true;
      this.events.push({ kind: 'handshakeDone' });
    } else {
      this.fail(ALERT.unexpectedMessage, `unexpected handshake message ${type}`);
    }
  }
}
