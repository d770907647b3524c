// A generic request/response service (a database, a cache): one line per request, one reply per
// request after the server's service time. Requests are `VERB argument...` lines; replies are
// `OK <n>` followed by n bytes, or `ERR <reason>`. Text on the wire, so a capture stays readable.

import { concatBytes } from '../../net/wire/bytes.ts';
import type {
  ProtocolSession,
  ServerProtocol,
  ServerRequest,
} from '../../machines/server/serverProtocol.ts';

/** The TCP port services listen on unless told otherwise. */
export const DEFAULT_SERVICE_PORT = 7000;
/** The reason of the ERR reply to a query over the server's rate limit. */
export const RATE_LIMITED = 'rate limited';
/** The reason of the ERR reply to a connection over the server's limits. */
export const BUSY = 'busy';
/** Longest request line accepted (bytes, CRLF included). */
export const MAX_LINE = 4096;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The bytes of a request line. */
export function encodeServiceRequest(query: string): Uint8Array {
  return encoder.encode(`${query.replace(/[\r\n]/g, ' ')}\r\n`);
}

/** The bytes of a reply: `OK <n>\r\n` then `body`, or `ERR reason\r\n`. */
export function encodeServiceReply(
  reply: { ok: true; body: Uint8Array } | { ok: false; reason: string },
): Uint8Array {
  if (!reply.ok) return encoder.encode(`ERR ${reply.reason}\r\n`);
  const head = encoder.encode(`OK ${reply.body.length}\r\n`);
  const out = new Uint8Array(head.length + reply.body.length);
  out.set(head, 0);
  out.set(reply.body, head.length);
  return out;
}

/** Splits a byte stream into CRLF- (or LF-) terminated lines. */
export class LineSplitter {
  private pending = '';
  /** Lines completed by `bytes`; `overflow` when a line grows past MAX_LINE without ending. */
  push(bytes: Uint8Array): { lines: string[]; overflow: boolean } {
    this.pending += decoder.decode(bytes, { stream: true });
    const lines: string[] = [];
    let at: number;
    while ((at = this.pending.indexOf('\n')) >= 0) {
      lines.push(this.pending.slice(0, at).replace(/\r$/, ''));
      this.pending = this.pending.slice(at + 1);
    }
    return { lines, overflow: this.pending.length > MAX_LINE };
  }
}

type ServiceReply = { ok: true; body: Uint8Array } | { ok: false; reason: string };

/**
 * Parses replies from the stream: `OK n` plus n bytes, or `ERR reason`. Each byte is copied once
 * (into the line it ends or the body it belongs to), so a reply of any size costs time in
 * proportion to its bytes, however many segments it came in.
 */
export class ServiceReplyParser {
  /** The status line read so far, in pieces. */
  private line: Uint8Array[] = [];
  /** The body being read: its pieces and how many bytes it still lacks. */
  private body: Uint8Array[] | undefined;
  private missing = 0;

  push(bytes: Uint8Array): ServiceReply[] {
    const replies: ServiceReply[] = [];
    let at = 0;
    while (at < bytes.length) {
      if (this.body) {
        const take = Math.min(this.missing, bytes.length - at);
        this.body.push(bytes.slice(at, at + take));
        this.missing -= take;
        at += take;
        if (this.missing === 0) {
          replies.push({ ok: true, body: joinPieces(this.body) });
          this.body = undefined;
        }
        continue;
      }
      const end = bytes.indexOf(0x0a, at);
      this.line.push(bytes.slice(at, end < 0 ? bytes.length : end));
      if (end < 0) break;
      at = end + 1;
      const line = decoder.decode(joinPieces(this.line)).replace(/\r$/, '');
      this.line = [];
      const ok = /^OK (\d+)$/.exec(line);
      if (!ok) {
        const reason = line.startsWith('ERR ')
          ? line.slice(4)
          : `bad reply ${JSON.stringify(line.slice(0, 40))}`;
        replies.push({ ok: false, reason });
      } else if (Number(ok[1]) === 0) replies.push({ ok: true, body: new Uint8Array(0) });
      else {
        this.body = [];
        this.missing = Number(ok[1]);
      }
    }
    return replies;
  }
}

/** The pieces as one array (the piece itself when there is one). */
function joinPieces(pieces: readonly Uint8Array[]): Uint8Array {
  return pieces.length === 1 ? (pieces[0] as Uint8Array) : concatBytes(pieces);
}

/** The server side: every well-formed line is a query answered with `responseSize` bytes. */
export class ServiceProtocol implements ServerProtocol {
  constructor(private readonly responseSize: number) {}

  refusal(): Uint8Array {
    return encodeServiceReply({ ok: false, reason: BUSY });
  }

  open(): ProtocolSession {
    const splitter = new LineSplitter();
    let broken = false;
    const answer = (
      label: string,
      work: boolean,
      reply: Parameters<typeof encodeServiceReply>[0],
      close: boolean,
    ): ServerRequest => ({
      label,
      work,
      serve: (channel) => {
        channel.write(encodeServiceReply(reply));
        channel.end({ status: reply.ok ? null : 400, close });
      },
    });
    return {
      receive: (bytes) => {
        if (broken) return [];
        const { lines, overflow } = splitter.push(bytes);
        const requests = lines.map((line) => {
          const verb = /^[A-Za-z]+(?: .*)?$/.test(line)
            ? line.split(' ')[0]?.toUpperCase()
            : undefined;
          if (!verb)
            return answer(
              `bad request ${JSON.stringify(line.slice(0, 40))}`,
              false,
              { ok: false, reason: 'expected VERB argument...' },
              false,
            );
          const body = encoder.encode(
            `${verb} result `.repeat(Math.ceil(this.responseSize / 10)).slice(0, this.responseSize),
          );
          const label = line.length > 60 ? `${line.slice(0, 57)}...` : line;
          return {
            ...answer(label, true, { ok: true, body }, false),
            // Over the server's rate limit: `ERR rate limited`, traced with the limit's status.
            limited: ({ status }: { status: number }): ServerRequest => ({
              label,
              work: false,
              serve: (channel) => {
                channel.write(encodeServiceReply({ ok: false, reason: RATE_LIMITED }));
                channel.end({ status, close: false });
              },
            }),
          };
        });
        if (overflow) {
          broken = true;
          requests.push(
            answer(
              'line too long',
              false,
              { ok: false, reason: `line longer than ${MAX_LINE} bytes` },
              true,
            ),
          );
        }
        return requests;
      },
    };
  }
}
