// The link layer of an exported scenario capture, read by tshark: simulations/two-subnets.json run
// by the command line (`handshake run --pcap`), captured on the office uplink (switch → router),
// where the laptop's and the desktop's ARP exchanges with the router and all their IP traffic
// pass. Every frame must be Ethernet II; each ARP request a broadcast from the asker's MAC asking
// for the router's address, each reply unicast back with the router's MAC; the IP frames
// addressed between the hosts' and the router's MACs; as many ARP frames as the trace says were
// sent there; and nothing malformed, no bad checksum, no expert warning.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTraceLine } from '../../src/engine/traceJson.ts';
import { formatMac } from '../../src/net/wire/mac.ts';
import { interfaceMac, parseScenarioText, scenarioMacs } from '../../src/sim/index.ts';
import { expectClean, fields } from '../support/tshark.ts';

const FILE = 'simulations/two-subnets.json';
const dir = mkdtempSync(join(tmpdir(), 'handshake-tshark-eth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parsed = parseScenarioText(readFileSync(FILE, 'utf8'));
if (!parsed.ok) throw new Error(`${FILE} does not validate`);
const macs = scenarioMacs(parsed.scenario);
const mac = (node: string, iface: string) => formatMac(interfaceMac(macs, node, iface)!);

const pcap = join(dir, 'uplink.pcap');
const tracePath = join(dir, 'trace.jsonl');
execFileSync(
  'node',
  ['bin/handshake.js', 'run', FILE, '--pcap', `l-uplink=${pcap}`, '--trace', tracePath],
  { stdio: 'pipe' },
);
const trace = readFileSync(tracePath, 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => parseTraceLine(line));

const LAPTOP = '192.168.1.10';
const DESKTOP = '192.168.1.11';
const ROUTER = '192.168.1.1';

describe('tshark on an exported capture of two-subnets’ office uplink', () => {
  const frames = fields(
    pcap,
    'frame.protocols eth.dst eth.src eth.type arp.opcode arp.src.hw_mac arp.src.proto_ipv4 ' +
      'arp.dst.hw_mac arp.dst.proto_ipv4 ip.src ip.dst',
  );

  it('dissects every frame as Ethernet II, with nothing malformed', () => {
    expect(frames.length).toBeGreaterThan(100);
    for (const f of frames) expect(f['frame.protocols']).toMatch(/^eth:ethertype:(arp|ip)\b/);
    expectClean(pcap);
  });

  it('shows each host’s ARP request as a broadcast for the router, and the router’s reply', () => {
    const arp = frames.filter((f) => f['eth.type'] === '0x0806');
    const requests = arp.filter((f) => f['arp.opcode'] === '1');
    const replies = arp.filter((f) => f['arp.opcode'] === '2');
    // Who asks on this link (the trace's arp.request records of the hosts, and the router's own
    // on eth0): the laptop at 0 s and the desktop at 0.2 s, each once (the router learns each
    // asker from its request, so it never has to ask them back within the run's 10 s).
    const asked = trace.flatMap((r) =>
      r.type === 'arp.request' &&
      (r.node === 'laptop' || r.node === 'desktop' || (r.node === 'router' && r.iface === 'eth0'))
        ? [r]
        : [],
    );
    expect(asked.map((r) => r.node)).toEqual(['laptop', 'desktop']);
    expect(requests.map((f) => [f['eth.dst'], f['eth.src'], f['arp.src.proto_ipv4']])).toEqual([
      ['ff:ff:ff:ff:ff:ff', mac('laptop', 'eth0'), LAPTOP],
      ['ff:ff:ff:ff:ff:ff', mac('desktop', 'eth0'), DESKTOP],
    ]);
    for (const f of requests) {
      expect(f['arp.dst.proto_ipv4']).toBe(ROUTER);
      expect(f['arp.dst.hw_mac']).toBe('00:00:00:00:00:00'); // unknown, as RFC 826 leaves it
      expect(f['arp.src.hw_mac']).toBe(f['eth.src']);
    }
    expect(
      replies.map((f) => [
        f['eth.dst'],
        f['eth.src'],
        f['arp.src.proto_ipv4'],
        f['arp.dst.hw_mac'],
      ]),
    ).toEqual([
      [mac('laptop', 'eth0'), mac('router', 'eth0'), ROUTER, mac('laptop', 'eth0')],
      [mac('desktop', 'eth0'), mac('router', 'eth0'), ROUTER, mac('desktop', 'eth0')],
    ]);
  });

  it('addresses every IP frame between a host’s MAC and the router’s', () => {
    const hostMac = new Map([
      [LAPTOP, mac('laptop', 'eth0')],
      [DESKTOP, mac('desktop', 'eth0')],
    ]);
    const router = mac('router', 'eth0');
    const ip = frames.filter((f) => f['eth.type'] === '0x0800');
    expect(ip.length).toBe(frames.length - 4);
    for (const f of ip) {
      // Out of the office: host → router's MAC; back in: router → the host's.
      if (hostMac.has(f['ip.src']!)) {
        expect([f['eth.src'], f['eth.dst']]).toEqual([hostMac.get(f['ip.src']!), router]);
      } else {
        expect([f['eth.src'], f['eth.dst']]).toEqual([router, hostMac.get(f['ip.dst']!)]);
      }
    }
  });
});
