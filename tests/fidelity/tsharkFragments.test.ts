// Fidelity of IPv4 fragmentation and Path MTU Discovery against tshark, on captures of
// simulations/mtu-path-discovery.json as `handshake run --pcap` writes them. On the narrow link
// ("old", MTU 576) a 1,500-byte UDP datagram travels as three fragments whose sizes are worked
// out by hand below, and tshark puts them back together into the whole datagram; on the laptop's
// link ("lan") TCP's first 1,500-byte segments go out with DF, the router answers ICMP
// "fragmentation needed" with MTU 576, and the data goes again in 536-byte segments. Nothing is
// malformed and every checksum is good.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureLink } from '../../src/net/capture/traceCapture.ts';
import { parseScenarioText, runScenario } from '../../src/sim/index.ts';
import { expectClean, fields, tshark, VALIDATE } from '../support/tshark.ts';

const dir = mkdtempSync(join(tmpdir(), 'handshake-tshark-mtu-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parsed = parseScenarioText(readFileSync('simulations/mtu-path-discovery.json', 'utf8'));
if (!parsed.ok) throw new Error('simulations/mtu-path-discovery.json does not validate');
const { simulation } = runScenario(parsed.scenario);

function capture(link: string): string {
  const file = join(dir, `${link}.pcap`);
  writeFileSync(file, captureLink(simulation.sim.trace, link));
  return file;
}

const narrow = capture('old');
const lan = capture('lan');

const FRAGMENT_COLUMNS =
  'ip.src ip.id ip.flags.mf ip.flags.df ip.frag_offset ip.len ip.reassembled.length ' +
  'ip.fragment.count udp.length udp.srcport udp.dstport ip.checksum.status udp.checksum.status';

describe('tshark on the narrow link of simulations/mtu-path-discovery.json', () => {
  const rows = fields(narrow, FRAGMENT_COLUMNS, 'ip'); // ARP frames have no IP fields

  it('finds nothing malformed, no bad checksum and no expert warning', () => {
    expectClean(narrow);
    for (const row of rows) expect(row['ip.checksum.status']).toBe('1');
  });

  it('sees the first 1,500-byte request as three fragments of 572, 572 and 396 bytes', () => {
    // The datagram: 20 bytes of IP header, 8 of UDP, 1472 of data: 1500 bytes, 1480 after the IP
    // header. The link's MTU of 576 leaves 576 - 20 = 556 bytes for a fragment's data, and every
    // fragment but the last carries a multiple of 8: 556 = 69 * 8 + 4, so 552. 1480 = 552 + 552
    // + 376. Offsets in 8-byte units: 0, 552 / 8 = 69, 1104 / 8 = 138; the last one's MF clear.
    // Total lengths: 20 + 552 = 572, 572, 20 + 376 = 396.
    const [a, b, c] = rows;
    expect([a, b, c].map((r) => r?.['ip.len'])).toEqual(['572', '572', '396']);
    expect([a, b, c].map((r) => r?.['ip.frag_offset'])).toEqual(['0', '69', '138']);
    expect([a, b, c].map((r) => r?.['ip.flags.mf'])).toEqual(['1', '1', '0']);
    expect([a, b, c].map((r) => r?.['ip.flags.df'])).toEqual(['0', '0', '0']);
    expect(new Set([a, b, c].map((r) => r?.['ip.id'])).size).toBe(1);
    expect(a?.['ip.src']).toBe('10.0.1.10');
  });

  it('reassembles them into the whole datagram: 1480 bytes after the IP header, UDP 1480', () => {
    const whole = rows[2];
    expect(whole?.['ip.fragment.count']).toBe('3');
    expect(whole?.['ip.reassembled.length']).toBe('1480');
    // The UDP header (from the first fragment) says 8 + 1472, and its checksum over the whole
    // datagram is good.
    expect(whole?.['udp.length']).toBe('1480');
    expect(whole?.['udp.dstport']).toBe('7');
    expect(whole?.['udp.checksum.status']).toBe('1');
    // Frames 1 and 2 are the router's ARP request for the server and its reply; 3 to 5 the
    // fragments, and the last one completes the datagram.
    const info = tshark(['-r', narrow, ...VALIDATE, '-Y', 'frame.number == 5']);
    // Wireshark's length column counts the captured frame: 14 bytes of Ethernet + 396 of IP.
    expect(info).toMatch(/ECHO 410 Request/);
  });

  it('reassembles every datagram cut on the way, each from three fragments', () => {
    const whole = rows.filter((r) => r['ip.reassembled.length'] !== '');
    // Request 1 (cut by the router), its reply and the later ones' replies (cut by the far
    // router): each 1480 bytes after the header, from 3 fragments.
    expect(whole.length).toBeGreaterThanOrEqual(4);
    for (const r of whole) {
      expect(r['ip.reassembled.length']).toBe('1480');
      expect(r['ip.fragment.count']).toBe('3');
      expect(r['udp.length']).toBe('1480');
    }
  });
});

describe('tshark on the laptop’s link: TCP finds the path MTU', () => {
  const COLUMNS = 'ip.src ip.flags.df ip.len tcp.len icmp.type icmp.code icmp.mtu tcp.seq';
  const rows = fields(
    lan,
    `${COLUMNS} ip.checksum.status tcp.checksum.status icmp.checksum.status`,
    'ip',
  );

  it('finds nothing malformed and every checksum good; only TCP sequence warnings', () => {
    expect(tshark(['-r', lan, ...VALIDATE, '-Y', '_ws.malformed'])).toBe('');
    expect(tshark(['-r', lan, ...VALIDATE, '-V'])).not.toMatch(/Malformed Packet|[Ss]tatus: Bad\]/);
    for (const row of rows) {
      // An ICMP error carries two IP headers (its own and the quoted one's): both good.
      for (const status of (row['ip.checksum.status'] ?? '').split(',')) expect(status).toBe('1');
      if (row['tcp.len'] !== '') expect(row['tcp.checksum.status']).toBe('1');
      if (row['icmp.type'] !== '') expect(row['icmp.checksum.status']).toBe('1');
    }
    // The segments sent again at the smaller size look out of order to tshark's TCP analysis,
    // as they would on a real capture; nothing else warns.
    const expert = tshark(['-r', lan, ...VALIDATE, '-q', '-z', 'expert']);
    const warns = expert.split(/\n\n/).find((block) => block.startsWith('Warns')) ?? '';
    for (const line of warns.split('\n').filter((l) => /^\s+\d+\s/.test(l))) {
      expect(line).toMatch(/\bSequence\s+TCP\b/);
    }
  });

  it('shows full segments with DF, "fragmentation needed" with MTU 576, then 536-byte segments', () => {
    // Segments, not the ICMP errors quoting one.
    const isData = (r: Record<string, string>) =>
      r['icmp.type'] === '' && Number(r['tcp.len'] || 0) > 0;
    const tcpData = rows.filter(isData);
    expect(tcpData.every((r) => r['ip.flags.df'] === '1')).toBe(true);
    expect(tcpData[0]?.['ip.len']).toBe('1500');
    expect(tcpData[0]?.['tcp.len']).toBe('1460');
    // The errors quoting a TCP segment (the pinger with DF got one first, quoting UDP).
    const icmp = rows.filter((r) => r['icmp.type'] === '3' && r['tcp.seq'] !== '');
    expect(icmp.length).toBeGreaterThan(0);
    for (const r of icmp) {
      expect(r['icmp.code']).toBe('4');
      expect(r['icmp.mtu']).toBe('576');
      expect(r['ip.src']).toBe('10.0.1.1,10.0.1.10'); // the router, and the quoted datagram's
    }
    // From the frame after the first one's arrival on: the laptop learned the MTU from it.
    const afterIcmp = rows.slice(rows.indexOf(icmp.at(-1) as Record<string, string>));
    const later = afterIcmp.filter(isData);
    expect(later.length).toBeGreaterThan(30);
    expect(Math.max(...later.map((r) => Number(r['tcp.len'])))).toBe(536);
    expect(Math.max(...later.map((r) => Number(r['ip.len'])))).toBe(576);
  });

  it('shows the pinger with DF refused by the router too, its datagram whole and 1500 bytes', () => {
    const udp = fields(lan, 'ip.dst ip.flags.df ip.len icmp.type icmp.code icmp.mtu udp.dstport');
    const request = udp.find((r) => r['ip.dst'] === '10.0.3.30' && r['icmp.type'] === '');
    expect(request).toMatchObject({ 'ip.flags.df': '1', 'ip.len': '1500', 'udp.dstport': '7' });
    const refused = udp.find((r) => r['icmp.type'] === '3' && r['udp.dstport'] === '7');
    expect(refused).toMatchObject({ 'icmp.code': '4', 'icmp.mtu': '576' });
  });
});
