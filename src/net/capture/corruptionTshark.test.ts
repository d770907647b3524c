// tshark reads a capture of a link that damages packets (`corrupt`): the frames a link damaged,
// and only those, fail a checksum (the IPv4 header's when the bit is in it, else the TCP, UDP or
// ICMP checksum), or for a flip in TCP's header length, a header tshark refuses; every other
// frame is clean, with nothing malformed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ipHeaderLength, type Packet } from '../wire/packet.ts';
import { B, twoHosts } from '../../../tests/support/tcpNetwork.ts';
import { fields, PI_WARN, tshark, VALIDATE } from '../../../tests/support/tshark.ts';
import { captureLink } from './traceCapture.ts';
import { carriesIp } from '../link/linkRecords.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-corrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MS = 1_000_000;

/** UDP datagrams, pings and a TCP transfer over a link that damages 1 packet in 10. */
function run() {
  const net = twoHosts({ seed: 3, link: { corrupt: 0.1 } });
  const server = net.b.udp.bind(9);
  const client = net.a.udp.bind();
  if (!server.ok || !client.ok) throw new Error('no UDP socket');
  for (let i = 0; i < 100; i++) {
    net.sim.schedule(i * MS, () => {
      client.value.sendTo(B, 9, new Uint8Array(100).fill(i));
      net.a.net.send({
        dst: B,
        transport: { kind: 'icmp', message: 'echoRequest', identifier: 1, sequence: i },
        payload: new Uint8Array(56).fill(i),
      });
    });
  }
  const listener = net.b.tcp.listen(80);
  if (!listener.ok) throw new Error(listener.error);
  listener.value.onConnection = (l) => l.accept();
  const conn = net.a.tcp.connect(B, 80);
  if (!conn.ok) throw new Error(conn.error);
  conn.value.handlers.onConnect = () => conn.value.send(new Uint8Array(50_000).fill(7));
  net.sim.run({ until: 5_000 * MS });
  const file = join(dir, 'corrupt.pcap');
  writeFileSync(file, captureLink(net.sim.trace.records, 'ab', { epochSeconds: 1_700_000_000 }));
  // Frame n is the n-th frame put on the link: its IP packet, or null for an ARP frame (never
  // damaged).
  const frames = net.sim.trace.ofType('link.txBegin').map((r) => (carriesIp(r) ? r.packet : null));
  return { file, frames };
}

describe('a capture of a link that damages packets, read by tshark', () => {
  const { file, frames } = run();
  const STATUS = 'ip.checksum.status tcp.checksum.status udp.checksum.status icmp.checksum.status';
  const rows = fields(file, `frame.number ${STATUS} _ws.malformed _ws.expert.message`);
  const severities = fields(file, 'frame.number _ws.expert.severity');
  // Checksum status: 0 bad, 1 good, 2 not verified.
  const bad = (row: Record<string, string>) =>
    STATUS.split(' ').filter((name) => (row[name] ?? '').split(',').includes('0'));

  it('has every packet, some damaged in the IP header and some after it', () => {
    expect(rows).toHaveLength(frames.length);
    const damaged = frames.filter((p): p is Packet => p?.corruptBits !== undefined);
    expect(damaged.length).toBeGreaterThan(20);
    const inHeader = damaged.filter((p) => (p.corruptBits?.[0] ?? 0) < ipHeaderLength(p.ip) * 8);
    expect(inHeader.length).toBeGreaterThan(3);
    expect(damaged.length - inHeader.length).toBeGreaterThan(10);
  });

  it('finds a bad checksum in exactly the damaged frames, in the layer the bit fell in', () => {
    let refused = 0;
    frames.forEach((packet, i) => {
      const row = rows[i] as Record<string, string>;
      const bit = packet?.corruptBits?.[0];
      const where = `frame ${i + 1}, bit ${bit}`;
      if (packet === null || bit === undefined) {
        expect(bad(row), where).toEqual([]);
        return;
      }
      if (bit < ipHeaderLength(packet.ip) * 8) {
        expect(bad(row), where).toContain('ip.checksum.status');
        return;
      }
      expect(row['ip.checksum.status'], where).toBe('1');
      const transport = `${packet.transport.kind}.checksum.status`;
      if (bad(row).includes(transport)) return;
      // A flip in TCP's data offset: tshark refuses the header before it checks the sum.
      expect(row['_ws.expert.message'], where).toMatch(/Bogus TCP header length/);
      expect(Math.floor(bit / 8) - ipHeaderLength(packet.ip)).toBe(12);
      refused++;
    });
    expect(refused).toBeLessThanOrEqual(2);
  });

  it('finds nothing malformed and no warning in the frames no link damaged', () => {
    frames.forEach((packet, i) => {
      if (packet?.corruptBits !== undefined) return;
      expect(rows[i]?.['_ws.malformed'], `frame ${i + 1}`).toBe('');
      for (const severity of (severities[i]?.['_ws.expert.severity'] ?? '').split(',')) {
        if (severity !== '') expect(Number(severity), `frame ${i + 1}`).toBeLessThan(PI_WARN);
      }
    });
    // And tshark's own display filter agrees: the frames with a bad checksum are the damaged ones.
    const damaged = frames.flatMap((p, i) => (p?.corruptBits ? [String(i + 1)] : []));
    const filter = STATUS.split(' ')
      .map((name) => `${name} == 0`)
      .join(' || ');
    const flagged = tshark([
      '-r',
      file,
      ...VALIDATE,
      '-Y',
      filter,
      '-T',
      'fields',
      '-e',
      'frame.number',
    ])
      .split('\n')
      .filter(Boolean);
    expect(damaged.filter((n) => !flagged.includes(n)).length).toBeLessThanOrEqual(2);
    expect(flagged.filter((n) => !damaged.includes(n))).toEqual([]);
  });
});
