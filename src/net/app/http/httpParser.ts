// Incremental HTTP/1.1 parsers (RFC 9112) over a TCP byte stream: bytes arrive in segments of any
// size, messages may be pipelined, bodies are framed by Content-Length; malformed input is an event.
//
// Choices, with the RFC text that allows them:
// - Lines may end in CRLF or a bare LF (9112 section 2.2 MAY); a bare CR elsewhere is an error.
// - Empty lines before a request-line are skipped (9112 section 2.2 SHOULD ignore at least one).
// - Whitespace before the colon and obsolete line folding are rejected with 400 (9112 5.1, 5.2).
// - A header section longer than `maxHeaderBytes` (8 KiB) is 431 (RFC 6585 section 5).
// - Content-Length that is not digits, or repeated with different values, is 400 (9112 6.3 rule
//   5); repeated identical values are accepted as one (RFC 9110 section 8.6).
// - Any Transfer-Encoding, chunked included, is 501 Not Implemented: "A server that receives a
//   request message with a transfer coding it does not understand SHOULD respond with 501" (9112
//   section 6.1). Our senders always use Content-Length.
// - A body longer than `maxBodyBytes` (1 MiB) is 413 (RFC 9110 section 15.5.14).
// - A major version other than 1 is 505 (RFC 9110 section 15.6.6).
// - Responses: 1xx, 204, 304 and any answer to HEAD have no body; without Content-Length the body
//   runs to the end of the connection (9112 section 6.3 rules 1, 2 and 8), delivered by `end()`.
//   Response errors carry status 502, what a gateway would answer (RFC 9110 section 15.6.3).
// After an error the parser is stuck: the connection must be closed (9112 section 6.3).

import { concatBytes } from '../../wire/bytes.ts';
import { freshBytes, NO_BYTES } from '../../wire/freshBytes.ts';
import { isBodylessStatus, TOKEN } from './httpMessage.ts';
import type { HttpHeaders, HttpRequest, HttpResponse } from './httpMessage.ts';

/** A malformed message: the status a server should answer with, and why, for the trace. */
export interface HttpParseError {
  kind: 'error';
  status: number;
  reason: string;
}

/** What `push` reports: a whole message (with the stream bytes it took) or an error. */
export type HttpParseEvent<M> = { kind: 'message'; message: M; bytes: number } | HttpParseError;

/** Limits of one parser. */
export interface HttpParserLimits {
  maxHeaderBytes?: number;
  maxBodyBytes?: number;
}

interface Head {
  start: string;
  headers: HttpHeaders;
}

const LF = 0x0a;
const CR = 0x0d;
const DEFAULT_MAX_HEADER = 8 * 1024;
const DEFAULT_MAX_BODY = 1 << 20;

class ParseFailure extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Latin-1 text of bytes (field values are opaque octets, RFC 9110 section 5.5). */
function latin1(bytes: Uint8Array, from: number, to: number): string {
  // One call with the bytes as arguments: half the time of adding a character at a time. Lines
  // are at most maxHeaderBytes long, far below the engines' argument limits.
  return String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
}

/** Index of the first byte after `from` that is not a space or tab, up to `to`. */
function skipBlanks(text: string, from: number, to: number): number {
  while (from < to && (text.charCodeAt(from) === 0x20 || text.charCodeAt(from) === 0x09)) from++;
  return from;
}

/** The shared machinery: buffering, line splitting, header fields, Content-Length bodies. */
abstract class StreamParser<M> {
  private buffer = new Uint8Array(0);
  private start = 0; // first unread byte in `buffer`
  private limit = 0; // one past the last buffered byte
  private lines: string[] = [];
  private headBytes = 0;
  private messageBytes = 0;
  private head: Head | undefined;
  /** The message being read, built once its head is complete. */
  private message: (M & { headers: HttpHeaders; body: Uint8Array }) | undefined;
  private body: Uint8Array | undefined;
  private bodyFilled = 0;
  private untilClose: Uint8Array[] | undefined;
  private failed = false;
  protected readonly maxHeaderBytes: number;
  protected readonly maxBodyBytes: number;

  constructor(limits: HttpParserLimits = {}) {
    this.maxHeaderBytes = limits.maxHeaderBytes ?? DEFAULT_MAX_HEADER;
    this.maxBodyBytes = limits.maxBodyBytes ?? DEFAULT_MAX_BODY;
  }

  /** The status an error of this side carries. */
  protected abstract readonly errorStatus: number;
  /** Checks the start line and returns the message without its body, or throws ParseFailure. */
  protected abstract build(head: Head): M & { headers: HttpHeaders; body: Uint8Array };
  /** Whether the message can have no body at all (HEAD responses, 204, ...). */
  protected abstract bodyless(message: M): boolean;
  /** Whether a message without Content-Length runs to the close of the connection. */
  protected abstract readsUntilClose(): boolean;
  /** Called when a message is complete (the response parser forgets the request it answered). */
  protected completed(_message: M): void {}

  /** True once an error was reported; every later push returns nothing. */
  get hasFailed(): boolean {
    return this.failed;
  }

  /** Feeds the next bytes of the stream; returns the messages (or the error) they complete. */
  push(bytes: Uint8Array): HttpParseEvent<M>[] {
    if (this.failed || bytes.length === 0) return [];
    if (this.untilClose) {
      this.untilClose.push(bytes.slice());
      this.messageBytes += bytes.length;
      return [];
    }
    this.append(bytes);
    const events: HttpParseEvent<M>[] = [];
    try {
      for (;;) {
        const message = this.step();
        if (!message) break;
        events.push(message);
        if (this.untilClose) break;
      }
    } catch (error) {
      if (!(error instanceof ParseFailure)) throw error;
      this.failed = true;
      events.push({ kind: 'error', status: error.status, reason: error.reason });
    }
    return events;
  }

  /**
   * The connection closed (FIN): completes a body read until close, or reports a message cut short
   * (RFC 9112 section 8: an incomplete message). Empty when the stream ended between messages.
   */
  end(): HttpParseEvent<M>[] {
    if (this.failed) return [];
    this.failed = true;
    if (this.untilClose && this.head) {
      const body = concatBytes(this.untilClose);
      const message = this.build(this.head);
      message.body = body;
      return [{ kind: 'message', message, bytes: this.messageBytes }];
    }
    const pending = this.head !== undefined || this.lines.length > 0 || this.limit > this.start;
    return pending
      ? [{ kind: 'error', status: this.errorStatus, reason: 'connection closed mid-message' }]
      : [];
  }

  private append(bytes: Uint8Array): void {
    if (this.limit + bytes.length > this.buffer.length) {
      const live = this.limit - this.start;
      const size = Math.max(live + bytes.length, this.buffer.length * 2, 256);
      const next = freshBytes(size);
      next.set(this.buffer.subarray(this.start, this.limit), 0);
      this.buffer = next;
      this.start = 0;
      this.limit = live;
    }
    this.buffer.set(bytes, this.limit);
    this.limit += bytes.length;
  }

  /** Advances over buffered bytes; returns a completed message or undefined when more is needed. */
  private step(): HttpParseEvent<M> | undefined {
    while (!this.head) {
      const line = this.nextLine();
      if (line === undefined) return undefined;
      if (line === '') {
        if (this.lines.length === 0) continue; // leading empty line, 9112 section 2.2
        this.head = this.finishHead();
        this.message = this.build(this.head);
      } else {
        this.lines.push(line);
      }
    }
    const message = this.message as M & { headers: HttpHeaders; body: Uint8Array };
    if (!this.body) {
      const length = this.bodyLength(message);
      if (length === 'untilClose') {
        this.untilClose = [this.buffer.slice(this.start, this.limit)];
        this.messageBytes += this.limit - this.start;
        this.start = this.limit;
        return undefined;
      }
      this.body = length === 0 ? NO_BYTES : freshBytes(length);
      this.bodyFilled = 0;
    }
    const take = Math.min(this.body.length - this.bodyFilled, this.limit - this.start);
    this.body.set(this.buffer.subarray(this.start, this.start + take), this.bodyFilled);
    this.bodyFilled += take;
    this.start += take;
    if (this.bodyFilled < this.body.length) return undefined;
    message.body = this.body;
    const bytes = this.messageBytes + this.body.length;
    this.head = undefined;
    this.message = undefined;
    this.body = undefined;
    this.lines = [];
    this.headBytes = 0;
    this.messageBytes = 0;
    this.completed(message);
    return { kind: 'message', message, bytes };
  }

  /** The next line without its CRLF or LF, or undefined when no full line is buffered yet. */
  private nextLine(): string | undefined {
    const buffer = this.buffer;
    let lf = this.start;
    while (lf < this.limit && buffer[lf] !== LF) lf++;
    lf -= this.start;
    if (lf === this.limit - this.start) {
      if (this.headBytes + (this.limit - this.start) > this.maxHeaderBytes) {
        throw new ParseFailure(431, `header section longer than ${this.maxHeaderBytes} bytes`);
      }
      return undefined;
    }
    const from = this.start;
    let to = from + lf;
    this.start = to + 1;
    this.headBytes += lf + 1;
    this.messageBytes += lf + 1;
    if (this.headBytes > this.maxHeaderBytes) {
      throw new ParseFailure(431, `header section longer than ${this.maxHeaderBytes} bytes`);
    }
    if (to > from && this.buffer[to - 1] === CR) to--;
    for (let i = from; i < to; i++) {
      const c = this.buffer[i] as number;
      if (c === CR || c === 0) throw new ParseFailure(400, 'bare CR or NUL in the header section');
    }
    if (this.lines.length === 0 && to === from) this.headBytes = 0; // skipped leading line
    return latin1(this.buffer, from, to);
  }

  private finishHead(): Head {
    const lines = this.lines;
    const start = lines[0] ?? '';
    const headers: HttpHeaders = [];
    for (let l = 1; l < lines.length; l++) {
      const line = lines[l] as string;
      const first = line.charCodeAt(0);
      if (first === 0x20 || first === 0x09) {
        throw new ParseFailure(this.errorStatus, 'obsolete line folding in a header field');
      }
      const colon = line.indexOf(':');
      if (colon <= 0)
        throw new ParseFailure(this.errorStatus, `header line without a name: ${line}`);
      const name = line.slice(0, colon);
      if (!TOKEN.test(name)) {
        throw new ParseFailure(this.errorStatus, `bad header field name ${JSON.stringify(name)}`);
      }
      // The value without the optional whitespace around it (RFC 9112 section 5).
      let end = line.length;
      while (
        end > colon + 1 &&
        (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x09)
      )
        end--;
      headers.push([name, line.slice(skipBlanks(line, colon + 1, end), end)]);
    }
    return { start, headers };
  }

  private bodyLength(message: M & { headers: HttpHeaders }): number | 'untilClose' {
    let transferEncoding = false;
    let length: number | undefined;
    for (const [name, value] of message.headers) {
      const lower = name.toLowerCase();
      if (lower === 'transfer-encoding') transferEncoding = true;
      if (lower !== 'content-length') continue;
      for (const part of value.split(',')) {
        const text = part.trim();
        if (!/^[0-9]+$/.test(text)) {
          throw new ParseFailure(this.errorStatus, `bad Content-Length ${JSON.stringify(value)}`);
        }
        const n = Number(text);
        if (length !== undefined && n !== length) {
          throw new ParseFailure(this.errorStatus, 'conflicting Content-Length values');
        }
        length = n;
      }
    }
    if (this.bodyless(message)) return 0;
    if (transferEncoding) {
      const status = this.errorStatus === 400 ? 501 : this.errorStatus;
      throw new ParseFailure(status, 'Transfer-Encoding is not supported');
    }
    if (length === undefined) return this.readsUntilClose() ? 'untilClose' : 0;
    if (length > this.maxBodyBytes) {
      throw new ParseFailure(this.errorStatus === 400 ? 413 : this.errorStatus, 'body too large');
    }
    return length;
  }
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function checkVersion(version: string, status: number): void {
  if (!/^HTTP\/[0-9]\.[0-9]$/.test(version)) {
    throw new ParseFailure(status, `bad HTTP version ${JSON.stringify(version)}`);
  }
  if (version[5] !== '1')
    throw new ParseFailure(status === 400 ? 505 : status, 'unsupported version');
}

/** Parses the requests a client sends a server (RFC 9112 section 3). */
export class HttpRequestParser extends StreamParser<HttpRequest> {
  protected readonly errorStatus = 400;

  protected build(head: Head): HttpRequest {
    const parts = head.start.split(' ');
    const [method = '', target = '', version = ''] = parts;
    if (parts.length !== 3 || !TOKEN.test(method) || target === '' || /\s/.test(target)) {
      throw new ParseFailure(400, `bad request line ${JSON.stringify(head.start)}`);
    }
    checkVersion(version, 400);
    return { method, target, version, headers: head.headers, body: NO_BYTES };
  }

  protected bodyless(): boolean {
    return false;
  }

  protected readsUntilClose(): boolean {
    return false; // a request without Content-Length has no body, 9112 section 6.3 rule 7
  }
}

/**
 * Parses the responses a server sends back (RFC 9112 section 4). Call `expect(method)` once per
 * request sent, in order, so a response to HEAD is known to have no body.
 */
export class HttpResponseParser extends StreamParser<HttpResponse> {
  protected readonly errorStatus = 502;
  private readonly methods: string[] = [];

  /** Notes that a request with `method` was sent; responses answer requests in order. */
  expect(method: string): void {
    this.methods.push(method);
  }

  protected build(head: Head): HttpResponse {
    // status-line = HTTP-version SP 3DIGIT SP [ reason-phrase ] (RFC 9112 section 4); a missing
    // last SP is accepted too. Read by hand: a regular expression's match was 4% of an HTTP run.
    const line = head.start;
    const space = line.indexOf(' ');
    const after = space + 4; // one past the three digits
    if (
      space < 5 ||
      !line.startsWith('HTTP/') ||
      !isDigit(line.charCodeAt(space + 1)) ||
      !isDigit(line.charCodeAt(space + 2)) ||
      !isDigit(line.charCodeAt(space + 3)) ||
      (line.length > after && line.charCodeAt(after) !== 0x20)
    ) {
      throw new ParseFailure(502, `bad status line ${JSON.stringify(line)}`);
    }
    const version = line.slice(0, space);
    checkVersion(version, 502);
    const status = Number(line.slice(space + 1, after));
    const reason = line.length > after ? line.slice(after + 1) : '';
    return { version, status, reason, headers: head.headers, body: NO_BYTES };
  }

  protected bodyless(message: HttpResponse): boolean {
    return this.methods[0] === 'HEAD' || isBodylessStatus(message.status);
  }

  protected readsUntilClose(): boolean {
    return true;
  }

  protected override completed(message: HttpResponse): void {
    if (message.status >= 200) this.methods.shift(); // a 1xx is interim: the final answer follows
  }
}
