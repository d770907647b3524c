// The event log's TCP sentences for what goes wrong, on real runs of a client and a server: a
// refused connection, SYNs that time out, a port already in use, a full backlog; and, by hand,
// records those runs do not make (a reset, a simultaneous close, the ssthresh floor).
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import { SOCKET_ERROR_TEXT } from '../../net/transport/socketTrace.ts';
import { narrate } from './narrate.ts';
import { ofType, runNarrated, validated } from '../../../tests/support/narrateTestRuns.ts';
import { networkNames } from '../names/index.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';

const MSS = 1460; // the default (Ethernet MTU 1500 - 40)
const PORT = 5001; // the port bulkSend and sink use by default

/** Client and Server on one 5 ms, 10 Mbit/s link, with the given apps. */
function pair(client: object[], server: object[], extra: object = {}) {
  const node = (id: string, label: string, address: string, apps: object[]) => ({
    id,
    role: id === 'c' ? 'client' : 'server',
    label,
    interfaces: [{ name: 'eth0', address }],
    apps,
  });
  return {
    format: 'handshake/scenario@1',
    name: 'TCP pair',
    until: '5m',
    nodes: [node('c', 'Client', '10.0.0.1/24', client), node('s', 'Server', '10.0.0.2/24', server)],
    links: [{ id: 'l', a: 'c', b: 's', latency: '5ms', bandwidth: '10Mbps' }],
    ...extra,
  };
}

const upload = { type: 'bulkSend', peer: 's', bytes: 1000 };
const meaning = (code: keyof typeof SOCKET_ERROR_TEXT) => `${code}, ${SOCKET_ERROR_TEXT[code]}`;

describe('narrate TCP failures', () => {
  it('says nobody listens, the RST, and ECONNREFUSED in plain words', () => {
    const { records, text } = runNarrated(pair([upload], []));
    const [syn, rst] = ofType(records, 'link.txBegin').filter(carriesIp);
    const port = (syn!.packet.transport as { srcPort: number }).srcPort;
    const iss = (syn!.packet.transport as { seq: number }).seq;
    expect(text(ofType(records, 'tcp.refused')[0]!)).toBe(
      `Nobody listens on TCP port ${PORT} at Server: it answers packet #${syn!.pkt} with RST.`,
    );
    // RFC 9293 3.10.7.1: a SYN to a closed port gets <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>,
    // the SYN counting 1; 40 bytes of headers.
    expect(text(rst!)).toBe(
      `Server (10.0.0.2) starts sending a 40-byte TCP RST-ACK packet #${rst!.pkt} to Client (10.0.0.1:${port}) on link l (seq=0 ack=${(iss + 1) >>> 0} len=0).`,
    );
    const closed = ofType(records, 'socket.state').find((r) => r.state === 'CLOSED')!;
    expect(text(closed)).toBe(
      `Client’s connection to Server (10.0.0.2:${PORT}) is now CLOSED: the connection was never established.`,
    );
    expect(text(ofType(records, 'socket.error')[0]!)).toBe(
      `Client cannot connect to Server (10.0.0.2:${PORT}): ${meaning('ECONNREFUSED')}.`,
    );
    expect(text(ofType(records, 'app.error')[0]!)).toBe(
      'Client’s bulkSend app gives up: its connection failed with ECONNREFUSED.',
    );
  });

  it('narrates the SYN sent again with RFC 6298 backoff, then ETIMEDOUT', () => {
    const { records, entries, text } = runNarrated(
      pair([upload], [{ type: 'sink' }], { events: [{ at: '0s', type: 'linkDown', link: 'l' }] }),
    );
    // The timer starts at 1 s and doubles (5.5) up to its 60 s cap (2.5): 2, 4, ..., 32, 60 s.
    const backoffs = ofType(records, 'tcp.rto').map((r) => text(r));
    expect(backoffs).toEqual([
      ...[2, 4, 8, 16, 32].map(
        (s) =>
          `Client’s retransmission timer runs out: it doubles the timeout to ${s} s (exponential backoff).`,
      ),
      'Client’s retransmission timer runs out: it backs the timeout off to 60 s, its maximum.',
    ]);
    const again = ofType(records, 'tcp.retransmit');
    expect(again).toHaveLength(6);
    for (const r of again) {
      expect(text(r)).toBe(
        'Client sends its SYN again: no SYN-ACK came before the retransmission timer ran out.',
      );
    }
    expect(text(ofType(records, 'socket.error')[0]!)).toBe(
      `Client cannot connect to Server (10.0.0.2:${PORT}): ${meaning('ETIMEDOUT')}.`,
    );
    expect(entries.map((e) => e.text)).toContain(
      'Client’s bulkSend app gives up: its connection failed with ETIMEDOUT.',
    );
  });

  it('names EADDRINUSE when a second sink takes the same port', () => {
    // Validation refuses two sinks on one port; a program that skips it gets the socket error.
    const { records, text } = runNarrated(pair([], [{ type: 'sink' }]), (scenario) =>
      scenario.nodes
        .find((n) => n.apps?.some((a) => a.type === 'sink'))
        ?.apps?.push({ type: 'sink' }),
    );
    expect(text(ofType(records, 'socket.error')[0]!)).toBe(
      `Server cannot listen on TCP port ${PORT}: ${meaning('EADDRINUSE')}.`,
    );
    expect(text(ofType(records, 'app.error')[0]!)).toBe(
      'Server’s sink2 app cannot start: listen failed with EADDRINUSE.',
    );
  });

  it('drops a SYN when the backlog is full, and tells two connections apart by port', () => {
    const { records, text } = runNarrated(pair([upload, upload], [{ type: 'sink', backlog: 1 }]));
    const dropped = ofType(records, 'tcp.synDropped')[0]!;
    expect(text(dropped)).toBe(
      `Server drops the SYN in packet #${dropped.pkt}: the backlog of its listener on TCP port ${PORT} (1 connection) is full; the client will try again when its timer runs out.`,
    );
    // The second connection's SYN is the dropped one; its retry gets through a second later.
    const synSent = ofType(records, 'socket.state').filter((r) => r.state === 'SYN-SENT');
    const ports = synSent.map((r) => r.conn.slice(r.conn.indexOf(':') + 1, r.conn.indexOf('>')));
    expect(new Set(ports).size).toBe(2);
    expect(text(synSent[1]!)).toBe(
      `Client’s connection from port ${ports[1]} to Server (10.0.0.2:${PORT}) enters SYN-SENT: it has sent a SYN and waits for a SYN-ACK.`,
    );
    expect(text(ofType(records, 'tcp.retransmit')[0]!)).toBe(
      `Client sends its SYN again on its connection from port ${ports[1]} to Server (10.0.0.2:${PORT}): no SYN-ACK came before the retransmission timer ran out.`,
    );
    // TIME-WAIT lasts 2 MSL, 2 x 30 s by default, inside this 5-minute run.
    const client = ofType(records, 'socket.state').filter((r) => r.conn === synSent[0]!.conn);
    const [timeWait, closed] = client.slice(-2);
    expect(closed!.t - timeWait!.t).toBe(60e9);
    expect(text(closed!)).toBe(
      `Client’s connection from port ${ports[0]} to Server (10.0.0.2:${PORT}) is now CLOSED: 2 MSL have passed, so the connection is gone.`,
    );
  });
});

describe('narrate TCP records the runs above do not show', () => {
  const names = networkNames(validated(pair([], [])).nodes);
  const say = (records: object[]) =>
    narrate(records as unknown as TraceRecord[], names).map((e) => e.text);
  const conn = '10.0.0.1:40000>10.0.0.2:80';
  /** The server's side of a connection it accepted from the client. */
  const accepted = '10.0.0.2:80>10.0.0.1:40000';
  /** The server sends its FIN (no data) again after a timeout. */
  const fin = (t: number) => ({
    t,
    type: 'tcp.retransmit',
    node: 's',
    conn: accepted,
    seq: 9,
    bytes: 0,
    reason: 'timeout',
  });
  const passive = (t: number, state: string) => ({
    t,
    type: 'socket.state',
    node: 's',
    conn: accepted,
    state,
  });

  it('narrates a reset, a simultaneous close, and segments sent again in other states', () => {
    expect(
      say([
        { t: 0, type: 'socket.state', node: 's', conn: '*:80', state: 'LISTEN' },
        { t: 1, type: 'tcp.refused', node: 's', port: 80, pkt: 7 },
        passive(1, 'SYN-RECEIVED'),
        {
          t: 2,
          type: 'tcp.retransmit',
          node: 's',
          conn: accepted,
          seq: 5,
          bytes: 0,
          reason: 'timeout',
        },
        passive(3, 'ESTABLISHED'),
        passive(4, 'FIN-WAIT-1'),
        {
          t: 5,
          type: 'tcp.rto',
          node: 's',
          conn: accepted,
          rto: 2e9,
          srtt: null,
          rttvar: null,
          cause: 'backoff',
        },
        fin(5),
        fin(6),
        passive(6, 'CLOSING'),
        {
          t: 7,
          type: 'socket.error',
          node: 's',
          protocol: 'tcp',
          socket: accepted,
          op: 'connection',
          error: 'ECONNRESET',
        },
        {
          t: 7,
          type: 'socket.error',
          node: 's',
          protocol: 'tcp',
          socket: accepted,
          op: 'send',
          error: 'EPIPE',
        },
        passive(7, 'CLOSED'),
        { t: 8, type: 'socket.state', node: 's', conn: '*:80', state: 'CLOSED' },
        { t: 9, type: 'tcp.refused', node: 's', port: 80, pkt: 8 },
      ]),
    ).toEqual([
      'Server listens on TCP port 80 (LISTEN): it waits for clients to connect.',
      'Server has no connection for packet #7 to TCP port 80: it answers with RST.',
      'Server’s connection to Client (10.0.0.1:40000) enters SYN-RECEIVED: it got a SYN, answered with a SYN-ACK, and waits for the ACK that completes the handshake.',
      'Server sends its SYN-ACK again: no ACK came before the retransmission timer ran out.',
      'Server’s connection to Client (10.0.0.1:40000) enters ESTABLISHED: the handshake is complete, so both sides can now send data.',
      'Server’s connection to Client (10.0.0.1:40000) enters FIN-WAIT-1: it has closed its side (a FIN follows any data still queued) and waits for the FIN to be acknowledged.',
      'Server’s retransmission timer runs out: it doubles the timeout to 2 s (exponential backoff).',
      'Server sends its FIN again: no ACK of it came before the retransmission timer ran out.',
      'Server sends its FIN again: after the timeout it goes back and resends what was sent but not acknowledged.',
      'Server’s connection to Client (10.0.0.1:40000) enters CLOSING: both sides sent a FIN at once; it waits for its own FIN to be acknowledged.',
      `Server’s connection to Client (10.0.0.1:40000) fails: ${meaning('ECONNRESET')}.`,
      `Server: send on its connection to Client (10.0.0.1:40000) fails: ${meaning('EPIPE')}.`,
      'Server’s connection to Client (10.0.0.1:40000) is now CLOSED: the connection is gone.',
      'Server stops listening on TCP port 80 (CLOSED).',
      'Nobody listens on TCP port 80 at Server: it answers packet #8 with RST.',
    ]);
  });

  it('says when the slow-start threshold hits its floor of 2 segments', () => {
    // RFC 5681 eq. 4: ssthresh = max(FlightSize / 2, 2 SMSS); after a timeout cwnd = 1 SMSS.
    const cwnd = (t: number, c: number, s: number, cause: string) => ({
      t,
      type: 'tcp.cwnd',
      node: 'c',
      conn,
      cwnd: c,
      ssthresh: s,
      cause,
    });
    expect(
      say([
        cwnd(1, 4380, 65535, 'slowStart'),
        cwnd(2, MSS, 2 * MSS, 'timeout'),
        cwnd(3, MSS, 2 * MSS, 'timeout'),
      ]),
    ).toEqual([
      'Client’s congestion window grows to 4380 bytes (slow start).',
      `Client’s congestion window collapses to 1 MSS, 4380 → ${MSS} bytes, and slow start begins again; slow-start threshold 65535 → ${2 * MSS} bytes (2 segments, its floor).`,
      `Client’s congestion window collapses to 1 MSS, ${MSS} bytes, and slow start begins again; slow-start threshold ${2 * MSS} bytes.`,
    ]);
  });
});
