// NewReno (RFC 6582) against Reno (RFC 5681) on one burst of drops: a bottleneck's drop-tail queue
// overflows in slow start and loses every other segment of one window. NewReno repairs them all in
// one fast recovery with no timeout, and tshark, reading the sender's capture, flags exactly the
// dropped segments as retransmissions; Reno leaves recovery at the first partial ACK and waits
// for its retransmission timer. With a 200 ms minimum RTO, a longer burst shows the timer
// restarted on the first partial ACK only, and `recover` at work after the timeout.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../src/engine/trace.ts';
import { NS_PER_MS, NS_PER_S } from '../../src/engine/time.ts';
import { captureInterface } from '../../src/net/capture/traceCapture.ts';
import { seqAdd, seqDiff } from '../../src/net/tcp/seq.ts';
import type { Packet, TcpHeader } from '../../src/net/wire/packet.ts';
import { parseScenarioText, runScenario } from '../../src/sim/index.ts';
import { expectClean, fields } from '../support/tshark.ts';
import { carriesIp, type IpRecord } from '../../src/net/link/linkRecords.ts';

const SMSS = 1460;
const BYTES = 100_000;

/**
 * The laptop uploads 100 kB through a router whose 2 Mbit/s, 20 ms link to the server queues 20
 * packets (tcp-bulk-transfer.json's network). Slow start doubles the window each round trip; in
 * the round where the queue overflows, each ACK brings two segments to a full queue and one of
 * them is dropped: every other segment of that window is lost.
 */
function upload(tcp: Record<string, unknown>, bytes: number): string {
  return JSON.stringify({
    format: 'handshake/scenario@1',
    name: 'a burst of drops at a bottleneck',
    until: '60s',
    nodes: [
      {
        id: 'laptop',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.0.1.10/24' }],
        gateway: '10.0.1.1',
        tcp,
        apps: [{ type: 'bulkSend', peer: 'server', bytes: `${bytes}B`, start: '100ms' }],
      },
      {
        id: 'router',
        role: 'router',
        interfaces: [
          { name: 'eth0', address: '10.0.1.1/24' },
          { name: 'eth1', address: '10.0.2.1/24' },
        ],
      },
      {
        id: 'server',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.0.2.20/24' }],
        gateway: '10.0.2.1',
        apps: [{ type: 'sink' }],
      },
    ],
    links: [
      { id: 'lan', a: 'laptop', b: 'router:eth0', latency: '1ms', bandwidth: '100Mbps' },
      {
        id: 'wan',
        a: 'router:eth1',
        b: 'server',
        latency: '20ms',
        bandwidth: '2Mbps',
        queue: { packets: 20 },
      },
    ],
  });
}

const tcpOf = (packet: Packet) => packet.transport as TcpHeader;

/** Runs the upload and gathers what the tests read from its trace. */
function run(tcp: Record<string, unknown>, bytes = BYTES) {
  const parsed = parseScenarioText(upload(tcp, bytes));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const { simulation, summary } = runScenario(parsed.scenario);
  const trace = simulation.sim.trace;
  const mine = <K extends TraceRecord['type']>(type: K) =>
    trace.ofType(type).filter((r) => (r as { node?: string }).node === 'laptop');
  const sent = trace
    .ofType('link.txBegin')
    .filter(carriesIp)
    .filter((r) => r.node === 'laptop');
  const packets = new Map(sent.map((r) => [r.pkt, r.packet]));
  // The laptop's data segments the router's queue dropped, by sequence number.
  const dropped = trace
    .ofType('queue.drop')
    .map((r) => packets.get(r.pkt))
    .filter((p): p is Packet => p !== undefined && p.payload.length > 0)
    .map((p) => tcpOf(p).seq);
  const done = mine('app.state').find((r) => r.state === 'done');
  if (!done) throw new Error('the upload never finished');
  return {
    trace,
    received: summary.apps.sink?.[0]?.bytesReceived,
    sent,
    dropped,
    windows: mine('tcp.cwnd'),
    retransmits: mine('tcp.retransmit'),
    rtos: mine('tcp.rto'),
    acks: trace
      .ofType('link.rx')
      .filter(carriesIp)
      .filter((r) => r.node === 'laptop'),
    done: done.t,
  };
}

const causes = (windows: TraceRecord<'tcp.cwnd'>[]) =>
  windows
    .map((w) => w.cause)
    .filter((c) => c !== 'slowStart' && c !== 'congestionAvoidance' && c !== 'recoveryInflate');

/** SND.MAX at time t: one past the highest sequence number of the laptop's data sent by then. */
function sndMaxAt(sent: IpRecord<'link.txBegin'>[], t: number): number {
  let max: number | undefined;
  for (const r of sent) {
    if (r.t > t || r.packet.payload.length === 0) continue;
    const h = tcpOf(r.packet);
    const end = seqAdd(h.seq, r.packet.payload.length + (h.flags.fin ? 1 : 0));
    if (max === undefined || seqDiff(end, max) > 0) max = end;
  }
  return max ?? 0;
}

const dir = mkdtempSync(join(tmpdir(), 'handshake-tshark-newreno-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a burst of drops in one window, NewReno against Reno', () => {
  const newReno = run({}); // NewReno is the default
  const reno = run({ congestionControl: 'reno' });
  const partials = newReno.windows.filter((w) => w.cause === 'partialAck');
  const firstPartial = partials[0]!;

  it('drops every other segment of one window: nine segments, all sent before recovery began', () => {
    const { dropped, sent, retransmits } = newReno;
    expect(dropped).toHaveLength(9);
    // Every other segment: each hole is two segments after the last; but the window's last two
    // both find the queue full (no ACK comes between them to let one out).
    for (let i = 1; i < dropped.length; i++) {
      const last = i === dropped.length - 1;
      expect(seqDiff(dropped[i]!, dropped[i - 1]!)).toBe((last ? 1 : 2) * SMSS);
    }
    // One window: all were first sent before the fast retransmit, so all lie below `recover`,
    // SND.MAX then (RFC 6582 3.2 step 2): the end of the highest segment sent so far.
    const recover = sndMaxAt(sent, retransmits[0]!.t);
    for (const seq of dropped) expect(seqDiff(seq, recover)).toBeLessThan(0);
  });

  it('NewReno: one fast recovery, a partial ACK per further hole, no timeout, each hole sent once', () => {
    const { windows, retransmits, rtos, dropped, acks } = newReno;
    expect(causes(windows)).toEqual([
      'fastRetransmit',
      ...Array<string>(dropped.length - 1).fill('partialAck'),
      'recoveryExit',
    ]);
    expect(rtos.filter((r) => r.cause === 'backoff')).toEqual([]);
    expect(retransmits.map((r) => [r.reason, r.seq])).toEqual(
      dropped.map((seq, i) => [i === 0 ? 'fastRetransmit' : 'partialAck', seq]),
    );
    // Each partial ACK acknowledges up to the next hole (the resent hole and the segment after
    // it, which had arrived: 2 SMSS) and the next hole goes again at that instant. RFC 6582 3.2
    // step 5: cwnd less the new data acknowledged, plus one SMSS back as that is at least SMSS.
    for (const [i, partial] of partials.entries()) {
      const ack = acks.filter((a) => a.t === partial.t).at(-1)!;
      expect(tcpOf(ack.packet).ack).toBe(dropped[i + 1]);
      expect(retransmits[i + 1]!.t).toBe(partial.t);
      const before = windows[windows.indexOf(partial) - 1]!;
      const acked = seqDiff(dropped[i + 1]!, dropped[i]!);
      expect(acked).toBe((i + 1 === dropped.length - 1 ? 1 : 2) * SMSS);
      expect(partial.cwnd).toBe(before.cwnd - acked + SMSS);
      expect(partial.ssthresh).toBe(before.ssthresh);
    }
    // The full ACK ends recovery with cwnd = ssthresh (the RFC's second choice, as ns-3).
    const exit = windows.find((w) => w.cause === 'recoveryExit')!;
    expect(exit.cwnd).toBe(exit.ssthresh);
    expect(newReno.received).toBe(BYTES);
  });

  it('tshark flags exactly the dropped segments as retransmissions, the first as fast', () => {
    const file = join(dir, 'newreno-laptop.pcap');
    writeFileSync(file, captureInterface(newReno.trace, 'laptop', 'eth0'));
    expectClean(file);
    const flagged = fields(
      file,
      'ip.src tcp.seq_raw tcp.analysis.retransmission tcp.analysis.fast_retransmission',
    ).filter(
      (r) =>
        r['tcp.analysis.retransmission'] !== '' || r['tcp.analysis.fast_retransmission'] !== '',
    );
    expect(flagged.map((r) => r['ip.src'])).toEqual(newReno.dropped.map(() => '10.0.1.10'));
    expect(flagged.map((r) => Number(r['tcp.seq_raw']))).toEqual(newReno.dropped);
    expect(flagged.map((r) => r['tcp.analysis.fast_retransmission'] !== '')).toEqual(
      newReno.dropped.map((_, i) => i === 0),
    );
  });

  it('Reno leaves recovery at the first partial ACK, then waits a whole RTO', () => {
    // Both runs are the same packet for packet until that ACK arrives.
    const P = firstPartial.t;
    const before = (r: { sent: TraceRecord<'link.txBegin'>[] }) =>
      r.sent.filter((s) => s.t < P).map((s) => [s.t, s.pkt, s.bytes]);
    expect(before(reno)).toEqual(before(newReno));
    expect(causes(reno.windows).slice(0, 3)).toEqual(['fastRetransmit', 'recoveryExit', 'timeout']);
    const exit = reno.windows.find((w) => w.cause === 'recoveryExit')!;
    expect(exit.t).toBe(P);
    // cwnd = ssthresh is below what is still outstanding, so nothing new goes and no more
    // duplicate ACKs come: the timer, restarted by that ACK at P, expires one RTO later. The RTO
    // is 1 s, RFC 6298's minimum (SRTT + 4 RTTVAR is smaller on a 50 ms path).
    const rto = reno.rtos.filter((r) => r.t <= P).at(-1)!.rto;
    expect(rto).toBe(NS_PER_S);
    const timeout = reno.windows.find((w) => w.cause === 'timeout')!;
    expect(timeout.t).toBe(P + rto);
    // Go-back-N then resends every segment from the second hole on, those that had arrived too:
    // tshark flags as many retransmissions as Reno's trace has (14), where NewReno needed 9.
    const file = join(dir, 'reno-laptop.pcap');
    writeFileSync(file, captureInterface(reno.trace, 'laptop', 'eth0'));
    const flagged = fields(file, 'tcp.seq_raw tcp.analysis.retransmission')
      .filter((r) => r['tcp.analysis.retransmission'] !== '')
      .map((r) => Number(r['tcp.seq_raw']));
    expect(flagged).toHaveLength(reno.retransmits.length);
    expect(flagged.length).toBeGreaterThan(newReno.dropped.length);
    expect(flagged.filter((seq) => newReno.dropped.includes(seq))).toEqual(newReno.dropped);
  });

  it('Reno finishes at least minRto minus NewReno’s recovery later: 861 ms here', () => {
    // NewReno finishes at P + 8 round trips of about 48.5 ms (one per further hole; 1518-byte
    // frames at 2 Mbit/s) = P + 384.6 ms; Reno cannot resend the second hole before P + 1 s, so
    // it finishes later by at least 1 s - 384.6 ms = 615.4 ms. It takes 245.6 ms more to resend
    // the rest from one segment in slow start: 861 ms in all (done at 1042.9 ms and 1903.6 ms of
    // the run).
    const P = firstPartial.t;
    expect(newReno.done - P).toBeLessThan(NS_PER_S);
    expect(reno.done).toBeGreaterThan(P + NS_PER_S);
    expect(reno.done - newReno.done).toBeGreaterThanOrEqual(P + NS_PER_S - newReno.done);
    expect(Math.round((reno.done - newReno.done) / NS_PER_MS)).toBe(861);
    expect(reno.received).toBe(BYTES);
  });
});

describe('NewReno with Linux’s 200 ms minimum RTO: the timer, and recover after it', () => {
  // The 300 kB upload of tcp-bulk-transfer.json with minRto 200ms: 15 further holes take 15 x 48
  // ms, longer than the RTO in force (about 242 ms), so the timer set at the first partial ACK
  // expires in the middle of the recovery; later partial ACKs do not push it back.
  const impatient = run({ minRto: '200ms' }, 300_000);

  it('times out one RTO after the first partial ACK, later partial ACKs notwithstanding', () => {
    const partials = impatient.windows.filter((w) => w.cause === 'partialAck');
    const first = partials[0]!;
    const rto = impatient.rtos.filter((r) => r.t <= first.t).at(-1)!.rto;
    const timeout = impatient.windows.find((w) => w.cause === 'timeout')!;
    expect(timeout.t).toBe(first.t + rto);
    const later = partials.filter((p) => p.t > first.t && p.t < timeout.t);
    expect(later.length).toBeGreaterThan(0);
    // Restarted at each partial ACK (RFC 6582's "slow but steady" choice), it would run out
    // only after the last one; with no partial ACK after the timeout, none restarted it.
    expect(timeout.t).toBeLessThan(later.at(-1)!.t + rto);
    expect(impatient.received).toBe(300_000);
  });

  it('lets three duplicates of data sent before the timeout pass, and takes a later loss', () => {
    // RFC 6582 3.2: after a timeout, recover = the highest sequence number sent. Duplicate ACKs
    // (RFC 5681: no data, same ACK and window) that do not reach it come from data sent before
    // the timeout and start nothing; Reno would halve ssthresh again on the third.
    const { windows, acks, sent, retransmits } = impatient;
    const timeout = windows.find((w) => w.cause === 'timeout')!;
    const recover = sndMaxAt(sent, timeout.t);
    let previous: TcpHeader | undefined;
    let streak = 0;
    let third: number | undefined;
    let reached: number | undefined;
    for (const r of acks.filter((a) => a.t > timeout.t)) {
      const h = tcpOf(r.packet);
      if (reached === undefined && seqDiff(h.ack, recover) >= 0) reached = r.t;
      const duplicate =
        r.packet.payload.length === 0 && h.ack === previous?.ack && h.window === previous.window;
      streak = duplicate ? streak + 1 : 0;
      if (streak === 3 && seqDiff(h.ack, recover) < 0) third ??= r.t;
      previous = h;
    }
    expect(third).toBeDefined();
    expect(reached).toBeGreaterThan(third!);
    const fast = windows.filter((w) => w.cause === 'fastRetransmit' && w.t > timeout.t);
    expect(fast.filter((w) => w.t <= reached!)).toEqual([]);
    // The next fast retransmit is a new loss, above recover, after the ACKs passed it.
    const next = retransmits.find((r) => r.reason === 'fastRetransmit' && r.t > timeout.t)!;
    expect(seqDiff(next.seq, recover)).toBeGreaterThanOrEqual(0);
  });
});
