// SIMULATED cryptography for the TLS 1.3-shaped handshake. *** THIS IS NOT REAL CRYPTOGRAPHY. ***
// It gives the simulator the right shape (key shares on the wire, keys only the endpoints can
// derive, ciphertext others cannot read, tags that catch tampering) and nothing more:
// - key agreement is textbook finite-field Diffie-Hellman, g = 2 modulo p = 2^255 - 19, with no
//   validation of peer values (not X25519, whose key_share codepoint we nevertheless send);
// - the key schedule is SHA-256 over labelled concatenations, not HKDF (RFC 5869 / RFC 8446 7.1);
// - the "AEAD" XORs a SHA-256 keystream and appends a truncated SHA-256 tag, not AES-GCM;
// - signatures (CertificateVerify) are a hash of the key id, which anyone can forge.
// Never use any of this to protect real data.
import { sha256 } from '../sha256.ts';

const P = (1n << 255n) - 19n;
const G = 2n;
const encoder = new TextEncoder();

/** Bytes of a label, for the labelled hashes below. */
export function label(text: string): Uint8Array {
  return encoder.encode(text);
}

function toBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

function toBytes32(n: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 31; i >= 0; i--) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

function modPow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = base % P;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
  }
  return result;
}

/** The public key share (32 bytes) for a 32-byte private key: 2^private mod p. NOT X25519. */
export function publicKeyShare(privateKey: Uint8Array): Uint8Array {
  return toBytes32(modPow(G, toBigInt(privateKey)));
}

/** The shared secret both ends compute: peerShare^private mod p. */
export function sharedSecret(privateKey: Uint8Array, peerShare: Uint8Array): Uint8Array {
  return toBytes32(modPow(toBigInt(peerShare), toBigInt(privateKey)));
}

/** Traffic keys of one direction pair. */
export interface TrafficKeys {
  client: Uint8Array;
  server: Uint8Array;
}

/**
 * Handshake traffic keys from the shared secret and the transcript hash through ServerHello
 * (the shape of RFC 8446 section 7.1's client/server_handshake_traffic_secret).
 */
export function handshakeKeys(
  shared: Uint8Array,
  helloHash: Uint8Array,
): TrafficKeys & { secret: Uint8Array } {
  const secret = sha256(label('sim hs'), shared, helloHash);
  return {
    secret,
    client: sha256(secret, label('c hs traffic')),
    server: sha256(secret, label('s hs traffic')),
  };
}

/** Application traffic keys from the handshake secret and the hash through server Finished. */
export function applicationKeys(
  handshakeSecret: Uint8Array,
  finishedHash: Uint8Array,
): TrafficKeys {
  const master = sha256(label('sim master'), handshakeSecret, finishedHash);
  return {
    client: sha256(master, label('c ap traffic')),
    server: sha256(master, label('s ap traffic')),
  };
}

/** Finished verify_data (RFC 8446 4.4.4 shape): a hash of the sender's key and the transcript. */
export function finishedData(trafficKey: Uint8Array, transcriptHash: Uint8Array): Uint8Array {
  return sha256(trafficKey, label('finished'), transcriptHash);
}

/** The simulated CertificateVerify signature: anyone knowing the key id can make it. */
export function simulatedSignature(publicKeyId: string, transcriptHash: Uint8Array): Uint8Array {
  return sha256(label(`sim signature ${publicKeyId}`), transcriptHash);
}

/** AEAD tag length in bytes, as AES-128-GCM's. */
export const TAG_LENGTH = 16;

function sequenceBytes(sequence: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(sequence));
  return out;
}

function keystreamXor(key: Uint8Array, sequence: number, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  const seq = sequenceBytes(sequence);
  const counter = new Uint8Array(4);
  for (let block = 0; block * 32 < data.length; block++) {
    new DataView(counter.buffer).setUint32(0, block);
    const stream = sha256(key, seq, counter);
    for (let i = 0; i < 32 && block * 32 + i < data.length; i++) {
      out[block * 32 + i] = (data[block * 32 + i] as number) ^ (stream[i] as number);
    }
  }
  return out;
}

function tag(
  key: Uint8Array,
  sequence: number,
  aad: Uint8Array,
  ciphertext: Uint8Array,
): Uint8Array {
  return sha256(label('sim tag'), key, sequenceBytes(sequence), aad, ciphertext).subarray(
    0,
    TAG_LENGTH,
  );
}

/** Encrypts `plaintext` with record number `sequence`; the result is ciphertext then the tag. */
export function seal(
  key: Uint8Array,
  sequence: number,
  aad: Uint8Array,
  plaintext: Uint8Array,
): Uint8Array {
  const ciphertext = keystreamXor(key, sequence, plaintext);
  const out = new Uint8Array(ciphertext.length + TAG_LENGTH);
  out.set(ciphertext, 0);
  out.set(tag(key, sequence, aad, ciphertext), ciphertext.length);
  return out;
}

/** Decrypts what `seal` made; undefined when the tag does not verify (wrong key or tampering). */
export function open(
  key: Uint8Array,
  sequence: number,
  aad: Uint8Array,
  sealed: Uint8Array,
): Uint8Array | undefined {
  if (sealed.length < TAG_LENGTH) return undefined;
  const ciphertext = sealed.subarray(0, sealed.length - TAG_LENGTH);
  const expected = tag(key, sequence, aad, ciphertext);
  const got = sealed.subarray(sealed.length - TAG_LENGTH);
  let diff = 0;
  for (let i = 0; i < TAG_LENGTH; i++) diff |= (expected[i] as number) ^ (got[i] as number);
  return diff === 0 ? keystreamXor(key, sequence, ciphertext) : undefined;
}
