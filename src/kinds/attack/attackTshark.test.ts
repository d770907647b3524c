// tshark reads the attacks' packets as captured in the shipped scenarios: a SYN cookie's SYN-ACK is
// a well-formed SYN-ACK (its sequence number the cookie, its ACK the SYN's plus one, the MSS its
// only option) and the connection it leads to completes and carries HTTP; a SYN scan's probes and
// the answers (SYN-ACK, RST-ACK, the scanner's RST) are well formed, every checksum good.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureInterface } from '../../net/capture/traceCapture.ts';
import { parseScenarioText, runScenario } from '../../sim/index.ts';
import { fields, tshark, VALIDATE } from '../../../tests/support/tshark.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-attack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a shipped scenario and captures one interface of it into a pcap; returns file and trace. */
function capture(file: string, node: string) {
  const parsed = parseScenarioText(readFileSync(`simulations/${file}`, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const { simulation } = runScenario(parsed.scenario);
  const pcap = join(dir, file.replace('.json', `-${node}.pcap`));
  writeFileSync(pcap, captureInterface(simulation.sim.trace, node, 'eth0'));
  return { pcap, trace: simulation.sim.trace };
}

/** Nothing malformed, and tshark finds no bad IP, TCP or ICMP checksum (status 0 is "Bad"). */
function expectWellFormed(pcap: string): void {
  expect(tshark(['-r', pcap, ...VALIDATE, '-Y', '_ws.malformed'])).toBe('');
  const bad = tshark([
    '-r',
    pcap,
    ...VALIDATE,
    '-Y',
    'ip.checksum.status == 0 || tcp.checksum.status == 0 || icmp.checksum.status == 0',
  ]);
  expect(bad).toBe('');
  // …and the checksums were checked: good ones are there.
  // (Not with `-c 1`: tshark counts the frames it reads, and the first is an ARP request.)
  expect(tshark(['-r', pcap, ...VALIDATE, '-Y', 'tcp.checksum.status == 1'])).not.toBe('');
}

describe('tshark on a SYN flood against a server with SYN cookies', () => {
  const { pcap, trace } = capture('syn-flood.json', 'web2');
  const rows = fields(
    pcap,
    'frame.number ip.src ip.dst tcp.srcport tcp.dstport tcp.flags.syn tcp.flags.ack tcp.seq_raw tcp.ack_raw tcp.options.mss_val tcp.options.wscale.shift tcp.options.sack_perm tcp.options.timestamp.tsval tcp.stream http.response.code',
  );

  it('finds nothing malformed and every checksum good', () => {
    expectWellFormed(pcap);
  });

  it('reads each cookie SYN-ACK as a SYN-ACK: seq the cookie, ack the SYN’s + 1, only the MSS', () => {
    const cookies = new Set(trace.ofType('tcp.synCookie').map((r) => String(r.cookie)));
    const synAcks = rows.filter(
      (r) =>
        r['tcp.flags.syn'] === '1' &&
        r['tcp.flags.ack'] === '1' &&
        cookies.has(r['tcp.seq_raw'] ?? ''),
    );
    expect(synAcks).toHaveLength(cookies.size);
    const syns = new Map(
      rows
        .filter((r) => r['tcp.flags.syn'] === '1' && r['tcp.flags.ack'] === '0')
        .map((r) => [`${r['ip.src']}:${r['tcp.srcport']}`, Number(r['tcp.seq_raw'])]),
    );
    for (const r of synAcks) {
      const syn = syns.get(`${r['ip.dst']}:${r['tcp.dstport']}`);
      expect(Number(r['tcp.ack_raw'])).toBe(((syn ?? 0) + 1) % 2 ** 32);
      expect(r['tcp.options.mss_val']).toBe('1460');
      expect(r['tcp.options.wscale.shift']).toBe('');
      expect(r['tcp.options.sack_perm']).toBe('');
      expect(r['tcp.options.timestamp.tsval']).toBe('');
    }
  });

  it('follows the office’s connections made from cookies to their HTTP 200s', () => {
    const office = rows.filter(
      (r) => r['ip.src'] === '192.168.1.10' || r['ip.dst'] === '192.168.1.10',
    );
    const streams = new Set(office.map((r) => r['tcp.stream']));
    expect(streams.size).toBe(5);
    expect(office.filter((r) => r['http.response.code'] === '200')).toHaveLength(5);
    // Each stream's handshake as tshark sees it: SYN, SYN-ACK (the cookie), ACK.
    const completeness = fields(pcap, 'tcp.stream tcp.completeness ip.src ip.dst').filter(
      (r) => r['ip.src'] === '192.168.1.10',
    );
    for (const stream of streams) {
      const last = completeness.filter((r) => r['tcp.stream'] === stream).at(-1);
      // 1 SYN + 2 SYN-ACK + 4 ACK + 8 data + 16 FIN = 31 (RST not set).
      expect(last?.['tcp.completeness']).toBe('31');
    }
  });
});

describe('tshark on a SYN scan', () => {
  const { pcap } = capture('port-scan.json', 'scanner');
  const rows = fields(
    pcap,
    'ip.src ip.dst tcp.srcport tcp.dstport tcp.flags.syn tcp.flags.ack tcp.flags.reset tcp.seq_raw tcp.ack_raw',
  );
  const flags = (r: Record<string, string>) =>
    `${r['tcp.flags.syn']}${r['tcp.flags.ack']}${r['tcp.flags.reset']}`;

  it('finds nothing malformed and every checksum good', () => {
    expectWellFormed(pcap);
  });

  it('reads the probes, the answers and the scanner’s resets of the open ports', () => {
    const out = rows.filter((r) => r['ip.src'] === '192.168.1.66');
    const probes = out.filter((r) => flags(r) === '100');
    const resets = out.filter((r) => flags(r) === '001');
    const synAcks = rows.filter((r) => flags(r) === '110');
    const closed = rows.filter((r) => flags(r) === '011');
    // The server's 1026 ports once, the printer's 8 twice (one retry each).
    expect(probes).toHaveLength(1026 + 16);
    // Each scan sends from one source port of its own, as nmap does.
    expect(new Set(probes.map((r) => r['tcp.srcport'])).size).toBe(2);
    expect(synAcks.map((r) => r['tcp.srcport'])).toEqual(['21', '80', '5001', '7000']);
    expect(closed).toHaveLength(1022);
    // The scanner's RST for each SYN-ACK: seq = the SYN-ACK's ack (RFC 9293 3.10.7.1).
    expect(resets.map((r) => [r['tcp.dstport'], r['tcp.seq_raw']])).toEqual(
      synAcks.map((r) => [r['tcp.srcport'], r['tcp.ack_raw']]),
    );
  });
});
