// FTP control-connection messages (RFC 959): commands and replies as data and as CRLF lines,
// incremental parsers over the TCP byte stream (multi-line replies included), the 227 passive
// reply, the 257 quoted path and a Unix `ls -l` style LIST listing.
import type { Ipv4Address } from '../../wire/ipv4Address.ts';

export { FTP_DATA_PORT, FTP_PORT } from '../ftpPorts.ts';

/** The commands we model (RFC 959 section 4.1); others parse too, with their letters. */
export type FtpVerb =
  'USER' | 'PASS' | 'PWD' | 'CWD' | 'TYPE' | 'PASV' | 'LIST' | 'RETR' | 'STOR' | 'QUIT';

/** A command line: the verb (upper case) and its argument ('' when none). */
export interface FtpCommand {
  verb: string;
  argument: string;
}

/** A reply: three-digit code and its text lines (one for a single-line reply). */
export interface FtpReply {
  code: number;
  lines: string[];
}

/** Reply texts (RFC 959 section 4.2.2 and 4.2.1's code meanings). */
export const FTP_REPLY_TEXT: Readonly<Record<number, string>> = {
  150: 'File status okay; about to open data connection.',
  200: 'Command okay.',
  220: 'Service ready for new user.',
  221: 'Service closing control connection.',
  226: 'Closing data connection. Requested file action successful.',
  227: 'Entering Passive Mode (h1,h2,h3,h4,p1,p2).',
  230: 'User logged in, proceed.',
  250: 'Requested file action okay, completed.',
  257: '"PATHNAME" created.',
  331: 'User name okay, need password.',
  425: "Can't open data connection.",
  426: 'Connection closed; transfer aborted.',
  500: 'Syntax error, command unrecognized.',
  501: 'Syntax error in parameters or arguments.',
  502: 'Command not implemented.',
  530: 'Not logged in.',
  550: 'Requested action not taken. File unavailable.',
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** Longest control line the parsers accept (vsftpd's limit is 4 KiB; RFC 959 sets none). */
export const FTP_MAX_LINE = 4096;

/** A reply with `text` or the standard text for `code`. */
export function ftpReply(code: number, text = FTP_REPLY_TEXT[code] ?? ''): FtpReply {
  return { code, lines: [text] };
}

/** The bytes of a command: `RETR notes.txt\r\n`, `PASV\r\n`. */
export function encodeFtpCommand(command: FtpCommand): Uint8Array {
  if (!/^[A-Za-z]{3,4}$/.test(command.verb) || /[\r\n]/.test(command.argument)) {
    throw new RangeError(`bad FTP command ${JSON.stringify(command)}`);
  }
  const verb = command.verb.toUpperCase();
  return encoder.encode(
    command.argument === '' ? `${verb}\r\n` : `${verb} ${command.argument}\r\n`,
  );
}

/**
 * The bytes of a reply. Several lines make a multi-line reply (RFC 959 section 4.2): `150-first`,
 * the middle lines as given (indented with a space if one could be taken for the last line), and
 * `150 last`.
 */
export function encodeFtpReply(reply: FtpReply): Uint8Array {
  const { code, lines } = reply;
  if (!Number.isInteger(code) || code < 100 || code > 599) {
    throw new RangeError(`FTP reply code must be 1xx-5xx, got ${code}`);
  }
  if (lines.length === 0 || lines.some((l) => /[\r\n]/.test(l))) {
    throw new RangeError('an FTP reply needs lines without CR or LF');
  }
  if (lines.length === 1) return encoder.encode(`${code} ${lines[0]}\r\n`);
  const middle = lines.slice(1, -1).map((l) => (/^[0-9]{3}[ -]/.test(l) ? ` ${l}` : l));
  const text = [`${code}-${lines[0]}`, ...middle, `${code} ${lines.at(-1)}`];
  return encoder.encode(text.map((l) => `${l}\r\n`).join(''));
}

/** Splits a byte stream into lines ending in CRLF (or a bare LF, as servers tolerate). */
class LineSplitter {
  private pending = '';

  /** The complete lines in `bytes` (without their ends); an over-long line is an Error. */
  push(bytes: Uint8Array): (string | Error)[] {
    this.pending += decoder.decode(bytes, { stream: true });
    const out: (string | Error)[] = [];
    let lf = this.pending.indexOf('\n');
    while (lf >= 0) {
      const line = this.pending.slice(0, lf);
      out.push(line.endsWith('\r') ? line.slice(0, -1) : line);
      this.pending = this.pending.slice(lf + 1);
      lf = this.pending.indexOf('\n');
    }
    if (this.pending.length > FTP_MAX_LINE) {
      this.pending = '';
      out.push(new Error(`line longer than ${FTP_MAX_LINE} characters`));
    }
    return out;
  }
}

/** What the command parser reports: a command, or a line a server answers with 500. */
export type FtpCommandEvent =
  { kind: 'command'; command: FtpCommand } | { kind: 'error'; code: number; reason: string };

/** Parses the commands a client sends on the control connection. */
export class FtpCommandParser {
  private readonly lines = new LineSplitter();

  /** Feeds stream bytes; returns the commands (or bad lines) they complete. */
  push(bytes: Uint8Array): FtpCommandEvent[] {
    return this.lines.push(bytes).map((line): FtpCommandEvent => {
      if (line instanceof Error) return { kind: 'error', code: 500, reason: line.message };
      // RFC 959 section 5.3: the command code, then SP and the argument.
      const match = /^([A-Za-z]{3,4})(?: (.*))?$/.exec(line);
      if (!match) return { kind: 'error', code: 500, reason: `not a command: ${line}` };
      const verb = (match[1] ?? '').toUpperCase();
      return { kind: 'command', command: { verb, argument: match[2] ?? '' } };
    });
  }
}

/** What the reply parser reports: a whole reply, or a line that is not FTP. */
export type FtpReplyEvent = { kind: 'reply'; reply: FtpReply } | { kind: 'error'; reason: string };

/** Parses the replies a server sends, joining multi-line replies (RFC 959 section 4.2). */
export class FtpReplyParser {
  private readonly lines = new LineSplitter();
  private open: FtpReply | undefined;

  /** Feeds stream bytes; returns the replies they complete. */
  push(bytes: Uint8Array): FtpReplyEvent[] {
    const events: FtpReplyEvent[] = [];
    for (const line of this.lines.push(bytes)) {
      if (line instanceof Error) {
        events.push({ kind: 'error', reason: line.message });
        continue;
      }
      const match = /^([1-5][0-9]{2})([ -])(.*)$/.exec(line) ?? /^([1-5][0-9]{2})()()$/.exec(line);
      const code = Number(match?.[1]);
      if (this.open) {
        if (match && code === this.open.code && match[2] !== '-') {
          this.open.lines.push(match[3] ?? '');
          events.push({ kind: 'reply', reply: this.open });
          this.open = undefined;
        } else {
          this.open.lines.push(line.startsWith(' ') ? line.slice(1) : line);
        }
      } else if (!match) {
        events.push({ kind: 'error', reason: `not a reply: ${line}` });
      } else if (match[2] === '-') {
        this.open = { code, lines: [match[3] ?? ''] };
      } else {
        events.push({ kind: 'reply', reply: { code, lines: [match[3] ?? ''] } });
      }
    }
    return events;
  }
}

/** The 227 reply (RFC 959 section 4.1.2 PASV): `Entering Passive Mode (10,0,0,1,195,80).` */
export function pasvReply(address: Ipv4Address, port: number): FtpReply {
  if (!Number.isInteger(port) || port < 0 || port > 0xffff)
    throw new RangeError(`bad port ${port}`);
  const h = [24, 16, 8, 0].map((shift) => (address >>> shift) & 0xff);
  return ftpReply(227, `Entering Passive Mode (${[...h, port >> 8, port & 0xff].join(',')}).`);
}

/** The address and port in a 227 reply's text, wherever the six numbers are; else undefined. */
export function parsePasvReply(text: string): { address: Ipv4Address; port: number } | undefined {
  const match = /(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3})/.exec(text);
  if (!match) return undefined;
  const n = match.slice(1).map(Number);
  if (n.some((x) => x > 255)) return undefined;
  const [a = 0, b = 0, c = 0, d = 0, p1 = 0, p2 = 0] = n;
  return { address: ((a << 24) | (b << 16) | (c << 8) | d) >>> 0, port: p1 * 256 + p2 };
}

/** The 257 reply to PWD: the path in quotes, inner quotes doubled (RFC 959 Appendix II). */
export function pwdReply(path: string): FtpReply {
  return ftpReply(257, `"${path.replaceAll('"', '""')}" is the current directory`);
}

/** The path of a 257 reply's text, or undefined if it has no quoted path. */
export function parsePwdReply(text: string): string | undefined {
  const match = /^"((?:[^"]|"")*)"/.exec(text);
  return match ? (match[1] ?? '').replaceAll('""', '"') : undefined;
}

/** One entry of a directory listing. */
export interface FtpListEntry {
  name: string;
  size: number;
  directory?: boolean;
  /** Last modification, ms since the Unix epoch (shown as UTC "Mon DD HH:MM"). */
  modifiedMs?: number;
  owner?: string;
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/**
 * One line in the style of `ls -l` that vsftpd sends for LIST (RFC 959 leaves the format to the
 * server; clients and tshark expect this one): `-rw-r--r--    1 ftp      ftp          1234 Jan 01 00:00 name`.
 */
export function formatListLine(entry: FtpListEntry): string {
  const date = new Date(entry.modifiedMs ?? 0);
  const two = (n: number) => String(n).padStart(2, '0');
  const when = `${MONTHS[date.getUTCMonth()]} ${two(date.getUTCDate())} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}`;
  const mode = entry.directory ? 'drwxr-xr-x' : '-rw-r--r--';
  const owner = (entry.owner ?? 'ftp').padEnd(8);
  const links = String(entry.directory ? 2 : 1).padStart(4);
  return `${mode} ${links} ${owner} ${owner} ${String(entry.size).padStart(8)} ${when} ${entry.name}`;
}

/** The bytes a LIST sends on the data connection: one CRLF-ended line per entry. */
export function encodeList(entries: readonly FtpListEntry[]): Uint8Array {
  return encoder.encode(entries.map((e) => `${formatListLine(e)}\r\n`).join(''));
}
