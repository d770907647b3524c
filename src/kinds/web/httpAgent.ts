// A browser's connection management toward one server (Node calls it an Agent): persistent or
// non-persistent connections, how many in parallel, and pipelining. Kurose & Ross's page-load
// arithmetic comes out of these three choices.

import type { Simulator } from '../../engine/simulator.ts';
import { header, type HttpRequest } from '../../net/app/http/httpMessage.ts';
import type { Ipv4Address } from '../../net/wire/ipv4Address.ts';
import type { TcpLayer } from '../../machines/tcp/tcpLayer.ts';
import {
  HttpClientConnection,
  type ClientTlsOptions,
  type HttpOutcome,
  type RequestCounter,
} from './httpClientConnection.ts';

export interface AgentOptions {
  /** Keep connections open for further requests (HTTP/1.1's default). */
  persistent: boolean;
  /** Most connections open at once to the server. */
  parallel: number;
  /** Send requests without waiting for earlier responses (persistent connections only). */
  pipelining: boolean;
}

interface Queued {
  request: HttpRequest;
  done: (outcome: HttpOutcome) => void;
  /** Already sent once and lost with its connection. */
  retried: boolean;
  /** Whether the caller will try a failed request again itself (a client's `retry`). */
  again?: (outcome: HttpOutcome) => boolean;
}

/** Methods a client may send again after a connection failed under them (RFC 9110 9.2.2). */
export const IDEMPOTENT: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'PUT',
  'DELETE',
  'OPTIONS',
  'TRACE',
]);

/** Sends requests to one server over as many connections as its options allow. */
export class HttpAgent {
  private readonly connections = new Set<HttpClientConnection>();
  private readonly queue: Queued[] = [];

  constructor(
    private readonly sim: Simulator,
    private readonly tcp: TcpLayer,
    private readonly node: string,
    private readonly server: Ipv4Address,
    private readonly port: number,
    readonly options: AgentOptions,
    private readonly counter: RequestCounter,
    private readonly tls?: ClientTlsOptions,
  ) {}

  /**
   * Sends a request when a connection is free; `done` gets its response or error. `again` says
   * whether the caller will send a failed request again (traced as the failure's `again`).
   */
  request(
    request: HttpRequest,
    done: (outcome: HttpOutcome) => void,
    again?: (outcome: HttpOutcome) => boolean,
  ): void {
    if (!this.options.persistent && header(request, 'Connection') === undefined)
      request = { ...request, headers: [...request.headers, ['Connection', 'close']] };
    this.queue.push(
      again ? { request, done, retried: false, again } : { request, done, retried: false },
    );
    this.dispatch();
  }

  /**
   * Puts a request lost when the server closed its connection back at the head of the queue,
   * once: one that never left (queued behind a closing response, or during a handshake the
   * server cut), or one already sent if it is idempotent (a keep-alive timeout crossing it).
   */
  private tryAgain(
    queued: Queued,
    outcome: { error: string; req: number; unsent: boolean },
  ): boolean {
    if (outcome.error !== 'ECONNRESET' || queued.retried) return false;
    if (!outcome.unsent && !IDEMPOTENT.has(queued.request.method)) return false;
    queued.retried = true;
    // The abandoned attempt ends in the trace too, so no request is left without an outcome.
    this.failed(queued, outcome.req, `${outcome.error}, sending again`, true);
    this.queue.unshift(queued);
    return true;
  }

  /** Records that attempt `req` of `queued` failed (`again`: it is sent once more). */
  private failed(queued: Queued, req: number, error: string, again: boolean): void {
    const { node, counter } = this;
    const target = queued.request.target;
    this.sim.record({
      t: this.sim.now(),
      type: 'http.failure',
      node,
      app: counter.app,
      req,
      target,
      error,
      again,
    });
  }

  /** Closes every connection (a persistent client leaving). */
  closeAll(): void {
    for (const connection of this.connections) connection.close();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const connection = this.freeConnection() ?? this.newConnection();
      if (!connection) return;
      const queued = this.queue.shift() as Queued;
      if (!this.options.persistent) this.oneShotsInUse++;
      connection.send(queued.request, (outcome) => {
        if (!this.options.persistent) {
          this.oneShotsInUse--;
          connection.close();
        }
        if (!outcome.ok && this.tryAgain(queued, outcome)) return this.dispatch();
        if (!outcome.ok)
          this.failed(queued, outcome.req, outcome.error, queued.again?.(outcome) ?? false);
        queued.done(outcome);
        this.dispatch();
      });
    }
  }

  /** Non-persistent connections whose one request has no response yet. */
  private oneShotsInUse = 0;

  private freeConnection(): HttpClientConnection | undefined {
    if (!this.options.persistent) return undefined;
    let best: HttpClientConnection | undefined;
    for (const connection of this.connections) {
      if (!connection.usable) continue;
      if (!best || connection.pending < best.pending) best = connection;
    }
    return best;
  }

  private newConnection(): HttpClientConnection | undefined {
    let open = 0;
    for (const connection of this.connections) if (!connection.finished) open++;
    const inUse = this.options.persistent ? open : this.oneShotsInUse;
    if (inUse >= this.options.parallel) return undefined;
    const pipelining = this.options.persistent && this.options.pipelining;
    const connection = new HttpClientConnection(
      this.sim,
      this.tcp,
      this.node,
      this.server,
      this.port,
      pipelining,
      this.counter,
      this.tls,
    );
    this.connections.add(connection);
    connection.onFinished = () => {
      this.connections.delete(connection);
      this.dispatch();
    };
    connection.open();
    return connection;
  }
}
