// A browser's connection management toward one server (Node calls it an Agent): persistent or
// non-persistent connections, how many in parallel, and pipelining. Kurose & Ross's page-load
// arithmetic comes out of these three choices.

import type { Simulator } from '../../../engine/simulator.ts';
import { header, type HttpRequest } from '../../../net/app/http/httpMessage.ts';
import type { Ipv4Address } from '../../../net/wire/ipv4Address.ts';
import type { TcpLayer } from '../../tcp/tcpLayer.ts';
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
}

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

  /** Sends a request when a connection is free; `done` gets its response or error. */
  request(request: HttpRequest, done: (outcome: HttpOutcome) => void): void {
    if (!this.options.persistent && header(request, 'Connection') === undefined)
      request = { ...request, headers: [...request.headers, ['Connection', 'close']] };
    this.queue.push({ request, done });
    this.dispatch();
  }

  /** Closes every connection (a persistent client leaving). */
  closeAll(): void {
    for (const connection of this.connections) connection.close();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const connection = this.freeConnection() ?? this.newConnection();
      if (!connection) return;
      const { request, done } = this.queue.shift() as Queued;
      if (!this.options.persistent) this.oneShotsInUse++;
      connection.send(request, (outcome) => {
        if (!this.options.persistent) {
          this.oneShotsInUse--;
          connection.close();
        }
        done(outcome);
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
    const inUse = this.options.persistent ? this.connections.size : this.oneShotsInUse;
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
