// The sink behaviour: a TCP server that accepts connections and reads everything sent to it (the
// receiving end of a bulk transfer, ns-3's PacketSink). How it starts on a node, and its figures
// from the trace: connections accepted and bytes read.

import { FlatMachineActor } from '../../machines/flatMachineActor.ts';
import type { TcpListener } from '../../machines/tcp/tcpListener.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { type SinkApp } from './bulkSchemas.ts';
import { defineAppBehaviour } from '../../sim/kinds/appKind.ts';
import { traceStates } from '../../sim/appTrace.ts';
import { sinkMachine } from './sinkMachine.ts';
import { DEFAULT_BULK_PORT } from './bulkBytes.ts';
import './bulkTrace.ts';

/** A sink: connections accepted and bytes read. */
export interface SinkFigures {
  node: string;
  port: number;
  connections: number;
  bytesReceived: number;
}

export const sinkBehaviour = defineAppBehaviour<SinkApp, SinkFigures>({
  start({ sim, host, node, label }, app) {
    const port = app.port ?? DEFAULT_BULK_PORT;
    let listener: TcpListener | undefined;
    const machine = sinkMachine.provide({
      actions: {
        listen: () => {
          const opened = host.tcp.listen(port, app.backlog ?? 128);
          if (!opened.ok) {
            const error = opened.error;
            sim.record({ t: sim.now(), type: 'app.error', node, app: label, op: 'listen', error });
            actor.send({ type: 'tcp.error', error }); // handled after this action
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
          const conn = `${formatIpv4(connection.remoteAddress)}:${connection.remotePort}`;
          sim.record({ t: sim.now(), type: 'app.accept', node, app: label, conn });
          // A sink only counts what it reads, so the bytes are never copied out (onDiscard).
          connection.handlers.onDiscard = (length) =>
            sim.record({
              t: sim.now(),
              type: 'app.read',
              node,
              app: label,
              conn,
              bytes: length,
            });
          connection.handlers.onEnd = () => connection.close();
          connection.handlers.onClose = () => actor.send({ type: 'tcp.connectionClosed' });
        },
        failed: () => {},
      },
    });
    const actor = new FlatMachineActor(machine, { clock: sim.clock });
    traceStates(sim, actor, node, label);
    actor.start();
  },
  figures: {
    fold({ node, app }) {
      const figures: SinkFigures = {
        node,
        port: app.port ?? DEFAULT_BULK_PORT,
        connections: 0,
        bytesReceived: 0,
      };
      return {
        types: ['app.accept', 'app.read'],
        add(record) {
          if (record.type === 'app.accept') figures.connections++;
          else if (record.type === 'app.read') figures.bytesReceived += record.bytes;
        },
        result: () => ({ ...figures }),
      };
    },
    lines: (k) => [
      `sink       ${k.node}:${k.port}: ${k.connections} connections, ${k.bytesReceived} bytes received`,
    ],
  },
});
