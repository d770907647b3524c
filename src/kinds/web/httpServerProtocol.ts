// HTTP/1.1 as a server process serves it: requests parsed from the stream (400 for what cannot be
// parsed), then routed to the static site, the small API, or login, with 401/403/404/405 answers.

import {
  bodyText,
  encodeHttpResponse,
  header,
  makeResponse,
  utf8,
  type HttpHeaders,
  type HttpRequest,
} from '../../net/app/http/httpMessage.ts';
import { HttpRequestParser } from '../../net/app/http/httpParser.ts';
import { formatSetCookie, parseCookie } from '../../net/app/http/cookies.ts';
import type {
  ProtocolSession,
  ServerProtocol,
  ServerRequest,
} from '../../machines/server/serverProtocol.ts';
import { SESSION_COOKIE, type AuthStore } from './httpAuth.ts';
import type { SiteResource } from './httpSite.ts';

export const SERVER_HEADER: [string, string] = ['Server', 'handshake/1'];

/** A reply before encoding, and whether the connection closes after it. */
interface Answer {
  status: number;
  headers: HttpHeaders;
  body: Uint8Array;
}

const text = (status: number, message: string, headers: HttpHeaders = []): Answer => ({
  status,
  headers: [['Content-Type', 'text/plain; charset=utf-8'], ...headers],
  body: utf8(`${message}\n`),
});

/** The web server's application: site, API and accounts. */
export class HttpServerProtocol implements ServerProtocol {
  private readonly items: string[] = ['first item'];
  private served = 0;

  constructor(
    private readonly node: string,
    private readonly site: ReadonlyMap<string, SiteResource>,
    private readonly auth: AuthStore | undefined,
  ) {}

  open(): ProtocolSession {
    const parser = new HttpRequestParser();
    let broken = false;
    return {
      receive: (bytes) => {
        if (broken) return [];
        const requests: ServerRequest[] = [];
        for (const event of parser.push(bytes)) {
          if (event.kind === 'error') {
            broken = true; // the stream cannot be read past a malformed message
            const answer = text(event.status, `${event.reason}`);
            requests.push(this.request(`${event.status} (${event.reason})`, false, answer, true));
            break;
          }
          requests.push(this.routeLater(event.message));
        }
        return requests;
      },
    };
  }

  refusal(): Uint8Array {
    return encode(text(503, 'server busy, try again', [['Retry-After', '1']]), true);
  }

  private request(label: string, work: boolean, answer: Answer, close: boolean): ServerRequest {
    return {
      label,
      work,
      serve: (reply) => {
        reply.write(encode(answer, close));
        reply.end({ status: answer.status, close });
      },
    };
  }

  /** A parsed request: routed when its work is done, so it sees the state at that time. */
  private routeLater(request: HttpRequest): ServerRequest {
    const close = wantsClose(request);
    return {
      label: `${request.method} ${request.target}`,
      work: true,
      serve: (reply) => {
        const answer = this.route(request);
        const bytes = encode(answer, close);
        reply.write(request.method === 'HEAD' ? headOnly(bytes, answer.body.length) : bytes);
        reply.end({ status: answer.status, close });
      },
      limited: ({ status, retryAfter }) => {
        const after: HttpHeaders =
          retryAfter === undefined ? [] : [['Retry-After', `${retryAfter}`]];
        const answer = text(status, 'too many requests, slow down', after);
        const label = `${request.method} ${request.target}`;
        const limited = this.request(label, false, answer, close);
        if (request.method !== 'HEAD') return limited;
        return {
          ...limited,
          serve: (reply) =>
            limited.serve({
              write: (bytes) => reply.write(headOnly(bytes, answer.body.length)),
              end: (outcome) => reply.end(outcome),
            }),
        };
      },
    };
  }

  /** The answer to a well-formed request. */
  route(request: HttpRequest): Answer {
    this.served++;
    if (request.version === 'HTTP/1.1' && header(request, 'Host') === undefined)
      return text(400, 'an HTTP/1.1 request needs a Host header (RFC 9112 section 3.2)');
    const path = request.target.split('?')[0] ?? '/';
    const token = sessionToken(request);
    if (path === '/login' || path === '/logout') return this.session(request, path, token);
    if (this.auth) {
      const access = this.auth.access(path, token);
      if (access.kind === 'unauthenticated')
        return text(401, `log in to see ${path}`, [['WWW-Authenticate', 'Form realm="handshake"']]);
      if (access.kind === 'forbidden') return text(403, `${access.user} may not see ${path}`);
    }
    if (path.startsWith('/api/')) return this.api(request, path);
    const resource = this.site.get(path === '/' ? '/index.html' : path);
    if (!resource) {
      return {
        status: 404,
        headers: [['Content-Type', 'text/html; charset=utf-8']],
        body: utf8(`<!doctype html>\n<title>Not found</title><p>${path} is not here.</p>\n`),
      };
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return text(405, `${request.method} is not allowed here`, [['Allow', 'GET, HEAD']]);
    return { status: 200, headers: [['Content-Type', resource.type]], body: resource.body };
  }

  private session(request: HttpRequest, path: string, token: string | undefined): Answer {
    if (request.method !== 'POST') return text(405, `use POST for ${path}`, [['Allow', 'POST']]);
    if (!this.auth) return text(404, 'this server has no accounts');
    if (path === '/logout') {
      this.auth.logout(token);
      return text(200, 'logged out', [
        ['Set-Cookie', formatSetCookie(SESSION_COOKIE, '', { path: '/', maxAge: 0 })],
      ]);
    }
    const form = new URLSearchParams(bodyText(request));
    const outcome = this.auth.login(form.get('user') ?? '', form.get('password') ?? '');
    switch (outcome.kind) {
      case 'ok':
        return text(200, `welcome, ${form.get('user') ?? ''}`, [
          [
            'Set-Cookie',
            formatSetCookie(SESSION_COOKIE, outcome.token, { path: '/', httpOnly: true }),
          ],
        ]);
      case 'wrongPassword':
        return text(401, `wrong password; ${outcome.attemptsLeft} attempt(s) left`, [
          ['WWW-Authenticate', 'Form realm="handshake"'],
        ]);
      case 'unknownUser':
        return text(401, 'unknown user', [['WWW-Authenticate', 'Form realm="handshake"']]);
      case 'locked':
        return text(403, 'account locked after too many wrong passwords');
    }
  }

  private api(request: HttpRequest, path: string): Answer {
    const json = (status: number, value: unknown, headers: HttpHeaders = []): Answer => ({
      status,
      headers: [['Content-Type', 'application/json'], ...headers],
      body: utf8(`${JSON.stringify(value)}\n`),
    });
    if (path === '/api/status' && request.method === 'GET')
      return json(200, { server: this.node, served: this.served });
    if (path === '/api/echo' && request.method === 'POST')
      return {
        status: 200,
        headers: [['Content-Type', header(request, 'Content-Type') ?? 'application/octet-stream']],
        body: request.body,
      };
    if (path === '/api/items') {
      if (request.method === 'GET') return json(200, this.items);
      if (request.method === 'POST') {
        this.items.push(bodyText(request));
        return json(201, { id: this.items.length }, [
          ['Location', `/api/items/${this.items.length}`],
        ]);
      }
      return text(405, `${request.method} is not allowed here`, [['Allow', 'GET, POST']]);
    }
    const item = /^\/api\/items\/(\d+)$/.exec(path);
    if (item && request.method === 'GET') {
      const value = this.items[Number(item[1]) - 1];
      return value === undefined ? json(404, { error: 'no such item' }) : json(200, value);
    }
    return json(404, { error: `no API at ${path}` });
  }
}

function sessionToken(request: HttpRequest): string | undefined {
  const cookie = header(request, 'Cookie');
  if (cookie === undefined) return undefined;
  return parseCookie(cookie).find(([name]) => name === SESSION_COOKIE)?.[1];
}

/** HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes unless told to keep it. */
function wantsClose(request: HttpRequest): boolean {
  const connection = header(request, 'Connection')?.toLowerCase() ?? '';
  if (request.version === 'HTTP/1.0') return !connection.includes('keep-alive');
  return connection.split(',').some((token) => token.trim() === 'close');
}

function encode(answer: Answer, close: boolean): Uint8Array {
  const headers: HttpHeaders = [SERVER_HEADER, ...answer.headers];
  if (close) headers.push(['Connection', 'close']);
  return encodeHttpResponse(makeResponse(answer.status, headers, answer.body), {
    contentLength: true,
  });
}

/** A HEAD response: the GET response's head, Content-Length kept, without the body. */
function headOnly(bytes: Uint8Array, bodyLength: number): Uint8Array {
  return bytes.subarray(0, bytes.length - bodyLength);
}
