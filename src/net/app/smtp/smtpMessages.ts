// SMTP's messages (RFC 5321): commands and replies as data and as CRLF lines, the server's reader
// of a client's stream (commands, then after a 354 the message text up to CRLF.CRLF, its
// dot-stuffing undone), the client's reader of replies (multi-line ones joined: `250-` lines, then
// `250 `), the paths of MAIL FROM and RCPT TO, and a Postfix server's reply texts.
import { DotLineReader, dotStuff, latin1 } from './dotLines.ts';

/** The port of mail transfer between servers (RFC 5321 section 4.5.4.2; IANA "smtp"). */
export { SMTP_PORT } from '../mailPorts.ts';
/** The longest command line, CRLF included (RFC 5321 section 4.5.3.1.4). */
export const SMTP_MAX_COMMAND = 512;
/** The longest text line of a message, CRLF included (RFC 5321 section 4.5.3.1.6). */
export const SMTP_MAX_TEXT_LINE = 1000;

/** A command line: the verb in upper case and the rest of the line ('' when none). */
export interface SmtpCommand {
  verb: string;
  argument: string;
}

/** A reply: the three-digit code and its lines of text (several for a multi-line reply). */
export interface SmtpReply {
  code: number;
  lines: string[];
}

const encoder = new TextEncoder();

/** A reply of one line or more. */
export function smtpReply(code: number, ...lines: string[]): SmtpReply {
  return { code, lines: lines.length === 0 ? [''] : lines };
}

/** The bytes of a command: `EHLO mail.a.example\r\n`, `MAIL FROM:<a@a.example>\r\n`. */
export function encodeSmtpCommand(command: SmtpCommand): Uint8Array {
  if (!/^[A-Za-z]{4}$/.test(command.verb) || /[\r\n]/.test(command.argument))
    throw new RangeError(`bad SMTP command ${JSON.stringify(command)}`);
  const verb = command.verb.toUpperCase();
  return encoder.encode(
    command.argument === '' ? `${verb}\r\n` : `${verb} ${command.argument}\r\n`,
  );
}

/**
 * The bytes of a reply (RFC 5321 section 4.2.1): every line but the last is `code-text`, the last
 * `code text`.
 */
export function encodeSmtpReply(reply: SmtpReply): Uint8Array {
  const { code, lines } = reply;
  if (!Number.isInteger(code) || code < 200 || code > 599)
    throw new RangeError(`an SMTP reply code is 2xx to 5xx, got ${code}`);
  if (lines.length === 0 || lines.some((l) => /[\r\n]/.test(l)))
    throw new RangeError('an SMTP reply needs lines without CR or LF');
  const text = lines.map((line, i) => `${code}${i === lines.length - 1 ? ' ' : '-'}${line}`);
  return encoder.encode(text.map((l) => `${l.trimEnd()}\r\n`).join(''));
}

/** The message text as DATA sends it: dot-stuffed, ending in CRLF.CRLF (section 4.5.2). */
export function encodeSmtpData(message: Uint8Array): Uint8Array {
  return dotStuff(message);
}

/** `FROM:<alice@a.example>` or `TO:<bob@b.example>` with a path: the address ('' for `<>`). */
export function smtpPathArgument(keyword: 'FROM' | 'TO', address: string, params = ''): string {
  return `${keyword}:<${address}>${params ? ` ${params}` : ''}`;
}

/**
 * The address of a MAIL FROM or RCPT TO argument (`FROM:<a@b>`, with any parameters after it),
 * '' for the null path `<>`, or undefined when it is not that keyword with a path (a 501).
 */
export function parseSmtpPath(keyword: 'FROM' | 'TO', argument: string): string | undefined {
  const match = new RegExp(`^${keyword}:\\s?<([^<>\\s]*)>(?:\\s.*)?$`, 'i').exec(argument);
  if (!match) return undefined;
  const address = match[1] ?? '';
  // A source route (`<@relay:user@host>`) is accepted and ignored (RFC 5321 section 4.1.2, C.).
  const at = address.lastIndexOf(':');
  return address.startsWith('@') && at > 0 ? address.slice(at + 1) : address;
}

/** What the server's reader hands out. */
export type SmtpServerEvent =
  | { kind: 'command'; command: SmtpCommand }
  /** A line that is no command: `code` is the 500-class reply it gets. */
  | { kind: 'error'; code: number; reason: string }
  /** The message text of a DATA, dot-stuffing undone, without the final `.` line. */
  | { kind: 'data'; message: Uint8Array };

/**
 * Reads what a client sends: command lines, and after the server has answered DATA with 354
 * (`expectData`), the message text up to its `.` line. The server takes one event at a time
 * (`next`), so it can switch modes between them.
 */
export class SmtpServerReader {
  private readonly reader = new DotLineReader();
  private data = false;

  /** Appends bytes that arrived. */
  push(bytes: Uint8Array): void {
    this.reader.push(bytes);
  }

  /** The next bytes are message text, up to CRLF.CRLF. */
  expectData(): void {
    this.data = true;
  }

  /** The next command, line error or message, or undefined until one has arrived. */
  next(): SmtpServerEvent | undefined {
    if (this.data) {
      const message = this.reader.block();
      if (!message) return undefined;
      this.data = false;
      return { kind: 'data', message };
    }
    const line = this.reader.line(SMTP_MAX_COMMAND - 2);
    if (!line) return undefined;
    if (line.kind === 'tooLong')
      return { kind: 'error', code: 500, reason: `a line of ${line.length} bytes` };
    // RFC 5321 section 4.1.1: a verb of letters, then SP and its arguments.
    const match = /^([A-Za-z]{4})(?: (.*))?$/.exec(line.text);
    if (!match) return { kind: 'error', code: 500, reason: `not a command: ${line.text}` };
    const verb = (match[1] ?? '').toUpperCase();
    return { kind: 'command', command: { verb, argument: (match[2] ?? '').trim() } };
  }
}

/** What the client's reader hands out: a whole reply, or a line that is no reply. */
export type SmtpReplyEvent =
  { kind: 'reply'; reply: SmtpReply } | { kind: 'error'; reason: string };

/** Reads a server's replies, joining the lines of a multi-line one (RFC 5321 section 4.2.1). */
export class SmtpReplyParser {
  private readonly reader = new DotLineReader();
  private open: SmtpReply | undefined;

  /** Feeds stream bytes; returns the replies they complete. */
  push(bytes: Uint8Array): SmtpReplyEvent[] {
    this.reader.push(bytes);
    const events: SmtpReplyEvent[] = [];
    for (let line = this.reader.line(); line; line = this.reader.line()) {
      if (line.kind === 'tooLong') continue;
      const match = /^([2-5][0-9]{2})([ -]|$)(.*)$/.exec(line.text);
      if (!match) {
        this.open = undefined;
        events.push({ kind: 'error', reason: `not a reply: ${line.text}` });
        continue;
      }
      const code = Number(match[1]);
      const text = match[3] ?? '';
      if (this.open && this.open.code !== code) {
        this.open = undefined;
        events.push({ kind: 'error', reason: `reply ${code} inside a ${code} reply` });
        continue;
      }
      const reply = this.open ?? { code, lines: [] };
      reply.lines.push(text);
      if (match[2] === '-') this.open = reply;
      else {
        this.open = undefined;
        events.push({ kind: 'reply', reply });
      }
    }
    return events;
  }
}

/** A reply's text as one line: its lines joined by a space. */
export function smtpReplyText(reply: SmtpReply): string {
  return reply.lines.join(' ');
}

/** The enhanced status code a reply's text starts with (RFC 3463: `5.7.1`), or undefined. */
export function enhancedStatus(reply: SmtpReply): string | undefined {
  return /^([245]\.\d{1,3}\.\d{1,3})\b/.exec(reply.lines.at(-1) ?? '')?.[1];
}

/** Bytes as the text a command or reply line is (one character a byte). */
export { latin1 };
