// Layer 7: a load balancer that reads HTTP. Each request a client sends (on a connection it may
// keep open) gets its own pick and its own connection to the backend, as nginx does by default:
// the request goes with `Connection: close` and an X-Forwarded-For naming the client, and the
// response comes back to the client on its connection. Requests of one connection are answered in
// order, one at a time. With sticky sessions, a request whose cookie names a healthy backend goes
// there, and a response from another backend sets the cookie. A backend that refuses, resets or
// answers badly gets the client a 502; one that does not connect or answer in time, a 504; each
// counts toward its `fall`. With no backend healthy the answer is 503. A request over the
// balancer's rate limit is answered at once with the limit's status (and Retry-After), as nginx's
// limit_req does in front of its upstreams.

import type { EventId } from '../../engine/eventQueue.ts';
import type { Simulator } from '../../engine/simulator.ts';
import { StreamWriter } from '../../machines/server/streamWriter.ts';
import type { TcpConnection } from '../../machines/tcp/tcpConnection.ts';
import { formatSetCookie, parseCookie } from '../../net/app/http/cookies.ts';
import {
  encodeHttpRequest,
  encodeHttpResponse,
  header,
  makeResponse,
  utf8,
  type HttpHeaders,
  type HttpRequest,
  type HttpResponse,
} from '../../net/app/http/httpMessage.ts';
import {
  HttpRequestParser,
  HttpResponseParser,
  type HttpParseEvent,
} from '../../net/app/http/httpParser.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import type { LiveBackend, LoadBalancer } from './loadBalancer.ts';

/** Hop-by-hop fields a proxy does not pass on (RFC 9110 section 7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'upgrade']);

/** Whether the client asked to close after this request (or speaks HTTP/1.0 without keep-alive). */
function wantsClose(request: HttpRequest): boolean {
  const connection = (header(request, 'Connection') ?? '').toLowerCase();
  if (/(?:^|,)\s*close\s*(?:,|$)/.test(connection)) return true;
  return request.version === 'HTTP/1.0' && !/keep-alive/.test(connection);
}

/** The request as the backend gets it: hop-by-hop fields out, `Connection: close`, X-Forwarded-For. */
function forwarded(request: HttpRequest, client: string): HttpRequest {
  const headers: HttpHeaders = request.headers.filter(([name]) => {
    const lower = name.toLowerCase();
    return !HOP_BY_HOP.has(lower) && lower !== 'x-forwarded-for';
  });
  const before = header(request, 'X-Forwarded-For');
  headers.push(['X-Forwarded-For', before === undefined ? client : `${before}, ${client}`]);
  headers.push(['Connection', 'close']);
  return { ...request, version: 'HTTP/1.1', headers };
}

/** One client connection through a layer-7 balancer. */
export class HttpProxySession {
  private readonly sim: Simulator;
  private readonly clientName: string;
  private readonly writer: StreamWriter;
  private readonly parser = new HttpRequestParser();
  private readonly queue: HttpRequest[] = [];
  /** The request being forwarded, and where. */
  private busy = false;
  private clientEnded = false;
  private closing = false;
  private gone = false;
  private idle: EventId | undefined;
  /** Ends the request in flight when the client resets its connection. */
  private abandon: (() => void) | undefined;

  constructor(
    private readonly lb: LoadBalancer,
    private readonly client: TcpConnection,
  ) {
    this.sim = lb.sim;
    this.clientName = `${formatIpv4(client.remoteAddress)}:${client.remotePort}`;
    this.writer = new StreamWriter(client);
    client.handlers.onData = (bytes) => this.received(this.parser.push(bytes));
    client.handlers.onEnd = () => {
      this.clientEnded = true;
      this.next();
    };
    client.handlers.onError = () => {
      this.gone = true;
      this.stopIdle();
      this.abandon?.();
    };
    this.next();
  }

  private received(events: HttpParseEvent<HttpRequest>[]): void {
    this.stopIdle();
    for (const event of events) {
      if (event.kind === 'error') {
        // A request the balancer cannot read is answered here and the connection closed.
        this.queue.length = 0;
        this.answer(event.status, true);
        this.writer.end();
        this.closing = true;
        return;
      }
      this.queue.push(event.message);
    }
    this.next();
  }

  /** Forwards the next request, or closes or waits when there is none. */
  private next(): void {
    if (this.busy || this.closing || this.gone) return;
    const request = this.queue.shift();
    if (!request) {
      if (this.clientEnded) {
        this.closing = true;
        this.writer.end();
      } else this.waitIdle();
      return;
    }
    this.busy = true;
    const close = wantsClose(request);
    const admission = this.lb.admit(this.clientName);
    if (!admission.admitted) {
      // nginx's limit_req at the proxy: refused at once, no backend asked.
      const { status, retryAfter } = admission.limit;
      const extra: HttpHeaders =
        retryAfter === undefined ? [] : [['Retry-After', String(retryAfter)]];
      return this.done(status, close, extra);
    }
    const sticky = this.lb.config.stickyCookie;
    const cookie =
      sticky === undefined
        ? undefined
        : parseCookie(header(request, 'Cookie') ?? '').find(([name]) => name === sticky)?.[1];
    const pick = this.lb.pick(this.client.remoteAddress, this.clientName, cookie);
    if (!pick) return this.done(503, close);
    this.forward(request, pick.backend, close, cookie);
  }

  /** Sends `request` to `backend` on a connection of its own and relays the answer. */
  private forward(
    request: HttpRequest,
    backend: LiveBackend,
    close: boolean,
    cookie: string | undefined,
  ): void {
    const { lb, sim } = this;
    // The connection to the backend once opened, and the timer that runs out on it.
    const exchange: { server?: TcpConnection; timer?: EventId; settled: boolean } = {
      settled: false,
    };
    const parser = new HttpResponseParser();
    const settle = (): boolean => {
      if (exchange.settled) return false;
      exchange.settled = true;
      this.abandon = undefined;
      if (exchange.timer !== undefined) sim.cancel(exchange.timer);
      return true;
    };
    const fail = (error: string, status: 502 | 504): void => {
      if (!settle()) return;
      lb.failed(backend, this.clientName, error, status);
      exchange.server?.abort();
      this.done(status, close);
    };
    const relay = (events: HttpParseEvent<HttpResponse>[]): void => {
      const event = events[0];
      if (!event) return;
      if (event.kind === 'error') return fail(`bad response: ${event.reason}`, 502);
      if (!settle()) return;
      lb.ended(backend, this.clientName, event.message.status);
      exchange.server?.close();
      this.relay(event.message, backend, close, cookie);
    };
    this.abandon = () => {
      if (!settle()) return;
      lb.ended(backend, this.clientName, null);
      exchange.server?.abort();
    };
    const opened = lb.tcp.connect(backend.spec.address, backend.spec.port);
    if (!opened.ok) {
      const error = opened.error;
      sim.schedule(0, () => fail(error, 502));
      return;
    }
    const server = opened.value;
    exchange.server = server;
    exchange.timer = sim.schedule(lb.config.connectTimeout, () => fail('ETIMEDOUT', 504));
    server.handlers.onConnect = () => {
      if (exchange.timer !== undefined) sim.cancel(exchange.timer);
      exchange.timer = sim.schedule(lb.config.timeout, () => fail('ETIMEDOUT', 504));
      parser.expect(request.method);
      const client = formatIpv4(this.client.remoteAddress);
      new StreamWriter(server).write(encodeHttpRequest(forwarded(request, client)));
    };
    server.handlers.onData = (bytes) => relay(parser.push(bytes));
    server.handlers.onEnd = () => {
      relay(parser.end());
      fail('ECONNRESET', 502);
    };
    server.handlers.onError = (error) => fail(error, error === 'ETIMEDOUT' ? 504 : 502);
  }

  /** Passes the backend's response on to the client, with the sticky cookie when it needs it. */
  private relay(
    response: HttpResponse,
    backend: LiveBackend,
    close: boolean,
    cookie: string | undefined,
  ): void {
    const headers = response.headers.filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()));
    const sticky = this.lb.config.stickyCookie;
    if (sticky !== undefined && cookie !== backend.id)
      headers.push(['Set-Cookie', formatSetCookie(sticky, backend.id, { path: '/' })]);
    if (close) headers.push(['Connection', 'close']);
    if (!this.gone) this.writer.write(encodeHttpResponse({ ...response, headers }));
    this.finishRequest(close);
  }

  /** Answers the request with the balancer's own `status` (503, 502, 504, or its rate limit's). */
  private done(status: number, close: boolean, extra: HttpHeaders = []): void {
    this.answer(status, close, extra);
    this.finishRequest(close);
  }

  private answer(status: number, close: boolean, extra: HttpHeaders = []): void {
    if (this.gone) return;
    const response = makeResponse(status);
    const headers: HttpHeaders = [['Content-Type', 'text/plain'], ...extra];
    if (close) headers.push(['Connection', 'close']);
    const body = utf8(`${status} ${response.reason}\n`);
    this.writer.write(encodeHttpResponse({ ...response, headers, body }));
  }

  private finishRequest(close: boolean): void {
    this.busy = false;
    if (close) {
      this.closing = true;
      this.queue.length = 0;
      if (!this.gone) this.writer.end();
      return;
    }
    this.next();
  }

  /** An idle client connection is closed after `timeout` (the balancer's keep-alive). */
  private waitIdle(): void {
    this.stopIdle();
    this.idle = this.sim.schedule(this.lb.config.timeout, () => {
      this.idle = undefined;
      if (this.busy || this.closing || this.gone) return;
      this.closing = true;
      this.writer.end();
    });
  }

  private stopIdle(): void {
    if (this.idle !== undefined) this.sim.cancel(this.idle);
    this.idle = undefined;
  }
}
