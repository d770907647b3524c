// A connection a server process has taken: its socket and protocol session, the requests read and
// not yet served, the thread serving it, and its serverConnectionMachine actor (`server.conn`).

import { FlatMachineActor } from '../flatMachineActor.ts';
import type { EventId, Simulator } from '../../engine/simulator.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import type { TcpConnection } from '../tcp/tcpConnection.ts';
import {
  serverConnectionMachineWithIo,
  type ServerCloseReason,
  type ServerConnectionEvent,
  type ServerConnectionIo,
  type ServerConnectionState,
} from './serverConnectionMachine.ts';
import type { ProtocolSession, ServerProtocol, ServerRequest } from './serverProtocol.ts';
import type { Worker } from './serverThreads.ts';
import { StreamWriter } from './streamWriter.ts';
import './serverTrace.ts';

/** A request read from a connection, waiting for its turn or in work. */
export interface PendingRequest {
  readonly conn: ServerConnection;
  /** Numbers the server's requests (`server.request`'s `req`). */
  readonly id: number;
  readonly request: ServerRequest;
  readonly arrivedNs: number;
}

/** What a connection's machine asks of its server process: its actions, for this connection. */
export interface ConnectionHost {
  readonly sim: Simulator;
  readonly options: { node: string; app: string; keepAliveTimeout: number };
  received(conn: ServerConnection, bytes: Uint8Array): void;
  startWork(conn: ServerConnection): void;
  refuse(conn: ServerConnection): void;
  stopCounting(conn: ServerConnection): void;
  close(conn: ServerConnection, reason: ServerCloseReason): void;
  freeThread(conn: ServerConnection): void;
  leaveQueue(conn: ServerConnection): void;
  takeConnections(): void;
}

/**
 * One connection at a server. Its machine's state is the truth the process consults; the
 * machine's actions only queue their effects, which run once the new state is recorded (the
 * keep-alive timer, which records nothing, is set and cleared at once).
 */
export class ServerConnection implements ServerConnectionIo {
  /** The client's end, "address:port". */
  readonly name: string;
  readonly writer: StreamWriter;
  readonly session: ProtocolSession;
  /** Requests read and not yet started (pipelined behind the one in work), oldest first. */
  readonly queue: PendingRequest[] = [];
  /** The thread serving it (a worker, its own thread or the loop); none while it waits for one. */
  thread: Worker | undefined;
  private readonly actor: FlatMachineActor<typeof serverConnectionMachineWithIo>;
  private readonly effects: (() => void)[] = [];
  private traced = '';
  private keepAlive: EventId | undefined;

  constructor(
    private readonly host: ConnectionHost,
    connection: TcpConnection,
    protocol: ServerProtocol,
  ) {
    this.name = `${formatIpv4(connection.remoteAddress)}:${connection.remotePort}`;
    this.writer = new StreamWriter(connection);
    this.session = protocol.open({
      local: `${formatIpv4(connection.localAddress)}:${connection.localPort}`,
      peer: this.name,
    });
    connection.handlers.onData = (bytes) => host.received(this, bytes);
    connection.handlers.onEnd = () => this.send({ type: 'conn.end' });
    connection.handlers.onClose = () => this.send({ type: 'conn.closed' });
    connection.handlers.onError = () => this.send({ type: 'conn.reset' });
    const { sim, options } = host;
    this.actor = new FlatMachineActor(serverConnectionMachineWithIo, {
      clock: sim.clock,
      input: { io: this },
    });
    this.actor.subscribe((snapshot) => {
      const state = snapshot.value;
      if (state !== this.traced) {
        this.traced = state;
        if (sim.trace.wants('server.conn')) {
          const { node, app } = options;
          sim.record({ t: sim.now(), type: 'server.conn', node, app, conn: this.name, state });
        }
      }
      for (let effect = this.effects.shift(); effect; effect = this.effects.shift()) effect();
    });
    this.actor.start();
  }

  /** The machine's state. */
  get state(): ServerConnectionState {
    return this.actor.getSnapshot().value as ServerConnectionState;
  }

  /** Whether it still takes requests and counts against the limit (the machine's `open` tag). */
  get open(): boolean {
    return this.actor.getSnapshot().hasTag('open');
  }

  /** Raises a machine event; a connection that has ended ignores them. */
  send(event: ServerConnectionEvent): void {
    if (this.actor.getSnapshot().status === 'active') this.actor.send(event);
  }

  armKeepAlive(): void {
    this.keepAlive = this.host.sim.schedule(this.host.options.keepAliveTimeout, this.idle);
  }

  disarmKeepAlive(): void {
    if (this.keepAlive !== undefined) this.host.sim.cancel(this.keepAlive);
    this.keepAlive = undefined;
  }

  private readonly idle = (): void => {
    this.keepAlive = undefined;
    this.send({ type: 'conn.idle' });
  };

  startWork(): void {
    this.effects.push(() => this.host.startWork(this));
  }

  refuse(): void {
    this.effects.push(() => this.host.refuse(this));
  }

  stopCounting(): void {
    this.effects.push(() => this.host.stopCounting(this));
  }

  close(reason: ServerCloseReason): void {
    this.effects.push(() => this.host.close(this, reason));
  }

  freeThread(): void {
    this.effects.push(() => this.host.freeThread(this));
  }

  leaveQueue(): void {
    this.effects.push(() => this.host.leaveQueue(this));
  }

  takeMore(): void {
    this.effects.push(() => this.host.takeConnections());
  }
}
