// The UDP applications of scenarios: the pinger (stop-and-wait requests with retries) and the
// echo server, each an XState machine on simulated time whose I/O goes through a UDP socket.
// A request's payload is real bytes: its number and attempt (two 32-bit big-endian words), then zeros.

import { createActor } from 'xstate';
import type { Simulator } from '../../engine/simulator.ts';
import { NS_PER_MS } from '../../engine/time.ts';
import { echoServerMachine, type EchoRequest } from '../../machines/echoServerMachine.ts';
import { pingerMachine } from '../../machines/pingerMachine.ts';
import type { UdpLayer } from '../../net/transport/udpLayer.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import { traceStates } from '../appTrace.ts';
import type { EchoApp, PingerApp } from '../scenario/scenarioSchema.ts';
import type { EchoMetrics, PingerMetrics } from '../summary.ts';

export const DEFAULT_ECHO_PORT = 7;

/** Writes a request's number and attempt into a payload of `size` bytes (at least 8). */
export function encodeRequest(seq: number, attempt: number, size: number): Uint8Array {
  const bytes = new Uint8Array(Math.max(8, size));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, seq);
  view.setUint32(4, attempt);
  return bytes;
}

/** Reads a request's number and attempt back; undefined when the payload is too short. */
export function decodeRequest(payload: Uint8Array): { seq: number; attempt: number } | undefined {
  if (payload.length < 8) return undefined;
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  return { seq: view.getUint32(0), attempt: view.getUint32(4) };
}

/** Starts a pinger on `node`, sending to `peer`. Returns its metrics, updated as it runs. */
export function startPinger(
  sim: Simulator,
  udp: UdpLayer,
  node: string,
  app: PingerApp,
  peer: Ipv4Address,
): PingerMetrics {
  const port = app.port ?? DEFAULT_ECHO_PORT;
  const peerName = `${formatIpv4(peer)}:${port}`;
  const metrics: PingerMetrics = {
    node,
    peer: peerName,
    sent: 0,
    retries: 0,
    replies: 0,
    lost: 0,
    lateReplies: 0,
    rtts: [],
  };
  const opened = udp.bind();
  if (!opened.ok) {
    sim.record({
      t: sim.now(),
      type: 'app.error',
      node,
      app: 'pinger',
      op: 'bind',
      error: opened.error,
    });
    return metrics;
  }
  const socket = opened.value;
  const size = app.size ?? 56;
  let lastSent = { seq: 0, attempt: 0, at: 0 };
  const machine = pingerMachine.provide({
    actions: {
      sendRequest: (_, { seq, attempt }) => {
        lastSent = { seq, attempt, at: sim.now() };
        metrics.sent++;
        if (attempt > 0) metrics.retries++;
        const sent = socket.sendTo(peer, port, encodeRequest(seq, attempt, size));
        const pkt = sent.ok ? sent.value.packet : -1;
        sim.record({ t: sim.now(), type: 'app.request', node, peer: peerName, seq, attempt, pkt });
        if (!sent.ok)
          sim.record({
            t: sim.now(),
            type: 'app.error',
            node,
            app: 'pinger',
            op: 'sendto',
            error: sent.error,
          });
      },
      acceptReply: (_, { seq, attempt }) => {
        // Karn's idea: a reply to an earlier attempt cannot be timed against the latest send.
        const rtt =
          lastSent.seq === seq && lastSent.attempt === attempt ? sim.now() - lastSent.at : null;
        metrics.replies++;
        if (rtt !== null) metrics.rtts.push(rtt);
        sim.record({ t: sim.now(), type: 'app.reply', node, seq, attempt, rtt });
      },
      ignoreReply: (_, { seq, attempt }) => {
        metrics.lateReplies++;
        sim.record({ t: sim.now(), type: 'app.lateReply', node, seq, attempt });
      },
      noteTimeout: (_, { seq, attempt }) =>
        sim.record({ t: sim.now(), type: 'app.timeout', node, seq, attempt }),
      giveUp: (_, { seq }) => {
        metrics.lost++;
        sim.record({ t: sim.now(), type: 'app.timeout', node, seq, attempt: lastSent.attempt });
        sim.record({ t: sim.now(), type: 'app.giveUp', node, seq });
      },
    },
  });
  const actor = createActor(machine, {
    clock: sim.clock,
    input: {
      count: app.count ?? 4,
      timeoutMs: (app.timeout ?? 1000 * NS_PER_MS) / NS_PER_MS,
      intervalMs: (app.interval ?? 1000 * NS_PER_MS) / NS_PER_MS,
      retries: app.retries ?? 2,
      startMs: (app.start ?? 0) / NS_PER_MS,
    },
  });
  socket.onMessage = (datagram) => {
    const request = decodeRequest(datagram.payload);
    if (request && datagram.from === peer && datagram.fromPort === port) {
      actor.send({ type: 'net.reply', seq: request.seq, attempt: request.attempt });
    }
  };
  traceStates(sim, actor, node, 'pinger');
  actor.start();
  return metrics;
}

/** Starts an echo server on `node`. Returns its metrics, updated as it runs. */
export function startEchoServer(
  sim: Simulator,
  udp: UdpLayer,
  node: string,
  app: EchoApp,
): EchoMetrics {
  const metrics: EchoMetrics = { node, served: 0, maxQueue: 0 };
  const opened = udp.bind(app.port ?? DEFAULT_ECHO_PORT);
  if (!opened.ok) {
    sim.record({
      t: sim.now(),
      type: 'app.error',
      node,
      app: 'echo',
      op: 'bind',
      error: opened.error,
    });
    return metrics;
  }
  const socket = opened.value;
  const payloads = new Map<EchoRequest, { to: Ipv4Address; port: number; payload: Uint8Array }>();
  const machine = echoServerMachine.provide({
    actions: {
      sendReply: (_, request: EchoRequest) => {
        const origin = payloads.get(request);
        payloads.delete(request);
        if (!origin) return;
        metrics.served++;
        const sent = socket.sendTo(origin.to, origin.port, origin.payload);
        const pkt = sent.ok ? sent.value.packet : -1;
        sim.record({
          t: sim.now(),
          type: 'app.serve',
          node,
          client: request.from,
          seq: request.seq,
          attempt: request.attempt,
          pkt,
        });
      },
    },
  });
  const actor = createActor(machine, {
    clock: sim.clock,
    input: { serviceMs: (app.serviceTime ?? 0) / NS_PER_MS },
  });
  socket.onMessage = (datagram) => {
    const decoded = decodeRequest(datagram.payload) ?? { seq: 0, attempt: 0 };
    const request: EchoRequest = {
      from: `${formatIpv4(datagram.from)}:${datagram.fromPort}`,
      seq: decoded.seq,
      attempt: decoded.attempt,
      size: datagram.payload.length,
    };
    payloads.set(request, {
      to: datagram.from,
      port: datagram.fromPort,
      payload: datagram.payload,
    });
    actor.send({ type: 'net.request', request });
    metrics.maxQueue = Math.max(metrics.maxQueue, actor.getSnapshot().context.queue.length);
  };
  traceStates(sim, actor, node, 'echo');
  actor.start();
  return metrics;
}
