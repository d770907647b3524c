// What a SYN flood does (synFloodActionKind.ts declares it): SYNs sent straight from the node's
// IP layer, as hping3 --flood or a raw socket would, one every 1/rate s; each from a random
// source port with a random sequence number and, with `spoofFrom`, from a random address of the
// prefix (the action's own random stream, so a seed gives the same flood). Its figures: the
// SYNs sent, and what the target's listener did with SYNs meanwhile (dropped, answered with a
// cookie, connections made from cookies), read from the target's TCP records.

import { NS_PER_S, type Nanos } from '../../engine/time.ts';
import type { RandomStream } from '../../engine/random.ts';
import {
  formatIpv4,
  formatPrefix,
  prefixMask,
  type Ipv4Address,
  type Ipv4Prefix,
} from '../../net/wire/ipv4Address.ts';
import { tcpFlags } from '../../net/wire/packet.ts';
import { defineActionBehaviour } from '../../sim/kinds/actionKind.ts';
import { floodPlan, type SynFloodAction } from './synFloodActionKind.ts';
import '../../machines/tcp/tcpTrace.ts';
import './attackTrace.ts';

/** A SYN flood's figures after a run. */
export interface SynFloodFigures {
  node: string;
  /** The flooded socket, `address:port`. */
  target: string;
  /** The target node's id (or the address, if no node has it). */
  targetNode: string;
  rate: number;
  /** SYNs it was to send. */
  count: number;
  /** SYNs sent by the end of the run. */
  sent: number;
  /** The forged sources' prefix, or '' when the SYNs came from the node itself. */
  spoofFrom: string;
  /** At the target's port during the run: SYNs dropped (backlog or SYN queue full). */
  dropped: number;
  /** …SYNs answered with a SYN cookie. */
  cookies: number;
  /** …connections made from a returned cookie. */
  cookieConnections: number;
}

/** A random address of `prefix` that is neither its network nor its broadcast address. */
function randomAddress(prefix: Ipv4Prefix, random: RandomStream): Ipv4Address {
  const size = 2 ** (32 - prefix.length);
  const offset = size <= 2 ? random.integer(0, size - 1) : random.integer(1, size - 2);
  return ((prefix.network & prefixMask(prefix.length)) + offset) >>> 0;
}

/** The MSS a flood's SYNs announce, as a Linux host on Ethernet would. */
const FLOOD_MSS = 1460;

export const synFloodBehaviour = defineActionBehaviour<SynFloodAction, SynFloodFigures>({
  start({ sim, host, node, label, addressOf }, event) {
    const dst = addressOf(event.target);
    if (dst === undefined) return; // validation makes sure it is known
    const { port, rate, count } = floodPlan(event);
    const random = sim.random.stream(`node:${node}/${label}/synFlood`);
    const target = `${formatIpv4(dst)}:${port}`;
    const spoof = event.spoofFrom;
    let sent = 0;
    const sendSyn = (): void => {
      host.net.send({
        dst,
        ...(spoof ? { src: randomAddress(spoof, random) } : {}),
        transport: {
          kind: 'tcp',
          srcPort: random.integer(1024, 65_535),
          dstPort: port,
          seq: random.nextUint32(),
          ack: 0,
          flags: tcpFlags({ syn: true }),
          window: 64_240,
          urgentPointer: 0,
          options: [{ kind: 'mss', value: FLOOD_MSS }],
        },
      });
      sent++;
      if (sent < count) sim.scheduleAt(event.at + Math.round((sent * NS_PER_S) / rate), sendSyn);
      else sim.record({ t: sim.now(), type: 'flood.end', node, app: label, target, sent });
    };
    sim.scheduleAt(event.at, () => {
      sim.record({
        t: sim.now(),
        type: 'flood.start',
        node,
        app: label,
        target,
        rate,
        count,
        spoofFrom: spoof ? formatPrefix(spoof) : '',
      });
      if (count > 0) sendSyn();
      else sim.record({ t: sim.now(), type: 'flood.end', node, app: label, target, sent });
    });
  },
  figures: {
    fold({ node, label, event, addressOf, nodeOf }) {
      const address = addressOf(event.target);
      const { port, rate, count } = floodPlan(event);
      const targetNode = nodeOf(event.target) ?? event.target;
      const figures: SynFloodFigures = {
        node,
        target: `${address === undefined ? event.target : formatIpv4(address)}:${port}`,
        targetNode,
        rate,
        count,
        sent: 0,
        spoofFrom: event.spoofFrom ? formatPrefix(event.spoofFrom) : '',
        dropped: 0,
        cookies: 0,
        cookieConnections: 0,
      };
      let startedAt: Nanos | undefined;
      let ended = false;
      const own = (r: { node: string; app: string }) => r.node === node && r.app === label;
      const atTarget = (r: { node: string; port: number }) =>
        r.node === targetNode && r.port === port;
      return {
        types: [
          'flood.start',
          'flood.end',
          'sim.end',
          'tcp.synDropped',
          'tcp.synQueueFull',
          'tcp.synCookie',
          'tcp.cookieAck',
        ],
        add(record) {
          switch (record.type) {
            case 'flood.start':
              if (own(record)) startedAt = record.t;
              break;
            case 'flood.end':
              if (own(record)) {
                figures.sent = record.sent;
                ended = true;
              }
              break;
            case 'sim.end':
              // A run that stopped mid-flood: the SYNs sent by then, one every 1/rate s.
              if (!ended && startedAt !== undefined)
                figures.sent = Math.min(
                  count,
                  Math.floor(((record.t - startedAt) * rate) / NS_PER_S) + 1,
                );
              break;
            case 'tcp.synDropped':
            case 'tcp.synQueueFull':
              if (atTarget(record)) figures.dropped++;
              break;
            case 'tcp.synCookie':
              if (atTarget(record)) figures.cookies++;
              break;
            case 'tcp.cookieAck':
              if (atTarget(record)) figures.cookieConnections++;
              break;
          }
        },
        result: () => ({ ...figures }),
      };
    },
    lines: (f) => [
      `synFlood   ${f.node} -> ${f.target}: ${f.sent} of ${f.count} SYNs sent (${f.rate}/s${f.spoofFrom ? `, from ${f.spoofFrom}` : ''}); ` +
        `at the target ${f.dropped} SYNs dropped, ${f.cookies} SYN cookies sent, ${f.cookieConnections} connections made from cookies`,
    ],
  },
});
