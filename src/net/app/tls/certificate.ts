// A simplified X.509 certificate model and the checks a TLS client makes: chain to a trusted root,
// validity period, and the host name against the subject alternative names (RFC 6125 section 6).
// Certificates travel as JSON inside the (encrypted) Certificate message, not as DER.

/**
 * A certificate. Times are integer nanoseconds of simulated time, like every time in the engine.
 * `signedBy` is the publicKeyId of the key that issued it: a certificate naming an issuer but
 * signed by another key does not chain (what a signature check would catch).
 */
export interface Certificate {
  subject: string;
  subjectAltNames: string[];
  issuer: string;
  serial: number;
  notBefore: number;
  notAfter: number;
  publicKeyId: string;
  signedBy: string;
}

/** The verdict of checkCertificate. */
export type CertificateVerdict = 'ok' | 'expired' | 'notYetValid' | 'wrongName' | 'untrustedIssuer';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The cert_data bytes of a certificate (JSON, keys in a fixed order). */
export function encodeCertificate(certificate: Certificate): Uint8Array {
  const { subject, subjectAltNames, issuer, serial, notBefore, notAfter, publicKeyId, signedBy } =
    certificate;
  return encoder.encode(
    JSON.stringify({
      subject,
      subjectAltNames,
      issuer,
      serial,
      notBefore,
      notAfter,
      publicKeyId,
      signedBy,
    }),
  );
}

/** Parses cert_data; undefined if it is not a certificate. */
export function decodeCertificate(bytes: Uint8Array): Certificate | undefined {
  try {
    const value = JSON.parse(decoder.decode(bytes)) as Record<string, unknown>;
    const strings = ['subject', 'issuer', 'publicKeyId', 'signedBy'];
    const numbers = ['serial', 'notBefore', 'notAfter'];
    if (strings.some((k) => typeof value[k] !== 'string')) return undefined;
    if (numbers.some((k) => typeof value[k] !== 'number')) return undefined;
    const names = value.subjectAltNames;
    if (!Array.isArray(names) || names.some((n) => typeof n !== 'string')) return undefined;
    return value as unknown as Certificate;
  } catch {
    return undefined;
  }
}

/**
 * Whether `pattern` (a DNS-ID) matches `host` (RFC 6125 section 6.4): case-insensitive, a trailing
 * dot ignored; a wildcard only as the whole leftmost label, standing for exactly one label, so
 * `*.example.com` matches `www.example.com` but neither `example.com` nor `a.b.example.com`
 * (section 6.4.3; partial-label wildcards like `w*` are not supported, as the section allows).
 */
export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '').split('.');
  const h = host.toLowerCase().replace(/\.$/, '').split('.');
  if (p.length !== h.length || p.some((label) => label === '')) return false;
  return p.every((label, i) => (i === 0 && label === '*' ? (h[0] ?? '') !== '' : label === h[i]));
}

/**
 * Checks a chain (leaf first) as a client does, in this order: the chain leads to a root in
 * `trustStore` by issuer names and signing keys (else 'untrustedIssuer'); every certificate is
 * within its validity period at `atNs` ('notYetValid' / 'expired'); the leaf names `hostname` in
 * its subjectAltNames, or in its subject only when it has none (RFC 6125 section 6.4.4).
 */
export function checkCertificate(
  chain: readonly Certificate[],
  trustStore: readonly Certificate[],
  hostname: string,
  atNs: number,
): CertificateVerdict {
  const leaf = chain[0];
  if (!leaf) return 'untrustedIssuer';
  const path: Certificate[] = [leaf];
  let current = leaf;
  for (let depth = 0; ; depth++) {
    if (depth > 10) return 'untrustedIssuer';
    const root = trustStore.find(
      (t) => t.subject === current.issuer && t.publicKeyId === current.signedBy,
    );
    if (root) {
      if (root !== current) path.push(root);
      break;
    }
    const next = chain.find(
      (c) => c !== current && c.subject === current.issuer && c.publicKeyId === current.signedBy,
    );
    if (!next) return 'untrustedIssuer';
    path.push(next);
    current = next;
  }
  for (const certificate of path) {
    if (atNs < certificate.notBefore) return 'notYetValid';
    if (atNs > certificate.notAfter) return 'expired';
  }
  const names = leaf.subjectAltNames.length > 0 ? leaf.subjectAltNames : [leaf.subject];
  return names.some((name) => hostMatches(name, hostname)) ? 'ok' : 'wrongName';
}
