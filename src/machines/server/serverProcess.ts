// A server process: listens, takes connections as its concurrency strategy allows, turns their
// bytes into requests, runs each request's CPU work on the node's scheduler and its I/O wait, and
// writes the reply. Threads and connections are XState actors; the request path is plain code.

import type { Simulator } from '../../engine/simulator.ts';
import type { RandomStream } from '../../engine/random.ts';
import type { SocketResult } from '../../net/transport/socketTrace.ts';
import type { CpuScheduler } from '../cpu/cpuScheduler.ts';
import { sample } from '../cpu/distributions.ts';
import type { TcpLayer } from '../tcp/tcpLayer.ts';
import type { TcpListener } from '../tcp/tcpListener.ts';
import { CONCURRENCY_MODELS } from './concurrencyModels.ts';
import type { ConcurrencyStrategy } from './concurrencyStrategy.ts';
import type { ServerProcessOptions } from './serverConfig.ts';
import { ServerConnection, type ConnectionHost, type PendingRequest } from './serverConnection.ts';
import type { ServerCloseReason, ServerConnectionEvent } from './serverConnectionMachine.ts';
import type { ServerProtocol, ServerRequest } from './serverProtocol.ts';
import { RateLimiter } from './rateLimit.ts';
import { startWorker, type Worker } from './serverThreads.ts';
import './serverTrace.ts';

const REQUEST: ServerConnectionEvent = { type: 'conn.request' };
const DATA: ServerConnectionEvent = { type: 'conn.data' };
const IO: ServerConnectionEvent = { type: 'conn.io' };
const DROPPED: ServerConnectionEvent = { type: 'conn.dropped' };
const REFUSE: ServerConnectionEvent = { type: 'conn.refuse' };
const WORK = { type: 'server.work' } as const;

/** A server process on one node. Call `start()` to listen. */
export class ServerProcess {
  private listener: TcpListener | undefined;
  private readonly strategy: ConcurrencyStrategy<PendingRequest>;
  /** Connections taken that wait for a thread (a worker pool's queue), oldest first. */
  private readonly waitingForThread: ServerConnection[] = [];
  /** Connections taken and still open: what the model's limit counts. */
  private active = 0;
  private requestCount = 0;
  private readonly random: RandomStream;
  /** What each connection's machine asks of this process. */
  private readonly connections: ConnectionHost;
  /** The token buckets of the server's rate limit, if it has one. */
  private readonly limiter: RateLimiter | undefined;

  constructor(
    private readonly sim: Simulator,
    private readonly tcp: TcpLayer,
    private readonly cpu: CpuScheduler,
    private readonly protocol: ServerProtocol,
    readonly options: ServerProcessOptions,
  ) {
    this.random = sim.random.stream(`node:${options.node}/${options.app}/service`);
    this.limiter = options.rateLimit ? new RateLimiter(options.rateLimit) : undefined;
    this.strategy = new CONCURRENCY_MODELS[options.concurrency.model]<PendingRequest>({
      config: options.concurrency,
      thread: (name) => startWorker(sim, options.node, options.app, name),
      work: (task, cpuFreed) => this.work(task, cpuFreed),
      wanted: (task) => task.conn.state !== 'abandoned',
      drop: (task) => task.conn.send(DROPPED),
    });
    this.connections = {
      sim,
      options,
      received: (conn, bytes) => this.received(conn, bytes),
      startWork: (conn) => this.startWork(conn),
      refuse: (conn) => this.refuse(conn),
      stopCounting: () => this.active--,
      close: (conn, reason) => this.close(conn, reason),
      freeThread: (conn) => this.freeThread(conn),
      leaveQueue: (conn) => this.leaveQueue(conn),
      takeConnections: () => this.takeConnections(),
    };
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
    this.strategy.start();
    return opened;
  }

  /** Takes waiting connections from the accept queue as far as the model allows. */
  private takeConnections(): void {
    const listener = this.listener;
    if (!listener) return;
    const strategy = this.strategy;
    while (listener.queued > 0) {
      const room = strategy.hasRoom(this.active, this.waitingForThread.length);
      if (!room && strategy.refusal === undefined) {
        this.waiting('', 'backlog', listener.queued);
        return;
      }
      const accepted = listener.accept();
      if (!accepted.ok) return;
      const conn = new ServerConnection(this.connections, accepted.value, this.protocol);
      if (!room) {
        conn.send(REFUSE);
        continue;
      }
      this.active++;
      const thread = strategy.threadFor();
      if (thread) this.assign(conn, thread);
      else {
        this.waitingForThread.push(conn);
        this.waiting(conn.name, strategy.queue, this.waitingForThread.length);
      }
    }
  }

  private waiting(conn: string, where: string, waiting: number): void {
    const { node, app } = this.options;
    this.sim.record({ t: this.sim.now(), type: 'server.wait', node, app, conn, where, waiting });
  }

  /** Gives a connection its thread and greets it. */
  private assign(conn: ServerConnection, thread: Worker): void {
    conn.thread = thread;
    thread.actor.send({ type: 'server.assign' });
    const { node, app } = this.options;
    this.sim.record({
      t: this.sim.now(),
      type: 'server.accept',
      node,
      app,
      conn: conn.name,
      worker: thread.name,
    });
    const greeting = conn.session.greeting?.();
    if (greeting) conn.writer.write(greeting);
    conn.send({ type: 'conn.assign', queued: conn.queue.length > 0 });
  }

  private received(conn: ServerConnection, bytes: Uint8Array): void {
    if (!conn.open) return;
    const { node, app } = this.options;
    const requests = conn.session.receive(bytes);
    for (const request of requests) {
      const id = ++this.requestCount;
      this.sim.record({
        t: this.sim.now(),
        type: 'server.request',
        node,
        app,
        conn: conn.name,
        req: id,
        label: request.label,
      });
      const admitted = this.limiter ? this.limit(conn, id, request) : request;
      conn.queue.push({ conn, id, request: admitted, arrivedNs: this.sim.now() });
    }
    conn.send(requests.length > 0 ? REQUEST : DATA);
  }

  /**
   * The request as the rate limit lets it through: itself when its bucket has a token (or the
   * limit does not count it), else its refusal, answered without work.
   */
  private limit(conn: ServerConnection, id: number, request: ServerRequest): ServerRequest {
    const limiter = this.limiter as RateLimiter;
    if (!request.limited || limiter.admit(conn.name, this.sim.now())) return request;
    const { node, app } = this.options;
    const { status, retryAfter } = limiter.settings;
    this.sim.record({
      t: this.sim.now(),
      type: 'server.limit',
      node,
      app,
      conn: conn.name,
      req: id,
      key: limiter.keyOf(conn.name),
      status,
    });
    return request.limited(retryAfter === undefined ? { status } : { status, retryAfter });
  }

  /** The connection's next request starts, now or when the model gets to it. */
  private startWork(conn: ServerConnection): void {
    const next = conn.queue.shift();
    if (next) this.strategy.run(next);
  }

  /** CPU burst on the scheduler, then the I/O wait, then the reply. */
  private work(pending: PendingRequest, cpuFreed?: () => void): void {
    const { conn } = pending;
    const worker = conn.thread as Worker;
    const { node, app, service, priority } = this.options;
    const reply = (): void => this.reply(pending, worker);
    if (!pending.request.work) {
      cpuFreed?.();
      reply();
      return;
    }
    const job = `${worker.process}#${pending.id}`;
    worker.actor.send(WORK);
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
      // The request's CPU work runs in its thread: the thread's next request on the same core
      // needs no context switch (an event loop's one thread never switches between requests).
      process: worker.process,
      bursts: [sample(service.cpu, this.random)],
      priority,
      onDone: () => {
        cpuFreed?.();
        if (io <= 0) return reply();
        this.strategy.blockedOnIo(worker);
        conn.send(IO);
        this.sim.schedule(io, reply);
      },
    });
  }

  private reply(pending: PendingRequest, worker: Worker): void {
    const { conn } = pending;
    const { node, app } = this.options;
    pending.request.serve({
      write: (bytes) => conn.writer.write(bytes),
      end: ({ status, close }) => {
        const latency = this.sim.now() - pending.arrivedNs;
        this.sim.record({
          t: this.sim.now(),
          type: 'server.reply',
          node,
          app,
          req: pending.id,
          status,
          latency,
        });
        this.strategy.replied(worker);
        conn.send({ type: 'conn.replied', close, queued: conn.queue.length > 0 });
      },
    });
  }

  /** Answers a connection over the limits with the protocol's "busy" (HTTP 503), then closes. */
  private refuse(conn: ServerConnection): void {
    const { node, app } = this.options;
    const reason = this.strategy.refusal ?? '';
    this.sim.record({
      t: this.sim.now(),
      type: 'server.refuse',
      node,
      app,
      conn: conn.name,
      reason,
    });
    const answer = this.protocol.refusal();
    if (answer) conn.writer.write(answer);
    conn.writer.end();
  }

  /** Closes our side once the replies are out. */
  private close(conn: ServerConnection, reason: ServerCloseReason): void {
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
  }

  /** The connection's thread is free: the model keeps it, or it exits; a waiting connection gets it. */
  private freeThread(conn: ServerConnection): void {
    const thread = conn.thread;
    if (!thread) return;
    conn.thread = undefined;
    this.strategy.free(thread);
    if (this.waitingForThread.length === 0) return;
    const next = this.strategy.threadFor();
    if (next) this.assign(this.waitingForThread.shift() as ServerConnection, next);
  }

  private leaveQueue(conn: ServerConnection): void {
    const index = this.waitingForThread.indexOf(conn);
    if (index >= 0) this.waitingForThread.splice(index, 1);
  }
}
