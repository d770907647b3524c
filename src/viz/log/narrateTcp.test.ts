// The event log's TCP sentences, checked on real runs of the two TCP scenarios: the handshake,
// every retransmission, the close, details hidden by default, no record narrated raw. Expected
// numbers come from the trace of the run or from the RFCs, never from the narrator's output.
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../engine/time.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import bulkJson from '../../../simulations/tcp-bulk-transfer.json';
import subnetsJson from '../../../simulations/two-subnets.json';
import { DETAIL_KINDS } from './narrate.ts';
import { ofType, runNarrated } from '../../../tests/support/narrateTestRuns.ts';
import { ipPacketOf } from '../../net/wire/frame.ts';
import { carriesIp, type IpRecord } from '../../net/link/linkRecords.ts';

const MSS = 1460; // the default (Ethernet MTU 1500 - 40), announced in every SYN here
const PORT = 5001; // the port bulkSend and sink use by default

/** A node's label and the address of its first interface, from a scenario document. */
function host(
  doc: { nodes: { id: string; label: string; interfaces: { name: string; address?: string }[] }[] },
  id: string,
) {
  const node = doc.nodes.find((n) => n.id === id)!;
  return { id, label: node.label, address: node.interfaces[0]!.address!.split('/')[0]! };
}

/** tcp-bulk-transfer.json with Reno on the laptop: it leaves recovery early and times out. */
const renoBulkJson = {
  ...bulkJson,
  name: `${bulkJson.name}, with Reno`,
  nodes: bulkJson.nodes.map((n) =>
    n.id === 'laptop' ? { ...n, tcp: { congestionControl: 'reno' } } : n,
  ),
};

describe.each([
  {
    doc: renoBulkJson,
    client: host(renoBulkJson, 'laptop'),
    server: host(renoBulkJson, 'server'),
    link: 'lan',
  },
  {
    doc: bulkJson,
    client: host(bulkJson, 'laptop'),
    server: host(bulkJson, 'server'),
    link: 'lan',
  },
  {
    doc: subnetsJson,
    client: host(subnetsJson, 'desktop'),
    server: host(subnetsJson, 'server'),
    link: 'l-desktop',
  },
])('narrate TCP in $doc.name', ({ doc, client, server, link }) => {
  const { records, entries, entry, text } = runNarrated(doc);
  const states = ofType(records, 'socket.state');
  const clientStates = states.filter((r) => r.node === client.id);
  const serverStates = states.filter((r) => r.node === server.id && r.conn.includes('>'));
  const conn = clientStates[0]!.conn;
  const clientPort = Number(conn.slice(conn.indexOf(':') + 1, conn.indexOf('>')));
  const serverSide = `${server.label}’s connection to ${client.label} (${client.address}:${clientPort})`;
  const clientSide = `${client.label}’s connection to ${server.label} (${server.address}:${PORT})`;
  const segments = ofType(records, 'link.txBegin')
    .filter(carriesIp)
    .filter((r) => r.packet.transport.kind === 'tcp');
  /** The TCP segments a host sends (not those a router passes on). */
  const sentBy = (h: { id: string; address: string }) =>
    segments.filter((r) => r.node === h.id && formatIpv4(r.packet.ip.src) === h.address);
  const tcpOf = (r: IpRecord<'link.txBegin'>) => r.packet.transport as { seq: number; ack: number };

  it('narrates the three-way handshake, each state with what it means (RFC 9293)', () => {
    // An active open on the client, a passive one on the server, one connection each.
    expect(new Set(clientStates.map((r) => r.conn)).size).toBe(1);
    expect(clientStates.slice(0, 2).map((r) => r.state)).toEqual(['SYN-SENT', 'ESTABLISHED']);
    expect(serverStates.slice(0, 2).map((r) => r.state)).toEqual(['SYN-RECEIVED', 'ESTABLISHED']);
    const listen = states.find((r) => r.node === server.id && r.conn === `*:${PORT}`)!;
    expect(text(listen)).toBe(
      `${server.label} listens on TCP port ${PORT} (LISTEN): it waits for clients to connect.`,
    );
    expect(text(clientStates[0]!)).toBe(
      `${clientSide} enters SYN-SENT: it has sent a SYN and waits for a SYN-ACK.`,
    );
    expect(text(serverStates[0]!)).toBe(
      `${serverSide} enters SYN-RECEIVED: it got a SYN, answered with a SYN-ACK, and waits for the ACK that completes the handshake.`,
    );
    for (const r of [clientStates[1]!, serverStates[1]!]) {
      expect(text(r)).toMatch(
        / enters ESTABLISHED: the handshake is complete, so both sides can now send data\.$/,
      );
    }
    expect(text(clientStates[1]!).startsWith(clientSide)).toBe(true);
    expect(text(serverStates[1]!).startsWith(serverSide)).toBe(true);

    // The segments: SYN and SYN-ACK are 20 (IPv4) + 20 (TCP) + 4 (MSS option) = 44 bytes; each
    // SYN takes one sequence number, so the SYN-ACK acknowledges ISS + 1 and the ACK both.
    const [syn, ack] = sentBy(client);
    const synAck = sentBy(server)[0]!;
    const iss = tcpOf(syn!).seq;
    const serverIss = tcpOf(synAck).seq;
    const plus1 = (n: number) => (n + 1) >>> 0;
    const from = `${client.label} (${client.address})`;
    expect(text(syn!)).toBe(
      `${from} starts sending a 44-byte TCP SYN packet #${syn!.pkt} to ${server.label} (${server.address}:${PORT}) on link ${link} (seq=${iss} len=0).`,
    );
    expect(text(synAck)).toMatch(
      new RegExp(
        `^${server.label} \\(${server.address}\\) starts sending a 44-byte TCP SYN-ACK packet #${synAck.pkt} to ${client.label} \\(${client.address}:${clientPort}\\) on link \\S+ \\(seq=${serverIss} ack=${plus1(iss)} len=0\\)\\.$`,
      ),
    );
    expect(text(ack!)).toBe(
      `${from} starts sending a 40-byte TCP ACK packet #${ack!.pkt} to ${server.label} (${server.address}:${PORT}) on link ${link} (seq=${plus1(iss)} ack=${plus1(serverIss)} len=0).`,
    );
    // In trace order: the state first, then the segment it sends (RFC 9293's figure reads so).
    const order = [clientStates[0]!, syn!, serverStates[0]!, synAck, clientStates[1]!, ack!];
    const at = order.map((r) => records.indexOf(r));
    expect(at).toEqual([...at].sort((a, b) => a - b));

    // RFC 6298 2.2: the first RTT sample R gives SRTT = R and RTTVAR = R/2; R is the handshake's
    // round trip, SYN-SENT to ESTABLISHED. RTO = SRTT + 4 RTTVAR is below 1 s, so 1 s (2.4).
    const sample = ofType(records, 'tcp.rto').find((r) => r.node === client.id)!;
    const rtt = clientStates[1]!.t - clientStates[0]!.t;
    expect(sample.srtt).toBe(rtt);
    expect(Math.abs(sample.rttvar! - rtt / 2)).toBeLessThanOrEqual(1);
    expect(entry(sample)).toMatchObject({
      kind: 'detail',
      text: `${client.label} measures a round trip: RTO 1 s (SRTT ${formatDuration(rtt)}, RTTVAR ${formatDuration(sample.rttvar!)}).`,
    });
  });

  it('narrates every retransmission with its reason, and the window changes of RFC 5681', () => {
    const retransmits = ofType(records, 'tcp.retransmit');
    expect(retransmits.length).toBeGreaterThan(0);
    const windows = ofType(records, 'tcp.cwnd').filter((r) => r.node === client.id);
    const before = (r: TraceRecord<'tcp.cwnd'>) => windows[windows.indexOf(r) - 1]!;
    const backoffs = ofType(records, 'tcp.rto').filter((r) => r.cause === 'backoff');
    const again = (r: TraceRecord<'tcp.retransmit'>) =>
      `${client.label} sends ${r.bytes} bytes at seq ${r.seq} again: `;
    for (const r of retransmits) {
      expect(entry(r).kind).toBe('timeout');
      const why =
        r.reason === 'fastRetransmit'
          ? 'three duplicate ACKs said they were lost (fast retransmit).'
          : r.reason === 'partialAck'
            ? 'a partial ACK said they were lost too (NewReno fast recovery).'
            : backoffs.some((b) => b.t === r.t)
              ? 'no ACK came before the retransmission timer ran out.'
              : 'after the timeout it goes back and resends what was sent but not acknowledged.';
      expect(text(r)).toBe(again(r) + why);
    }
    // Three duplicate ACKs: ssthresh = FlightSize / 2 and cwnd = ssthresh + 3 SMSS (3.2).
    for (const r of windows.filter((w) => w.cause === 'fastRetransmit')) {
      const was = before(r);
      expect(r.cwnd).toBe(r.ssthresh + 3 * MSS);
      expect(entry(r).kind).toBe('congestion');
      expect(text(r)).toBe(
        `${client.label} halves its slow-start threshold after three duplicate ACKs: ${was.ssthresh} → ${r.ssthresh} bytes (half the data in flight); congestion window ${was.cwnd} → ${r.cwnd} bytes (threshold + 3 segments) for fast recovery.`,
      );
    }
    // NewReno (RFC 6582 3.2 step 5): a partial ACK keeps ssthresh, deflates cwnd, and comes with
    // the retransmission of the next hole at the same instant.
    for (const r of windows.filter((w) => w.cause === 'partialAck')) {
      expect(r.ssthresh).toBe(before(r).ssthresh);
      // An ACK of exactly one segment takes one SMSS off and puts it back: no change to tell.
      const cwnd = before(r).cwnd === r.cwnd ? `${r.cwnd}` : `${before(r).cwnd} → ${r.cwnd}`;
      expect(retransmits.some((x) => x.t === r.t && x.reason === 'partialAck')).toBe(true);
      expect(entry(r).kind).toBe('congestion');
      expect(text(r)).toBe(
        `${client.label} gets a partial ACK: it acknowledges new data but not all that was sent before the loss, so the next segment was lost too. NewReno resends it at once and stays in fast recovery; congestion window ${cwnd} bytes (less the data acknowledged, plus 1 segment).`,
      );
    }
    // The ACK of new data (with NewReno, of all sent before the loss) ends fast recovery:
    // cwnd = ssthresh (RFC 5681 3.2 step 6, RFC 6582 3.2 step 5).
    for (const r of windows.filter((w) => w.cause === 'recoveryExit')) {
      expect(r.cwnd).toBe(r.ssthresh);
      expect(text(r)).toBe(
        `${client.label} leaves fast recovery: new data is acknowledged, so its congestion window deflates ${before(r).cwnd} → ${r.cwnd} bytes, the slow-start threshold, and grows slowly from there.`,
      );
    }
    // A timeout: the timer backs off to twice its value (RFC 6298 5.5), cwnd falls to 1 SMSS
    // (RFC 5681 eq. 4), and the oldest segment is sent again, in that order at one instant.
    for (const b of backoffs) {
      const rtos = ofType(records, 'tcp.rto').filter((r) => r.conn === b.conn);
      expect(b.rto).toBe(2 * rtos[rtos.indexOf(b) - 1]!.rto);
      expect(entry(b)).toMatchObject({
        kind: 'timeout',
        text: `${client.label}’s retransmission timer runs out: it doubles the timeout to ${formatDuration(b.rto)} (exponential backoff).`,
      });
      const collapse = windows.find((w) => w.t === b.t && w.cause === 'timeout')!;
      const was = before(collapse);
      expect(collapse.cwnd).toBe(MSS);
      expect(text(collapse)).toBe(
        `${client.label}’s congestion window collapses to 1 MSS, ${was.cwnd} → ${MSS} bytes, and slow start begins again; slow-start threshold ${was.ssthresh} → ${collapse.ssthresh} bytes (half the data in flight).`,
      );
    }
    if (doc === bulkJson) {
      // The scenario is built to show NewReno's recovery: one fast retransmit, then partial ACKs.
      expect(retransmits.some((r) => r.reason === 'fastRetransmit')).toBe(true);
      expect(retransmits.some((r) => r.reason === 'partialAck')).toBe(true);
      expect(backoffs).toEqual([]);
    }
    if (doc === renoBulkJson) {
      // Reno on the same network: a fast retransmit, then the timer for the rest of the window.
      expect(retransmits.some((r) => r.reason === 'fastRetransmit')).toBe(true);
      expect(retransmits.some((r) => r.reason === 'partialAck')).toBe(false);
      expect(backoffs.length).toBeGreaterThan(0);
    }
  });

  it('narrates the close: the client’s active close, the server’s passive one', () => {
    // RFC 9293 figure 5, the client closing first: FIN-WAIT-1, FIN-WAIT-2 on the ACK of its
    // FIN, TIME-WAIT on the server's FIN, for 2 MSL (60 s) that outlast the run; the server goes
    // CLOSE-WAIT, then (the sink closes at once) LAST-ACK, and CLOSED on the last ACK.
    expect(clientStates.map((r) => r.state)).toEqual([
      'SYN-SENT',
      'ESTABLISHED',
      'FIN-WAIT-1',
      'FIN-WAIT-2',
      'TIME-WAIT',
    ]);
    expect(serverStates.map((r) => r.state).slice(2)).toEqual(['CLOSE-WAIT', 'LAST-ACK', 'CLOSED']);
    const [, , finWait1, finWait2, timeWait] = clientStates;
    const [, , closeWait, lastAck, closed] = serverStates;
    expect(text(finWait1!)).toBe(
      `${clientSide} enters FIN-WAIT-1: it has closed its side (a FIN follows any data still queued) and waits for the FIN to be acknowledged.`,
    );
    expect(text(closeWait!)).toBe(
      `${serverSide} enters CLOSE-WAIT: the other side’s FIN arrived, so no more data will come; it waits for its own application to close.`,
    );
    expect(text(lastAck!)).toBe(
      `${serverSide} enters LAST-ACK: it has closed its side too and waits for the ACK of its FIN, the last one.`,
    );
    expect(text(finWait2!)).toBe(
      `${clientSide} enters FIN-WAIT-2: its FIN is acknowledged; it can still receive and waits for the other side’s FIN.`,
    );
    expect(text(timeWait!)).toBe(
      `${clientSide} enters TIME-WAIT: it acknowledged the other side’s FIN and waits 2 MSL (twice the longest a segment may live) so a lost last ACK can be sent again.`,
    );
    expect(text(closed!)).toBe(
      `${serverSide} is now CLOSED: the last ACK arrived, so the connection is gone.`,
    );
    // Each side sends one FIN, with the last data (the client's upload) or alone (the server's,
    // a FIN-ACK); 20 bytes of IPv4 and 20 of TCP around any data.
    const fins = [...sentBy(client), ...sentBy(server)].filter(
      (r) => (r.packet.transport as { flags: { fin: boolean } }).flags.fin,
    );
    expect(new Set(fins.map((r) => r.node))).toEqual(new Set([client.id, server.id]));
    for (const r of fins) {
      const data = ipPacketOf(r.packet).payload.length;
      const what = data > 0 ? 'TCP data\\+FIN' : 'TCP FIN-ACK';
      expect(text(r)).toMatch(new RegExp(` starts sending an? ${40 + data}-byte ${what} packet #`));
    }
    const done = ofType(records, 'app.state').find(
      (r) => r.app === 'bulkSend' && r.state === 'done',
    )!;
    expect(done.t).toBe(finWait2!.t);
    expect(text(done)).toBe(
      `${client.label}’s bulkSend app is now done: every byte and the FIN are acknowledged.`,
    );
  });

  it('hides what comes with every ACK behind the details, and narrates no record raw', () => {
    const perAck = new Set(['slowStart', 'congestionAvoidance', 'recoveryInflate']);
    for (const r of ofType(records, 'tcp.cwnd')) {
      expect(DETAIL_KINDS.has(entry(r).kind)).toBe(perAck.has(r.cause));
    }
    const windows = ofType(records, 'tcp.cwnd').filter((r) => r.node === client.id);
    for (const [i, r] of windows.entries()) {
      if (r.cause !== 'slowStart' && r.cause !== 'congestionAvoidance') continue;
      const growth = i === 0 ? `grows to ${r.cwnd}` : `${windows[i - 1]!.cwnd} → ${r.cwnd}`;
      const words = r.cause === 'slowStart' ? 'slow start' : 'congestion avoidance';
      expect(text(r)).toBe(`${client.label}’s congestion window ${growth} bytes (${words}).`);
    }
    for (const r of ofType(records, 'tcp.rto')) {
      expect(DETAIL_KINDS.has(entry(r).kind)).toBe(r.cause === 'sample');
    }
    for (const type of ['socket.state', 'tcp.retransmit'] as const) {
      for (const r of ofType(records, type)) expect(DETAIL_KINDS.has(entry(r).kind)).toBe(false);
    }
    // A raw record reads "type: field value, ..." (see narrate.ts, describeUnknown).
    for (const e of entries) expect(e.text.startsWith(records[e.index]!.type)).toBe(false);
    expect(entries.filter((e) => /\bconn\b|"/.test(e.text))).toEqual([]);
  });
});
