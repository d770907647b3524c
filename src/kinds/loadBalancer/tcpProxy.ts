// Layer 4: a load balancer as a TCP proxy. It accepts a client's connection, picks a backend,
// opens a connection to it and copies bytes both ways (a side that cannot take more makes the
// other wait: its bytes stay in its receive window), passes on each side's FIN, and is done when
// both have ended. A backend that refuses, resets or does not accept within the connect timeout
// has failed the client (whose connection is reset) and counts toward its `fall`; so does one
// that sends nothing for `timeout` while the client waits for it. A client idle that long is
// closed normally. A connection over the balancer's rate limit is reset before any pick.

import type { Simulator } from '../../engine/simulator.ts';
import type { EventId } from '../../engine/eventQueue.ts';
import type { TcpConnection } from '../../machines/tcp/tcpConnection.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import type { LiveBackend, LoadBalancer } from './loadBalancer.ts';

/** Bytes from one connection to another, in order, waiting while the other's buffer is full. */
class Relay {
  private readonly pending: Uint8Array[] = [];
  private sourceEnded = false;
  /** The FIN has been passed on. */
  finished = false;

  constructor(
    private readonly from: TcpConnection,
    private readonly to: TcpConnection,
    onBytes: () => void,
    private readonly onFinished: () => void,
  ) {
    from.handlers.onData = (bytes) => {
      onBytes();
      this.pending.push(bytes);
      this.flush();
      if (this.pending.length > 0) from.pauseReading();
    };
    from.handlers.onEnd = () => {
      this.sourceEnded = true;
      this.flush();
    };
    to.handlers.onDrain = () => {
      this.flush();
      if (this.pending.length === 0) from.resumeReading();
    };
  }

  private flush(): void {
    while (this.pending.length > 0) {
      const head = this.pending[0] as Uint8Array;
      const room = this.to.writable;
      if (room <= 0) return;
      const sent = this.to.send(room >= head.length ? head : head.subarray(0, room));
      if (!sent.ok) {
        this.pending.length = 0; // the other side is gone
        break;
      }
      if (sent.value >= head.length) this.pending.shift();
      else {
        this.pending[0] = head.subarray(sent.value);
        return;
      }
    }
    if (this.sourceEnded && !this.finished) {
      this.finished = true;
      this.to.close();
      this.onFinished();
    }
  }
}

/** One client connection through a layer-4 balancer. */
export class TcpProxySession {
  private readonly sim: Simulator;
  private readonly clientName: string;
  private backend: LiveBackend | undefined;
  private server: TcpConnection | undefined;
  private connected = false;
  private over = false;
  private timer: EventId | undefined;
  private lastFromClient = 0;
  private lastFromServer = 0;
  private relays: Relay[] = [];

  constructor(
    private readonly lb: LoadBalancer,
    private readonly client: TcpConnection,
  ) {
    this.sim = lb.sim;
    this.clientName = `${formatIpv4(client.remoteAddress)}:${client.remotePort}`;
    // Nothing is read from the client before the backend is there: its bytes wait in its window.
    client.pauseReading();
    client.handlers.onError = () => this.clientGone();
    // Over the rate limit, or no backend healthy: the connection is reset at once (HAProxy's
    // `tcp-request connection reject`), before any backend is picked.
    const pick = lb.admit(this.clientName).admitted
      ? lb.pick(client.remoteAddress, this.clientName)
      : null;
    if (!pick) {
      this.over = true;
      client.abort();
      return;
    }
    const backend = pick.backend;
    this.backend = backend;
    const opened = lb.tcp.connect(backend.spec.address, backend.spec.port);
    if (!opened.ok) {
      const error = opened.error;
      this.sim.schedule(0, () => this.fail(error));
      return;
    }
    const server = opened.value;
    this.server = server;
    this.timer = this.sim.schedule(lb.config.connectTimeout, () => this.fail('ETIMEDOUT'));
    server.handlers.onConnect = () => this.connect();
    server.handlers.onError = (error) => this.fail(error);
  }

  private connect(): void {
    const { client, server } = this;
    if (this.over || !server) return;
    this.connected = true;
    this.lastFromClient = this.lastFromServer = this.sim.now();
    const done = (): void => {
      if (this.relays.every((r) => r.finished)) this.end();
    };
    this.relays = [
      new Relay(client, server, () => (this.lastFromClient = this.sim.now()), done),
      new Relay(server, client, () => (this.lastFromServer = this.sim.now()), done),
    ];
    client.resumeReading();
    this.watchIdle();
  }

  /** Closes the pair when nothing moved for `timeout`: a failure if the client was waiting. */
  private watchIdle(): void {
    if (this.timer !== undefined) this.sim.cancel(this.timer);
    const { timeout } = this.lb.config;
    const last = Math.max(this.lastFromClient, this.lastFromServer);
    this.timer = this.sim.scheduleAt(last + timeout, () => {
      this.timer = undefined;
      if (this.over) return;
      if (Math.max(this.lastFromClient, this.lastFromServer) + timeout > this.sim.now())
        return this.watchIdle();
      if (this.lastFromClient > this.lastFromServer) return this.fail('ETIMEDOUT');
      this.end();
      this.client.close();
      this.server?.close();
    });
  }

  /** Both sides have ended: the connection went through. */
  private end(): void {
    if (this.over || !this.backend) return;
    this.over = true;
    if (this.timer !== undefined) this.sim.cancel(this.timer);
    this.lb.ended(this.backend, this.clientName, null);
  }

  /** The backend failed the client: both connections are reset. */
  private fail(error: string): void {
    if (this.over || !this.backend) return;
    this.over = true;
    if (this.timer !== undefined) this.sim.cancel(this.timer);
    this.lb.failed(this.backend, this.clientName, error, null);
    this.server?.abort();
    this.client.abort();
  }

  /** The client reset its connection: the backend's is reset too; not the backend's fault. */
  private clientGone(): void {
    if (this.connected) this.end();
    else if (!this.over && this.backend) {
      this.over = true;
      if (this.timer !== undefined) this.sim.cancel(this.timer);
      this.lb.ended(this.backend, this.clientName, null);
    }
    this.server?.abort();
  }
}
