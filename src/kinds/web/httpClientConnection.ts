// One client-side HTTP connection: opens TCP to the server, sends requests (one at a time, or all
// at once when pipelining), parses the responses in order and hands each back to its caller.

import type { Simulator } from '../../engine/simulator.ts';
import {
  encodeHttpRequest,
  header,
  type HttpRequest,
  type HttpResponse,
} from '../../net/app/http/httpMessage.ts';
import { HttpResponseParser } from '../../net/app/http/httpParser.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { StreamWriter } from '../../machines/server/streamWriter.ts';
import type { TcpConnection } from '../../machines/tcp/tcpConnection.ts';
import type { TcpLayer } from '../../machines/tcp/tcpLayer.ts';
import type { Certificate } from '../../net/app/tls/certificate.ts';
import { TlsClient, type TlsOutput } from '../../net/app/tls/tlsSession.ts';
import { recordKeys } from './tlsEndpoints.ts';
import './httpTrace.ts';

/** HTTPS settings of a client connection. */
export interface ClientTlsOptions {
  /** The name the client expects in the certificate (and sends as SNI). */
  serverName: string;
  trustStore: readonly Certificate[];
  random: (length: number) => Uint8Array;
}

/** What a request ends with: a response, or an error (an errno name or a parse problem). */
export type HttpOutcome =
  /** `req` numbers the attempt that got the response. */
  | { ok: true; response: HttpResponse; req: number }
  /** `req` numbers the failed attempt; `unsent` when it never left (safe to send elsewhere). */
  | { ok: false; error: string; req: number; unsent: boolean };

interface Outstanding {
  req: number;
  request: HttpRequest;
  sentAt: number;
  done: (outcome: HttpOutcome) => void;
}

/**
 * The client app requests belong to: its name in the trace (the user, `http/u3`) and the
 * numbering of its requests (so the trace pairs requests and responses).
 */
export interface RequestCounter {
  readonly app: string;
  next(): number;
}

/** A client connection. Requests queue until the connection is up. */
export class HttpClientConnection {
  private connection: TcpConnection | undefined;
  private writer: StreamWriter | undefined;
  private readonly parser = new HttpResponseParser();
  private readonly waiting: Outstanding[] = [];
  private readonly inFlight: Outstanding[] = [];
  private connected = false;
  private ended = false;
  private tls: TlsClient | undefined;
  private endSent = false;
  name = '';
  /** Called once when the connection is finished (closed, reset or failed). */
  onFinished: (() => void) | undefined;

  constructor(
    private readonly sim: Simulator,
    private readonly tcp: TcpLayer,
    private readonly node: string,
    private readonly server: Ipv4Address,
    private readonly port: number,
    private readonly pipelining: boolean,
    private readonly counter: RequestCounter,
    private readonly tlsOptions?: ClientTlsOptions,
  ) {}

  /** Requests sent or waiting that have no response yet. */
  get pending(): number {
    return this.waiting.length + this.inFlight.length;
  }

  /** Whether it takes no more requests (closing, closed or failed). */
  get finished(): boolean {
    return this.ended;
  }

  /** Whether it can take another request now (open and, without pipelining, not busy). */
  get usable(): boolean {
    return !this.ended && (this.pipelining || this.pending === 0);
  }

  /** Opens the TCP connection. */
  open(): void {
    const opened = this.tcp.connect(this.server, this.port);
    if (!opened.ok) {
      // Reported after the caller has queued its request on this connection, never inside
      // open(): a synchronous failure would let the agent open the next one at once, forever.
      const error = opened.error;
      this.sim.schedule(0, () => this.fail(error));
      return;
    }
    const connection = opened.value;
    this.connection = connection;
    this.name = `${connection.localPort}>${formatIpv4(this.server)}:${this.port}`;
    this.writer = new StreamWriter(connection);
    connection.handlers.onConnect = () => {
      if (!this.tlsOptions) {
        this.connected = true;
        return this.pump();
      }
      const { serverName, trustStore, random } = this.tlsOptions;
      this.tls = new TlsClient({ serverName, trustStore, random, nowNs: () => this.sim.now() });
      this.traceTls('start', serverName);
      this.writer?.write(this.tls.start().send);
    };
    connection.handlers.onData = (bytes) =>
      this.tls ? this.secureData(this.tls.push(bytes)) : this.received(bytes);
    connection.handlers.onEnd = () => {
      this.fail('ECONNRESET'); // the server closed with requests unanswered
      connection.close();
    };
    connection.handlers.onError = (error) => this.fail(error);
    connection.handlers.onClose = () => this.finish();
  }

  /** Sends `request` (now, or when the connection is up and free). */
  send(request: HttpRequest, done: (outcome: HttpOutcome) => void): void {
    this.waiting.push({ req: this.counter.next(), request, sentAt: -1, done });
    this.pump();
  }

  /** Closes our side (FIN); the connection finishes when the server closes too. */
  close(): void {
    if (this.ended) return;
    this.ended = true;
    this.sendEnd();
  }

  /** Our side's end: TLS close_notify when secure, then FIN (once). */
  private sendEnd(): void {
    if (this.endSent) return;
    this.endSent = true;
    if (this.tls?.established) this.writer?.write(this.tls.close().send);
    if (this.writer) this.writer.end();
    else this.finish();
  }

  private traceTls(phase: string, detail: string): void {
    this.sim.record({
      t: this.sim.now(),
      type: 'tls.handshake',
      node: this.node,
      conn: this.name,
      role: 'client',
      phase,
      detail,
    });
  }

  /** What the TLS client made of arriving bytes: answers to send, a verdict, data, an alert. */
  private secureData(output: TlsOutput): void {
    const tls = this.tls as TlsClient;
    if (output.send.length > 0) this.writer?.write(output.send);
    for (const event of output.events) {
      if (event.kind === 'certificate') {
        this.sim.record({
          t: this.sim.now(),
          type: 'tls.certificate',
          node: this.node,
          conn: this.name,
          subject: event.chain[0]?.subject ?? '',
          issuer: event.chain[0]?.issuer ?? '',
          verdict: event.verdict,
        });
      } else if (event.kind === 'handshakeDone' && tls.keyLog && this.connection) {
        this.traceTls('done', '');
        const c = this.connection;
        const local = `${formatIpv4(c.localAddress)}:${c.localPort}`;
        recordKeys(
          this.sim,
          this.node,
          'client',
          local,
          `${formatIpv4(this.server)}:${this.port}`,
          tls.keyLog,
        );
        this.connected = true;
        this.pump();
      } else if (event.kind === 'data') this.received(event.data);
      else if (event.kind === 'error') {
        this.traceTls('failed', event.reason);
        this.fail(`TLS: ${event.reason}`);
        this.writer?.end();
        return;
      }
    }
  }

  private pump(): void {
    if (!this.connected || !this.writer) return;
    while (this.waiting.length > 0 && (this.pipelining || this.inFlight.length === 0)) {
      const next = this.waiting.shift() as Outstanding;
      next.sentAt = this.sim.now();
      this.inFlight.push(next);
      this.parser.expect(next.request.method);
      this.sim.record({
        t: this.sim.now(),
        type: 'http.request',
        node: this.node,
        app: this.counter.app,
        conn: this.name,
        req: next.req,
        method: next.request.method,
        target: next.request.target,
      });
      const bytes = encodeHttpRequest(next.request);
      this.writer.write(this.tls ? this.tls.write(bytes).send : bytes);
    }
  }

  private received(bytes: Uint8Array): void {
    for (const event of this.parser.push(bytes)) {
      if (event.kind === 'error') {
        this.fail(`bad response: ${event.reason}`);
        this.connection?.abort();
        return;
      }
      const answered = this.inFlight.shift();
      if (!answered) continue;
      const response = event.message;
      this.sim.record({
        t: this.sim.now(),
        type: 'http.response',
        node: this.node,
        app: this.counter.app,
        conn: this.name,
        req: answered.req,
        status: response.status,
        bytes: response.body.length,
        latency: this.sim.now() - answered.sentAt,
      });
      // The server closes after this response (RFC 9112 section 9.6): take no more requests
      // before telling the caller (who may send the next one at once, elsewhere), then hand
      // back what still waits here so it travels on another connection.
      const closing = /(?:^|,)\s*close\s*(?:,|$)/i.test(header(response, 'Connection') ?? '');
      if (closing) this.ended = true;
      answered.done({ ok: true, response, req: answered.req });
      if (closing) {
        this.fail('ECONNRESET');
        this.sendEnd();
        return;
      }
    }
    this.pump();
  }

  /** Every unanswered request fails with `error`; its sender decides whether to try again. */
  private fail(error: string): void {
    this.ended = true;
    const sent = this.inFlight.splice(0);
    const unsent = this.waiting.splice(0);
    for (const lost of sent) lost.done({ ok: false, error, req: lost.req, unsent: false });
    for (const lost of unsent) lost.done({ ok: false, error, req: lost.req, unsent: true });
    if (!this.connection) this.finish();
  }

  private finish(): void {
    const finished = this.onFinished;
    this.onFinished = undefined;
    this.ended = true;
    finished?.();
  }
}
