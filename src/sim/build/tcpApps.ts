// The TCP applications of scenarios: bulkSend (connect, write N bytes, close) and sink (listen,
// accept, read everything), XState machines whose I/O goes through the node's TCP sockets.

import { createActor } from 'xstate';
import type { Simulator } from '../../engine/simulator.ts';
import { NS_PER_MS } from '../../engine/time.ts';
import { bulkSendMachine } from '../../machines/bulkSendMachine.ts';
import { sinkMachine } from '../../machines/sinkMachine.ts';
import type { TcpConnection } from '../../machines/tcp/tcpConnection.ts';
import type { TcpLayer } from '../../machines/tcp/tcpLayer.ts';
import type { TcpListener } from '../../machines/tcp/tcpListener.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { traceStates } from '../appTrace.ts';
import { afterAction } from './afterAction.ts';
import type { BulkSendApp, SinkApp } from '../scenario/scenarioSchema.ts';
import type { BulkSendMetrics, SinkMetrics } from '../summary.ts';

export const DEFAULT_BULK_PORT = 5001;
/** Bytes handed to the socket per write call. */
const WRITE_CHUNK = 64 * 1024;

/** The bytes a bulk sender sends: a repeating, recognisable pattern ("handshake "...). */
function pattern(length: number, offset: number): Uint8Array {
  const text = 'handshake ';
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = text.charCodeAt((offset + i) % text.length);
  return bytes;
}

/** Starts a bulk sender on `node`. Returns its metrics, updated as it runs. */
export function startBulkSend(
  sim: Simulator,
  tcp: TcpLayer,
  node: string,
  app: BulkSendApp,
  peer: Ipv4Address,
): BulkSendMetrics {
  const port = app.port ?? DEFAULT_BULK_PORT;
  const metrics: BulkSendMetrics = {
    node,
    peer: `${formatIpv4(peer)}:${port}`,
    bytes: app.bytes,
    written: 0,
    connectedAtNs: null,
    finishedAtNs: null,
    error: null,
  };
  let connection: TcpConnection | undefined;
  const writeMore = (): void => {
    while (connection && metrics.written < app.bytes) {
      const n = Math.min(WRITE_CHUNK, app.bytes - metrics.written, connection.writable);
      if (n <= 0) return; // the send buffer is full: onDrain calls back
      const result = connection.send(pattern(n, metrics.written));
      if (!result.ok) return;
      metrics.written += result.value;
    }
    if (metrics.written >= app.bytes) actor.send({ type: 'tcp.allWritten' });
  };
  const machine = bulkSendMachine.provide({
    actions: {
      connect: afterAction(sim, () => {
        const opened = tcp.connect(peer, port);
        if (!opened.ok) {
          actor.send({ type: 'tcp.error', error: opened.error }); // handled after this action
          return;
        }
        connection = opened.value;
        connection.handlers.onConnect = () => {
          metrics.connectedAtNs = sim.now();
          actor.send({ type: 'tcp.connected' });
        };
        connection.handlers.onDrain = writeMore;
        connection.handlers.onError = (error) => {
          metrics.error = error;
          actor.send({ type: 'tcp.error', error });
        };
        connection.handlers.onEnd = () => connection?.close();
        connection.handlers.onAllAcknowledged = () => actor.send({ type: 'tcp.closed' });
      }),
      write: () => writeMore(),
      close: () => connection?.close(),
      failed: (_, error) => {
        metrics.error = error;
        sim.record({
          t: sim.now(),
          type: 'app.error',
          node,
          app: 'bulkSend',
          op: 'connect',
          error,
        });
      },
    },
  });
  const actor = createActor(machine, {
    clock: sim.clock,
    input: { startMs: (app.start ?? 0) / NS_PER_MS },
  });
  actor.subscribe((snapshot) => {
    if (snapshot.value === 'done' && metrics.finishedAtNs === null)
      metrics.finishedAtNs = sim.now();
  });
  traceStates(sim, actor, node, 'bulkSend');
  actor.start();
  return metrics;
}

/** Starts a sink on `node`. Returns its metrics, updated as it runs. */
export function startSink(sim: Simulator, tcp: TcpLayer, node: string, app: SinkApp): SinkMetrics {
  const port = app.port ?? DEFAULT_BULK_PORT;
  const metrics: SinkMetrics = { node, port, connections: 0, bytesReceived: 0 };
  let listener: TcpListener | undefined;
  const machine = sinkMachine.provide({
    actions: {
      listen: () => {
        const opened = tcp.listen(port, app.backlog ?? 128);
        if (!opened.ok) {
          sim.record({
            t: sim.now(),
            type: 'app.error',
            node,
            app: 'sink',
            op: 'listen',
            error: opened.error,
          });
          actor.send({ type: 'tcp.error', error: opened.error }); // handled after this action
          return;
        }
        listener = opened.value;
        listener.onConnection = () => actor.send({ type: 'tcp.connection' });
        actor.send({ type: 'tcp.listening' });
      },
      accept: () => {
        const accepted = listener?.accept();
        if (!accepted?.ok) return;
        const connection = accepted.value;
        metrics.connections++;
        connection.handlers.onData = (bytes) => {
          metrics.bytesReceived += bytes.length;
        };
        connection.handlers.onEnd = () => connection.close();
        connection.handlers.onClose = () => actor.send({ type: 'tcp.connectionClosed' });
      },
      failed: () => {},
    },
  });
  const actor = createActor(machine, { clock: sim.clock });
  traceStates(sim, actor, node, 'sink');
  actor.start();
  return metrics;
}
