// Shared by the retransmission, congestion and recovery tests: a transfer from A to B:80 over
// tests/support/tcpNetwork.ts, trace queries, and the search for a seed that loses chosen packets.
import type { TraceRecord } from '../../engine/trace.ts';
import { NS_PER_S } from '../../engine/time.ts';
import { seqAdd } from '../../net/tcp/seq.ts';
import { ipv4Header, type Packet, type TcpHeader } from '../../net/wire/packet.ts';
import { isArpFrame, isLinkFrame, type Frame } from '../../net/wire/frame.ts';
import type { FrameRecordType, IpRecord } from '../../net/link/linkRecords.ts';
import {
  B,
  twoHosts,
  type TwoHosts,
  type TwoHostsOptions,
} from '../../../tests/support/tcpNetwork.ts';
import type { TcpConnection } from './tcpConnection.ts';

export const SMSS = 1460;
export const ISS_A = 1000;
export const ISS_B = 5000;

export const tcp = (packet: Packet): TcpHeader => packet.transport as TcpHeader;

/** One past the last sequence number a segment occupies: SEG.SEQ + SEG.LEN (SYN, FIN count 1). */
export const segmentEnd = (packet: Packet): number => {
  const h = tcp(packet);
  return seqAdd(h.seq, packet.payload.length + (h.flags.syn ? 1 : 0) + (h.flags.fin ? 1 : 0));
};

/** Transmission time of `bytes` at `bandwidth` bit/s, in ns (exact for the rates used here). */
export const tx = (bytes: number, bandwidth: number): number => (bytes * 8 * NS_PER_S) / bandwidth;

export interface Transfer {
  net: TwoHosts;
  client: TcpConnection;
  received: () => number;
}

/**
 * A connects to B:80 and, once connected, writes `bytes` (then closes, unless `keepOpen`); B
 * accepts at once, counts what it reads and closes when A's FIN arrives.
 */
export function transfer(options: TwoHostsOptions, bytes: number, keepOpen = false): Transfer {
  const net = twoHosts({ issA: [ISS_A], issB: [ISS_B], ...options });
  let received = 0;
  const listener = net.b.tcp.listen(80);
  if (!listener.ok) throw new Error(listener.error);
  listener.value.onConnection = (l) => {
    const accepted = l.accept();
    if (!accepted.ok) return;
    const server = accepted.value;
    server.handlers.onData = (b) => (received += b.length);
    server.handlers.onEnd = () => server.close();
  };
  const conn = net.a.tcp.connect(B, 80);
  if (!conn.ok) throw new Error(conn.error);
  const client = conn.value;
  client.handlers.onConnect = () => {
    if (bytes > 0) client.send(new Uint8Array(bytes));
    if (!keepOpen) client.close();
  };
  return { net, client, received: () => received };
}

/** A record of `type`; for the link records that carry a frame, one whose frame is IPv4. */
export type RecordOf<K extends TraceRecord['type']> = K extends FrameRecordType
  ? IpRecord<K>
  : TraceRecord<K>;

/**
 * Trace records of `type` from `node`. Link records of ARP frames are left out: these tests
 * follow TCP's segments.
 */
export function recordsOf<K extends TraceRecord['type']>(
  net: TwoHosts,
  type: K,
  node: string,
): RecordOf<K>[] {
  return net.sim.trace
    .ofType(type)
    .filter(
      (r) =>
        (r as { node?: string }).node === node &&
        !((r.type === 'link.txBegin' || r.type === 'link.rx') && isArpFrame(r.packet)),
    ) as RecordOf<K>[];
}

/**
 * The frames lost on the wire, as the trace tells: `link.lost` joined with its `link.txBegin`.
 * An ARP frame's loss is there too (`arp`), so a seed search can refuse one that loses ARP.
 */
export function lostPackets(net: TwoHosts): { node: string; packet: Packet; arp: boolean }[] {
  const sent = new Map(net.sim.trace.ofType('link.txBegin').map((r) => [r.pkt, r.packet]));
  return net.sim.trace.ofType('link.lost').map((r) => {
    const frame = sent.get(r.pkt) as Frame;
    return isLinkFrame(frame)
      ? { node: r.node, packet: ARP_STAND_IN, arp: true }
      : { node: r.node, packet: frame, arp: false };
  });
}

/** What `lostPackets` gives for a lost ARP frame: no TCP segment, so it matches no wanted seq. */
const ARP_STAND_IN: Packet = {
  id: 0,
  ip: ipv4Header({ src: 0, dst: 0 }),
  transport: { kind: 'raw', protocol: 0 },
  payload: new Uint8Array(0),
};

/**
 * The first seed in 1..tries whose run satisfies `wanted`; the run is returned with it. A chosen
 * segment is lost by picking the link's seed: `wanted` reads which packets the link lost from the
 * trace (`lostPackets`) and the search keeps the first seed whose losses are the wanted ones.
 */
export function findSeed<T extends { net: TwoHosts }>(
  run: (seed: number) => T,
  wanted: (result: T) => boolean,
  tries = 3000,
): T & { seed: number } {
  for (let seed = 1; seed <= tries; seed++) {
    const result = run(seed);
    if (wanted(result)) return { ...result, seed };
  }
  throw new Error(`no seed in 1..${tries} gives the wanted losses`);
}
