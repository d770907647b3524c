// RFC 9293's own figures, reproduced by the simulator: each figure's segments, with the states
// each side enters, in order. The figure is quoted in a comment above each test; ISS values are
// injected to match it (A: 100, B: 300).
import { describe, expect, it } from 'vitest';
import { A, B, figureLines, twoHosts } from '../support/tcpNetwork.ts';

/** One peer's column of a figure: its states and the segments it sends, in order. */
const column = (lines: string[], peer: 'A' | 'B') => lines.filter((l) => l.startsWith(peer));

describe('RFC 9293 figures', () => {
  it('figure 6: basic three-way handshake for connection synchronization', () => {
    //     TCP Peer A                                           TCP Peer B
    // 1.  CLOSED                                               LISTEN
    // 2.  SYN-SENT    --> <SEQ=100><CTL=SYN>               --> SYN-RECEIVED
    // 3.  ESTABLISHED <-- <SEQ=300><ACK=101><CTL=SYN,ACK>  <-- SYN-RECEIVED
    // 4.  ESTABLISHED --> <SEQ=101><ACK=301><CTL=ACK>       --> ESTABLISHED
    // 5.  ESTABLISHED --> <SEQ=101><ACK=301><CTL=ACK><DATA> --> ESTABLISHED
    const net = twoHosts({ issA: [100], issB: [300] });
    const listener = net.b.tcp.listen(80);
    expect(listener.ok).toBe(true);
    const conn = net.a.tcp.connect(B, 80);
    if (!conn.ok) throw new Error(conn.error);
    conn.value.handlers.onConnect = () => conn.value.send(new TextEncoder().encode('hello'));
    net.sim.run({ until: 100_000_000 });
    expect(figureLines(net.sim.trace.records)).toEqual([
      'B LISTEN',
      'A SYN-SENT',
      'A --> <SEQ=100><CTL=SYN>',
      'B SYN-RECEIVED',
      'B --> <SEQ=300><ACK=101><CTL=SYN,ACK>',
      'A ESTABLISHED',
      'A --> <SEQ=101><ACK=301><CTL=ACK>',
      'A --> <SEQ=101><ACK=301><CTL=ACK><DATA>',
      'B ESTABLISHED',
      // B acknowledges the 5 bytes of data (not drawn in the figure).
      'B --> <SEQ=301><ACK=106><CTL=ACK>',
    ]);
  });

  it('figure 7: simultaneous connection synchronization', () => {
    //     TCP Peer A                                       TCP Peer B
    // 1.  CLOSED                                           CLOSED
    // 2.  SYN-SENT     --> <SEQ=100><CTL=SYN>              ...
    // 3.  SYN-RECEIVED <-- <SEQ=300><CTL=SYN>              <-- SYN-SENT
    // 4.               ... <SEQ=100><CTL=SYN>              --> SYN-RECEIVED
    // 5.  SYN-RECEIVED --> <SEQ=100><ACK=301><CTL=SYN,ACK> ...
    // 6.  ESTABLISHED  <-- <SEQ=300><ACK=101><CTL=SYN,ACK> <-- SYN-RECEIVED
    // 7.               ... <SEQ=100><ACK=301><CTL=SYN,ACK> --> ESTABLISHED
    const net = twoHosts({ issA: [100], issB: [300] });
    expect(net.a.tcp.connect(B, 2000, 1000).ok).toBe(true);
    expect(net.b.tcp.connect(A, 1000, 2000).ok).toBe(true);
    net.sim.run({ until: 100_000_000 });
    // Both SYNs cross on the wire; each side's column matches the figure. (The figure's
    // interleaving across the two columns depends on delays it leaves open, the "...".)
    const lines = figureLines(net.sim.trace.records);
    expect(column(lines, 'A')).toEqual([
      'A SYN-SENT',
      'A --> <SEQ=100><CTL=SYN>',
      'A SYN-RECEIVED',
      'A --> <SEQ=100><ACK=301><CTL=SYN,ACK>',
      'A ESTABLISHED',
    ]);
    expect(column(lines, 'B')).toEqual([
      'B SYN-SENT',
      'B --> <SEQ=300><CTL=SYN>',
      'B SYN-RECEIVED',
      'B --> <SEQ=300><ACK=101><CTL=SYN,ACK>',
      'B ESTABLISHED',
    ]);
  });

  it('figure 12: normal close sequence', () => {
    //     TCP Peer A                                           TCP Peer B
    // 1.  ESTABLISHED                                          ESTABLISHED
    // 2.  (Close)
    //     FIN-WAIT-1  --> <SEQ=100><ACK=300><CTL=FIN,ACK>  --> CLOSE-WAIT
    // 3.  FIN-WAIT-2  <-- <SEQ=300><ACK=101><CTL=ACK>      <-- CLOSE-WAIT
    // 4.                                                       (Close)
    //     TIME-WAIT   <-- <SEQ=300><ACK=101><CTL=FIN,ACK>  <-- LAST-ACK
    // 5.  TIME-WAIT   --> <SEQ=101><ACK=301><CTL=ACK>      --> CLOSED
    // 6.  (2 MSL)
    //     CLOSED
    // After the handshake with ISS 99 and 299, both sides sit at the figure's numbers.
    const net = twoHosts({ issA: [99], issB: [299], tcp: { msl: 30_000_000_000 } });
    const listener = net.b.tcp.listen(80);
    if (!listener.ok) throw new Error(listener.error);
    listener.value.onConnection = (l) => {
      const accepted = l.accept();
      if (accepted.ok) accepted.value.handlers.onEnd = () => accepted.value.close();
    };
    const conn = net.a.tcp.connect(B, 80);
    if (!conn.ok) throw new Error(conn.error);
    net.sim.run({ until: 10_000_000 });
    const start = net.sim.trace.length;
    conn.value.close();
    net.sim.run();
    expect(figureLines(net.sim.trace.records.slice(start))).toEqual([
      'A FIN-WAIT-1',
      'A --> <SEQ=100><ACK=300><CTL=FIN,ACK>',
      'B CLOSE-WAIT',
      'B --> <SEQ=300><ACK=101><CTL=ACK>',
      'B LAST-ACK',
      'B --> <SEQ=300><ACK=101><CTL=FIN,ACK>',
      'A FIN-WAIT-2',
      'A TIME-WAIT',
      'A --> <SEQ=101><ACK=301><CTL=ACK>',
      'B CLOSED',
      'A CLOSED',
    ]);
    // A leaves TIME-WAIT 2 MSL = 60 s after entering it.
    const timeWait = net.sim.trace.records.find(
      (r) => r.type === 'socket.state' && r.node === 'A' && r.state === 'TIME-WAIT',
    );
    const closed = net.sim.trace.records.findLast(
      (r) => r.type === 'socket.state' && r.node === 'A',
    );
    expect((closed?.t ?? 0) - (timeWait?.t ?? 0)).toBe(60_000_000_000);
  });

  it('figure 13: simultaneous close sequence', () => {
    //     TCP Peer A                                           TCP Peer B
    // 1.  ESTABLISHED                                          ESTABLISHED
    // 2.  (Close)                                              (Close)
    //     FIN-WAIT-1  --> <SEQ=100><ACK=300><CTL=FIN,ACK>  ... FIN-WAIT-1
    //                 <-- <SEQ=300><ACK=100><CTL=FIN,ACK>  <--
    //                 ... <SEQ=100><ACK=300><CTL=FIN,ACK>  -->
    // 3.  CLOSING     --> <SEQ=101><ACK=301><CTL=ACK>      ... CLOSING
    //                 <-- <SEQ=301><ACK=101><CTL=ACK>      <--
    //                 ... <SEQ=101><ACK=301><CTL=ACK>      -->
    // 4.  TIME-WAIT                                            TIME-WAIT
    //     (2 MSL)                                              (2 MSL)
    //     CLOSED                                               CLOSED
    const net = twoHosts({ issA: [99], issB: [299] });
    const listener = net.b.tcp.listen(80);
    if (!listener.ok) throw new Error(listener.error);
    const conn = net.a.tcp.connect(B, 80);
    if (!conn.ok) throw new Error(conn.error);
    net.sim.run({ until: 10_000_000 });
    const accepted = listener.value.accept();
    if (!accepted.ok) throw new Error(accepted.error);
    const start = net.sim.trace.length;
    conn.value.close();
    accepted.value.close();
    net.sim.run();
    const lines = figureLines(net.sim.trace.records.slice(start));
    expect(column(lines, 'A')).toEqual([
      'A FIN-WAIT-1',
      'A --> <SEQ=100><ACK=300><CTL=FIN,ACK>',
      'A CLOSING',
      'A --> <SEQ=101><ACK=301><CTL=ACK>',
      'A TIME-WAIT',
      'A CLOSED',
    ]);
    expect(column(lines, 'B')).toEqual([
      'B FIN-WAIT-1',
      'B --> <SEQ=300><ACK=100><CTL=FIN,ACK>',
      'B CLOSING',
      'B --> <SEQ=301><ACK=101><CTL=ACK>',
      'B TIME-WAIT',
      'B CLOSED',
    ]);
  });
});
