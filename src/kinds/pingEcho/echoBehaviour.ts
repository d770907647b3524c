// The echo behaviour: a UDP server that answers each request with a reply of the same bytes, one at
// a time and in arrival order, after a service time (RFC 862 with a queue). How it starts on a
// node, and its figures from the trace: requests served and the longest queue.

import { FlatMachineActor } from '../../machines/flatMachineActor.ts';
import { NS_PER_MS } from '../../engine/time.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { type EchoApp } from './pingEchoSchemas.ts';
import { defineAppBehaviour } from '../../sim/kinds/appKind.ts';
import { bindUdp } from '../../sim/build/appSockets.ts';
import { traceStates } from '../../sim/appTrace.ts';
import { echoServerMachine, type EchoRequest } from './echoServerMachine.ts';
import { DEFAULT_ECHO_PORT, decodeRequest } from './pingPayload.ts';
import './pingTrace.ts';

/** What an echo server did. */
export interface EchoFigures {
  node: string;
  served: number;
  /** Most requests held at once, the one in service included. */
  maxQueue: number;
}

/** A request in the machine's queue, carrying what its reply is sent to and with. */
interface PendingRequest extends EchoRequest {
  to: Ipv4Address;
  port: number;
  payload: Uint8Array;
}

export const echoBehaviour = defineAppBehaviour<EchoApp, EchoFigures>({
  start(context, app) {
    const { sim, node, label } = context;
    const socket = bindUdp(context, app.port ?? DEFAULT_ECHO_PORT);
    if (!socket) return;
    const machine = echoServerMachine.provide({
      actions: {
        sendReply: (_, request: EchoRequest) => {
          const origin = request as PendingRequest;
          const sent = socket.sendTo(origin.to, origin.port, origin.payload);
          const pkt = sent.ok ? sent.value.packet : -1;
          const { from: client, seq, attempt } = request;
          sim.record({
            t: sim.now(),
            type: 'app.serve',
            node,
            app: label,
            client,
            seq,
            attempt,
            pkt,
          });
        },
      },
    });
    const actor = new FlatMachineActor(machine, {
      clock: sim.clock,
      input: { serviceMs: (app.serviceTime ?? 0) / NS_PER_MS },
    });
    // The client's "address:port", remembered: requests mostly come from the last client.
    let last = { address: -1, port: -1, name: '' };
    const clientName = (address: Ipv4Address, port: number): string => {
      if (address !== last.address || port !== last.port)
        last = { address, port, name: `${formatIpv4(address)}:${port}` };
      return last.name;
    };
    socket.onMessage = (datagram) => {
      const decoded = decodeRequest(datagram.payload) ?? { seq: 0, attempt: 0 };
      const request: PendingRequest = {
        from: clientName(datagram.from, datagram.fromPort),
        seq: decoded.seq,
        attempt: decoded.attempt,
        size: datagram.payload.length,
        to: datagram.from,
        port: datagram.fromPort,
        payload: datagram.payload,
      };
      // Recorded before the machine takes it, so the log reads "receives", then "serving".
      sim.record({
        t: sim.now(),
        type: 'app.receive',
        node,
        app: label,
        client: request.from,
        seq: request.seq,
        attempt: request.attempt,
        waiting: actor.getSnapshot().context.queue.length + 1,
      });
      actor.send({ type: 'net.request', request });
    };
    traceStates(sim, actor, node, label);
    actor.start();
  },
  figures: {
    fold({ node }) {
      let served = 0;
      let maxQueue = 0;
      return {
        types: ['app.serve', 'app.receive'],
        add(record) {
          if (record.type === 'app.serve') served++;
          else if (record.type === 'app.receive') maxQueue = Math.max(maxQueue, record.waiting);
        },
        result: () => ({ node, served, maxQueue }),
      };
    },
    lines: (e) => [`echo       ${e.node}: ${e.served} served, longest queue ${e.maxQueue}`],
  },
});
