// tshark on captures of connections that use TCP's optional extensions (delayed ACKs, window
// scaling and timestamps from RFC 7323, SACK from RFC 2018 with RFC 6675's recovery): every
// option decoded, no malformed packet, no expert warning but SACK resends taken for out-of-order,
// and the window tshark calculates from the scale equal to the buffer we advertised.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureInterface } from '../../src/net/capture/traceCapture.ts';
import { parseScenarioText, runScenario } from '../../src/sim/index.ts';
import { fields, PI_WARN, tshark, VALIDATE } from '../support/tshark.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-tshark-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** client (10.0.0.2) uploads 200 kB to server (10.0.0.1) with `tcp` on both, over a lossy link. */
function upload(tcp: Record<string, unknown>): string {
  return JSON.stringify({
    format: 'handshake/scenario@1',
    name: 'an upload with TCP options',
    seed: 3,
    until: '120s',
    nodes: [
      {
        id: 'client',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
        tcp,
        apps: [{ type: 'bulkSend', peer: 'server', bytes: '200000B', start: '10ms' }],
      },
      {
        id: 'server',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
        tcp,
        apps: [{ type: 'sink' }],
      },
    ],
    links: [
      { id: 'wire', a: 'client', b: 'server', latency: '20ms', bandwidth: '10Mbps', loss: 0.02 },
    ],
  });
}

function capture(name: string, tcp: Record<string, unknown>) {
  const parsed = parseScenarioText(upload(tcp));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const { simulation, summary } = runScenario(parsed.scenario);
  const file = join(dir, `${name}.pcap`);
  writeFileSync(file, captureInterface(simulation.sim.trace, 'client', 'eth0'));
  return { file, summary, trace: simulation.sim.trace };
}

describe('tshark on an upload with delayed ACKs, window scaling, timestamps and SACK', () => {
  // A 256 KiB receive buffer: 262144 > 65535 * 4, so the shift is 3 (RFC 7323 2.3).
  const tcp = {
    delayedAck: true,
    windowScaling: true,
    timestamps: true,
    sack: true,
    receiveWindow: '256KiB',
  };
  const { file, summary, trace } = capture('all', tcp);
  const rows = fields(
    file,
    'ip.src tcp.flags.syn tcp.option_kind tcp.options.wscale.shift tcp.window_size_value tcp.window_size tcp.window_size_scalefactor tcp.options.timestamp.tsval tcp.options.timestamp.tsecr tcp.len',
  );

  it('delivered every byte over a lossy link', () => {
    expect(summary.apps.sink?.[0]?.bytesReceived).toBe(200_000);
    expect(trace.ofType('link.lost').length).toBeGreaterThan(0);
  });

  it('finds no malformed packet and no bad checksum', () => {
    expect(tshark(['-r', file, ...VALIDATE, '-Y', '_ws.malformed'])).toBe('');
    for (const row of fields(file, 'arp.opcode ip.checksum.status tcp.checksum.status')) {
      if (row['arp.opcode'] !== '') continue; // an ARP frame: no IP or TCP checksum
      expect([row['ip.checksum.status'], row['tcp.checksum.status']]).toEqual(['1', '1']);
    }
  });

  it('warns of nothing but our SACK recovery resends, which it takes for out-of-order', () => {
    // SACK loss recovery resends a hole right after new data, quicker than a round trip, so
    // tshark's heuristic calls it "out-of-order" (a warning) rather than a retransmission.
    const resent = new Set(
      trace
        .ofType('tcp.retransmit')
        .filter((r) => r.node === 'client' && r.reason === 'sackRecovery')
        .map((r) => r.seq),
    );
    expect(resent.size).toBeGreaterThan(0);
    const warned = fields(file, '_ws.expert.severity tcp.analysis.out_of_order tcp.seq_raw').filter(
      (r) => (r['_ws.expert.severity'] ?? '').split(',').some((v) => Number(v) >= PI_WARN),
    );
    for (const r of warned) {
      expect(r['tcp.analysis.out_of_order']).not.toBe('');
      expect(resent.has(Number(r['tcp.seq_raw']))).toBe(true);
    }
  });

  it('decodes window scale 3 and timestamps in both SYNs', () => {
    const syns = rows.filter((r) => r['tcp.flags.syn'] === '1');
    expect(
      syns.map((r) => [r['ip.src'], r['tcp.option_kind'], r['tcp.options.wscale.shift']]),
    ).toEqual([
      // Kinds (IANA): 2 MSS, 4 SACK permitted, 8 timestamps, 1 NOP, 3 window scale; Linux's order.
      ['10.0.0.2', '2,4,8,1,3', '3'],
      ['10.0.0.1', '2,4,8,1,3', '3'],
    ]);
  });

  it('scales every later window by 8, as tshark calculates it from the SYNs', () => {
    const later = rows.filter((r) => r['tcp.flags.syn'] === '0');
    for (const r of later) {
      expect(r['tcp.window_size_scalefactor']).toBe('8');
      expect(Number(r['tcp.window_size'])).toBe(Number(r['tcp.window_size_value']) * 8);
    }
    // The sink reads at once, so the server keeps advertising its whole buffer: 262144 bytes.
    const fromServer = later.filter((r) => r['ip.src'] === '10.0.0.1');
    expect(new Set(fromServer.map((r) => r['tcp.window_size']))).toEqual(new Set(['262144']));
  });

  it('finds TSval and TSecr on every segment after the SYNs, and full segments of 1448 bytes', () => {
    const later = rows.filter((r) => r['tcp.flags.syn'] === '0');
    for (const r of later) {
      expect(r['tcp.option_kind']).toMatch(/^1,1,8(,1,1,5)?$/);
      expect(r['tcp.options.timestamp.tsval']).toMatch(/^\d+$/);
    }
    const lengths = new Set(later.map((r) => Number(r['tcp.len'])));
    expect(Math.max(...lengths)).toBe(1448);
  });

  it('decodes the SACK blocks the server reports beyond each hole, above its ACK', () => {
    const sacks = fields(file, 'ip.src tcp.ack tcp.options.sack_le tcp.options.sack_re').filter(
      (r) => r['tcp.options.sack_le'] !== '',
    );
    // The link lost some of the client's segments, so the server reported blocks; each block
    // (relative edges, as tshark shows them) lies above the cumulative ACK and is not empty.
    expect(sacks.length).toBeGreaterThan(0);
    for (const r of sacks) {
      expect(r['ip.src']).toBe('10.0.0.1');
      const lefts = (r['tcp.options.sack_le'] ?? '').split(',').map(Number);
      const rights = (r['tcp.options.sack_re'] ?? '').split(',').map(Number);
      expect(lefts.length).toBeLessThanOrEqual(3); // beside timestamps (RFC 2018 section 3)
      lefts.forEach((left, i) => {
        expect(left).toBeGreaterThan(Number(r['tcp.ack']));
        expect(rights[i]).toBeGreaterThan(left);
      });
    }
  });

  it('shows fewer ACKs than data segments: the server acknowledges every second one', () => {
    const data = rows.filter((r) => r['ip.src'] === '10.0.0.2' && Number(r['tcp.len']) > 0);
    const acks = rows.filter((r) => r['ip.src'] === '10.0.0.1' && r['tcp.flags.syn'] === '0');
    expect(acks.length).toBeLessThan(data.length * 0.75);
  });
});

describe('tshark on simulations/tcp-options.json, captured at the laptop', () => {
  const parsed = parseScenarioText(readFileSync('simulations/tcp-options.json', 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const { simulation } = runScenario(parsed.scenario);
  const file = join(dir, 'tcp-options.pcap');
  writeFileSync(file, captureInterface(simulation.sim.trace, 'laptop', 'eth0'));
  const syns = fields(
    file,
    'ip.src ip.dst tcp.flags.syn tcp.flags.ack tcp.options.wscale.shift tcp.options.sack_perm tcp.options.timestamp.tsval',
  ).filter((r) => r['tcp.flags.syn'] === '1');

  it('finds no malformed packet', () => {
    expect(tshark(['-r', file, ...VALIDATE, '-Y', '_ws.malformed'])).toBe('');
  });

  it('shows the modern server answer every option and the classic one none', () => {
    // 1 MiB = 1048576 > 65535 * 16, so the laptop's and the modern server's shift is 5.
    const answer = (server: string) => syns.find((r) => r['ip.src'] === server);
    expect(answer('10.0.3.20')?.['tcp.options.wscale.shift']).toBe('5');
    expect(answer('10.0.3.20')?.['tcp.options.sack_perm']).not.toBe('');
    expect(answer('10.0.3.20')?.['tcp.options.timestamp.tsval']).not.toBe('');
    expect(answer('10.0.2.20')?.['tcp.options.wscale.shift']).toBe('');
    expect(answer('10.0.2.20')?.['tcp.options.sack_perm']).toBe('');
    // The laptop offered them to both.
    for (const r of syns.filter((s) => s['ip.src'] === '10.0.1.10')) {
      expect(r['tcp.options.wscale.shift']).toBe('5');
    }
  });
});
