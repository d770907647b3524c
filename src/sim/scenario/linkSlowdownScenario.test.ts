// simulations/link-slowdown.json teaches what it says: its line drops from 10 to 2 Mbit/s at 2 s
// and comes back at 4 s; each packet takes 8·L/R to send at the rate of the moment it starts,
// the line never carries more than its rate, and TCP, held to 44 segments by the receive window,
// loses nothing at 10 Mbit/s, overflows the queue at 2 and halves its window (RFC 5681). Every
// figure is worked by hand from the file's links and TCP's defaults (MSS 1460, window 65535).
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import { recordsOfType, runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { runScenario } from '../index.ts';

const FAST = 10e6;
const SLOW = 2e6;
const SLOWED = 2 * NS_PER_S;
const BACK = 4 * NS_PER_S;
const MSS = 1460;
// Bytes on the wire: 20 IP + 20 TCP, in an Ethernet frame (14 of header, 4 of FCS).
const PACKET = MSS + 40 + 18;
/** A pure ACK's frame: 40 bytes of IP, padded to the 64-byte minimum. */
const ACK = 64;
const QUEUE = 30; // packets the router's queue holds
/** Full segments the receive window lets out at once: floor(65535 / 1460). */
const WINDOW = Math.floor(65_535 / MSS);
/** The line's rate for a packet that starts at `t`. */
const rate = (t: number) => (t >= SLOWED && t < BACK ? SLOW : FAST);
/** Nanoseconds to send `bytes` at `bps`. */
const tx = (bytes: number, bps: number) => (8 * bytes * NS_PER_S) / bps;
/** The round trip with no queue: 1 + 20 ms each way, the data's two sends, the ACK's two. */
const baseRtt = (bps: number) =>
  42 * NS_PER_MS + tx(PACKET, 100e6) + tx(PACKET, bps) + tx(ACK, bps) + tx(ACK, 100e6);

/** What the router sent to the server on the line: when each packet began and ended, its size. */
function sends(records: readonly TraceRecord[]) {
  const ends = new Map(
    recordsOfType(records, 'link.txEnd')
      .filter((r) => r.link === 'wan' && r.node === 'router')
      .map((r) => [r.pkt, r.t]),
  );
  return recordsOfType(records, 'link.txBegin')
    .filter((r) => r.link === 'wan' && r.node === 'router')
    .map((r) => ({ begin: r.t, end: ends.get(r.pkt), bytes: r.bytes }));
}

/** Bits the router began to send in [from, to). */
const bitsIn = (list: ReturnType<typeof sends>, from: number, to: number) =>
  list.filter((s) => s.begin >= from && s.begin < to).reduce((sum, s) => sum + 8 * s.bytes, 0);

describe('simulations/link-slowdown.json', () => {
  const { scenario, records } = runSimulationFile('link-slowdown.json');
  const list = sends(records);
  const laptop = <T extends 'tcp.rto' | 'tcp.cwnd' | 'tcp.retransmit'>(type: T) =>
    recordsOfType(records, type).filter((r) => r.node === 'laptop');

  it('sends each packet in 8·L/R at the rate of the moment it starts: 1.2144 ms, 6.072 ms, 1.2144', () => {
    expect(tx(PACKET, FAST)).toBe(1_214_400);
    expect(tx(PACKET, SLOW)).toBe(6_072_000);
    expect(list.filter((s) => s.bytes === PACKET).length).toBeGreaterThan(3000);
    for (const s of list) expect(s.end! - s.begin).toBe(tx(s.bytes, rate(s.begin)));
    expect(list.some((s) => s.begin >= SLOWED && s.begin < BACK)).toBe(true);
    expect(list.some((s) => s.begin >= BACK && s.bytes === PACKET)).toBe(true);
  });

  it('never carries more than its rate: at most R·t, plus the one packet still being sent', () => {
    // Packets are sent one after another, each for 8·L/R, all of them started inside the window.
    const bound = (from: number, to: number) => rate(from) * ((to - from) / NS_PER_S) + 8 * PACKET;
    for (let t = 0; t < 7 * NS_PER_S; t += NS_PER_S / 2) {
      expect(bitsIn(list, t, t + NS_PER_S / 2), `from ${t / NS_PER_S} s`).toBeLessThanOrEqual(
        bound(t, t + NS_PER_S / 2),
      );
    }
    expect(bitsIn(list, SLOWED, BACK)).toBeLessThanOrEqual(SLOW * 2 + 8 * PACKET);
    // And TCP keeps it nearly full at either rate once it has settled (the queue never empties).
    expect(bitsIn(list, 3 * NS_PER_S, BACK)).toBeGreaterThan(0.95 * SLOW);
    expect(bitsIn(list, 0.5 * NS_PER_S, SLOWED)).toBeGreaterThan(0.95 * FAST * 1.5);
    expect(bitsIn(list, 4.5 * NS_PER_S, 5.5 * NS_PER_S)).toBeGreaterThan(0.95 * FAST);
  });

  it('loses nothing at 10 Mbit/s and overflows the queue at 2, only while it is slow', () => {
    // At 10 Mbit/s the line holds a base RTT's worth of packets (about 36) and the queue 30 more:
    // more than the 44 the window lets out. At 2 Mbit/s it holds about 8, and 8 + 30 < 44.
    const onLine = (bps: number) => baseRtt(bps) / tx(PACKET, bps);
    expect(WINDOW).toBe(44);
    expect(onLine(FAST) + QUEUE).toBeGreaterThan(WINDOW);
    expect(onLine(SLOW) + QUEUE).toBeLessThan(WINDOW);
    const drops = recordsOfType(records, 'queue.drop');
    expect(drops.length).toBeGreaterThan(0);
    expect(drops.every((d) => d.t > SLOWED && d.t < BACK && d.reason === 'queueFull')).toBe(true);
  });

  it('halves its window at a fast retransmit: ssthresh = 44 × 1460 / 2, cwnd = ssthresh + 3 MSS', () => {
    const retransmits = laptop('tcp.retransmit');
    expect(retransmits[0]?.reason).toBe('fastRetransmit');
    expect(retransmits[0]!.t).toBeGreaterThan(SLOWED);
    expect(retransmits.every((r) => r.reason !== 'timeout' && r.t < BACK)).toBe(true);
    const cut = laptop('tcp.cwnd').find((r) => r.cause === 'fastRetransmit');
    expect(cut).toMatchObject({ ssthresh: (WINDOW * MSS) / 2, cwnd: (WINDOW * MSS) / 2 + 3 * MSS });
  });

  it('has a round trip of 44 × 1.2144 ms (1518-byte frames) when fast and a full queue’s worth when slow', () => {
    const srtt = (from: number, to: number) =>
      laptop('tcp.rto')
        .filter((r) => r.t >= from && r.t < to)
        .map((r) => r.srtt ?? NaN);
    // The line is the bottleneck and 44 segments are out: each waits for the 44 before it.
    const fast = WINDOW * tx(PACKET, FAST); // 53.4336 ms
    for (const s of srtt(1.5 * NS_PER_S, SLOWED)) expect(Math.abs(s - fast)).toBeLessThan(1000);
    for (const s of srtt(5.5 * NS_PER_S, 6 * NS_PER_S))
      expect(Math.abs(s - fast)).toBeLessThan(1000);
    // Slow, after the recovery: at least the 22 segments of the halved window, 6.072 ms each, and
    // at most the base round trip with a full queue ahead.
    const slow = srtt(3 * NS_PER_S, BACK);
    expect(slow.length).toBeGreaterThan(10);
    const low = (WINDOW / 2) * tx(PACKET, SLOW); // 133.584 ms
    const high = baseRtt(SLOW) + QUEUE * tx(PACKET, SLOW); // 48.45456 + 182.16 = 230.61456 ms
    for (const s of slow) expect(s >= low && s <= high, `${s}`).toBe(true);
  });

  it('delivers the whole upload at about 6 s, no sooner than the line’s rates allow', () => {
    const sender = runScenario(scenario).summary.apps.bulkSend?.[0];
    expect(sender).toMatchObject({ written: 5e6, error: null });
    // 5 MB in 1460-byte segments (3425 frames of 1518 bytes) is 41.5932 Mbit on the wire; from
    // the connection on, the line carries 10 Mbit/s but for the 2 s at 2 Mbit/s: 2 s + 3.75932 s
    // after the connection. That is at 184.22528 ms: the upload starts at 100 ms; the laptop asks
    // for the router's MAC (2 × 1.00512 ms), the SYN reaches the router (1.00512 ms), which asks
    // for the server's (2 × 20.0512 ms); SYN and SYN+ACK then take 20.0512 + 20.0512 + 1.00512 ms
    // (64-byte frames: 5.12 us at 100 Mbit/s, 51.2 us at 10).
    const bits = Math.ceil(5e6 / MSS) * PACKET * 8;
    expect(bits).toBe(41_593_200);
    expect(sender!.connectedAtNs).toBe(184_225_280);
    const soonest = sender!.connectedAtNs! + 2 * NS_PER_S + ((bits - 2 * SLOW) / FAST) * NS_PER_S;
    expect(soonest / NS_PER_S).toBeCloseTo(5.94354528, 8);
    expect(sender!.finishedAtNs).toBeGreaterThan(soonest);
    expect(sender!.finishedAtNs).toBeLessThan(6.5 * NS_PER_S);
  });
});
