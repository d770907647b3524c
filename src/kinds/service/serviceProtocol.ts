// A generic request/response service (a database, a cache): one line per request, one reply per
// request after the server's service time. Requests are `VERB argument...` lines; replies are
// `OK <n>` followed by n bytes, or `ERR <reason>`. Text on the wire, so a capture stays readable.

import type {
  ProtocolSession,
  ServerProtocol,
  ServerRequest,
} from '../../machines/server/serverProtocol.ts';

/** The TCP port services listen on unless told otherwise. */
export const DEFAULT_SERVICE_PORT = 7000;
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

/** Parses replies from the stream: `OK n` plus n bytes, or `ERR reason`. */
export class ServiceReplyParser {
  private buffer = new Uint8Array(0);

  push(bytes: Uint8Array): ({ ok: true; body: Uint8Array } | { ok: false; reason: string })[] {
    const joined = new Uint8Array(this.buffer.length + bytes.length);
    joined.set(this.buffer, 0);
    joined.set(bytes, this.buffer.length);
    this.buffer = joined;
    const replies: ({ ok: true; body: Uint8Array } | { ok: false; reason: string })[] = [];
    for (;;) {
      const end = this.buffer.indexOf(0x0a);
      if (end < 0) break;
      const line = decoder.decode(this.buffer.subarray(0, end)).replace(/\r$/, '');
      const ok = /^OK (\d+)$/.exec(line);
      if (ok) {
        const length = Number(ok[1]);
        if (this.buffer.length < end + 1 + length) break;
        replies.push({ ok: true, body: this.buffer.slice(end + 1, end + 1 + length) });
        this.buffer = this.buffer.slice(end + 1 + length);
      } else {
        replies.push({
          ok: false,
          reason: line.startsWith('ERR ')
            ? line.slice(4)
            : `bad reply ${JSON.stringify(line.slice(0, 40))}`,
        });
        this.buffer = this.buffer.slice(end + 1);
      }
    }
    return replies;
  }
}

/** The server side: every well-formed line is a query answered with `responseSize` bytes. */
export class ServiceProtocol implements ServerProtocol {
  constructor(private readonly responseSize: number) {}

  refusal(): Uint8Array {
    return encodeServiceReply({ ok: false, reason: 'busy' });
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
          return answer(
            line.length > 60 ? `${line.slice(0, 57)}...` : line,
            true,
            { ok: true, body },
            false,
          );
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
