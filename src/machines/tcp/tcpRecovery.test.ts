// Recovery cases that used to hang: ACKs numbered below the peer's RCV.NXT after both sides time
// out, a retransmission reaching TIME-WAIT, a close during a simultaneous open, a zero window.
import { describe, expect, it } from 'vitest';
import { NS_PER_MS, NS_PER_S } from '../../engine/time.ts';
import { seqAdd } from '../../net/tcp/seq.ts';
import { A, B, figureLines, twoHosts } from '../../../tests/support/tcpNetwork.ts';
import { ISS_A, ISS_B, recordsOf, SMSS, tcp, transfer } from './tcpTransferTestNet.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

describe('recovery that used to hang', () => {
  it('both sides time out holding data the peer already has: ACKs still get through', () => {
    // 10 ms each way. At 1 s A and B each write two segments; they cross and arrive at 1.010 s;
    // the link goes down from 1.015 s to 1.016 s and drops every ACK of them. At 2 s both
    // timers expire and both go back to SND.UNA. Before the fix their ACKs carried the rewound
    // SND.NXT, below the peer's RCV.NXT: each found the other's ACK unacceptable and answered
    // with an ACK, forever (an ACK storm, the ACK field never read).
    const d = 10 * NS_PER_MS;
    const { net, client } = transfer({ link: { delay: d } }, 0, true);
    net.sim.run({ until: NS_PER_S - 1 });
    const s = net.b.tcp.openConnections()[0];
    if (!s) throw new Error('no server connection');
    let got = 0;
    client.handlers.onData = (b) => (got += b.length);
    net.sim.scheduleAt(NS_PER_S, () => {
      client.send(new Uint8Array(2 * SMSS));
      s.send(new Uint8Array(2 * SMSS));
    });
    net.sim.scheduleAt(NS_PER_S + 1.5 * d, () => net.link.setUp(false));
    net.sim.scheduleAt(NS_PER_S + 1.6 * d, () => net.link.setUp(true));
    const run = net.sim.run({ until: 10 * NS_PER_S, maxEvents: 100_000 });
    expect(run.reason).toBe('until');
    expect(got).toBe(2 * SMSS);
    expect(client.stats.inFlight).toBe(0);
    expect(s.stats.inFlight).toBe(0);
    // One retransmission each, then quiet: no more than a handful of segments after 2 s.
    const after = net.sim.trace.ofType('link.txBegin').filter((r) => r.t >= 2 * NS_PER_S);
    expect(after.length).toBeLessThanOrEqual(6);
  });

  it('a timeout retransmission of data reaching TIME-WAIT is acknowledged', () => {
    // 10 ms each way. A closes at 1 s (B: CLOSE-WAIT). At 2 s B writes two segments and closes:
    // data, data, FIN; A acknowledges each and enters TIME-WAIT; the link is down from 2.015 s
    // to 2.018 s and drops those three ACKs. B's timer expires at 3 s: it goes back to SND.UNA
    // and resends the first data segment, without FIN. Before the fix A in TIME-WAIT ignored it
    // and B retransmitted until A's 2 MSL ended and A's port answered with RST.
    const d = 10 * NS_PER_MS;
    const { net, client } = transfer({ link: { delay: d } }, 0, true);
    net.sim.run({ until: NS_PER_S });
    const server = net.b.tcp.openConnections()[0];
    if (!server) throw new Error('no server connection');
    server.handlers.onEnd = () => {};
    const closed: Record<string, number> = {};
    server.handlers.onClose = () => (closed.B = net.sim.now());
    client.handlers.onClose = () => (closed.A = net.sim.now());
    client.close();
    net.sim.scheduleAt(2 * NS_PER_S, () => {
      server.send(new Uint8Array(2 * SMSS));
      server.close();
    });
    net.sim.scheduleAt(2 * NS_PER_S + 1.5 * d, () => net.link.setUp(false));
    net.sim.scheduleAt(2 * NS_PER_S + 1.8 * d, () => net.link.setUp(true));
    net.sim.run();
    // B's retransmission at 3 s reaches A at 3.010 s; A's ACK reaches B at 3.020 s.
    expect(closed.B).toBeGreaterThan(3 * NS_PER_S);
    expect(closed.B).toBeLessThan(3 * NS_PER_S + 3 * d);
    expect(recordsOf(net, 'tcp.retransmit', 'B')).toHaveLength(1);
    const rst = net.sim.trace
      .ofType('link.txBegin')
      .filter(carriesIp)
      .filter((r) => r.packet.transport.kind === 'tcp' && tcp(r.packet).flags.rst);
    expect(rst).toEqual([]);
    expect(net.sim.trace.ofType('socket.error')).toEqual([]);
  });

  it('a close during a simultaneous open sends its FIN once the SYN is acknowledged', () => {
    // RFC 9293 figure 7 with ISS 100/300, 10 ms each way. Both SYNs first wait for ARP: each side
    // asks at 0, and each learns the other's MAC from the other's request at 10 ms + 512 ns (a
    // 64-byte frame at 1 Gbit/s), which sends its SYN. The SYNs (64-byte frames too) cross and
    // both sides are in SYN-RECEIVED at 20.001024 ms; A's app closes at 26 ms (FIN-WAIT-1, the
    // FIN waits for the ACK of the SYN). Before the fix A answered B's SYN+ACK with a challenge
    // ACK without reading its ACK, never sent the FIN, and after 15 empty retransmissions gave
    // up (ETIMEDOUT), leaving B ESTABLISHED. With `lose`, both SYN+ACKs are lost (link down
    // 25-25.5 ms): A's timer, in FIN-WAIT-1 with its SYN unacknowledged, must send the SYN+ACK
    // again, 1 s after the first.
    for (const lose of [false, true]) {
      const d = 10 * NS_PER_MS;
      const net = twoHosts({ issA: [100], issB: [300], link: { delay: d } });
      const a = net.a.tcp.connect(B, 2000, 1000);
      const b = net.b.tcp.connect(A, 1000, 2000);
      if (!a.ok || !b.ok) throw new Error('connect failed');
      const errors: string[] = [];
      a.value.handlers.onError = (e) => errors.push(`A ${e}`);
      b.value.handlers.onError = (e) => errors.push(`B ${e}`);
      b.value.handlers.onEnd = () => b.value.close();
      if (lose) {
        net.sim.scheduleAt(25 * NS_PER_MS, () => net.link.setUp(false));
        net.sim.scheduleAt(25.5 * NS_PER_MS, () => net.link.setUp(true));
      }
      net.sim.scheduleAt(26 * NS_PER_MS, () => {
        expect(a.value.state).toBe('SYN-RECEIVED');
        a.value.close();
      });
      net.sim.run();
      const lines = figureLines(net.sim.trace.records).filter((l) => l.startsWith('A'));
      // The SYN+ACK A lost: its first, by packet id.
      const synAck = recordsOf(net, 'link.txBegin', 'A').find(
        (r) => tcp(r.packet).flags.syn && tcp(r.packet).flags.ack,
      );
      const resent = lose
        ? [`A --> lost #${synAck?.pkt}`, 'A FIN-WAIT-1', 'A --> <SEQ=100><ACK=301><CTL=SYN,ACK>']
        : ['A FIN-WAIT-1'];
      expect(lines).toEqual([
        'A SYN-SENT',
        'A --> <SEQ=100><CTL=SYN>',
        'A SYN-RECEIVED',
        'A --> <SEQ=100><ACK=301><CTL=SYN,ACK>',
        ...resent,
        'A --> <SEQ=101><ACK=301><CTL=FIN,ACK>',
        'A FIN-WAIT-2',
        'A TIME-WAIT',
        'A --> <SEQ=102><ACK=302><CTL=ACK>',
        'A CLOSED',
      ]);
      if (lose) {
        const retransmit = recordsOf(net, 'tcp.retransmit', 'A');
        // A sent its SYN+ACK when B's SYN (a 64-byte frame: 512 ns at 1 Gbit/s) arrived, at
        // 10 ms + 512 ns (ARP) + 10 ms + 512 ns, and armed the timer with the initial RTO of 1 s.
        expect(retransmit.map((r) => [r.t, r.seq])).toEqual([[2 * d + 1024 + NS_PER_S, 100]]);
      }
      expect(errors).toEqual([]);
      expect(b.value.state).toBe('CLOSED');
    }
  });

  it('a lost window update does not stall the sender: the persist timer probes (RFC 9293 3.8.6.1)', () => {
    // B's app accepts only at 5 s; until then A's bytes fill B's 65535-byte receive buffer and
    // its window reaches 0. When the app accepts, B's window update is lost (link down). A,
    // with nothing in flight and a zero window, probes one RTO after the zero window arrived
    // and backs off like the retransmission timer: RTO = 1 s (the RTT is 2 ms, below the
    // minimum), so probes at t0 + 1, t0 + 1 + 2, t0 + 1 + 2 + 4 s; the third finds the window open.
    const net = twoHosts({ issA: [ISS_A], issB: [ISS_B] });
    const listener = net.b.tcp.listen(80);
    if (!listener.ok) throw new Error(listener.error);
    let got = 0;
    const ACCEPT = 5 * NS_PER_S;
    net.sim.scheduleAt(ACCEPT, () => {
      const accepted = listener.value.accept();
      if (accepted.ok) accepted.value.handlers.onData = (b) => (got += b.length);
    });
    net.sim.scheduleAt(ACCEPT + 1, () => net.link.setUp(false));
    net.sim.scheduleAt(ACCEPT + 2 * NS_PER_MS, () => net.link.setUp(true));
    const conn = net.a.tcp.connect(B, 80);
    if (!conn.ok) throw new Error(conn.error);
    conn.value.handlers.onConnect = () => conn.value.send(new Uint8Array(100_000));
    net.sim.run({ until: 60 * NS_PER_S });
    expect(got).toBe(100_000);
    const zero = recordsOf(net, 'link.rx', 'A').find((r) => tcp(r.packet).window === 0);
    if (!zero) throw new Error('the window never closed');
    const t0 = zero.t;
    const una = seqAdd(ISS_A + 1, 65_535); // B holds 65535 bytes: everything sent is acknowledged
    const probes = recordsOf(net, 'link.txBegin', 'A').filter(
      (r) => r.t > t0 && r.packet.payload.length === 0 && tcp(r.packet).seq === seqAdd(una, -1),
    );
    expect(probes.map((r) => r.t - t0)).toEqual([1, 3, 7].map((s) => s * NS_PER_S));
  });
});
