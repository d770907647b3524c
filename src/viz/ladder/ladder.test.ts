// The ladder diagram: the TCP handshake in order with its labels and times, end to end across
// the router; losses, retransmissions and ping messages; cutting at a time; the time axis.
import { describe, expect, it } from 'vitest';
import { buildLadder, type Ladder } from './ladder.ts';
import {
  arrowsUntil,
  formatTimeTick,
  ladderView,
  type LadderView,
  type PlacedArrow,
} from './ladderView.ts';
import { recordsOfType, runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { recordList } from '../../engine/traceRecords.ts';
import { ipPacketOf } from '../../net/wire/frame.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

const MS = 1_000_000;

/** The single arrows a view draws (runs of data segments left out). */
function arrowsOf(view: LadderView): PlacedArrow[] {
  return view.items.filter((i): i is PlacedArrow => i.kind === 'arrow');
}

function ladder(result: Ladder | { error: string }): Ladder {
  if ('error' in result) throw new Error(result.error);
  return result;
}

describe('the ladder of the TCP bulk transfer', () => {
  const { scenario, records } = runSimulationFile('tcp-bulk-transfer.json');
  const conn = recordsOfType(records, 'socket.state').find((r) => r.node === 'laptop')!.conn;
  const l = ladder(
    buildLadder(recordList(records), scenario.nodes, { kind: 'connection', node: 'laptop', conn }),
  );
  const txBegins = recordsOfType(records, 'link.txBegin');
  const rxs = recordsOfType(records, 'link.rx');

  it('draws the handshake first, in order, with relative numbers and end-to-end times', () => {
    expect(l.endpoints).toEqual(['laptop', 'server']);
    const [syn, synAck, ack] = l.arrows;
    expect([syn, synAck, ack].map((a) => [a!.from, a!.label])).toEqual([
      [0, 'SYN seq=0 len=0'],
      [1, 'SYN-ACK seq=0 ack=1 len=0'],
      [0, 'ACK seq=1 ack=1 len=0'],
    ]);
    // From the first hop's txBegin at the sender to the last hop's rx at the receiver, across the router.
    for (const arrow of [syn!, synAck!, ack!]) {
      const first = txBegins.find((r) => r.pkt === arrow.pkt)!;
      const last = rxs.filter((r) => r.pkt === arrow.pkt).at(-1)!;
      expect(arrow.sent).toBe(first.t);
      expect(arrow.link).toBe(first.link);
      expect(arrow.arrived).toBe(last.t);
      expect(last.node).toBe(arrow.from === 0 ? 'server' : 'laptop');
    }
    // The upload starts at 100 ms; its SYN leaves after the laptop's ARP exchange with the
    // router, 2 × (1 ms + 5.12 us) (64-byte frames at 100 Mbit/s).
    expect(syn!.sent).toBe(100 * MS + 2_010_240);
    expect(synAck!.sent).toBe(syn!.arrived);
    expect(ack!.sent).toBe(synAck!.arrived);
    expect(syn!.title).toMatch(/^TCP 10\.0\.1\.10:\d+ → 10\.0\.2\.20:5001 SYN seq=\d+ len=0$/);
  });

  it('tells data segments and pure ACKs apart, with their connection and ack number', () => {
    const [syn, synAck, ack, data] = l.arrows;
    const close = l.arrows.at(-2)!; // FIN-ACK: not a pure ACK
    expect([syn, synAck, ack, data, close].map((a) => [a!.data, a!.pureAck])).toEqual([
      [false, false],
      [false, false],
      [false, true],
      [true, false],
      [false, false],
    ]);
    // One connection both ways: 10.0.1.10:<port> and 10.0.2.20:5001, in text order.
    expect(syn!.conn).toMatch(/^10\.0\.1\.10:\d+\|10\.0\.2\.20:5001$/);
    expect(new Set(l.arrows.map((a) => a.conn)).size).toBe(1);
    // The SYN has no ACK flag; the SYN-ACK acknowledges the client's ISN + 1.
    const isn = ipPacketOf(txBegins.find((r) => r.pkt === syn!.pkt)!.packet).transport;
    expect(syn!.ack).toBeNull();
    expect(isn.kind === 'tcp' && synAck!.ack === (isn.seq + 1) % 2 ** 32).toBe(true);
  });

  it('shows every packet of the connection once, ending with the close', () => {
    // (ARP frames are no part of the connection's ladder.)
    const pkts = new Set(txBegins.filter(carriesIp).map((r) => r.pkt));
    expect(l.arrows).toHaveLength(pkts.size);
    expect(l.arrows.at(-2)?.label).toMatch(/^FIN-ACK seq=1 ack=300002 len=0$/);
    expect(l.arrows.at(-1)).toMatchObject({ from: 0, label: 'ACK seq=300002 ack=2 len=0' });
    const sent = l.arrows.map((a) => a.sent);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
  });

  it('ends dropped packets with the reason and marks every retransmission', () => {
    const lost = l.arrows.filter((a) => a.lost);
    expect(lost).toHaveLength(recordsOfType(records, 'queue.drop').length);
    expect(lost[0]!.lost).toMatchObject({ reason: 'queue full', node: 'router' });
    expect(lost[0]!.arrived).toBeNull();
    const resent = l.arrows.filter((a) => a.retransmit);
    const traced = recordsOfType(records, 'tcp.retransmit');
    expect(resent).toHaveLength(traced.length);
    // NewReno: the first drop goes again on three duplicate ACKs, each later one of the same
    // window on the partial ACK that stops just before it; every drop is sent again once.
    expect(resent.map((a) => a.retransmit)).toEqual(
      lost.map((_, i) => (i === 0 ? 'fast retransmit' : 'partial ACK')),
    );
    expect(resent.map((a) => a.label)).toEqual(lost.map((a) => a.label));
  });

  it('shows only what was sent by the time shown, in-flight packets cut at that time', () => {
    expect(arrowsUntil(l, 99 * MS)).toEqual([]);
    expect(arrowsUntil(l, 110 * MS).map((a) => a.label)).toEqual(['SYN seq=0 len=0']);
    const view = ladderView(l, 110 * MS, { width: 600, fitHeight: 400 });
    const [syn] = arrowsOf(view);
    expect(syn!.end).toBe('flight');
    expect(syn!.y2).toBeCloseTo(view.nowY);
    expect(syn!.x2).toBeGreaterThan(view.lanes[0]);
    expect(syn!.x2).toBeLessThan(view.lanes[1]);
    // The SYN reaches the server at 163.78 ms (the router asks for its MAC on the way), the
    // SYN+ACK the laptop at 185.04 ms.
    const later = ladderView(l, 190 * MS, { width: 600, fitHeight: 400 });
    expect(
      arrowsOf(later)
        .slice(0, 2)
        .map((a) => a.end),
    ).toEqual(['arrived', 'arrived']);
    expect(arrowsOf(later)[0]).toMatchObject({ x1: later.lanes[0], x2: later.lanes[1] });
    expect(arrowsOf(later)[1]).toMatchObject({ x1: later.lanes[1], x2: later.lanes[0] });
    expect(arrowsOf(later)[1]!.y1).toBeCloseTo(arrowsOf(later)[0]!.y2);
  });

  it('refuses a listener, which has no single peer', () => {
    expect(
      buildLadder(recordList(records), scenario.nodes, {
        kind: 'connection',
        node: 'server',
        conn: '*:5001',
      }),
    ).toHaveProperty('error');
  });
});

describe('the ladder between two nodes of the ping scenario', () => {
  const { scenario, records } = runSimulationFile('ping-over-a-link.json');
  const l = ladder(
    buildLadder(recordList(records), scenario.nodes, { kind: 'nodes', a: 'laptop', b: 'server' }),
  );

  it('names requests, replies and retries, and where they were lost', () => {
    const requests = recordsOfType(records, 'app.request');
    expect(l.arrows.filter((a) => a.from === 0)).toHaveLength(requests.length);
    // The run's first loss (seed 25): request 3 on the Wi-Fi; the laptop's retry follows it.
    expect(l.arrows[0]).toMatchObject({ message: 'request 1', lost: null });
    const lost = l.arrows.findIndex((a) => a.lost !== null);
    expect(l.arrows[lost]).toMatchObject({ message: 'request 3', retransmit: null, arrived: null });
    expect(l.arrows[lost]!.lost).toMatchObject({ reason: 'lost on the wire', link: 'wifi' });
    expect(l.arrows[lost + 1]).toMatchObject({
      message: 'request 3 (retry 1)',
      retransmit: 'retry 1',
    });
    const reply = l.arrows.find((a) => a.from === 1 && a.arrived !== null)!;
    expect(reply.message).toMatch(/^reply \d+/);
    const port = recordsOfType(records, 'socket.bind').find((r) => r.node === 'laptop')!.port;
    expect(reply.label).toBe(`UDP 7 → ${port} len=56`);
  });

  it('puts the lost packet’s cross midway between the lifelines', () => {
    const view = ladderView(l, 15_000 * MS, { width: 500 });
    const lost = arrowsOf(view).find((a) => a.end === 'lost')!;
    expect(lost.end).toBe('lost');
    expect(lost.x2).toBeCloseTo((view.lanes[0] + view.lanes[1]) / 2);
  });
});

describe('formatTimeTick', () => {
  it('writes ticks in a unit that suits their step', () => {
    expect(formatTimeTick(0, 100 * MS)).toBe('0');
    expect(formatTimeTick(100 * MS, 100 * MS)).toBe('0.1 s');
    expect(formatTimeTick(1_500 * MS, 500 * MS)).toBe('1.5 s');
    expect(formatTimeTick(2_000 * MS, 1_000 * MS)).toBe('2 s');
    expect(formatTimeTick(120 * MS, 20 * MS)).toBe('120 ms');
    expect(formatTimeTick(2_500_000, 500_000)).toBe('2.5 ms');
    expect(formatTimeTick(250_000, 50_000)).toBe('250 µs');
    expect(formatTimeTick(40, 20)).toBe('40 ns');
  });
});
