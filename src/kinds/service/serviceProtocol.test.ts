import { describe, expect, it } from 'vitest';
import {
  encodeServiceReply,
  encodeServiceRequest,
  LineSplitter,
  MAX_LINE,
  ServiceProtocol,
  ServiceReplyParser,
} from './serviceProtocol.ts';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('the request/response service protocol', () => {
  it('frames requests as CRLF lines and replies as "OK n" plus n bytes', () => {
    expect(text(encodeServiceRequest('SELECT 1'))).toBe('SELECT 1\r\n');
    const reply = encodeServiceReply({ ok: true, body: new Uint8Array([65, 66]) });
    expect(text(reply)).toBe('OK 2\r\nAB');
    expect(text(encodeServiceReply({ ok: false, reason: 'busy' }))).toBe('ERR busy\r\n');
  });

  it('parses replies split anywhere across segments', () => {
    const parser = new ServiceReplyParser();
    const stream = new Uint8Array([
      ...encodeServiceReply({ ok: true, body: new Uint8Array(5).fill(120) }),
      ...encodeServiceReply({ ok: false, reason: 'no such table' }),
    ]);
    const replies = [...stream].flatMap((b) => parser.push(Uint8Array.of(b)));
    expect(replies).toEqual([
      { ok: true, body: new Uint8Array(5).fill(120) },
      { ok: false, reason: 'no such table' },
    ]);
  });

  it('parses every split of a stream whose bodies hold line ends, and empty bodies', () => {
    const body = new TextEncoder().encode('a\nb\r\nOK 3\n');
    const stream = new Uint8Array([
      ...encodeServiceReply({ ok: true, body }),
      ...encodeServiceReply({ ok: true, body: new Uint8Array(0) }),
      ...encodeServiceReply({ ok: false, reason: 'busy' }),
    ]);
    const expected = [
      { ok: true, body },
      { ok: true, body: new Uint8Array(0) },
      { ok: false, reason: 'busy' },
    ];
    for (let i = 0; i <= stream.length; i++) {
      for (let j = i; j <= stream.length; j++) {
        const parser = new ServiceReplyParser();
        const pieces = [stream.subarray(0, i), stream.subarray(i, j), stream.subarray(j)];
        expect(pieces.flatMap((piece) => parser.push(piece))).toEqual(expected);
      }
    }
  });

  it('takes a 10 MB reply in 1,460-byte segments whole', () => {
    const size = 10_000_000;
    const body = new Uint8Array(size).map((_, i) => i % 251);
    const stream = encodeServiceReply({ ok: true, body });
    const parser = new ServiceReplyParser();
    const replies = [];
    for (let at = 0; at < stream.length; at += 1460)
      replies.push(...parser.push(stream.subarray(at, at + 1460)));
    expect(replies).toHaveLength(1);
    const reply = replies[0] as { ok: true; body: Uint8Array };
    expect(reply.ok).toBe(true);
    // Compared as one buffer: an element-wise deep equality of 10 MB takes minutes.
    expect(Buffer.from(reply.body).equals(Buffer.from(body))).toBe(true);
  });

  it('splits lines and reports one that never ends', () => {
    const splitter = new LineSplitter();
    expect(splitter.push(new TextEncoder().encode('A 1\r\nB')).lines).toEqual(['A 1']);
    expect(splitter.push(new TextEncoder().encode(' 2\n')).lines).toEqual(['B 2']);
    expect(splitter.push(new Uint8Array(MAX_LINE + 1).fill(120)).overflow).toBe(true);
  });

  it('serves queries with work and answers a malformed line at once with ERR', () => {
    const session = new ServiceProtocol(30).open();
    const [query, bad] = session.receive(new TextEncoder().encode('SELECT * FROM t\r\n42\r\n'));
    expect(query?.work).toBe(true);
    expect(bad?.work).toBe(false);
    const written: Uint8Array[] = [];
    query?.serve({ write: (b) => written.push(b), end: () => {} });
    expect(text(written[0]!).startsWith('OK 30\r\nSELECT result')).toBe(true);
    expect(written[0]!.length).toBe('OK 30\r\n'.length + 30);
    bad?.serve({ write: (b) => written.push(b), end: () => {} });
    expect(text(written[1]!)).toBe('ERR expected VERB argument...\r\n');
  });
});
