// The pinger behaviour: a UDP client that sends numbered requests one at a time, waits for each
// reply and retries after a timeout (stop-and-wait). How it starts on a node over a UDP socket, and
// its figures from the trace: requests, retries, replies, losses, round-trip times.

import { FlatMachineActor } from '../../machines/flatMachineActor.ts';
import { NS_PER_MS, formatDuration, type Nanos } from '../../engine/time.ts';
import { ByteBlocks } from '../../net/wire/byteBlocks.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { type PingerApp } from './pingEchoSchemas.ts';
import { defineAppBehaviour } from '../../sim/kinds/appKind.ts';
import { bindUdp } from '../../sim/build/appSockets.ts';
import { traceStates } from '../../sim/appTrace.ts';
import { DEFAULT_ECHO_PORT, decodeRequest, encodeRequest } from './pingPayload.ts';
import { pingerMachine } from './pingerMachine.ts';
import './pingTrace.ts';

/** What a pinger did. */
export interface PingerFigures {
  node: string;
  /** The echo server, `address:port`. */
  peer: string;
  sent: number;
  retries: number;
  replies: number;
  lost: number;
  lateReplies: number;
  rttMinNs: Nanos | null;
  rttMeanNs: Nanos | null;
  rttMaxNs: Nanos | null;
}

export const pingerBehaviour = defineAppBehaviour<PingerApp, PingerFigures>({
  start(context, app) {
    const { sim, node, label, addressOf } = context;
    const peerAddress = addressOf(app.peer);
    if (peerAddress === undefined) return; // validation makes sure it is known
    const port = app.port ?? DEFAULT_ECHO_PORT;
    const peerName = `${formatIpv4(peerAddress)}:${port}`;
    const socket = bindUdp(context);
    if (!socket) return;
    socket.dontFragment = app.dontFragment ?? false;
    const size = app.size ?? 56;
    const payloads = new ByteBlocks();
    let lastSent = { seq: 0, attempt: 0, at: 0 };
    const machine = pingerMachine.provide({
      actions: {
        sendRequest: (_, { seq, attempt }) => {
          lastSent = { seq, attempt, at: sim.now() };
          const sent = socket.sendTo(
            peerAddress,
            port,
            encodeRequest(seq, attempt, size, payloads),
          );
          const pkt = sent.ok ? sent.value.packet : -1;
          sim.record({
            t: sim.now(),
            type: 'app.request',
            node,
            app: label,
            peer: peerName,
            seq,
            attempt,
            pkt,
          });
          if (!sent.ok)
            sim.record({
              t: sim.now(),
              type: 'app.error',
              node,
              app: label,
              op: 'sendto',
              error: sent.error,
            });
        },
        acceptReply: (_, { seq, attempt }) => {
          // Karn's idea: a reply to an earlier attempt cannot be timed against the latest send.
          const rtt =
            lastSent.seq === seq && lastSent.attempt === attempt ? sim.now() - lastSent.at : null;
          sim.record({ t: sim.now(), type: 'app.reply', node, app: label, seq, attempt, rtt });
        },
        ignoreReply: (_, { seq, attempt }) =>
          sim.record({ t: sim.now(), type: 'app.lateReply', node, app: label, seq, attempt }),
        noteTimeout: (_, { seq, attempt }) =>
          sim.record({ t: sim.now(), type: 'app.timeout', node, app: label, seq, attempt }),
        giveUp: (_, { seq }) => {
          const attempt = lastSent.attempt;
          sim.record({ t: sim.now(), type: 'app.timeout', node, app: label, seq, attempt });
          sim.record({ t: sim.now(), type: 'app.giveUp', node, app: label, seq });
        },
      },
    });
    const actor = new FlatMachineActor(machine, {
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
      if (request && datagram.from === peerAddress && datagram.fromPort === port)
        actor.send({ type: 'net.reply', seq: request.seq, attempt: request.attempt });
    };
    traceStates(sim, actor, node, label);
    actor.start();
  },
  figures: {
    fold({ node, app, addressOf }) {
      const address = addressOf(app.peer);
      const peerName = `${address === undefined ? app.peer : formatIpv4(address)}:${app.port ?? DEFAULT_ECHO_PORT}`;
      const counts = { sent: 0, retries: 0, replies: 0, lost: 0, lateReplies: 0 };
      const rtts: number[] = [];
      return {
        types: ['app.request', 'app.reply', 'app.lateReply', 'app.giveUp'],
        add(record) {
          if (record.type === 'app.request') {
            counts.sent++;
            if (record.attempt > 0) counts.retries++;
          } else if (record.type === 'app.reply') {
            counts.replies++;
            if (record.rtt !== null) rtts.push(record.rtt);
          } else if (record.type === 'app.lateReply') counts.lateReplies++;
          else if (record.type === 'app.giveUp') counts.lost++;
        },
        result: () => ({ node, peer: peerName, ...counts, ...rttFigures(rtts) }),
      };
    },
    lines(p) {
      const rtt =
        p.rttMinNs === null
          ? 'no round trip timed'
          : `RTT min/mean/max ${formatDuration(p.rttMinNs)} / ${formatDuration(p.rttMeanNs ?? 0)} / ${formatDuration(p.rttMaxNs ?? 0)}`;
      return [
        `pinger     ${p.node} -> ${p.peer}: ${p.sent} sent (${p.retries} retries), ${p.replies} replies, ${p.lost} lost, ${p.lateReplies} late; ${rtt}`,
      ];
    },
  },
});

/** Min, mean and max of the timed round trips (null when none was timed). */
function rttFigures(
  rtts: readonly number[],
): Pick<PingerFigures, 'rttMinNs' | 'rttMeanNs' | 'rttMaxNs'> {
  if (rtts.length === 0) return { rttMinNs: null, rttMeanNs: null, rttMaxNs: null };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const rtt of rtts) {
    min = Math.min(min, rtt);
    max = Math.max(max, rtt);
    sum += rtt;
  }
  return { rttMinNs: min, rttMeanNs: Math.round(sum / rtts.length), rttMaxNs: max };
}
