// Delayed ACKs (RFC 5681 4.2, RFC 1122 4.2.3.2) against hand-worked timelines: an ACK for every
// second segment or when the 200 ms timer runs out; out-of-order segments and segments that fill
// a hole acknowledged at once; an ACK that rides on the application's reply.
import { describe, expect, it } from 'vitest';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import { B, twoHosts } from '../../../tests/support/tcpNetwork.ts';
import type { TwoHosts } from '../../../tests/support/tcpNetwork.ts';
import {
  findSeed,
  ISS_A,
  ISS_B,
  lostPackets,
  recordsOf,
  SMSS,
  tcp,
  transfer,
} from './tcpTransferTestNet.ts';

const LINK = { bandwidth: 10e6, delay: 10 * NS_PER_MS };
const DELAYED = { delayedAck: true };

/** What `node` put on the wire after the handshake: [time, ACK number, payload bytes]. */
function sentAfterHandshake(net: TwoHosts, node: string): [number, number, number][] {
  return recordsOf(net, 'link.txBegin', node)
    .filter((r) => !tcp(r.packet).flags.syn)
    .map((r) => [r.t, tcp(r.packet).ack, r.packet.payload.length]);
}

/** When the segment starting at `seq` reached `node` (its first copy, or its `nth`). */
function arrival(net: TwoHosts, node: string, seq: number, nth = 0): number {
  const rx = recordsOf(net, 'link.rx', node).filter(
    (r) => tcp(r.packet).seq === seq && r.packet.payload.length > 0,
  );
  const found = rx[nth];
  if (!found) throw new Error(`segment ${seq} never reached ${node}`);
  return found.t;
}

describe('delayed ACKs (RFC 5681 4.2)', () => {
  it('acknowledges the second segment at once and the third when the 200 ms timer runs out', () => {
    // A sends 3 full segments (its initial window, RFC 5681 3.1: 3 * 1460 bytes) over 10 Mbit/s,
    // 10 ms. Worked by hand, every frame 18 bytes more than its IP packet and at least 64: first
    // A's ARP request and B's reply, 64 bytes (51.2 us) each way: A knows B's MAC at
    // 2 * (10 ms + 51.2 us) = 20.1024 ms. SYN and SYN+ACK are 44 bytes of IP (20 IP + 24 TCP with
    // MSS), 64-byte frames: the SYN+ACK is back at 20.1024 + 2 * 10.0512 = 40.2048 ms. A's ACK
    // (40 bytes, a 64-byte frame, 51.2 us) then the segments (1500 bytes, 1518-byte frames,
    // 1.2144 ms each) leave back to back: they end at 41.4704, 42.6848 and 43.8992 ms and reach
    // B 10 ms later: 51.4704, 52.6848, 53.8992 ms. B acknowledges the second at once
    // (ACK 1001 + 2920) and the third at 53.8992 + 200 ms.
    const t = transfer({ link: LINK, tcp: DELAYED }, 3 * SMSS, true);
    t.net.sim.run({ until: NS_PER_S });
    expect(t.received()).toBe(3 * SMSS);
    expect(sentAfterHandshake(t.net, 'B')).toEqual([
      [52_684_800, ISS_A + 1 + 2 * SMSS, 0],
      [253_899_200, ISS_A + 1 + 3 * SMSS, 0],
    ]);
    expect(arrival(t.net, 'B', ISS_A + 1 + 2 * SMSS)).toBe(53_899_200);
    expect(recordsOf(t.net, 'tcp.retransmit', 'A')).toEqual([]);
  });

  it('takes its timer from the node: 100 ms for a lone segment', () => {
    // After ARP and the handshake (the SYN+ACK is back at 40.2048 ms, as above), one byte (41
    // bytes of IP, a 64-byte frame, 51.2 us) leaves after A's ACK at 40.256 ms and reaches B at
    // 40.256 + 0.0512 + 10 = 50.3072 ms; with the connection kept open no second segment comes,
    // so B acknowledges it when its 100 ms timer runs out, at 150.3072 ms.
    const tcpSettings = { ...DELAYED, delayedAckTimeout: 100 * NS_PER_MS };
    const t = transfer({ link: LINK, tcp: tcpSettings }, 1, true);
    t.net.sim.run({ until: NS_PER_S });
    expect(arrival(t.net, 'B', ISS_A + 1)).toBe(50_307_200);
    expect(sentAfterHandshake(t.net, 'B')).toEqual([[150_307_200, ISS_A + 2, 0]]);
  });

  it('acknowledges an out-of-order segment and the one that fills the hole at once', () => {
    // The link (2% loss) loses exactly A's first data segment, seq 1001. By hand: segment 2
    // reaches B out of order and segment 3 after it, each answered at once with a duplicate ACK
    // 1001 (RFC 5681 4.2), not after 200 ms; A's RTO (1 s, RFC 6298) resends segment 1, which
    // fills the hole: B acknowledges all 4380 bytes the moment it arrives.
    const found = findSeed(
      (seed) => {
        const t = transfer({ seed, link: { ...LINK, loss: 0.02 }, tcp: DELAYED }, 3 * SMSS, true);
        t.net.sim.run({ until: 5 * NS_PER_S });
        return t;
      },
      ({ net }) => {
        const lost = lostPackets(net);
        return lost.length === 1 && lost[0]?.node === 'A' && tcp(lost[0].packet).seq === ISS_A + 1;
      },
    );
    const { net } = found;
    const first = ISS_A + 1;
    expect(found.received()).toBe(3 * SMSS);
    expect(sentAfterHandshake(net, 'B')).toEqual([
      [arrival(net, 'B', first + SMSS), first, 0],
      [arrival(net, 'B', first + 2 * SMSS), first, 0],
      [arrival(net, 'B', first), first + 3 * SMSS, 0],
    ]);
    expect(recordsOf(net, 'tcp.retransmit', 'A').map((r) => [r.seq, r.reason])).toEqual([
      [first, 'timeout'],
    ]);
  });

  it('lets the ACK ride on the reply the application sends, and delays the ACK of the reply', () => {
    // A sends a 100-byte request; B's application answers 200 bytes as soon as it reads it. B
    // sends no ACK of its own: the reply carries ACK 1101. A has nothing to send back, so it
    // acknowledges the reply when its timer runs out, 200 ms after the reply arrived.
    const net = twoHosts({ issA: [ISS_A], issB: [ISS_B], link: LINK, tcp: DELAYED });
    const listener = net.b.tcp.listen(80);
    if (!listener.ok) throw new Error(listener.error);
    listener.value.onConnection = (l) => {
      const accepted = l.accept();
      if (!accepted.ok) return;
      const server = accepted.value;
      server.handlers.onData = () => server.send(new Uint8Array(200));
    };
    const client = net.a.tcp.connect(B, 80);
    if (!client.ok) throw new Error(client.error);
    client.value.handlers.onConnect = () => client.value.send(new Uint8Array(100));
    net.sim.run({ until: NS_PER_S });
    const request = arrival(net, 'B', ISS_A + 1);
    const reply = arrival(net, 'A', ISS_B + 1);
    expect(sentAfterHandshake(net, 'B')).toEqual([[request, ISS_A + 101, 200]]);
    const acks = sentAfterHandshake(net, 'A').filter(([, , bytes]) => bytes === 0);
    // The handshake's own ACK (ACK 5001), then the delayed ACK of the reply (ACK 5201).
    expect(acks).toEqual([
      [acks[0]?.[0], ISS_B + 1, 0],
      [reply + 200 * NS_PER_MS, ISS_B + 201, 0],
    ]);
  });
});
