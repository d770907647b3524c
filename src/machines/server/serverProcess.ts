// A server process: listens, takes connections as its concurrency model allows, turns their bytes
// into requests, runs each request's CPU work on the node's scheduler and its I/O wait, and writes
// the reply. Workers are XState actors (what a learner sees); the request path is plain code.

import type { Simulator } from '../../engine/simulator.ts';
import type { RandomStream } from '../../engine/random.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import type { SocketResult } from '../../net/transport/socketTrace.ts';
import type { CpuScheduler } from '../cpu/cpuScheduler.ts';
import { sample } from '../cpu/distributions.ts';
import type { TcpConnection } from '../tcp/tcpConnection.ts';
import type { TcpLayer } from '../tcp/tcpLayer.ts';
import type { TcpListener } from '../tcp/tcpListener.ts';
import type { ServerProcessOptions } from './serverConfig.ts';
import type { ProtocolSession, ServerProtocol, ServerRequest } from './serverProtocol.ts';
import { newServerMetrics, startWorker, type ServerMetrics, type Worker } from './serverThreads.ts';
export type { ServerMetrics } from './serverThreads.ts';
import { StreamWriter } from './streamWriter.ts';
import './serverTrace.ts';

interface Pending {
  id: number;
  request: ServerRequest;
  arrivedNs: number;
}

interface Conn {
  name: string;
  connection: TcpConnection;
  writer: StreamWriter;
  session: ProtocolSession;
  worker: Worker | undefined;
  queue: Pending[];
  busy: boolean;
  peerClosed: boolean;
  closing: boolean;
  idleTimer: number | undefined;
}

/** A server process on one node. Call `start()` to listen. */
export class ServerProcess {
  readonly metrics: ServerMetrics;
  private listener: TcpListener | undefined;
  /** The one thread of an event loop. */
  private loop: Worker | undefined;
  private readonly freeWorkers: Worker[] = [];
  private readonly poolQueue: Conn[] = [];
  private readonly conns = new Set<Conn>();
  private readonly loopTasks: { conn: Conn; pending: Pending }[] = [];
  private loopBusy = false;
  /** Connections taken and not yet closing: what the model's limit counts. */
  private active = 0;
  private threadsMade = 0;
  private requestCount = 0;
  private readonly random: RandomStream;

  constructor(
    private readonly sim: Simulator,
    private readonly tcp: TcpLayer,
    private readonly cpu: CpuScheduler,
    private readonly protocol: ServerProtocol,
    readonly options: ServerProcessOptions,
  ) {
    this.random = sim.random.stream(`node:${options.node}/${options.app}/service`);
    this.metrics = newServerMetrics(options);
  }

  /** Listens on the port and makes the standing threads of the model. */
  start(): SocketResult<TcpListener> {
    const opened = this.tcp.listen(this.options.port, this.options.backlog);
    const { node, app } = this.options;
    const state = opened.ok ? 'listening' : 'failed';
    this.sim.record({ t: this.sim.now(), type: 'app.state', node, app, state });
    if (!opened.ok) return opened;
    this.listener = opened.value;
    this.listener.onConnection = () => this.takeConnections();
    const { model, limit } = this.options.concurrency;
    const standing = model === 'workerPool' ? limit : model === 'threadPerConnection' ? 0 : 1;
    if (model === 'eventLoop') this.loop = this.makeWorker('loop');
    else for (let i = 0; i < standing; i++) this.freeWorkers.push(this.makeWorker(`w${i + 1}`));
    return opened;
  }

  private makeWorker(name: string): Worker {
    return startWorker(this.sim, this.options.node, this.options.app, name);
  }

  /** Takes waiting connections from the accept queue as far as the model allows. */
  private takeConnections(): void {
    const listener = this.listener;
    if (!listener) return;
    const { model, limit, overLimit, queueLimit } = this.options.concurrency;
    while (listener.queued > 0) {
      const room =
        model === 'single'
          ? this.active === 0
          : model === 'workerPool'
            ? this.freeWorkers.length > 0 || this.poolQueue.length < queueLimit
            : this.active < limit;
      if (!room && (model === 'single' || overLimit === 'queue')) {
        this.waiting('', 'backlog', listener.queued);
        return;
      }
      const accepted = listener.accept();
      if (!accepted.ok) return;
      const conn = this.open(accepted.value);
      if (!room) {
        this.refuse(conn, model === 'workerPool' ? 'pool queue full' : `${limit} at once`);
        continue;
      }
      this.metrics.accepted++;
      this.active++;
      if (model === 'workerPool' && this.freeWorkers.length === 0) {
        this.poolQueue.push(conn);
        this.waiting(conn.name, 'pool', this.poolQueue.length);
        continue;
      }
      this.assign(conn);
    }
  }

  private waiting(conn: string, where: string, waiting: number): void {
    this.metrics.maxWaiting = Math.max(this.metrics.maxWaiting, waiting);
    const { node, app } = this.options;
    this.sim.record({ t: this.sim.now(), type: 'server.wait', node, app, conn, where, waiting });
  }

  private open(connection: TcpConnection): Conn {
    const name = `${formatIpv4(connection.remoteAddress)}:${connection.remotePort}`;
    const conn: Conn = {
      name,
      connection,
      writer: new StreamWriter(connection),
      session: this.protocol.open({
        local: `${formatIpv4(connection.localAddress)}:${connection.localPort}`,
        peer: name,
      }),
      worker: undefined,
      queue: [],
      busy: false,
      peerClosed: false,
      closing: false,
      idleTimer: undefined,
    };
    this.conns.add(conn);
    connection.handlers.onData = (bytes) => this.received(conn, bytes);
    connection.handlers.onEnd = () => {
      conn.peerClosed = true;
      this.settle(conn);
    };
    connection.handlers.onClose = () => this.release(conn);
    connection.handlers.onError = () => this.release(conn);
    return conn;
  }

  private refuse(conn: Conn, reason: string): void {
    this.metrics.refused++;
    const { node, app } = this.options;
    this.sim.record({
      t: this.sim.now(),
      type: 'server.refuse',
      node,
      app,
      conn: conn.name,
      reason,
    });
    conn.closing = true; // never counted
    const answer = this.protocol.refusal();
    if (answer) conn.writer.write(answer);
    conn.writer.end();
  }

  /** Gives a connection a thread (threaded models) or the loop, and greets it. */
  private assign(conn: Conn): void {
    const { model } = this.options.concurrency;
    const worker =
      model === 'threadPerConnection'
        ? this.makeWorker(`t${++this.threadsMade}`)
        : model === 'eventLoop'
          ? this.loop
          : this.freeWorkers.shift();
    if (!worker) return;
    conn.worker = worker;
    worker.actor.send({ type: 'server.assign' });
    const { node, app } = this.options;
    this.sim.record({
      t: this.sim.now(),
      type: 'server.accept',
      node,
      app,
      conn: conn.name,
      worker: worker.name,
    });
    const greeting = conn.session.greeting?.();
    if (greeting) conn.writer.write(greeting);
    this.settle(conn);
  }

  private received(conn: Conn, bytes: Uint8Array): void {
    if (conn.closing) return;
    const { node, app } = this.options;
    for (const request of conn.session.receive(bytes)) {
      const id = ++this.requestCount;
      this.metrics.requests++;
      this.sim.record({
        t: this.sim.now(),
        type: 'server.request',
        node,
        app,
        conn: conn.name,
        req: id,
        label: request.label,
      });
      conn.queue.push({ id, request, arrivedNs: this.sim.now() });
    }
    this.settle(conn);
  }

  /** Decides what a connection does next: work on a request, wait idle, or close. */
  private settle(conn: Conn): void {
    if (conn.idleTimer !== undefined) {
      this.sim.cancel(conn.idleTimer);
      conn.idleTimer = undefined;
    }
    if (conn.closing || !conn.worker || conn.busy) return;
    const next = conn.queue.shift();
    if (next) {
      conn.busy = true;
      if (this.options.concurrency.model === 'eventLoop') {
        this.loopTasks.push({ conn, pending: next });
        this.runLoop();
      } else this.work(conn, next, conn.worker);
      return;
    }
    if (conn.peerClosed) return this.close(conn, 'peerClosed');
    conn.idleTimer = this.sim.schedule(this.options.keepAliveTimeout, () => {
      conn.idleTimer = undefined;
      this.close(conn, 'idle');
    });
  }

  /** The event loop runs one request's CPU work at a time; I/O waits overlap. */
  private runLoop(): void {
    const loop = this.loop;
    if (this.loopBusy || !loop) return;
    let task = this.loopTasks.shift();
    while (task?.conn.closing) {
      task.conn.busy = false; // its connection is gone: nothing to answer
      task = this.loopTasks.shift();
    }
    if (!task) {
      // Nothing left to run: the loop waits for events (shown as reading its connections).
      if (loop.actor.getSnapshot().value === 'working') loop.actor.send({ type: 'server.replied' });
      return;
    }
    this.loopBusy = true;
    this.work(task.conn, task.pending, loop, () => {
      this.loopBusy = false;
      this.runLoop();
    });
  }

  /** CPU burst on the scheduler, then the I/O wait, then the reply. */
  private work(conn: Conn, pending: Pending, worker: Worker, cpuFreed?: () => void): void {
    const { node, app, service, priority } = this.options;
    const reply = (): void => this.reply(conn, pending, worker);
    if (!pending.request.work) {
      cpuFreed?.();
      reply();
      return;
    }
    const job = `${app}/${worker.name}#${pending.id}`;
    worker.actor.send({ type: 'server.work' });
    this.sim.record({
      t: this.sim.now(),
      type: 'server.work',
      node,
      app,
      req: pending.id,
      worker: worker.name,
      job,
    });
    const io = service.io ? sample(service.io, this.random) : 0;
    this.cpu.submit({
      id: job,
      bursts: [sample(service.cpu, this.random)],
      priority,
      onDone: () => {
        cpuFreed?.();
        if (io <= 0) return reply();
        if (!cpuFreed) worker.actor.send({ type: 'server.io' });
        this.sim.schedule(io, reply);
      },
    });
  }

  private reply(conn: Conn, pending: Pending, worker: Worker): void {
    const { node, app } = this.options;
    pending.request.serve({
      write: (bytes) => conn.writer.write(bytes),
      end: ({ status, close }) => {
        const latency = this.sim.now() - pending.arrivedNs;
        this.metrics.replies++;
        this.metrics.latencies.push(latency);
        const key = status === null ? '-' : String(status);
        this.metrics.statuses[key] = (this.metrics.statuses[key] ?? 0) + 1;
        this.sim.record({
          t: this.sim.now(),
          type: 'server.reply',
          node,
          app,
          req: pending.id,
          status,
          latency,
        });
        if (this.options.concurrency.model !== 'eventLoop')
          worker.actor.send({ type: 'server.replied' });
        conn.busy = false;
        if (conn.closing) {
          // The client reset the connection while its request was being worked on.
          this.freeWorker(conn);
          this.takeConnections();
        } else if (close) this.close(conn, 'done');
        else this.settle(conn);
      },
    });
  }

  /** Closes our side once the replies are out; the thread is freed when the connection ends. */
  private close(conn: Conn, reason: string): void {
    if (conn.closing) return;
    this.stopCounting(conn);
    const { node, app } = this.options;
    this.sim.record({
      t: this.sim.now(),
      type: 'server.close',
      node,
      app,
      conn: conn.name,
      reason,
    });
    conn.writer.end();
    this.freeWorker(conn);
    this.takeConnections();
  }

  /** Marks a connection as closing; it no longer counts against the model's limit. */
  private stopCounting(conn: Conn): void {
    if (conn.closing) return;
    conn.closing = true;
    if (conn.worker || this.poolQueue.includes(conn)) this.active--;
  }

  /** The connection is gone (closed or reset). */
  private release(conn: Conn): void {
    if (!this.conns.delete(conn)) return;
    if (conn.idleTimer !== undefined) this.sim.cancel(conn.idleTimer);
    this.stopCounting(conn);
    this.freeWorker(conn);
    const waiting = this.poolQueue.indexOf(conn);
    if (waiting >= 0) this.poolQueue.splice(waiting, 1);
    this.takeConnections();
  }

  /** The connection's thread is free for the next connection (or exits). */
  private freeWorker(conn: Conn): void {
    const worker = conn.worker;
    if (!worker || conn.busy) return;
    conn.worker = undefined;
    const { model } = this.options.concurrency;
    if (model === 'eventLoop') return;
    if (model === 'threadPerConnection') {
      worker.actor.send({ type: 'server.exit' });
      worker.actor.stop();
      return;
    }
    worker.actor.send({ type: 'server.release' });
    const queued = this.poolQueue.shift();
    if (queued) {
      this.freeWorkers.push(worker);
      this.assign(queued);
    } else this.freeWorkers.push(worker);
  }
}
