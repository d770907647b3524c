// HTTP/1.1 encoding (RFC 9112) and cookies (RFC 6265): exact bytes for known messages.
import { describe, expect, it } from 'vitest';
import { formatCookie, formatSetCookie, parseCookie, parseSetCookie } from './cookies.ts';
import {
  bodyText,
  encodeHttpRequest,
  encodeHttpResponse,
  header,
  headerValues,
  makeRequest,
  makeResponse,
  STATUS_REASON,
  utf8,
} from './httpMessage.ts';

const text = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

describe('encodeHttpRequest', () => {
  it('writes the request line, headers in order and CRLFs (RFC 9112 section 3, 2.1)', () => {
    const bytes = encodeHttpRequest(makeRequest('GET', '/', [['Host', 'www.example.com']]));
    expect(text(bytes)).toBe('GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n');
  });

  it('adds Content-Length for a body, after the caller headers (RFC 9110 section 8.6)', () => {
    const request = makeRequest(
      'POST',
      '/login',
      [
        ['Host', 'a'],
        ['X-B', '1'],
      ],
      utf8('u=x'),
    );
    expect(text(encodeHttpRequest(request))).toBe(
      'POST /login HTTP/1.1\r\nHost: a\r\nX-B: 1\r\nContent-Length: 3\r\n\r\nu=x',
    );
  });

  it('adds Content-Length: 0 only when asked', () => {
    const request = makeRequest('POST', '/', [['Host', 'a']]);
    expect(text(encodeHttpRequest(request))).not.toContain('Content-Length');
    expect(text(encodeHttpRequest(request, { contentLength: true }))).toContain(
      'Content-Length: 0\r\n',
    );
  });

  it('refuses header injection and bad tokens', () => {
    expect(() => encodeHttpRequest(makeRequest('GET', '/', [['X', 'a\r\nY: b']]))).toThrow();
    expect(() => encodeHttpRequest(makeRequest('GET', '/', [['Bad Name', 'v']]))).toThrow();
    expect(() => encodeHttpRequest(makeRequest('G T', '/'))).toThrow();
    expect(() => encodeHttpRequest(makeRequest('GET', '/a b'))).toThrow();
  });
});

describe('encodeHttpResponse', () => {
  it('writes the status line with the RFC 9110 reason phrase', () => {
    const bytes = encodeHttpResponse(
      makeResponse(404, [['Content-Type', 'text/plain']], utf8('no')),
    );
    expect(text(bytes)).toBe(
      'HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nno',
    );
  });

  it('keeps a caller Content-Length on a bodyless HEAD answer (RFC 9110 section 9.3.2)', () => {
    const bytes = encodeHttpResponse(makeResponse(200, [['Content-Length', '1234']]));
    expect(text(bytes)).toBe('HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n');
    expect(() =>
      encodeHttpResponse(makeResponse(200, [['Content-Length', '9']], utf8('ab'))),
    ).toThrow();
  });

  it('never adds Content-Length to 204 or 1xx (RFC 9110 section 8.6) and refuses their bodies', () => {
    expect(text(encodeHttpResponse(makeResponse(204), { contentLength: true }))).toBe(
      'HTTP/1.1 204 No Content\r\n\r\n',
    );
    expect(() => encodeHttpResponse(makeResponse(304, [], utf8('x')))).toThrow();
  });

  it('has the reason phrases of RFC 9110 section 15 and RFC 6585', () => {
    expect(STATUS_REASON[413]).toBe('Content Too Large');
    expect(STATUS_REASON[429]).toBe('Too Many Requests');
    expect(STATUS_REASON[505]).toBe('HTTP Version Not Supported');
    for (const code of [
      200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 405, 408, 500, 501, 503,
    ]) {
      expect(STATUS_REASON[code]).toBeTruthy();
    }
  });
});

describe('header lookup', () => {
  it('is case-insensitive (RFC 9110 section 5.1) and keeps every value', () => {
    const message = makeResponse(200, [
      ['Set-Cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ]);
    expect(header(message, 'SET-COOKIE')).toBe('a=1');
    expect(headerValues(message, 'Set-Cookie')).toEqual(['a=1', 'b=2']);
    expect(header(message, 'Host')).toBeUndefined();
    expect(bodyText(makeResponse(200, [], utf8('héllo')))).toBe('héllo');
  });
});

describe('cookies (RFC 6265)', () => {
  it('formats Set-Cookie as section 4.1 shows', () => {
    // RFC 6265 section 3.1's examples: "SID=31d4d96e407aad42; Path=/; Secure; HttpOnly".
    expect(
      formatSetCookie('SID', '31d4d96e407aad42', { path: '/', secure: true, httpOnly: true }),
    ).toBe('SID=31d4d96e407aad42; Path=/; Secure; HttpOnly');
    expect(formatSetCookie('lang', 'en-US', { path: '/', domain: 'example.com' })).toBe(
      'lang=en-US; Domain=example.com; Path=/',
    );
    expect(() => formatSetCookie('a', 'b;c')).toThrow();
  });

  it('parses Set-Cookie as a user agent does (section 5.2)', () => {
    expect(parseSetCookie('SID=31d4; Path=/; Secure; HttpOnly; Max-Age=60; SameSite=lax')).toEqual({
      name: 'SID',
      value: '31d4',
      path: '/',
      secure: true,
      httpOnly: true,
      maxAge: 60,
      sameSite: 'Lax',
    });
    expect(parseSetCookie('novalue')).toBeUndefined();
  });

  it('formats and parses the Cookie header (section 4.2.1: "SID=31d4d96e407aad42; lang=en-US")', () => {
    const pairs: [string, string][] = [
      ['SID', '31d4d96e407aad42'],
      ['lang', 'en-US'],
    ];
    expect(formatCookie(pairs)).toBe('SID=31d4d96e407aad42; lang=en-US');
    expect(parseCookie('SID=31d4d96e407aad42; lang=en-US')).toEqual(pairs);
    expect(parseCookie('a="q"; junk; =x')).toEqual([['a', 'q']]);
  });
});
