import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random.ts';
import { bodyText, header, makeRequest, utf8 } from '../../net/app/http/httpMessage.ts';
import { AuthStore } from './httpAuth.ts';
import { HttpServerProtocol } from './httpServerProtocol.ts';
import { buildSite, DEFAULT_SITE } from './httpSite.ts';

function server(withAuth = false): HttpServerProtocol {
  const auth = withAuth
    ? new AuthStore(
        {
          accounts: [
            { user: 'ada', password: 'lovelace', roles: ['admin'] },
            { user: 'bob', password: 'builder' },
          ],
          protected: [{ path: '/account' }, { path: '/admin', role: 'admin' }],
          maxAttempts: 3,
        },
        new RandomStreams(1).stream('sessions'),
      )
    : undefined;
  const site = buildSite([
    ...DEFAULT_SITE,
    { path: '/account/index.html', text: 'your account' },
    { path: '/admin/index.html', text: 'admin page' },
  ]);
  return new HttpServerProtocol('web', site, auth);
}

const get = (target: string, headers: [string, string][] = []) =>
  makeRequest('GET', target, [['Host', 'web'], ...headers]);

const login = (s: HttpServerProtocol, user: string, password: string) =>
  s.route(
    makeRequest(
      'POST',
      '/login',
      [
        ['Host', 'web'],
        ['Content-Type', 'application/x-www-form-urlencoded'],
      ],
      utf8(new URLSearchParams({ user, password }).toString()),
    ),
  );

describe('HttpServerProtocol routes (RFC 9110 status semantics)', () => {
  it('serves a page with its media type, and / as /index.html', () => {
    const s = server();
    const page = s.route(get('/'));
    expect(page.status).toBe(200);
    expect(page.headers).toContainEqual(['Content-Type', 'text/html; charset=utf-8']);
    expect(bodyText(page)).toContain('<img src="/logo.png"');
  });

  it('answers 404 for a missing resource and 405 (with Allow) for a wrong method', () => {
    const s = server();
    expect(s.route(get('/missing.html')).status).toBe(404);
    const put = s.route(makeRequest('PUT', '/index.html', [['Host', 'web']]));
    expect(put.status).toBe(405);
    expect(put.headers).toContainEqual(['Allow', 'GET, HEAD']);
  });

  it('answers 400 to an HTTP/1.1 request without Host (RFC 9112 section 3.2)', () => {
    expect(server().route(makeRequest('GET', '/')).status).toBe(400);
  });

  it('has a small API: status, echo, items', () => {
    const s = server();
    expect(JSON.parse(bodyText(s.route(get('/api/status'))))).toMatchObject({ server: 'web' });
    const echo = s.route(makeRequest('POST', '/api/echo', [['Host', 'web']], utf8('ping')));
    expect(bodyText(echo)).toBe('ping');
    const created = s.route(makeRequest('POST', '/api/items', [['Host', 'web']], utf8('milk')));
    expect(created.status).toBe(201);
    expect(created.headers).toContainEqual(['Location', '/api/items/2']);
    expect(JSON.parse(bodyText(s.route(get('/api/items/2'))))).toBe('milk');
    expect(s.route(get('/api/items/9')).status).toBe(404);
  });

  it('protects paths: 401 without a session, 200 with one, 403 without the role', () => {
    const s = server(true);
    const anonymous = s.route(get('/account/index.html'));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.some(([n]) => n === 'WWW-Authenticate')).toBe(true);
    const ok = login(s, 'bob', 'builder');
    expect(ok.status).toBe(200);
    const cookie = ok.headers.find(([n]) => n === 'Set-Cookie')?.[1] ?? '';
    expect(cookie).toMatch(/^session=[0-9a-f]{32}; Path=\/; HttpOnly$/);
    const token = cookie.split(';')[0] as string;
    expect(s.route(get('/account/index.html', [['Cookie', token]])).status).toBe(200);
    expect(s.route(get('/admin/index.html', [['Cookie', token]])).status).toBe(403);
    expect(s.route(get('/account/index.html', [['Cookie', 'session=forged']])).status).toBe(401);
  });

  it('applies the most specific protection rule', () => {
    const auth = new AuthStore(
      {
        accounts: [{ user: 'bob', password: 'b' }],
        protected: [{ path: '/admin', role: 'admin' }, { path: '/admin/help' }],
      },
      new RandomStreams(1).stream('s'),
    );
    const login = auth.login('bob', 'b');
    const token = login.kind === 'ok' ? login.token : undefined;
    expect(auth.access('/admin/help/faq.html', token).kind).toBe('allowed');
    expect(auth.access('/admin/users.html', token).kind).toBe('forbidden');
    expect(auth.access('/admin/help/faq.html', undefined).kind).toBe('unauthenticated');
  });

  it('locks an account after three wrong passwords, even for the right one', () => {
    const s = server(true);
    expect(login(s, 'ada', 'x').status).toBe(401);
    expect(bodyText(login(s, 'ada', 'y'))).toContain('1 attempt(s) left');
    expect(login(s, 'ada', 'z').status).toBe(403);
    expect(login(s, 'ada', 'lovelace').status).toBe(403);
    expect(login(s, 'nobody', 'x').status).toBe(401);
  });

  it('answers a malformed request with 400 and closes; a refused connection gets 503', () => {
    const s = server();
    const [request] = s.open().receive(utf8('GARBAGE\r\n\r\n'));
    expect(request?.work).toBe(false);
    const written: Uint8Array[] = [];
    let outcome: { status: number | null; close: boolean } | undefined;
    request?.serve({ write: (b) => written.push(b), end: (o) => (outcome = o) });
    expect(outcome).toEqual({ status: 400, close: true });
    expect(new TextDecoder().decode(written[0])).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(new TextDecoder().decode(s.refusal())).toMatch(
      /^HTTP\/1\.1 503 Service Unavailable\r\n/,
    );
  });

  it('keeps HEAD to the head, with the GET Content-Length', () => {
    const s = server();
    const [request] = s.open().receive(utf8('HEAD /logo.png HTTP/1.1\r\nHost: web\r\n\r\n'));
    const written: Uint8Array[] = [];
    request?.serve({ write: (b) => written.push(b), end: () => {} });
    const text = new TextDecoder().decode(written[0]);
    expect(text).toContain('Content-Length: 5000\r\n');
    expect(text.endsWith('\r\n\r\n')).toBe(true);
    expect(header({ headers: [['content-length', '5000']] }, 'Content-Length')).toBe('5000');
  });
});
