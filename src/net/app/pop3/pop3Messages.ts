// POP3's messages (RFC 1939): commands and `+OK`/`-ERR` responses as CRLF lines, multi-line
// responses (a scan listing, a message) ended by a `.` line with dot-stuffing, the server's reader
// of commands and the client's reader of responses, which is told which responses are multi-line
// (RFC 1939 says it per command: LIST and UIDL without an argument, RETR, TOP).
import { DotLineReader, dotStuff, latin1 } from '../smtp/dotLines.ts';

/** The port (RFC 1939 section 3; IANA "pop3"). */
export { POP3_PORT } from '../mailPorts.ts';
/** The longest command line, CRLF included (RFC 2449 section 4: 255 octets). */
export const POP3_MAX_COMMAND = 255;

/** A command: its keyword in upper case and its arguments ('' when none). */
export interface Pop3Command {
  verb: string;
  argument: string;
}

/** A response: `+OK` or `-ERR`, the rest of its first line, and a multi-line body's bytes. */
export interface Pop3Response {
  ok: boolean;
  text: string;
  /** A multi-line response's lines (dot-stuffing undone, each ending in CRLF); else undefined. */
  body?: Uint8Array;
}

const encoder = new TextEncoder();

/** The bytes of a command: `USER bob\r\n`, `RETR 1\r\n`. */
export function encodePop3Command(command: Pop3Command): Uint8Array {
  if (!/^[A-Za-z]{3,4}$/.test(command.verb) || /[\r\n]/.test(command.argument))
    throw new RangeError(`bad POP3 command ${JSON.stringify(command)}`);
  const verb = command.verb.toUpperCase();
  return encoder.encode(
    command.argument === '' ? `${verb}\r\n` : `${verb} ${command.argument}\r\n`,
  );
}

/** The bytes of a response: its status line, and a multi-line body dot-stuffed and ended by `.`. */
export function encodePop3Response(response: Pop3Response): Uint8Array {
  if (/[\r\n]/.test(response.text)) throw new RangeError('a POP3 status line has no CR or LF');
  const status = `${response.ok ? '+OK' : '-ERR'}${response.text ? ` ${response.text}` : ''}\r\n`;
  const head = encoder.encode(status);
  if (!response.body) return head;
  const body = dotStuff(response.body);
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

/** The reader's events on the server: a command, or a line that is none (answered `-ERR`). */
export type Pop3CommandEvent =
  { kind: 'command'; command: Pop3Command } | { kind: 'error'; reason: string };

/** Reads a client's commands (RFC 1939 section 3: a keyword of 3 or 4 letters, then arguments). */
export class Pop3CommandReader {
  private readonly reader = new DotLineReader();

  /** Feeds stream bytes; returns the commands (or bad lines) they complete. */
  push(bytes: Uint8Array): Pop3CommandEvent[] {
    this.reader.push(bytes);
    const events: Pop3CommandEvent[] = [];
    const limit = POP3_MAX_COMMAND - 2;
    for (let line = this.reader.line(limit); line; line = this.reader.line(limit)) {
      if (line.kind === 'tooLong') {
        events.push({ kind: 'error', reason: `a line of ${line.length} bytes` });
        continue;
      }
      const match = /^([A-Za-z]{3,4})(?: (.*))?$/.exec(line.text);
      if (!match) events.push({ kind: 'error', reason: `not a command: ${line.text}` });
      else {
        const verb = (match[1] ?? '').toUpperCase();
        events.push({ kind: 'command', command: { verb, argument: (match[2] ?? '').trim() } });
      }
    }
    return events;
  }
}

/** Whether a successful response to `command` is multi-line (RFC 1939 sections 5 and 7). */
export function isMultiLine(command: Pop3Command): boolean {
  const { verb, argument } = command;
  return verb === 'RETR' || verb === 'TOP' || ((verb === 'LIST' || verb === 'UIDL') && !argument);
}

/** The reader's events on the client: a whole response, or a line that is none. */
export type Pop3ResponseEvent =
  { kind: 'response'; response: Pop3Response } | { kind: 'error'; reason: string };

/**
 * Reads a server's responses in order. The client says, for each response it waits for, whether
 * a `+OK` to it is multi-line (`expect`); the greeting is a single line.
 */
export class Pop3ResponseReader {
  private readonly reader = new DotLineReader();
  private readonly expected: boolean[] = [false];
  private status: { ok: boolean; text: string } | undefined;

  /** The next response after those already expected is to a command that may be multi-line. */
  expect(multiLine: boolean): void {
    this.expected.push(multiLine);
  }

  /** Feeds stream bytes; returns the responses they complete. */
  push(bytes: Uint8Array): Pop3ResponseEvent[] {
    this.reader.push(bytes);
    const events: Pop3ResponseEvent[] = [];
    for (;;) {
      if (this.status) {
        const body = this.reader.block();
        if (!body) break;
        events.push({ kind: 'response', response: { ...this.status, body } });
        this.status = undefined;
        this.expected.shift();
        continue;
      }
      const line = this.reader.line();
      if (!line) break;
      if (line.kind === 'tooLong') continue;
      const match = /^(\+OK|-ERR)(?: (.*))?$/.exec(line.text);
      if (!match) {
        events.push({ kind: 'error', reason: `not a response: ${line.text}` });
        continue;
      }
      const status = { ok: match[1] === '+OK', text: match[2] ?? '' };
      if (status.ok && this.expected[0]) this.status = status;
      else {
        this.expected.shift();
        events.push({ kind: 'response', response: status });
      }
    }
    return events;
  }
}

/** A scan listing's lines (`1 120`): each message's number and size in octets. */
export function parseScanListing(body: Uint8Array): { number: number; size: number }[] {
  return latin1(body)
    .split('\r\n')
    .flatMap((line) => {
      const match = /^(\d+) (\d+)/.exec(line);
      return match ? [{ number: Number(match[1]), size: Number(match[2]) }] : [];
    });
}
