// DHCP in an exported scenario capture, read by tshark: simulations/dhcp-home.json run by the
// command line (`handshake run --pcap`), captured on the home router's LAN link, where every
// DHCP message passes. Each laptop's DISCOVER is a broadcast from 0.0.0.0:68 to
// 255.255.255.255:67 from its own MAC (chaddr = that MAC), the router's OFFER and ACK are
// broadcast (the client set the BROADCAST flag) with the pool's addresses, T1's renewal is a
// unicast REQUEST from the leased address to the router with ciaddr set, answered by a unicast
// ACK; and nothing is malformed, no bad checksum, no expert warning.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMac } from '../../src/net/wire/mac.ts';
import { interfaceMac, parseScenarioText, scenarioMacs } from '../../src/sim/index.ts';
import { expectClean, fields } from '../support/tshark.ts';

const FILE = 'simulations/dhcp-home.json';
const dir = mkdtempSync(join(tmpdir(), 'handshake-tshark-dhcp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parsed = parseScenarioText(readFileSync(FILE, 'utf8'));
if (!parsed.ok) throw new Error(`${FILE} does not validate`);
const macs = scenarioMacs(parsed.scenario);
const mac = (node: string, iface: string) => formatMac(interfaceMac(macs, node, iface)!);

const pcap = join(dir, 'lan.pcap');
execFileSync('node', ['bin/handshake.js', 'run', FILE, '--pcap', `l4=${pcap}`], { stdio: 'pipe' });

describe('tshark on the DHCP exchange of dhcp-home’s LAN link', () => {
  const rows = fields(
    pcap,
    'eth.src eth.dst ip.src ip.dst udp.srcport udp.dstport dhcp.option.dhcp dhcp.flags.bc ' +
      'dhcp.hw.mac_addr dhcp.ip.client dhcp.ip.your dhcp.option.dhcp_server_id ' +
      'dhcp.option.router dhcp.option.ip_address_lease_time dhcp.option.requested_ip_address',
    'dhcp',
  );
  const laptop1 = mac('laptop1', 'eth0');
  const laptop2 = mac('laptop2', 'eth0');
  const router = mac('router', 'lan');

  it('finds nothing malformed, no bad checksum and no expert warning', () => {
    expectClean(pcap);
  });

  it('shows DISCOVER, OFFER, REQUEST, ACK for each laptop, then T1’s unicast renewal', () => {
    // Option 53: 1 DISCOVER, 2 OFFER, 3 REQUEST, 5 ACK.
    const summary = rows.map((r) => [r['dhcp.option.dhcp'], r['dhcp.hw.mac_addr']]);
    expect(summary).toEqual([
      ['1', laptop1],
      ['1', laptop2],
      ['2', laptop1],
      ['2', laptop2],
      ['3', laptop1],
      ['3', laptop2],
      ['5', laptop1],
      ['5', laptop2],
      ['3', laptop1], // renewal at T1 = 30 s after the ACK (lease 60 s)
      ['5', laptop1],
      ['3', laptop2],
      ['5', laptop2],
    ]);
  });

  it('sends the DISCOVERs from 0.0.0.0:68 to 255.255.255.255:67 in broadcast frames', () => {
    for (const r of rows.filter((x) => x['dhcp.option.dhcp'] === '1')) {
      expect([r['ip.src'], r['ip.dst'], r['udp.srcport'], r['udp.dstport']]).toEqual([
        '0.0.0.0',
        '255.255.255.255',
        '68',
        '67',
      ]);
      expect(r['eth.dst']).toBe('ff:ff:ff:ff:ff:ff');
      expect(r['eth.src']).toBe(r['dhcp.hw.mac_addr']);
      expect(r['dhcp.flags.bc']).toBe('1');
    }
  });

  it('broadcasts the offers and first ACKs with the pool’s first addresses, gateway and lease', () => {
    const replies = rows.slice(0, 8).filter((x) => ['2', '5'].includes(x['dhcp.option.dhcp']!));
    expect(replies.map((r) => r['dhcp.ip.your'])).toEqual([
      '192.168.1.100',
      '192.168.1.101',
      '192.168.1.100',
      '192.168.1.101',
    ]);
    for (const r of replies) {
      expect([r['eth.src'], r['eth.dst'], r['ip.src'], r['ip.dst']]).toEqual([
        router,
        'ff:ff:ff:ff:ff:ff',
        '192.168.1.1',
        '255.255.255.255',
      ]);
      expect(r['dhcp.option.dhcp_server_id']).toBe('192.168.1.1');
      expect(r['dhcp.option.router']).toBe('192.168.1.1');
      expect(r['dhcp.option.ip_address_lease_time']).toBe('60');
    }
  });

  it('renews by a unicast REQUEST with ciaddr set, answered by a unicast ACK', () => {
    const [request, ack] = rows.slice(8, 10);
    expect([request?.['ip.src'], request?.['ip.dst'], request?.['eth.dst']]).toEqual([
      '192.168.1.100',
      '192.168.1.1',
      router,
    ]);
    expect(request?.['dhcp.ip.client']).toBe('192.168.1.100');
    expect(request?.['dhcp.option.requested_ip_address']).toBe(''); // RFC 2131 4.3.2: not sent
    expect([ack?.['ip.dst'], ack?.['eth.dst'], ack?.['dhcp.ip.your']]).toEqual([
      '192.168.1.100',
      laptop1,
      '192.168.1.100',
    ]);
  });
});
