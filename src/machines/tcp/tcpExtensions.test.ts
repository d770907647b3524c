// Window scaling and timestamps (RFC 7323) and SACK blocks (RFC 2018) on whole connections,
// against hand-worked segments: the SYN negotiation, scaled window fields, TSval/TSecr on every
// segment, RTT from TSecr, segments shortened to leave room for the options (RFC 6691), and the
// block a receiver reports beyond a hole.
import { describe, expect, it } from 'vitest';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import type { TcpOption } from '../../net/wire/tcpOptions.ts';
import type { TwoHosts } from '../../../tests/support/tcpNetwork.ts';
import {
  findSeed,
  ISS_A,
  lostPackets,
  recordsOf,
  SMSS,
  tcp,
  transfer,
} from './tcpTransferTestNet.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

const LINK = { bandwidth: 10e6, delay: 10 * NS_PER_MS };

/** Each segment `node` sent: [SYN?, window field, option kinds, payload bytes]. */
function segments(net: TwoHosts, node: string): [boolean, number, string, number][] {
  return recordsOf(net, 'link.txBegin', node).map((r) => {
    const h = tcp(r.packet);
    return [h.flags.syn, h.window, h.options.map((o) => o.kind).join(','), r.packet.payload.length];
  });
}

function option<K extends TcpOption['kind']>(
  options: readonly TcpOption[],
  kind: K,
): Extract<TcpOption, { kind: K }> | undefined {
  return options.find((o): o is Extract<TcpOption, { kind: K }> => o.kind === kind);
}

/** The most sequence numbers A had sent and not yet seen acknowledged, from the trace. */
function maxInFlight(net: TwoHosts): number {
  let highest = ISS_A;
  let acked = ISS_A;
  let most = 0;
  for (const r of net.sim.trace.records) {
    if (r.type === 'link.txBegin' && carriesIp(r) && r.node === 'A') {
      const h = tcp(r.packet);
      highest = Math.max(highest, h.seq + r.packet.payload.length);
    } else if (r.type === 'link.rx' && carriesIp(r) && r.node === 'A' && tcp(r.packet).flags.ack) {
      acked = Math.max(acked, tcp(r.packet).ack);
    }
    most = Math.max(most, highest - acked);
  }
  return most;
}

describe('window scaling (RFC 7323 section 2)', () => {
  // 200000-byte receive buffers: the smallest shift with 200000 <= 65535 * 2^shift is 2.
  const BUFFER = 200_000;

  it('offers the shift in both SYNs, never scales a SYN’s window, scales every later one', () => {
    const t = transfer(
      { link: LINK, tcp: { windowScaling: true, receiveWindow: BUFFER } },
      10 * SMSS,
    );
    t.net.sim.run({ until: 2 * NS_PER_S });
    expect(t.received()).toBe(10 * SMSS);
    // SYNs: window 65535 (at most 16 bits, unscaled), options MSS, NOP, window scale 2.
    const [synA, ...restA] = segments(t.net, 'A');
    const [synB, ...restB] = segments(t.net, 'B');
    expect(synA).toEqual([true, 65_535, 'mss,nop,windowScale', 0]);
    expect(synB).toEqual([true, 65_535, 'mss,nop,windowScale', 0]);
    const synOptions = recordsOf(t.net, 'link.txBegin', 'A')[0]?.packet.transport;
    expect(synOptions?.kind === 'tcp' && option(synOptions.options, 'windowScale')?.shift).toBe(2);
    // Later segments: B reads at once, so its window stays 200000 bytes: 200000 >> 2 = 50000.
    expect(new Set(restA.map(([, window]) => window))).toEqual(new Set([50_000]));
    expect(new Set(restB.map(([, window]) => window))).toEqual(new Set([50_000]));
    expect(restB.every(([, , kinds]) => kinds === '')).toBe(true);
  });

  it('lets more than 65535 bytes be in flight on a long fat path, and not without it', () => {
    // 10 Mbit/s and 50 ms each way: 125000 bytes fill a round trip, more than 16 bits allow.
    const path = { bandwidth: 10e6, delay: 50 * NS_PER_MS };
    const run = (windowScaling: boolean) => {
      const tcpSettings = { windowScaling, receiveWindow: BUFFER, sendBuffer: 1_000_000 };
      const t = transfer({ link: path, tcp: tcpSettings }, 1_000_000);
      t.net.sim.run({ until: 10 * NS_PER_S });
      expect(t.received()).toBe(1_000_000);
      return maxInFlight(t.net);
    };
    expect(run(false)).toBeLessThanOrEqual(65_535);
    const scaled = run(true);
    expect(scaled).toBeGreaterThan(65_535);
    expect(scaled).toBeLessThanOrEqual(BUFFER);
  });

  it('is used only when both SYNs carry the option', () => {
    // B does not scale: its SYN+ACK has no window scale, so A's windows stay unscaled (65535,
    // its buffer capped to 16 bits) and B reads A's fields as bytes.
    const t = transfer(
      {
        link: LINK,
        tcp: { windowScaling: true, receiveWindow: BUFFER },
        tcpB: { windowScaling: false },
      },
      10 * SMSS,
    );
    t.net.sim.run({ until: 2 * NS_PER_S });
    expect(t.received()).toBe(10 * SMSS);
    const [synA, ...restA] = segments(t.net, 'A');
    const [synB] = segments(t.net, 'B');
    expect(synA?.[2]).toBe('mss,nop,windowScale');
    expect(synB?.[2]).toBe('mss');
    expect(new Set(restA.map(([, window]) => window))).toEqual(new Set([65_535]));
  });
});

describe('timestamps (RFC 7323 sections 3 and 4)', () => {
  // Worked by hand over 10 Mbit/s, 10 ms, frames 18 bytes longer than their packets (at least
  // 64): the SYN (56 bytes: 16 of options; a 74-byte frame, 59.2 us) is made at 0 with TSval 0
  // and waits for ARP (64-byte request and reply: 2 * 10.0512 = 20.1024 ms); it reaches B at
  // 20.1024 + 10.0592 = 30.1616 ms; the SYN+ACK (TSval 30, TSecr 0) reaches A at 40.2208 ms;
  // A's ACK (52 bytes, a 70-byte frame, 56 us; TSval 40, TSecr 30) reaches B at 50.2768 ms.
  const t = transfer({ link: LINK, tcp: { timestamps: true } }, 3 * (SMSS - 12), true);
  t.net.sim.run({ until: NS_PER_S });
  const sent = (node: string) => recordsOf(t.net, 'link.txBegin', node).map((r) => r.packet);

  it('offers timestamps in both SYNs and carries TSval and TSecr on every later segment', () => {
    const [synA, ack, ...data] = sent('A');
    const [synB, ...acks] = sent('B');
    const ts = (p: typeof synA) => {
      const h = p && tcp(p);
      return h && option(h.options, 'timestamps');
    };
    expect(synA && tcp(synA).options.map((o) => o.kind)).toEqual([
      'mss',
      'nop',
      'nop',
      'timestamps',
    ]);
    expect(ts(synA)).toMatchObject({ value: 0, echoReply: 0 });
    expect(ts(synB)).toMatchObject({ value: 30, echoReply: 0 });
    expect(ts(ack)).toMatchObject({ value: 40, echoReply: 30 });
    for (const p of [...data, ...acks]) {
      expect(tcp(p).options.map((o) => o.kind)).toEqual(['nop', 'nop', 'timestamps']);
    }
    // The data left at 40.2208 ms with A's ACK (TSval 40); B echoes it in each ACK.
    expect(data.map((p) => ts(p)?.value)).toEqual([40, 40, 40]);
    expect(acks.map((p) => ts(p)?.echoReply)).toEqual([40, 40, 40]);
  });

  it('leaves room for the option: full segments carry 1460 - 12 = 1448 bytes (RFC 6691)', () => {
    const data = sent('A').filter((p) => p.payload.length > 0);
    expect(data.map((p) => p.payload.length)).toEqual([1448, 1448, 1448]);
    expect(t.received()).toBe(3 * 1448);
  });

  it('measures RTT from TSecr in whole milliseconds (RFC 7323 section 4)', () => {
    // A: 40.2208 ms, clock 40, minus the SYN+ACK's TSecr 0 = 40 ms (the SYN waited 20.1024 ms for
    // ARP; the send time would give 40.2208). B: clock 50 at 50.2768 ms, minus the ACK's TSecr
    // 30 = 20 ms: its SYN+ACK waited for nothing (B learned A's MAC from A's ARP request).
    const first = (node: string) =>
      recordsOf(t.net, 'tcp.rto', node).find((r) => r.cause === 'sample');
    expect(first('A')?.srtt).toBe(40 * NS_PER_MS);
    expect(first('B')?.srtt).toBe(20 * NS_PER_MS);
  });
});

describe('SACK blocks from the receiver (RFC 2018)', () => {
  it('offers SACK-permitted in both SYNs and reports the block beyond a hole in each ACK', () => {
    // Three full segments from A; the link (2% loss) loses exactly the second (seq 2461). By hand
    // (RFC 2018 section 4): the first is acknowledged (ACK 2461); the third arrives beyond the
    // hole: ACK 2461 with the block 3921-5381; the resent second fills the hole: ACK 5381, no
    // block left to report.
    const found = findSeed(
      (seed) => {
        const run = transfer(
          { seed, link: { ...LINK, loss: 0.02 }, tcp: { sack: true } },
          3 * SMSS,
          true,
        );
        run.net.sim.run({ until: 5 * NS_PER_S });
        return run;
      },
      ({ net }) => {
        const lost = lostPackets(net);
        return (
          lost.length === 1 && lost[0]?.node === 'A' && tcp(lost[0].packet).seq === ISS_A + 1 + SMSS
        );
      },
    );
    const [synA] = segments(found.net, 'A');
    const [synB, ...acks] = recordsOf(found.net, 'link.txBegin', 'B').map((r) => tcp(r.packet));
    expect(synA?.[2]).toBe('mss,nop,nop,sackPermitted');
    expect(synB?.options.map((o) => o.kind).join(',')).toBe('mss,nop,nop,sackPermitted');
    expect(acks.map((h) => [h.ack, option(h.options, 'sack')?.blocks ?? []])).toEqual([
      [2461, []],
      [2461, [{ left: 3921, right: 5381 }]],
      [5381, []],
    ]);
    expect(found.received()).toBe(3 * SMSS);
  });
});

describe('SACK loss recovery (RFC 6675)', () => {
  // 20 segments from A over 10 Mbit/s, 10 ms, 5% loss; the seed is chosen so that the link loses
  // exactly two of A's data segments, each with at least 3 segments after it to be SACKed, and
  // the second sent before the first one's loss could be noticed (one window, one recovery).
  const BYTES = 20 * SMSS;
  const found = findSeed(
    (seed) => {
      const tcpSettings = { sack: true };
      const t = transfer({ seed, link: { ...LINK, loss: 0.05 }, tcp: tcpSettings }, BYTES, true);
      t.net.sim.run({ until: 10 * NS_PER_S });
      return t;
    },
    ({ net }) => {
      const lost = lostPackets(net);
      if (lost.length !== 2 || lost.some((l) => l.node !== 'A' || l.packet.payload.length === 0))
        return false;
      const [first, second] = lost.map((l) => tcp(l.packet).seq - (ISS_A + 1));
      const sent = recordsOf(net, 'link.txBegin', 'A');
      const sentAt = (offset: number) =>
        sent.find((r) => tcp(r.packet).seq === ISS_A + 1 + offset)?.t ?? Infinity;
      const firstAck = recordsOf(net, 'link.rx', 'A').find(
        (r) => tcp(r.packet).ack === ISS_A + 1 + (first as number) && r.t > sentAt(first as number),
      );
      return (
        (second as number) <= BYTES - 4 * SMSS &&
        (second as number) > (first as number) &&
        sentAt(second as number) < (firstAck?.t ?? 0)
      );
    },
  );
  const { net } = found;
  const lost = lostPackets(net).map((l) => tcp(l.packet).seq);
  const retransmits = recordsOf(net, 'tcp.retransmit', 'A');

  it('resends each lost segment once, the second without waiting for a partial ACK', () => {
    expect(found.received()).toBe(BYTES);
    // The third duplicate ACK starts recovery and resends the first hole; the SACK blocks
    // already show the second as lost (3 segments SACKed above it), so it goes next.
    expect(retransmits.map((r) => [r.seq, r.reason])).toEqual([
      [lost[0], 'fastRetransmit'],
      [lost[1], 'sackRecovery'],
    ]);
    const ackOfFirst = recordsOf(net, 'link.rx', 'A').find(
      (r) => tcp(r.packet).ack > (lost[0] as number) && r.t > (retransmits[0]?.t ?? 0),
    );
    expect(retransmits[1]?.t).toBeLessThan(ackOfFirst?.t ?? 0);
  });

  it('halves the window once (ssthresh = cwnd = FlightSize / 2) and leaves on the full ACK', () => {
    const causes = recordsOf(net, 'tcp.cwnd', 'A').map((r) => r.cause);
    expect(causes.filter((c) => c === 'sackRecovery')).toHaveLength(1);
    expect(causes.filter((c) => c === 'recoveryExit')).toHaveLength(1);
    expect(causes).not.toContain('timeout');
    const entered = recordsOf(net, 'tcp.cwnd', 'A').find((r) => r.cause === 'sackRecovery');
    expect(entered?.cwnd).toBe(entered?.ssthresh);
  });
});
