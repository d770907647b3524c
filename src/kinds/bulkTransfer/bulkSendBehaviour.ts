// The bulkSend behaviour: a TCP client that connects, writes a number of bytes as fast as TCP takes
// them, and closes (a file upload, iperf, ns-3's BulkSend). How it starts on a node, and its
// figures from the trace: bytes written, when it connected and when it finished.

import { FlatMachineActor } from '../../machines/flatMachineActor.ts';
import { NS_PER_MS, formatDuration, type Nanos } from '../../engine/time.ts';
import type { TcpConnection } from '../../machines/tcp/tcpConnection.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { type BulkSendApp } from './bulkSchemas.ts';
import { defineAppBehaviour } from '../../sim/kinds/appKind.ts';
import { traceStates } from '../../sim/appTrace.ts';
import { afterAction } from '../../sim/build/afterAction.ts';
import { formatBitRate } from '../../sim/summary/figureMath.ts';
import { bulkSendMachine } from './bulkSendMachine.ts';
import { DEFAULT_BULK_PORT, patternViewAfter } from './bulkBytes.ts';
import './bulkTrace.ts';

/** Bytes handed to the socket per write call. */
const WRITE_CHUNK = 64 * 1024;

/** A bulk sender: how much it wrote and when the transfer finished. */
export interface BulkSendFigures {
  node: string;
  /** The sink, `address:port`. */
  peer: string;
  /** Bytes to send. */
  bytes: number;
  /** Bytes handed to the socket so far. */
  written: number;
  connectedAtNs: Nanos | null;
  /** When the connection closed after all data was acknowledged. */
  finishedAtNs: Nanos | null;
  error: string | null;
}

export const bulkSendBehaviour = defineAppBehaviour<BulkSendApp, BulkSendFigures>({
  start({ sim, host, node, label, addressOf }, app) {
    const peerAddress = addressOf(app.peer);
    if (peerAddress === undefined) return; // validation makes sure it is known
    const port = app.port ?? DEFAULT_BULK_PORT;
    let connection: TcpConnection | undefined;
    let written = 0;
    let lastView: Uint8Array | undefined;
    const writeMore = (): void => {
      const before = written;
      while (connection && written < app.bytes) {
        const n = Math.min(WRITE_CHUNK, app.bytes - written, connection.writable);
        if (n <= 0) break; // the send buffer is full: onDrain calls back
        // The pattern is a constant template: the socket keeps views of it, never a copy, and
        // joins views that follow each other in memory.
        const view = patternViewAfter(lastView, n, written);
        const result = connection.sendShared(view);
        if (!result.ok) break;
        lastView = result.value === n ? view : view.subarray(0, result.value);
        written += result.value;
      }
      if (written > before)
        sim.record({
          t: sim.now(),
          type: 'app.write',
          node,
          app: label,
          bytes: written - before,
          written,
        });
      if (written >= app.bytes) actor.send({ type: 'tcp.allWritten' });
    };
    const machine = bulkSendMachine.provide({
      actions: {
        connect: afterAction(sim, () => {
          const opened = host.tcp.connect(peerAddress, port);
          if (!opened.ok) {
            actor.send({ type: 'tcp.error', error: opened.error }); // handled after this action
            return;
          }
          connection = opened.value;
          connection.handlers.onConnect = () => actor.send({ type: 'tcp.connected' });
          connection.handlers.onDrain = writeMore;
          connection.handlers.onError = (error) => actor.send({ type: 'tcp.error', error });
          connection.handlers.onEnd = () => connection?.close();
          connection.handlers.onAllAcknowledged = () => actor.send({ type: 'tcp.closed' });
        }),
        write: () => writeMore(),
        close: () => connection?.close(),
        failed: (_, error) =>
          sim.record({ t: sim.now(), type: 'app.error', node, app: label, op: 'connect', error }),
      },
    });
    const actor = new FlatMachineActor(machine, {
      clock: sim.clock,
      input: { startMs: (app.start ?? 0) / NS_PER_MS },
    });
    traceStates(sim, actor, node, label);
    actor.start();
  },
  figures: {
    fold({ node, app, addressOf }) {
      const address = addressOf(app.peer);
      const figures: BulkSendFigures = {
        node,
        peer: `${address === undefined ? app.peer : formatIpv4(address)}:${app.port ?? DEFAULT_BULK_PORT}`,
        bytes: app.bytes,
        written: 0,
        connectedAtNs: null,
        finishedAtNs: null,
        error: null,
      };
      return {
        types: ['app.write', 'app.state', 'app.error'],
        add(record) {
          if (record.type === 'app.write') figures.written = record.written;
          else if (record.type === 'app.error') figures.error = record.error;
          else if (record.type === 'app.state' && record.state === 'sending')
            figures.connectedAtNs ??= record.t;
          else if (record.type === 'app.state' && record.state === 'done')
            figures.finishedAtNs ??= record.t;
        },
        result: () => ({ ...figures }),
      };
    },
    lines: (b) => [`bulkSend   ${b.node} -> ${b.peer}: ${describeTransfer(b)}`],
  },
});

/** "300000 bytes in 2.1 s after connecting (1.14 Mbit/s goodput)", or why it did not finish. */
export function describeTransfer(b: BulkSendFigures): string {
  if (b.error) return `failed: ${b.error} after writing ${b.written} of ${b.bytes} bytes`;
  if (b.finishedAtNs === null || b.connectedAtNs === null)
    return `not finished: ${b.written} of ${b.bytes} bytes written`;
  const elapsed = Math.max(1, b.finishedAtNs - b.connectedAtNs);
  const goodput = Math.round((b.bytes * 8 * 1e9) / elapsed);
  return `${b.bytes} bytes in ${formatDuration(elapsed)} after connecting (${formatBitRate(goodput)} goodput)`;
}
