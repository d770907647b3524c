// Certificates and TLS endpoints for HTTPS in the simulator: a root per certificate authority
// named in a scenario, a server's leaf certificate, random bytes from a seeded stream, and the
// trace records an endpoint leaves (handshake, certificate verdict, key log).

import type { RandomStream } from '../../engine/random.ts';
import type { Simulator } from '../../engine/simulator.ts';
import type { Certificate } from '../../net/app/tls/certificate.ts';
import { toHex } from '../../net/app/sha256.ts';
import type { TlsKeyLog } from '../../net/app/tls/tlsSession.ts';
import './tlsTrace.ts';

export const DEFAULT_AUTHORITY = 'Handshake Root CA';
/** Validity of a root: the whole run and long after. */
const FOREVER = Number.MAX_SAFE_INTEGER;

/** The self-signed root certificate of an authority. */
export function rootCertificate(authority: string): Certificate {
  return {
    subject: authority,
    subjectAltNames: [],
    issuer: authority,
    serial: 1,
    notBefore: 0,
    notAfter: FOREVER,
    publicKeyId: `ca:${authority}`,
    signedBy: `ca:${authority}`,
  };
}

/** What a scenario says about a server's certificate. */
export interface CertificateSpec {
  subject: string;
  altNames?: string[];
  issuer?: string;
  notBefore?: number;
  notAfter?: number;
}

/** A server's leaf certificate, signed by its issuer's root key. */
export function leafCertificate(node: string, spec: CertificateSpec): Certificate {
  const issuer = spec.issuer ?? DEFAULT_AUTHORITY;
  return {
    subject: spec.subject,
    subjectAltNames: spec.altNames ?? [spec.subject],
    issuer,
    serial: 1000,
    notBefore: spec.notBefore ?? 0,
    notAfter: spec.notAfter ?? FOREVER,
    publicKeyId: `key:${node}`,
    signedBy: `ca:${issuer}`,
  };
}

/** Random bytes drawn from a seeded stream. */
export function randomBytes(stream: RandomStream): (length: number) => Uint8Array {
  return (length) => {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i += 4) {
      const word = stream.nextUint32();
      for (let j = 0; j < 4 && i + j < length; j++) out[i + j] = (word >>> (8 * j)) & 0xff;
    }
    return out;
  };
}

/** Records an endpoint's key log once its handshake is done. */
export function recordKeys(
  sim: Simulator,
  node: string,
  role: 'client' | 'server',
  local: string,
  remote: string,
  keys: TlsKeyLog,
): void {
  sim.record({
    t: sim.now(),
    type: 'tls.keys',
    node,
    role,
    local,
    remote,
    clientHandshake: toHex(keys.clientHandshake),
    serverHandshake: toHex(keys.serverHandshake),
    clientApplication: toHex(keys.clientApplication),
    serverApplication: toHex(keys.serverApplication),
  });
}
