// The event log's TCP, congestion, timer, CPU and server-process sentences told in German, on a
// real run and on hand-made records (the others are in narrateGerman.test.ts). Every expected
// sentence is written by hand from the record (German numbers: 1.500, 1,5 ms).
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/trace.ts';
import bulkJson from '../../../simulations/tcp-bulk-transfer.json';
import { networkNames } from '../names/index.ts';
import { narrate } from './narrate.ts';
import { checked, run, texts } from './narrateTestHelpers.ts';
import { carriesIp } from '../../net/link/linkRecords.ts';
import { ipPacketOf } from '../../net/wire/frame.ts';

const MS = 1e6;
const names = networkNames(checked(bulkJson).nodes);
/** Hand-made records told in German, one sentence each. */
const de = (records: object[]) =>
  texts(narrate(records as unknown as TraceRecord[], names, undefined, 'de'));

describe('the event log in German: TCP and servers', () => {
  it('tells TCP on a real run: listening, the handshake, a segment sent, the close', () => {
    const { records, entries } = run(bulkJson, undefined, 'de');
    const text = (r: TraceRecord) => entries[records.indexOf(r)]!.text;
    const states = records.filter(
      (r): r is TraceRecord<'socket.state'> => r.type === 'socket.state',
    );
    const listen = states.find((r) => r.node === 'server' && !r.conn.includes('>'))!;
    expect(text(listen)).toBe(
      'Server lauscht auf TCP-Port 5001 (LISTEN) und wartet darauf, dass sich Clients verbinden.',
    );
    const laptop = states.filter((r) => r.node === 'laptop');
    expect(text(laptop[0]!)).toBe(
      'Bei Laptop geht die Verbindung zu Server (10.0.2.20:5001) in SYN-SENT über: Sie hat ein SYN gesendet und wartet auf ein SYN-ACK.',
    );
    expect(text(laptop[1]!)).toBe(
      'Bei Laptop geht die Verbindung zu Server (10.0.2.20:5001) in ESTABLISHED über: Der Handshake ist abgeschlossen, beide Seiten können jetzt Daten senden.',
    );
    // The SYN: 20 bytes of IP, 20 of TCP and the 4-byte MSS option; its seq is the trace's.
    const syn = records.find(
      (r): r is TraceRecord<'link.txBegin'> =>
        r.type === 'link.txBegin' && carriesIp(r) && r.node === 'laptop',
    )!;
    const seq = (ipPacketOf(syn.packet).transport as { seq: number }).seq;
    expect(text(syn)).toBe(
      `Laptop (10.0.1.10) beginnt, Paket #${syn.pkt} (TCP SYN, 44 Bytes) auf Leitung lan an Server (10.0.2.20:5001) zu senden (seq=${seq} len=0).`,
    );
    // A full data segment: 1460 bytes of data and 40 of headers (a 1518-byte frame on the
    // wire; the sentence gives the packet's size), written the German way.
    const data = records.find(
      (r): r is TraceRecord<'link.txBegin'> =>
        r.type === 'link.txBegin' && r.node === 'laptop' && r.bytes === 1518,
    )!;
    expect(text(data)).toMatch(
      new RegExp(
        `^Laptop \\(10\\.0\\.1\\.10\\) beginnt, Paket #${data.pkt} \\(TCP-Daten, 1\\.500 Bytes\\) auf Leitung lan an Server`,
      ),
    );
    // The router passes segments on with their TTL.
    const forwarded = records.find(
      (r): r is TraceRecord<'link.txBegin'> =>
        r.type === 'link.txBegin' && carriesIp(r) && r.node === 'router',
    )!;
    expect(text(forwarded)).toMatch(
      new RegExp(
        `^Router beginnt, Paket #${forwarded.pkt} über Leitung wan in Richtung Server \\(10\\.0\\.2\\.20:5001\\) zu senden, TTL jetzt ${ipPacketOf(forwarded.packet).ip.ttl}\\.$`,
      ),
    );
    const timeWait = laptop.find((r) => r.state === 'TIME-WAIT')!;
    expect(text(timeWait)).toBe(
      'Bei Laptop geht die Verbindung zu Server (10.0.2.20:5001) in TIME-WAIT über: Sie hat das FIN der Gegenseite bestätigt und wartet 2 MSL (doppelt so lange, wie ein Segment höchstens lebt), damit ein verlorenes letztes ACK noch einmal gesendet werden kann.',
    );
    // The server's side, closed after LAST-ACK, names the laptop's port from the record.
    const closed = states.find((r) => r.node === 'server' && r.state === 'CLOSED')!;
    const port = laptop[0]!.conn.slice(
      laptop[0]!.conn.indexOf(':') + 1,
      laptop[0]!.conn.indexOf('>'),
    );
    expect(text(closed)).toBe(
      `Bei Server ist die Verbindung zu Laptop (10.0.1.10:${port}) jetzt CLOSED: Das letzte ACK ist angekommen, die Verbindung ist also abgebaut.`,
    );
  });

  it('tells refused connections, dropped SYNs, retransmissions, TCP errors, the window and the timer', () => {
    const conn = '10.0.1.10:49152>10.0.2.20:5001';
    expect(
      de([
        { t: 0, type: 'tcp.refused', node: 'server', port: 80, pkt: 2 },
        { t: 0, type: 'tcp.synDropped', node: 'server', port: 5001, pkt: 3, backlog: 1 },
        { t: 0, type: 'socket.state', node: 'laptop', conn, state: 'SYN-SENT' },
        { t: 1, type: 'tcp.retransmit', node: 'laptop', conn, seq: 0, bytes: 0, reason: 'timeout' },
        {
          t: 2,
          type: 'tcp.retransmit',
          node: 'laptop',
          conn,
          seq: 1461,
          bytes: 1460,
          reason: 'fastRetransmit',
        },
        {
          t: 3,
          type: 'tcp.cwnd',
          node: 'laptop',
          conn,
          cwnd: 14600,
          ssthresh: 65535,
          cause: 'slowStart',
        },
        {
          t: 4,
          type: 'tcp.cwnd',
          node: 'laptop',
          conn,
          cwnd: 16060,
          ssthresh: 65535,
          cause: 'slowStart',
        },
        {
          t: 5,
          type: 'tcp.cwnd',
          node: 'laptop',
          conn,
          cwnd: 1460,
          ssthresh: 8030,
          cause: 'timeout',
        },
        {
          t: 6,
          type: 'tcp.rto',
          node: 'laptop',
          conn,
          rto: 1e9,
          srtt: null,
          rttvar: null,
          cause: 'backoff',
        },
        {
          t: 7,
          type: 'tcp.rto',
          node: 'laptop',
          conn,
          rto: 2e9,
          srtt: null,
          rttvar: null,
          cause: 'backoff',
        },
        {
          t: 8,
          type: 'tcp.rto',
          node: 'laptop',
          conn,
          rto: 1.5 * 1e9,
          srtt: 42.5 * MS,
          rttvar: 1.25 * MS,
          cause: 'sample',
        },
        {
          t: 9,
          type: 'socket.error',
          node: 'laptop',
          protocol: 'tcp',
          socket: conn,
          op: 'connect',
          error: 'ECONNREFUSED',
        },
      ]),
    ).toEqual([
      'Auf Server lauscht niemand auf TCP-Port 80: Paket #2 wird mit einem RST beantwortet.',
      'Server verwirft das SYN in Paket #3: Der Backlog des lauschenden Sockets auf TCP-Port 5001 (1 Verbindung) ist voll; der Client versucht es noch einmal, wenn sein Timer abläuft.',
      'Bei Laptop geht die Verbindung zu Server (10.0.2.20:5001) in SYN-SENT über: Sie hat ein SYN gesendet und wartet auf ein SYN-ACK.',
      'Laptop sendet das SYN erneut: Kein SYN-ACK kam, bevor der Retransmission-Timer ablief.',
      'Laptop sendet 1.460 Bytes ab Seq 1461 erneut: Drei doppelte ACKs zeigten, dass sie verloren gingen (Fast Retransmit).',
      'Bei Laptop wächst das Überlastfenster auf 14.600 Bytes (Slow Start).',
      'Überlastfenster von Laptop: 14.600 → 16.060 Bytes (Slow Start).',
      // ssthresh 8030 is not 2 x 1460: half the data in flight.
      'Bei Laptop fällt das Überlastfenster auf 1 MSS zusammen, 16.060 → 1.460 Bytes, und Slow Start beginnt von vorn; Slow-Start-Schwelle 65.535 → 8.030 Bytes (die Hälfte der Daten unterwegs).',
      'Bei Laptop läuft der Retransmission-Timer ab: Der Timeout verdoppelt sich auf 1 s (exponentielles Backoff).',
      'Bei Laptop läuft der Retransmission-Timer ab: Der Timeout verdoppelt sich auf 2 s (exponentielles Backoff).',
      'Laptop misst eine Umlaufzeit: RTO 1,5 s (SRTT 42,5 ms, RTTVAR 1,25 ms).',
      'Laptop kann sich nicht mit Server (10.0.2.20:5001) verbinden: ECONNREFUSED, niemand lauscht auf diesem Port (die Gegenseite antwortete mit RST oder ICMP port unreachable).',
    ]);
  });

  it('tells the CPU and server processes', () => {
    expect(
      de([
        {
          t: 0,
          type: 'server.accept',
          node: 'server',
          app: 'web',
          conn: '10.0.1.10:49152',
          worker: 'w2',
        },
        {
          t: 0,
          type: 'server.request',
          node: 'server',
          app: 'web',
          conn: '10.0.1.10:49152',
          req: 3,
          label: 'GET /index.html',
        },
        {
          t: 0,
          type: 'server.work',
          node: 'server',
          app: 'web',
          req: 3,
          worker: 'w2',
          job: 'w2#3',
        },
        { t: 0, type: 'cpu.arrive', node: 'server', job: 'P2', burst: 15 * MS, priority: 0 },
        { t: 0, type: 'cpu.dispatch', node: 'server', core: 0, job: 'P2', remaining: 15 * MS },
        {
          t: 10 * MS,
          type: 'cpu.preempt',
          node: 'server',
          core: 0,
          job: 'P2',
          remaining: 5 * MS,
          reason: 'quantum',
        },
        { t: 10 * MS, type: 'cpu.block', node: 'server', core: 1, job: 'P3', io: 2.5 * MS },
        {
          t: 12 * MS,
          type: 'server.reply',
          node: 'server',
          app: 'web',
          req: 3,
          status: 404,
          latency: 12 * MS,
        },
        {
          t: 12 * MS,
          type: 'server.reply',
          node: 'server',
          app: 'web',
          req: 4,
          status: null,
          latency: 1.25 * MS,
        },
        {
          t: 12 * MS,
          type: 'server.wait',
          node: 'server',
          app: 'web',
          conn: '10.0.1.10:49154',
          where: 'pool',
          waiting: 1,
        },
        {
          t: 12 * MS,
          type: 'server.wait',
          node: 'server',
          app: 'web',
          conn: '10.0.1.10:49153',
          where: 'backlog',
          waiting: 2,
        },
        { t: 13 * MS, type: 'app.state', node: 'server', app: 'web/w2', state: 'waitingForIo' },
        {
          t: 14 * MS,
          type: 'server.conn',
          node: 'server',
          app: 'web',
          conn: '10.0.1.10:49152',
          state: 'reading',
        },
        {
          t: 15 * MS,
          type: 'server.close',
          node: 'server',
          app: 'web',
          conn: '10.0.1.10:49152',
          reason: 'idle',
        },
      ]),
    ).toEqual([
      'Server: web gibt die Verbindung von Laptop (10.0.1.10:49152) an Worker w2.',
      'Server: web erhält Anfrage 3, GET /index.html.',
      'Server: Worker w2 beginnt mit GET /index.html (Anfrage 3).',
      'CPU von Server: P2 reiht sich in die Bereit-Warteschlange ein und braucht 15 ms CPU-Zeit.',
      'CPU von Server: P2 läuft auf Kern 0 (noch 15 ms seines Bursts).',
      'CPU von Server: P2 wird nach seinem Quantum von 10 ms verdrängt; noch 5 ms seines Bursts, zurück in die Bereit-Warteschlange.',
      'CPU von Server: P3 verlässt Kern 1, um 2,5 ms auf I/O zu warten.',
      'Server: web beantwortet GET /index.html mit 404 Not Found, 12 ms nach dem Eintreffen der Anfrage.',
      'Server: web beantwortet Anfrage 4 mit einer Antwort, 1,25 ms nach ihrem Eintreffen.',
      'Server: Alle Worker von web sind beschäftigt, also wartet die Verbindung von Laptop (10.0.1.10:49154) (Wartende: 1).',
      'Server: web ist an seiner Grenze; 2 Verbindungen warten in der Accept-Warteschlange des Kernels.',
      'Server: Worker w2 von web: wartet auf I/O (Platte oder Datenbank).',
      'Server: Die Verbindung von Laptop (10.0.1.10:49152) zu web: wartet auf eine Anfrage.',
      'Server: web schließt die Verbindung von Laptop (10.0.1.10:49152), weil sie zu lange untätig war.',
    ]);
  });
});
