// The incremental HTTP/1.1 parsers: segment boundaries anywhere, pipelining, Content-Length
// framing, and the error statuses RFC 9112 / RFC 9110 name for malformed input.
import { describe, expect, it } from 'vitest';
import {
  bodyText,
  encodeHttpRequest,
  encodeHttpResponse,
  makeRequest,
  makeResponse,
  utf8,
} from './httpMessage.ts';
import type { HttpRequest, HttpResponse } from './httpMessage.ts';
import { HttpRequestParser, HttpResponseParser } from './httpParser.ts';
import type { HttpParseEvent } from './httpParser.ts';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

function messages<M>(events: HttpParseEvent<M>[]): M[] {
  return events.flatMap((e) => (e.kind === 'message' ? [e.message] : []));
}

function errorOf(input: string): { status: number; reason: string } | undefined {
  const events = new HttpRequestParser().push(latin1(input));
  const error = events.find((e) => e.kind === 'error');
  return error && error.kind === 'error'
    ? { status: error.status, reason: error.reason }
    : undefined;
}

const POST = makeRequest('POST', '/form', [['Host', 'server']], utf8('name=ada&x=1'));
const GET = makeRequest('GET', '/index.html', [
  ['Host', 'server'],
  ['Accept', '*/*'],
]);

describe('HttpRequestParser', () => {
  it('parses what encodeHttpRequest wrote, for every split of the stream into two segments', () => {
    const bytes = encodeHttpRequest(POST);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const parser = new HttpRequestParser();
      const events = [...parser.push(bytes.subarray(0, cut)), ...parser.push(bytes.subarray(cut))];
      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event?.kind === 'message' && event.bytes).toBe(bytes.length);
      const [request] = messages(events);
      expect(request?.method).toBe('POST');
      expect(request?.headers).toEqual([
        ['Host', 'server'],
        ['Content-Length', '12'],
      ]);
      expect(bodyText(request as HttpRequest)).toBe('name=ada&x=1');
    }
  });

  it('parses pipelined requests fed one byte at a time (RFC 9112 section 9.3.2)', () => {
    const stream = new Uint8Array([
      ...encodeHttpRequest(GET),
      ...encodeHttpRequest(POST),
      ...encodeHttpRequest(GET),
    ]);
    const parser = new HttpRequestParser();
    const got: HttpRequest[] = [];
    for (const byte of stream) got.push(...messages(parser.push(Uint8Array.of(byte))));
    expect(got.map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
    expect(got[0]?.body).toHaveLength(0);
  });

  it('parses several requests arriving in one segment', () => {
    const stream = new Uint8Array([...encodeHttpRequest(POST), ...encodeHttpRequest(GET)]);
    expect(messages(new HttpRequestParser().push(stream)).map((r) => r.target)).toEqual([
      '/form',
      '/index.html',
    ]);
  });

  it('accepts bare LF line ends and a leading empty line (RFC 9112 section 2.2)', () => {
    const [request] = messages(
      new HttpRequestParser().push(latin1('\r\nGET / HTTP/1.1\nHost: a\n\n')),
    );
    expect(request).toMatchObject({ method: 'GET', target: '/', headers: [['Host', 'a']] });
  });

  it('trims optional whitespace around field values (RFC 9112 section 5)', () => {
    const [request] = messages(
      new HttpRequestParser().push(latin1('GET / HTTP/1.1\r\nHost: \t a \t\r\n\r\n')),
    );
    expect(request?.headers).toEqual([['Host', 'a']]);
  });

  it('accepts repeated identical Content-Length values (RFC 9110 section 8.6)', () => {
    const input = 'POST / HTTP/1.1\r\nContent-Length: 2, 2\r\nContent-Length: 2\r\n\r\nok';
    expect(bodyText(messages(new HttpRequestParser().push(latin1(input)))[0] as HttpRequest)).toBe(
      'ok',
    );
  });

  it.each([
    ['a bad request line', 'GET /\r\n\r\n', 400],
    ['two spaces in the request line', 'GET  / HTTP/1.1\r\n\r\n', 400],
    ['a bad version', 'GET / HTTX/1.1\r\n\r\n', 400],
    ['HTTP/2.0 in a request line', 'GET / HTTP/2.0\r\n\r\n', 505],
    ['a header line without a colon', 'GET / HTTP/1.1\r\nHost a\r\n\r\n', 400],
    [
      'whitespace before the colon (RFC 9112 section 5.1)',
      'GET / HTTP/1.1\r\nHost : a\r\n\r\n',
      400,
    ],
    ['obsolete line folding (section 5.2)', 'GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n', 400],
    ['a bare CR', 'GET / HTTP/1.1\r\nX: a\rb\r\n\r\n', 400],
    [
      'a non-numeric Content-Length (section 6.3)',
      'POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n',
      400,
    ],
    ['a negative Content-Length', 'POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n', 400],
    [
      'conflicting Content-Lengths',
      'POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n',
      400,
    ],
    [
      'Transfer-Encoding (section 6.1: 501)',
      'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n',
      501,
    ],
    [
      'a body over the limit (RFC 9110 section 15.5.14)',
      'POST / HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n',
      413,
    ],
  ])('reports %s', (_name, input, status) => {
    expect(errorOf(input)?.status).toBe(status);
  });

  it('reports 431 when the header section passes 8 KiB, even before it ends (RFC 6585 section 5)', () => {
    expect(errorOf(`GET / HTTP/1.1\r\nX: ${'a'.repeat(9000)}`)?.status).toBe(431);
    expect(errorOf(`GET / HTTP/1.1\r\n${'X: aaaaaaaa\r\n'.repeat(700)}\r\n`)?.status).toBe(431);
  });

  it('stops after an error: the connection must close (RFC 9112 section 6.3)', () => {
    const parser = new HttpRequestParser();
    expect(parser.push(latin1('BAD\r\n\r\n'))[0]?.kind).toBe('error');
    expect(parser.hasFailed).toBe(true);
    expect(parser.push(encodeHttpRequest(GET))).toEqual([]);
  });

  it('reports a request cut short by the end of the stream, and nothing between requests', () => {
    const parser = new HttpRequestParser();
    parser.push(encodeHttpRequest(POST).subarray(0, 30));
    expect(parser.end()).toEqual([
      { kind: 'error', status: 400, reason: 'connection closed mid-message' },
    ]);
    const idle = new HttpRequestParser();
    idle.push(encodeHttpRequest(GET));
    expect(idle.end()).toEqual([]);
  });
});

describe('HttpResponseParser', () => {
  const OK = makeResponse(200, [['Content-Type', 'text/html']], utf8('<p>hello</p>'));

  it('parses responses split anywhere', () => {
    const bytes = encodeHttpResponse(OK);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const parser = new HttpResponseParser();
      parser.expect('GET');
      const got = [
        ...messages(parser.push(bytes.subarray(0, cut))),
        ...messages(parser.push(bytes.subarray(cut))),
      ];
      expect(got.map((r) => [r.status, r.reason, bodyText(r)])).toEqual([
        [200, 'OK', '<p>hello</p>'],
      ]);
    }
  });

  it('reads no body after HEAD, 204 or 304 even with Content-Length (RFC 9112 section 6.3 rules 1-2)', () => {
    const head = encodeHttpResponse(makeResponse(200, [['Content-Length', '12']]));
    const notModified = encodeHttpResponse(makeResponse(304, [['Content-Length', '12']]));
    const parser = new HttpResponseParser();
    parser.expect('HEAD');
    parser.expect('GET');
    parser.expect('GET');
    const stream = new Uint8Array([...head, ...notModified, ...encodeHttpResponse(OK)]);
    const got = messages(parser.push(stream));
    expect(got.map((r) => [r.status, r.body.length])).toEqual([
      [200, 0],
      [304, 0],
      [200, 12],
    ]);
  });

  it('passes a 100 Continue and then the final answer to the same request', () => {
    const parser = new HttpResponseParser();
    parser.expect('HEAD');
    const stream = latin1(
      'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n',
    );
    expect(messages(parser.push(stream)).map((r) => [r.status, r.body.length])).toEqual([
      [100, 0],
      [200, 0],
    ]);
  });

  it('reads a body without Content-Length until the connection closes (section 6.3 rule 8)', () => {
    const parser = new HttpResponseParser();
    parser.expect('GET');
    expect(parser.push(latin1('HTTP/1.0 200 OK\r\n\r\nab'))).toEqual([]);
    expect(parser.push(latin1('cd'))).toEqual([]);
    const [event] = parser.end();
    expect(event?.kind === 'message' && [bodyText(event.message), event.bytes]).toEqual([
      'abcd',
      23,
    ]);
  });

  it('accepts an empty reason phrase and reports a bad status line as 502', () => {
    const [response] = messages(
      new HttpResponseParser().push(latin1('HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n')),
    );
    expect((response as HttpResponse).reason).toBe('');
    expect(new HttpResponseParser().push(latin1('HTTP/1.1 2000 OK\r\n\r\n'))[0]).toMatchObject({
      kind: 'error',
      status: 502,
    });
  });

  it('reads status lines as the RFC 9112 section 4 grammar does', () => {
    // status-line = HTTP-version SP 3DIGIT [ SP reason-phrase ], written as a regular expression.
    const grammar = /^(HTTP\/[0-9]\.[0-9]) ([0-9]{3})(?: ([^\r\n]*))?$/;
    const lines = [
      'HTTP/1.1 200 OK',
      'HTTP/1.1 200',
      'HTTP/1.1 200 ',
      'HTTP/1.0 404 Not  Found ',
      'HTTP/1.1 20 OK',
      'HTTP/1.1 2000',
      'HTTP/1.1  200 OK',
      'HTTP/1.1 200OK',
      'HTTP/1.1 2x0 OK',
      'HTTPS/1.1 200 OK',
      'http/1.1 200 OK',
      'HTTP/ 200 OK',
      'HTTP/1.1',
      ' HTTP/1.1 200 OK',
    ];
    for (const line of lines) {
      const [event] = new HttpResponseParser().push(latin1(`${line}\r\nContent-Length: 0\r\n\r\n`));
      const match = grammar.exec(line);
      if (match) {
        expect(event, line).toMatchObject({
          kind: 'message',
          message: { version: match[1], status: Number(match[2]), reason: match[3] ?? '' },
        });
      } else {
        expect(event, line).toMatchObject({ kind: 'error', status: 502 });
      }
    }
  });
});
