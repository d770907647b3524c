// The client side of the generic request/response service: one persistent TCP connection per
// user, one query at a time, each answered before the next is sent.

import type { Simulator } from '../../engine/simulator.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { StreamWriter } from '../../machines/server/streamWriter.ts';
import type { TcpConnection } from '../../machines/tcp/tcpConnection.ts';
import type { TcpLayer } from '../../machines/tcp/tcpLayer.ts';
import { encodeServiceRequest, ServiceReplyParser } from './serviceProtocol.ts';
import './serviceTrace.ts';

/** The client app queries belong to: its user's name in the trace and its query numbering. */
export interface QueryCounter {
  readonly app: string;
  next(): number;
}

/** How a query ended beside its error: its number, whether a reply came, whether it ever left. */
export interface QueryEnd {
  req: number;
  replied: boolean;
  unsent: boolean;
}

/** Gets a query's error (an ERR reply's reason or a socket error), or null for an OK reply. */
export type QueryDone = (error: string | null, end: QueryEnd) => void;

interface Waiting {
  req: number;
  query: string;
  sentAt: number;
  done: QueryDone;
}

/** One user's connection to the service. */
export class ServiceClient {
  private connection: TcpConnection | undefined;
  private writer: StreamWriter | undefined;
  private parser = new ServiceReplyParser();
  private readonly queue: Waiting[] = [];
  private inFlight: Waiting | undefined;
  private connected = false;
  private name = '';

  constructor(
    private readonly sim: Simulator,
    private readonly tcp: TcpLayer,
    private readonly node: string,
    private readonly server: Ipv4Address,
    private readonly port: number,
    private readonly counter: QueryCounter,
  ) {}

  /** Sends `query` once the connection is up and earlier queries are answered. */
  query(query: string, done: QueryDone): void {
    this.queue.push({ req: this.counter.next(), query, sentAt: -1, done });
    if (!this.connection) this.open();
    else this.pump();
  }

  /** Closes the connection. */
  close(): void {
    this.writer?.end();
  }

  private open(): void {
    const opened = this.tcp.connect(this.server, this.port);
    if (!opened.ok) return this.fail(opened.error);
    const connection = opened.value;
    this.connection = connection;
    this.name = `${connection.localPort}>${formatIpv4(this.server)}:${this.port}`;
    this.writer = new StreamWriter(connection);
    connection.handlers.onConnect = () => {
      this.connected = true;
      this.pump();
    };
    connection.handlers.onData = (bytes) => this.received(bytes);
    connection.handlers.onEnd = () => {
      if (this.connection === connection) this.fail('ECONNRESET');
      connection.close();
    };
    connection.handlers.onError = (error) => {
      if (this.connection === connection) this.fail(error);
    };
  }

  private pump(): void {
    if (!this.connected || this.inFlight || !this.writer) return;
    const next = this.queue.shift();
    if (!next) return;
    next.sentAt = this.sim.now();
    this.inFlight = next;
    this.sim.record({
      t: this.sim.now(),
      type: 'service.request',
      node: this.node,
      app: this.counter.app,
      conn: this.name,
      req: next.req,
      query: next.query,
    });
    this.writer.write(encodeServiceRequest(next.query));
  }

  private received(bytes: Uint8Array): void {
    for (const reply of this.parser.push(bytes)) {
      const answered = this.inFlight;
      if (!answered) continue;
      this.inFlight = undefined;
      const latency = this.sim.now() - answered.sentAt;
      this.sim.record({
        t: this.sim.now(),
        type: 'service.response',
        node: this.node,
        app: this.counter.app,
        conn: this.name,
        req: answered.req,
        ok: reply.ok,
        bytes: reply.ok ? reply.body.length : 0,
        latency,
      });
      answered.done(reply.ok ? null : reply.reason, {
        req: answered.req,
        replied: true,
        unsent: false,
      });
    }
    this.pump();
  }

  /** The connection is gone: what waited fails, and the next query opens a new connection. */
  private fail(error: string): void {
    this.connected = false;
    this.connection = undefined;
    this.writer = undefined;
    this.parser = new ServiceReplyParser();
    const lost = [...(this.inFlight ? [this.inFlight] : []), ...this.queue.splice(0)];
    this.inFlight = undefined;
    for (const waiting of lost) {
      this.sim.record({
        t: this.sim.now(),
        type: 'service.failure',
        node: this.node,
        app: this.counter.app,
        req: waiting.req,
        error,
      });
      waiting.done(error, { req: waiting.req, replied: false, unsent: waiting.sentAt < 0 });
    }
  }
}
