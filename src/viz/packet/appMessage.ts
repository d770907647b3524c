// The application-layer message a TCP segment or UDP datagram starts, decoded from its payload
// with the codecs of src/net/app: HTTP/1.1 (RFC 9112), DNS (RFC 1035), FTP (RFC 959), SMTP
// (RFC 5321), POP3 (RFC 1939) and TLS records (RFC 8446 section 5). Never throws: odd bytes give null or a partial decode. The few
// words in it (`DNS query`, `(encrypted)`) are in the language asked for (packetPhrases.ts).

import {
  decodeDns,
  DNS_PORT,
  DNS_TYPE,
  rcodeName,
  type DnsRecord,
} from '../../net/app/dns/dnsMessage.ts';
import { FTP_PORT } from '../../net/app/ftpPorts.ts';
import { HttpRequestParser, HttpResponseParser } from '../../net/app/http/httpParser.ts';
import { POP3_PORT, SMTP_PORT } from '../../net/app/mailPorts.ts';
import {
  CONTENT_TYPE,
  HANDSHAKE_TYPE,
  MAX_FRAGMENT,
  RECORD_HEADER_LENGTH,
  TLS_PORT,
} from '../../net/app/tls/tlsNumbers.ts';
import { ENGLISH, type Language } from '../../engine/language.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { hexBytes, payloadText } from './payloadBytes.ts';
import { packetPhrases, type PacketWords } from './packetPhrases.ts';

/** An HTTP request or response head, with what of the body this segment carries. */
export interface HttpPart {
  protocol: 'HTTP';
  kind: 'request' | 'response';
  startLine: string;
  headers: [name: string, value: string][];
  /** The Content-Length header's value, or null when absent or not a number. */
  contentLength: number | null;
  /** Body bytes in this segment (all of it when the message fits). */
  bodyBytes: number;
  /** The body as text (or hex), cut short. */
  bodyPreview: string;
  /** Whether the whole message is in this segment (the codec parsed it). */
  complete: boolean;
  name: string;
}

export interface DnsPart {
  protocol: 'DNS';
  kind: 'query' | 'response';
  id: number;
  /** `QR RD RA`, the flags set. */
  flags: string;
  rcode: string;
  questions: string[];
  answers: string[];
  name: string;
}

export interface FtpPart {
  protocol: 'FTP';
  kind: 'command' | 'reply';
  /** The lines as sent: `RETR a.txt`, `226 Closing data connection.`. */
  lines: string[];
  name: string;
}

/** One TLS record of the segment. */
export interface TlsPart {
  protocol: 'TLS';
  records: {
    type: string;
    /** The handshake message of a plaintext handshake record (`ClientHello`). */
    handshake: string | null;
    length: number;
    /** application_data: in TLS 1.3 everything after ServerHello, so the content is ciphertext. */
    encrypted: boolean;
    /** The first ciphertext bytes in hex, for encrypted records. */
    ciphertext: string | null;
  }[];
  name: string;
}

/**
 * An SMTP or POP3 segment: commands, replies (SMTP's codes, POP3's +OK or -ERR), or a piece of a
 * message's text (SMTP's DATA, or a multi-line POP3 response after its status line).
 */
export interface MailPart {
  protocol: 'SMTP' | 'POP3';
  kind: 'command' | 'reply' | 'text';
  /** The lines as sent (at most MAIL_LINES of them). */
  lines: string[];
  name: string;
}

export type AppPart = HttpPart | DnsPart | FtpPart | MailPart | TlsPart;

const HTTP_START = /^(?:[A-Z]+ \S+ HTTP\/\d\.\d|HTTP\/\d\.\d \d{3})/;
const decoder = new TextDecoder('latin1');
const cache = new WeakMap<Packet, Map<Language, AppPart | null>>();

/** The application message a packet's payload starts, or null (none, or not one we know). */
export function decodeApp(packet: Packet, language: Language = ENGLISH): AppPart | null {
  let byLanguage = cache.get(packet);
  if (!byLanguage) cache.set(packet, (byLanguage = new Map()));
  const cached = byLanguage.get(language);
  if (cached !== undefined) return cached;
  let part: AppPart | null;
  try {
    part = decode(packet, packetPhrases.in(language));
  } catch {
    part = null;
  }
  byLanguage.set(language, part);
  return part;
}

/** `GET /index.html`, `HTTP 200`, `DNS A? www.example.com`, `FTP RETR a.txt`, `TLS ClientHello`. */
export function appMessageName(packet: Packet, language: Language = ENGLISH): string | null {
  return packet.payload.length === 0 ? null : (decodeApp(packet, language)?.name ?? null);
}

/** `query` or `response`, as a DNS message's kind is shown. */
export function dnsKindText(kind: DnsPart['kind'], language: Language = ENGLISH): string {
  return packetPhrases
    .in(language)
    .say(kind === 'query' ? 'app.dnsKind.query' : 'app.dnsKind.response');
}

function decode(packet: Packet, words: PacketWords): AppPart | null {
  const t = packet.transport;
  const payload = packet.payload;
  if (payload.length === 0) return null;
  if (t.kind === 'udp') {
    return t.srcPort === DNS_PORT || t.dstPort === DNS_PORT ? dns(payload, words) : null;
  }
  if (t.kind !== 'tcp') return null;
  const asHttp = decodeHttpBytes(payload);
  if (asHttp) return asHttp;
  if (t.dstPort === FTP_PORT) return ftp(payload, 'command');
  if (t.srcPort === FTP_PORT) return ftp(payload, 'reply');
  if (t.dstPort === SMTP_PORT || t.dstPort === POP3_PORT)
    return mail(payload, t.dstPort === SMTP_PORT ? 'SMTP' : 'POP3', 'client', words);
  if (t.srcPort === SMTP_PORT || t.srcPort === POP3_PORT)
    return mail(payload, t.srcPort === SMTP_PORT ? 'SMTP' : 'POP3', 'server', words);
  if (t.srcPort === TLS_PORT || t.dstPort === TLS_PORT) return tls(payload, words);
  return null;
}

/** The HTTP message `bytes` start (a segment's payload, or a decrypted TLS record), or null. */
export function decodeHttpBytes(bytes: Uint8Array): HttpPart | null {
  const head = decoder.decode(bytes.subarray(0, 64));
  return HTTP_START.test(head) ? http(bytes, head.startsWith('HTTP/')) : null;
}

function http(payload: Uint8Array, response: boolean): HttpPart {
  const events = (response ? new HttpResponseParser() : new HttpRequestParser()).push(payload);
  const first = events[0];
  const text = decoder.decode(payload);
  const end = text.indexOf('\r\n\r\n');
  const headText = end < 0 ? text : text.slice(0, end);
  const [startLine = '', ...lines] = headText.split('\r\n');
  const headers: [string, string][] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  const lengthText = headers.find(([n]) => n.toLowerCase() === 'content-length')?.[1];
  const contentLength = lengthText && /^\d+$/.test(lengthText) ? Number(lengthText) : null;
  const body = end < 0 ? new Uint8Array(0) : payload.subarray(end + 4);
  const words = startLine.split(' ');
  const name = response ? `HTTP ${words[1] ?? ''}` : `${words[0] ?? ''} ${words[1] ?? ''}`;
  return {
    protocol: 'HTTP',
    kind: response ? 'response' : 'request',
    startLine,
    headers,
    contentLength,
    bodyBytes: body.length,
    bodyPreview: body.length === 0 ? '' : payloadText(body, 200),
    complete: first?.kind === 'message',
    name,
  };
}

const TYPE_NAMES = new Map(Object.entries(DNS_TYPE).map(([n, v]) => [v, n]));
const typeName = (type: number) => TYPE_NAMES.get(type) ?? `TYPE${type}`;

function answerText(r: DnsRecord, words: PacketWords): string {
  const value =
    'address' in r
      ? formatIpv4(r.address)
      : 'target' in r
        ? r.target
        : 'exchange' in r
          ? `${r.preference} ${r.exchange}`
          : words.say('app.dataBytes', { count: String(r.data.length) });
  return `${r.name} ${typeName(r.type)} ${value} (TTL ${r.ttl} s)`;
}

function dns(payload: Uint8Array, words: PacketWords): DnsPart | null {
  const decoded = decodeDns(payload);
  if (!decoded.ok) return null;
  const m = decoded.message;
  const f = m.flags;
  const flags = [f.qr && 'QR', f.aa && 'AA', f.tc && 'TC', f.rd && 'RD', f.ra && 'RA'].filter(
    (x): x is string => typeof x === 'string',
  );
  const q = m.questions[0];
  const rcode = rcodeName(f.rcode);
  let name: string;
  if (!f.qr) name = q ? `DNS ${typeName(q.type)}? ${q.name}` : words.say('app.dnsQuery');
  else if (f.rcode !== 0) name = `DNS ${rcode}${q ? ` ${q.name}` : ''}`;
  else {
    const a = m.answers.find((r): r is DnsRecord & { address: number } => 'address' in r);
    const mx = m.answers
      .filter((r): r is DnsRecord & { exchange: string; preference: number } => 'exchange' in r)
      .sort((x, y) => x.preference - y.preference)[0];
    name = a
      ? `DNS ${q?.name ?? a.name} = ${formatIpv4(a.address)}`
      : mx
        ? `DNS ${q?.name ?? mx.name} MX ${mx.preference} ${mx.exchange}`
        : words.say('app.dnsReply', { name: q?.name ?? '' });
  }
  return {
    protocol: 'DNS',
    kind: f.qr ? 'response' : 'query',
    id: m.id,
    flags: flags.join(' ') || words.say('app.flagsNone'),
    rcode,
    questions: m.questions.map((x) => `${x.name} ${typeName(x.type)}`),
    answers: m.answers.map((r) => answerText(r, words)),
    name: name.trim(),
  };
}

/**
 * The FTP commands or replies a segment carries, one line each: a command as its verb (upper
 * case) and argument (RFC 959 section 5.3); a reply as its code and text, a multi-line reply
 * (`230-` ... `230 `, section 4.2) joined into one. Read here rather than with the control
 * connection's parsers (ftpMessages.ts), which the embed's element should not carry.
 */
function ftp(payload: Uint8Array, kind: 'command' | 'reply'): FtpPart | null {
  const lines: string[] = [];
  const text = decoder.decode(payload).split('\n');
  if (text.at(-1) === '') text.pop();
  let open: { code: string; parts: string[] } | undefined;
  for (const raw of text) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (kind === 'command') {
      const command = /^([A-Za-z]{3,4})(?: (.*))?$/.exec(line);
      if (command) lines.push(`${command[1]?.toUpperCase()} ${command[2] ?? ''}`.trim());
      continue;
    }
    const reply = /^([1-5]\d\d)([ -]|$)(.*)$/.exec(line);
    if (open) {
      const last = reply?.[1] === open.code && reply[2] !== '-';
      open.parts.push(last ? (reply?.[3] ?? '') : line.replace(/^ /, ''));
      if (last) lines.push(`${open.code} ${open.parts.join(' ')}`.trim());
      if (last) open = undefined;
    } else if (reply?.[2] === '-') {
      open = { code: reply[1] ?? '', parts: [reply[3] ?? ''] };
    } else if (reply) {
      lines.push(`${reply[1]} ${reply[3]}`.trim());
    }
  }
  const first = lines[0];
  if (first === undefined) return null;
  const name = kind === 'command' ? `FTP ${first}` : `FTP ${first.slice(0, 3)}`;
  return { protocol: 'FTP', kind, lines, name };
}

/** Lines of a mail segment kept for the inspector. */
const MAIL_LINES = 40;
/** The commands of SMTP (RFC 5321 section 4.1, and AUTH, BDAT) and POP3 (RFC 1939, RFC 2449). */
const SMTP_VERBS = new Set(
  'HELO EHLO MAIL RCPT DATA RSET NOOP QUIT VRFY EXPN HELP AUTH BDAT'.split(' '),
);
const POP3_VERBS = new Set(
  'USER PASS STAT LIST RETR DELE NOOP RSET QUIT TOP UIDL APOP CAPA'.split(' '),
);

/**
 * A segment to or from port 25 or 110: a command line if it starts with one of the protocol's
 * verbs, a reply if it starts with a code (SMTP) or +OK/-ERR (POP3), else message text.
 */
function mail(
  payload: Uint8Array,
  protocol: 'SMTP' | 'POP3',
  from: 'client' | 'server',
  words: PacketWords,
): MailPart | null {
  const text = decoder.decode(payload);
  const lines = text.split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  const first = lines[0] ?? '';
  const verb = /^([A-Za-z]{3,4})(?: |$)/.exec(first)?.[1]?.toUpperCase();
  const cut = lines.slice(0, MAIL_LINES);
  if (from === 'client' && verb && (protocol === 'SMTP' ? SMTP_VERBS : POP3_VERBS).has(verb))
    return { protocol, kind: 'command', lines: cut, name: `${protocol} ${first}`.trim() };
  if (from === 'server' && protocol === 'SMTP') {
    // RFC 5321 section 4.2: a reply line is its three-digit code, then a space, "-" or nothing.
    const code = /^([2-5]\d\d)(?:[ -]|$)/.exec(first)?.[1];
    if (code) return { protocol, kind: 'reply', lines: cut, name: `SMTP ${code}` };
  }
  if (from === 'server' && protocol === 'POP3') {
    const status = /^(\+OK|-ERR)\b/.exec(first)?.[1];
    if (status) return { protocol, kind: 'reply', lines: cut, name: `POP3 ${status}` };
  }
  if (payload.length === 0) return null;
  const name = words.say('app.messageText', { protocol, count: String(payload.length) });
  return { protocol, kind: 'text', lines: cut, name };
}

const CONTENT_NAMES = new Map(Object.entries(CONTENT_TYPE).map(([n, v]) => [v, n]));
const HANDSHAKE_NAMES = new Map(
  Object.entries(HANDSHAKE_TYPE).map(([n, v]) => [v, n.charAt(0).toUpperCase() + n.slice(1)]),
);
const RECORD_WORDS: Record<string, string> = {
  changeCipherSpec: 'ChangeCipherSpec',
  alert: 'Alert',
  handshake: 'Handshake',
};

function tls(payload: Uint8Array, words: PacketWords): TlsPart | null {
  const records: TlsPart['records'] = [];
  let at = 0;
  while (payload.length - at >= RECORD_HEADER_LENGTH) {
    const type = payload[at] as number;
    const major = payload[at + 1] as number;
    const length = ((payload[at + 3] as number) << 8) | (payload[at + 4] as number);
    const known = CONTENT_NAMES.get(type);
    if (!known || major !== 3 || length > MAX_FRAGMENT + 256) break;
    const fragment = payload.subarray(
      at + RECORD_HEADER_LENGTH,
      at + RECORD_HEADER_LENGTH + length,
    );
    const encrypted = type === CONTENT_TYPE.applicationData;
    const hs = type === CONTENT_TYPE.handshake ? fragment[0] : undefined;
    records.push({
      type:
        known === 'applicationData'
          ? words.say('app.applicationData')
          : (RECORD_WORDS[known] ?? known),
      handshake: hs === undefined ? null : (HANDSHAKE_NAMES.get(hs) ?? `type ${hs}`),
      length,
      encrypted,
      ciphertext: encrypted ? hexBytes(fragment, 16) : null,
    });
    at += RECORD_HEADER_LENGTH + length;
  }
  if (records.length === 0) return null;
  // As Wireshark's Info column: each record's name once, in order; a lock on ciphertext.
  const names = [...new Set(records.map((r) => r.handshake ?? r.type))];
  const name = `TLS ${names.join(', ')}`;
  const encrypted = records.some((r) => r.encrypted);
  return {
    protocol: 'TLS',
    records,
    name: encrypted ? words.say('app.encrypted', { name }) : name,
  };
}
