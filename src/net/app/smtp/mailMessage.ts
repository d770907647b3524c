// An Internet message (RFC 5322): header fields and a body, written as CRLF lines and read back
// (folded fields unfolded), the date-time of a Date or Received field, addresses' parts, and a
// Subject that is not ASCII as an RFC 2047 encoded word. Plain text only: a body that is not
// ASCII is sent as 8-bit UTF-8 with MIME's three fields (RFC 2045, RFC 6152's 8BITMIME).
import { base64ToBytes, bytesToBase64 } from '../../../engine/traceJson.ts';
import { latin1 } from './dotLines.ts';

/** A message: its header fields in order (name, value without the fold) and its body text. */
export interface MailMessage {
  headers: [name: string, value: string][];
  body: string;
}

const encoder = new TextEncoder();
const utf8 = new TextDecoder();

const DAYS = 'Sun Mon Tue Wed Thu Fri Sat'.split(' ');
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/**
 * The date-time of a Date or Received field (RFC 5322 section 3.3) for `ms` milliseconds since
 * the Unix epoch, in UTC: `Thu, 01 Jan 1970 00:00:02 +0000`.
 */
export function mailDate(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
  );
}

/** The local part and domain of `user@domain` (the domain in lower case), or undefined. */
export function splitAddress(address: string): { local: string; domain: string } | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return undefined;
  return { local: address.slice(0, at), domain: address.slice(at + 1).toLowerCase() };
}

/** Whether a header value can go as it is: printable ASCII and tabs. */
const isAscii = (text: string) => /^[\t\x20-\x7e]*$/.test(text);

/** `text`, or an RFC 2047 encoded word (`=?UTF-8?B?...?=`) when it is not ASCII. */
export function encodeHeaderText(text: string): string {
  return isAscii(text) ? text : `=?UTF-8?B?${bytesToBase64(encoder.encode(text))}?=`;
}

/** A header value with its RFC 2047 encoded words (B or Q, UTF-8) decoded. */
export function decodeHeaderText(value: string): string {
  return value.replace(
    /=\?utf-8\?([bq])\?([^?]*)\?=(?:\s+(?==\?))?/gi,
    (_all, encoding: string, text: string) => {
      const bytes =
        encoding.toLowerCase() === 'b'
          ? base64ToBytes(text)
          : Uint8Array.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) =>
                  String.fromCharCode(parseInt(hex, 16)),
                ),
              (c) => c.charCodeAt(0),
            );
      return utf8.decode(bytes);
    },
  );
}

/** The value of the first header field named `name` (case-insensitive), or undefined. */
export function headerValue(message: MailMessage, name: string): string | undefined {
  const lower = name.toLowerCase();
  return message.headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}

/**
 * The bytes of a message: each field `Name: value` (a value may hold CRLF plus a space or tab,
 * a fold), an empty line, and the body's lines, every line ending in CRLF (RFC 5322 section 2.1).
 */
export function encodeMailMessage(message: MailMessage): Uint8Array {
  const head = message.headers.map(([name, value]) => `${name}: ${value}\r\n`).join('');
  const body = message.body.replace(/\r?\n/g, '\r\n');
  const text = `${head}\r\n${body}${body === '' || body.endsWith('\r\n') ? '' : '\r\n'}`;
  return encoder.encode(text);
}

/** A message read from its bytes: fields unfolded (section 2.2.3), the body as UTF-8 text. */
export function decodeMailMessage(bytes: Uint8Array): MailMessage {
  let split = -1;
  for (let i = 0; i + 3 < bytes.length; i++) {
    if (bytes[i] === 13 && bytes[i + 1] === 10 && bytes[i + 2] === 13 && bytes[i + 3] === 10) {
      split = i + 2;
      break;
    }
  }
  if (bytes.length >= 2 && bytes[0] === 13 && bytes[1] === 10) split = 0;
  const head = latin1(split < 0 ? bytes : bytes.subarray(0, split));
  const body = split < 0 ? '' : utf8.decode(bytes.subarray(split + 2));
  const headers: [string, string][] = [];
  for (const line of head.split('\r\n')) {
    if (line === '') continue;
    const last = headers.at(-1);
    if (/^[ \t]/.test(line) && last) last[1] += line;
    else {
      const colon = line.indexOf(':');
      if (colon > 0) headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
    }
  }
  return { headers, body };
}

/** The fields a message gets when it is not plain ASCII (RFC 2045, 8-bit UTF-8 text). */
export function mimeFields(body: string): [string, string][] {
  const plain = isAscii(body.replace(/\r?\n/g, ''));
  return [
    ['MIME-Version', '1.0'],
    ['Content-Type', 'text/plain; charset=UTF-8'],
    ['Content-Transfer-Encoding', plain ? '7bit' : '8bit'],
  ];
}

/** Whether the body needs 8BITMIME (a byte over 127). */
export function needs8Bit(message: Uint8Array): boolean {
  return message.some((b) => b > 127);
}
