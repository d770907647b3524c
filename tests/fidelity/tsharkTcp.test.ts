// Fidelity of whole simulated TCP connections against tshark: captures taken from the trace must
// dissect cleanly, reassemble to exactly the bytes sent, and show the retransmissions we simulated.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Trace, TraceRecord } from '../../src/engine/trace.ts';
import { captureInterface, captureLink } from '../../src/net/capture/traceCapture.ts';
import { parseScenarioText, runScenario } from '../../src/sim/index.ts';
import { expectClean, fields, tshark } from '../support/tshark.ts';

/** expectClean, and every IP and TCP checksum verified good. */
function expectCleanTcp(file: string): void {
  expectClean(file);
  // 1 is PROTO_CHECKSUM_E_GOOD (epan/proto.h): every IP and TCP (or UDP) checksum was verified
  // good (ARP frames, which have neither, aside).
  const names = 'arp.opcode ip.checksum.status tcp.checksum.status udp.checksum.status';
  for (const row of fields(file, names)) {
    if (row['arp.opcode'] !== '') continue;
    const transport = row['tcp.checksum.status'] || row['udp.checksum.status'];
    expect([row['ip.checksum.status'], transport]).toEqual(['1', '1']);
  }
}

/** tshark's `-z follow,tcp,raw,0`: the reassembled bytes each side sent in stream 0. */
function followStream(file: string): { first: Uint8Array; second: Uint8Array } {
  const lines = tshark(['-r', file, '-q', '-z', 'follow,tcp,raw,0']).split('\n');
  const start = lines.findIndex((line) => line.startsWith('Node 1:'));
  expect(start).toBeGreaterThan(0);
  // Node 0 (the side seen first) sent the unindented lines, node 1 the tab-indented ones.
  let first = '';
  let second = '';
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('====')) break;
    if (line.startsWith('\t')) second += line.trim();
    else first += line.trim();
  }
  const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));
  return { first: bytes(first), second: bytes(second) };
}

/** "1.043766400" (frame.time_epoch) as integer nanoseconds, exactly. */
function epochNs(text: string): number {
  const [seconds = '', fraction = ''] = text.split('.');
  return Number(seconds) * 1e9 + Number(fraction.padEnd(9, '0'));
}

const dir = mkdtempSync(join(tmpdir(), 'handshake-tshark-tcp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// --- The simulations ---

/** What a bulk sender writes (src/sim/build/tcpApps.ts): "handshake " over and over. */
function bulkBytes(length: number): Uint8Array {
  return new TextEncoder().encode('handshake '.repeat(Math.ceil(length / 10)).slice(0, length));
}

/** client (10.0.0.2) uploads `bytes` to a sink on server (10.0.0.1) over one 5 ms, 10 Mbit/s link. */
function upload(bytes: number, link: Record<string, unknown> = {}, seed = 1): string {
  return JSON.stringify({
    format: 'handshake/scenario@1',
    name: 'an upload over one link',
    seed,
    until: '120s',
    nodes: [
      {
        id: 'client',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
        apps: [{ type: 'bulkSend', peer: 'server', bytes: `${bytes}B`, start: '10ms' }],
      },
      {
        id: 'server',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
        apps: [{ type: 'sink' }],
      },
    ],
    links: [{ id: 'wire', a: 'client', b: 'server', latency: '5ms', bandwidth: '10Mbps', ...link }],
  });
}

function run(text: string) {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return runScenario(parsed.scenario);
}

function ofType<K extends TraceRecord['type']>(trace: Trace, type: K): TraceRecord<K>[] {
  return trace.ofType(type);
}

// --- (a) A lossless exchange, tapped on its link ---

describe('tshark on a lossless TCP upload captured on its link', () => {
  const BYTES = 20_000; // well under the receiver's 65,535-byte window
  const { simulation, summary } = run(upload(BYTES));
  const trace = simulation.sim.trace;
  const file = join(dir, 'lossless.pcap');
  writeFileSync(file, captureLink(trace, 'wire'));
  const sent = ofType(trace, 'link.txBegin').filter((r) => r.link === 'wire');

  it('simulated a complete, lossless upload', () => {
    expect(summary.apps.sink?.[0]?.bytesReceived).toBe(BYTES);
    expect(ofType(trace, 'tcp.retransmit')).toEqual([]);
    expect(ofType(trace, 'link.lost')).toEqual([]);
    expect(ofType(trace, 'queue.drop')).toEqual([]);
  });

  it('has tshark read every frame at its trace time', () => {
    const rows = fields(file, 'frame.time_epoch frame.len');
    expect(rows).toHaveLength(sent.length);
    expect(rows.map((r) => epochNs(r['frame.time_epoch'] ?? ''))).toEqual(sent.map((r) => r.t));
  });

  it('finds no malformed packet, no expert warning or error, and every checksum good', () => {
    expectCleanTcp(file);
  });

  it('raises no TCP analysis flag at all: no retransmission, duplicate ACK or full window', () => {
    const flagged = fields(file, 'frame.number tcp.analysis.flags').filter(
      (r) => r['tcp.analysis.flags'] !== '',
    );
    expect(flagged).toEqual([]);
  });

  it('sees the handshake, data, and a FIN from each side: a complete conversation', () => {
    // (The IP frames: the capture starts with the client's ARP request and the server's reply.)
    const rows = fields(
      file,
      'ip.src tcp.flags.syn tcp.flags.ack tcp.flags.fin tcp.completeness',
    ).filter((r) => r['ip.src'] !== '');
    const flags = (r: Record<string, string>) =>
      ['tcp.flags.syn', 'tcp.flags.ack', 'tcp.flags.fin'].map((f) => r[f]).join('');
    expect(rows.slice(0, 3).map((r) => [r['ip.src'], flags(r)])).toEqual([
      ['10.0.0.2', '100'], // SYN
      ['10.0.0.1', '110'], // SYN, ACK
      ['10.0.0.2', '010'], // ACK
    ]);
    const fins = rows.filter((r) => r['tcp.flags.fin'] === '1').map((r) => r['ip.src']);
    expect(fins).toEqual(['10.0.0.2', '10.0.0.1']);
    expect(flags(rows.at(-1) ?? {})).toBe('010'); // the last ACK, of the server's FIN
    // tcp.completeness: SYN 1 + SYN-ACK 2 + ACK 4 + DATA 8 + FIN 16, no RST (32).
    expect(rows.at(-1)?.['tcp.completeness']).toBe('31');
  });

  it("reassembles the client's stream to exactly the bytes sent, and nothing from the server", () => {
    const { first, second } = followStream(file);
    expect(first).toEqual(bulkBytes(BYTES));
    expect(second).toHaveLength(0);
    const lengths = fields(file, 'ip.src tcp.len').filter((r) => r['ip.src'] === '10.0.0.2');
    expect(lengths.reduce((sum, r) => sum + Number(r['tcp.len']), 0)).toBe(BYTES);
  });
});

// --- (b) Lossy paths, captured at the sender's interface ---

/**
 * tcp-bulk-transfer.json with the laptop pinging the server's echo first, at 0 s: ARP has answered
 * on both links before the upload starts at 0.1 s. Wireshark takes the handshake's round trip as
 * the path's, and tells a retransmission from an out-of-order segment by it: with the routers'
 * ARP wait inside it (83 ms instead of 42) it would call NewReno's resends out-of-order.
 */
const BULK = (() => {
  const doc = JSON.parse(readFileSync('simulations/tcp-bulk-transfer.json', 'utf8')) as {
    nodes: { id: string; apps?: object[] }[];
  };
  for (const node of doc.nodes) {
    if (node.id === 'laptop') node.apps?.push({ type: 'pinger', peer: 'server', count: 1 });
    if (node.id === 'server') node.apps?.push({ type: 'echo' });
  }
  return JSON.stringify(doc);
})();

describe.each([
  {
    name: 'a link losing 10% of packets',
    text: upload(100_000, { loss: 0.1 }),
    node: 'client',
    src: '10.0.0.2',
    bytes: 100_000,
    // Random losses seldom hit twice in one window: no partial ACK in this run.
    reasons: ['fastRetransmit', 'timeout'],
  },
  {
    // One burst of drops in slow start, repaired by NewReno in one recovery (no timeout).
    name: "tcp-bulk-transfer.json, whose router's queue overflows",
    text: BULK,
    node: 'laptop',
    src: '10.0.1.10',
    bytes: 300_000,
    reasons: ['fastRetransmit', 'partialAck'],
  },
])(
  'tshark on a TCP upload over $name, captured at the sender',
  ({ text, node, src, bytes, reasons }) => {
    const { simulation, summary } = run(text);
    const trace = simulation.sim.trace;
    const file = join(dir, `${node}-sender.pcap`);
    writeFileSync(file, captureInterface(trace, node, 'eth0'));
    const retransmits = ofType(trace, 'tcp.retransmit').filter((r) => r.node === node);

    it('simulated losses that TCP repaired: fast retransmits, partial ACKs, timeouts', () => {
      expect(summary.apps.sink?.[0]?.bytesReceived).toBe(bytes);
      expect([...new Set(retransmits.map((r) => r.reason))].sort()).toEqual(reasons);
    });

    it('finds no malformed packet, no expert warning or error, and every checksum good', () => {
      expectCleanTcp(file);
    });

    it('flags exactly our retransmissions, at the same frames, fast ones as fast', () => {
      // A partial ACK is a new ACK, not a duplicate, so tshark calls its retransmission a plain
      // retransmission, as it does a timeout's.
      const rows = fields(
        file,
        'frame.number frame.time_epoch ip.src tcp.seq_raw tcp.len tcp.analysis.retransmission tcp.analysis.fast_retransmission',
      );
      const flagged = rows
        .filter(
          (r) =>
            r['tcp.analysis.retransmission'] !== '' || r['tcp.analysis.fast_retransmission'] !== '',
        )
        .map((r) => ({
          frame: Number(r['frame.number']),
          fast: r['tcp.analysis.fast_retransmission'] !== '',
        }));
      // Each tcp.retransmit record is the sender's first frame, at or after the record's time,
      // carrying that sequence number and that many bytes (later if it waited in the queue).
      const used = new Set<number>();
      const ours = retransmits.map((record) => {
        const row = rows.find(
          (r) =>
            !used.has(Number(r['frame.number'])) &&
            r['ip.src'] === src &&
            epochNs(r['frame.time_epoch'] ?? '') >= record.t &&
            Number(r['tcp.seq_raw']) === record.seq &&
            Number(r['tcp.len']) === record.bytes,
        );
        if (!row) throw new Error(`no frame for ${JSON.stringify(record)}`);
        used.add(Number(row['frame.number']));
        return { frame: Number(row['frame.number']), fast: record.reason === 'fastRetransmit' };
      });
      expect(flagged).toHaveLength(retransmits.length);
      expect(flagged).toEqual(ours.sort((x, y) => x.frame - y.frame));
    });

    it('reassembles the stream to exactly the bytes sent, each once, despite the repeats', () => {
      const { first, second } = followStream(file);
      expect(first).toEqual(bulkBytes(bytes));
      expect(second).toHaveLength(0);
    });
  },
);
