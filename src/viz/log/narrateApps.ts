// Sentences for TLS (tls.handshake, tls.certificate, tls.keys), DNS (dns.*) and FTP (ftp.*)
// records: "Laptop checks web’s certificate: expired — the browser refuses the connection."

import type { TraceRecord } from '../../engine/trace.ts';
import '../../kinds/web/tlsTrace.ts';
import '../../kinds/dns/dnsTrace.ts';
import '../../kinds/ftp/ftpTrace.ts';
import { parseIpv4 } from '../../net/wire/ipv4Address.ts';
import type { NetworkNames } from '../names/index.ts';
import type { Said } from './narratePackets.ts';

/** What each certificate verdict means to the browser (RFC 5280 section 6, RFC 6125). */
const VERDICTS: Record<string, string> = {
  ok: 'valid — the handshake goes on',
  expired: 'expired — the browser refuses the connection',
  notYetValid: 'not valid yet — the browser refuses the connection',
  wrongName: 'issued for another name — the browser refuses the connection',
  untrustedIssuer: 'signed by an authority it does not trust — the browser refuses the connection',
};

/** DNS RCODEs by number (RFC 1035 section 4.1.1, RFC 2136). */
const RCODES: Record<number, string> = {
  0: 'NOERROR',
  1: 'FORMERR',
  2: 'SERVFAIL',
  3: 'NXDOMAIN',
  4: 'NOTIMP',
  5: 'REFUSED',
};

const DNS_ERRORS: Record<string, string> = {
  NXDOMAIN: 'the name does not exist (NXDOMAIN)',
  SERVFAIL: 'the server failed (SERVFAIL)',
  NODATA: 'the name has no address record',
  ETIMEDOUT: 'no answer came (timed out)',
};

/** The node whose address the `ip:port` or `port>ip:port` text names, else the text. */
function peerNode(text: string, names: NetworkNames): string {
  const remote = text.includes('>') ? text.slice(text.indexOf('>') + 1) : text;
  const parsed = parseIpv4(remote.split(':')[0] ?? '');
  const id = parsed.ok ? names.nodeOf(parsed.address) : undefined;
  return id === undefined ? remote : names.name(id);
}

/** The sentence of a tls.*, dns.* or ftp.* record, or null for other records. */
export function appSentence(record: TraceRecord, names: NetworkNames): Said | null {
  const name = names.name;
  switch (record.type) {
    case 'tls.handshake': {
      const peer = peerNode(record.conn, names);
      if (record.phase === 'start')
        return {
          kind: 'send',
          text:
            record.role === 'client'
              ? `${name(record.node)} starts a TLS handshake with ${peer} (ClientHello${record.detail ? ` for “${record.detail}”` : ''}).`
              : `${name(record.node)} answers ${peer}’s ClientHello: ServerHello, then its certificate, encrypted.`,
        };
      if (record.phase === 'done')
        return {
          kind: 'state',
          text: `${name(record.node)} finishes the TLS handshake with ${peer}: from now on the data are encrypted.`,
        };
      return {
        kind: 'error',
        text: `${name(record.node)}: the TLS handshake with ${peer} fails (${record.detail}).`,
      };
    }
    case 'tls.certificate': {
      const verdict = VERDICTS[record.verdict] ?? record.verdict;
      return {
        kind: record.verdict === 'ok' ? 'detail' : 'error',
        text: `${name(record.node)} checks ${peerNode(record.conn, names)}’s certificate (for “${record.subject}”, issued by ${record.issuer}): ${verdict}.`,
      };
    }
    case 'tls.keys':
      return {
        kind: 'detail',
        text: `${name(record.node)} logs its session keys for the connection with ${names.endpoint(record.remote)}; the packet inspector can decrypt it as ${name(record.node)} sees it.`,
      };
    case 'dns.query':
      return {
        kind: 'send',
        text: `${name(record.node)} asks ${names.endpoint(record.server)} for the address of ${record.name}${record.attempt > 0 ? ` again (retry ${record.attempt})` : ''} (query ID ${record.id}).`,
      };
    case 'dns.answer':
      if (record.address !== null)
        return {
          kind: 'reply',
          text: record.cached
            ? `${name(record.node)} finds ${record.name} = ${record.address} in its cache (${record.ttl} s of its TTL left): no query needed.`
            : `${name(record.node)} learns ${record.name} = ${record.address}, which it may cache for ${record.ttl} s.`,
        };
      return {
        kind: 'error',
        text: `${name(record.node)} cannot find the address of ${record.name}: ${DNS_ERRORS[record.error ?? ''] ?? record.error ?? 'no answer'}.`,
      };
    case 'dns.expire':
      return {
        kind: 'detail',
        text: `${name(record.node)}’s cached address of ${record.name} expires: the next lookup asks the server again.`,
      };
    case 'dns.serve':
      return {
        kind: 'reply',
        text: `${name(record.node)} answers the query for ${record.name} from ${names.endpoint(record.client)}: ${RCODES[record.rcode] ?? `RCODE ${record.rcode}`}.`,
      };
    case 'ftp.command':
      return {
        kind: 'send',
        // RFC 959 section 4.1: the password travels as plain text on the control connection.
        text: `${name(record.node)} sends the FTP command ${record.verb}${record.arg ? ` ${record.verb === 'PASS' ? record.arg + ' (in plain text)' : record.arg}` : ''}.`,
      };
    case 'ftp.reply':
      return {
        kind: record.code >= 400 ? 'error' : 'reply',
        text: `${name(record.node)} gets FTP reply ${record.code}: ${record.text}`,
      };
    case 'ftp.transfer':
      return {
        kind: 'deliver',
        text:
          record.direction === 'down'
            ? `${name(record.node)} receives ${record.verb === 'LIST' ? 'the directory listing' : record.file} over the data connection: ${record.bytes} bytes.`
            : `${name(record.node)} uploads ${record.file} over the data connection: ${record.bytes} bytes.`,
      };
    default:
      return null;
  }
}
