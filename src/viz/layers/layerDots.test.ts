// The layer view's dot labels and dimming on real runs of shipped scenarios, each expectation
// worked out from the packet's own fields (its payload's first line, its ports, its addresses
// and TTL), not copied from the labeller's output.
import { describe, expect, it } from 'vitest';
import { recordList } from '../../engine/traceRecords.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { isArpFrame, isIpPacket } from '../../net/wire/frame.ts';
import { formatMac, MAC_BROADCAST } from '../../net/wire/mac.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { interfaceMac, scenarioMacs } from '../../sim/index.ts';
import { runSimulationFile } from '../../../tests/support/vizTestRuns.ts';
import { isnIndex } from '../packet/index.ts';
import { TraceIndex, type Hop } from '../trace/index.ts';
import { layerDot, layerLens, NET_LAYERS, parseLayerChoice } from './index.ts';

function hopsOf(file: string): { hops: readonly Hop[]; isns: ReturnType<typeof isnIndex> } {
  const { records } = runSimulationFile(file);
  const index = new TraceIndex();
  index.append(recordList(records));
  return { hops: index.hops, isns: isnIndex(recordList(records)) };
}

/** The hops of IPv4 packets (not ARP). */
const ipHops = (hops: readonly Hop[]) => hops.filter((h) => h.packet && isIpPacket(h.packet));
const packetOf = (hop: Hop): Packet => {
  if (!hop.packet || !isIpPacket(hop.packet)) throw new Error(`hop ${hop.id} has no IP packet`);
  return hop.packet;
};
const text = (p: Packet) => new TextDecoder().decode(p.payload);

describe('the application layer', () => {
  const hops = ipHops(hopsOf('web-page-load.json').hops);

  it('labels an HTTP request by its request line and dims segments without data', () => {
    let requests = 0;
    let bare = 0;
    for (const hop of hops) {
      const packet = packetOf(hop);
      const dot = layerDot(hop, 'application');
      if (packet.payload.length === 0) {
        bare++;
        expect(dot).toEqual({ text: null, carries: false, important: false });
        continue;
      }
      expect(dot.carries).toBe(true);
      const [method, path] = text(packet).split('\r\n')[0]?.split(' ') ?? [];
      if (method === 'GET') {
        requests++;
        expect(dot.text).toContain(`GET ${path}`);
        expect(dot.important).toBe(true);
      }
    }
    expect(requests).toBeGreaterThan(0);
    expect(bare).toBeGreaterThan(0);
  });

  it('names a DNS query by the name it asks for', () => {
    const dns = ipHops(hopsOf('dns-lookup.json').hops).filter(
      (h) => packetOf(h).transport.kind === 'udp' && packetOf(h).payload.length > 0,
    );
    expect(dns.length).toBeGreaterThan(0);
    const query = dns[0] as Hop;
    const labelled = layerDot(query, 'application').text ?? '';
    // The question's name is in the payload as DNS labels: www.example.com's are "www", "example".
    for (const label of ['www', 'example', 'com']) expect(text(packetOf(query))).toContain(label);
    expect(labelled).toMatch(/^DNS .*www\.example\.com/);
  });

  it('says "data" with the byte count of a payload it cannot name, in English and German', () => {
    const echo = ipHops(hopsOf('two-subnets.json').hops).find(
      (h) => packetOf(h).transport.kind === 'udp' && packetOf(h).payload.length > 0,
    ) as Hop;
    const bytes = packetOf(echo).payload.length;
    expect(layerDot(echo, 'application').text).toBe(`data ${bytes} B`);
    expect(layerDot(echo, 'application', { language: 'de' }).text).toBe(`Daten ${bytes} B`);
  });
});

describe('the transport layer', () => {
  const { isns } = hopsOf('web-page-load.json');
  const hops = ipHops(hopsOf('web-page-load.json').hops);

  it('labels TCP by flags, ports and the sequence number counted from the ISN', () => {
    const lens = layerLens({ links: [], nodes: [] }, 'transport', 'en', isns);
    const syn = hops.find((h) => {
      const t = packetOf(h).transport;
      return t.kind === 'tcp' && t.flags.syn && !t.flags.ack;
    }) as Hop;
    const t = packetOf(syn).transport;
    if (t.kind !== 'tcp') throw new Error('not TCP');
    expect(lens.dot(syn)).toEqual({
      text: `TCP SYN ${t.srcPort}→${t.dstPort} seq=0`,
      carries: true,
      important: true,
    });
    // Without the ISNs the raw number is shown.
    expect(layerDot(syn, 'transport').text).toBe(`TCP SYN ${t.srcPort}→${t.dstPort} seq=${t.seq}`);
    // The first data segment of that connection is one past the SYN, and says its length.
    const data = hops.find((h) => {
      const d = packetOf(h).transport;
      return d.kind === 'tcp' && d.srcPort === t.srcPort && packetOf(h).payload.length > 0;
    }) as Hop;
    const length = packetOf(data).payload.length;
    expect(lens.dot(data).text).toMatch(new RegExp(`^TCP ACK.* seq=1 len=${length}$`));
    expect(lens.dot(data).important).toBe(false);
  });

  it('says in the list of packets what a dimmed one lacks, in English and German', () => {
    const bare = hops.find((h) => packetOf(h).payload.length === 0) as Hop;
    expect(layerLens({ links: [], nodes: [] }, 'application', 'en').text(bare)).toBe(
      'no application data',
    );
    expect(layerLens({ links: [], nodes: [] }, 'application', 'de').text(bare)).toBe(
      'keine Anwendungsdaten',
    );
    expect(layerLens({ links: [], nodes: [] }, 'transport', 'en', isns).text(bare)).toMatch(
      /^TCP /,
    );
  });

  it('labels UDP by its ports and dims ICMP, which has no transport header', () => {
    const dns = ipHops(hopsOf('dns-lookup.json').hops).find(
      (h) => packetOf(h).transport.kind === 'udp',
    );
    const u = packetOf(dns as Hop).transport;
    if (u.kind !== 'udp') throw new Error('not UDP');
    expect(u.dstPort).toBe(53);
    expect(layerDot(dns as Hop, 'transport').text).toBe(`UDP ${u.srcPort}→53`);

    const icmp = ipHops(hopsOf('mtu-path-discovery.json').hops).filter(
      (h) => packetOf(h).transport.kind === 'icmp',
    );
    expect(icmp.length).toBeGreaterThan(0);
    for (const hop of icmp) expect(layerDot(hop, 'transport').carries).toBe(false);
    for (const hop of icmp) expect(layerDot(hop, 'network').text).toMatch(/ ICMP /);
  });
});

describe('the network layer', () => {
  it('labels each hop with its addresses and TTL, one less after each router', () => {
    const hops = ipHops(hopsOf('two-subnets.json').hops);
    for (const hop of hops) {
      const ip = packetOf(hop).ip;
      expect(layerDot(hop, 'network').text).toBe(
        `IPv4 ${formatIpv4(ip.src)} → ${formatIpv4(ip.dst)} TTL ${ip.ttl}`,
      );
    }
    // The laptop's first request crosses its link, the switch's uplink and the server's link:
    // the router (between the uplink and the servers' link) takes one from the TTL.
    const first = hops.filter((h) => h.pkt === hops[0]?.pkt);
    const byLink = new Map(first.map((h) => [h.link, layerDot(h, 'network').text]));
    expect(byLink.get('l-uplink')).toMatch(/TTL 64$/);
    expect(byLink.get('l-servers')).toMatch(/TTL 63$/);
  });
});

describe('the link layer', () => {
  const { hops } = hopsOf('two-subnets.json');
  const { scenario } = runSimulationFile('two-subnets.json');
  const macs = scenarioMacs(scenario);

  it('labels every IP frame with its MACs, the sender’s the sending interface’s own', () => {
    const frames = ipHops(hops);
    expect(frames.length).toBeGreaterThan(0);
    for (const hop of frames) {
      const eth = packetOf(hop).eth;
      if (!eth) throw new Error('an IP packet on a link without its frame');
      expect(layerDot(hop, 'link')).toEqual({
        text: `${formatMac(eth.src)} → ${formatMac(eth.dst)}`,
        carries: true,
        important: false,
      });
      // A switch forwards the frame as it is; a router frames it anew from its own interface
      // (a packet its queue refused is shown as it arrived, in the frame before).
      // A switch port's own MAC (its BPDUs' source) is never a forwarded frame's source.
      const sender = interfaceMac(macs, hop.fromNode, hop.fromIface);
      if (hop.fromNode === 'switch') expect(eth.src).not.toBe(sender);
      else if (sender !== undefined && !hop.drop?.atQueue) expect(eth.src).toBe(sender);
    }
  });

  it('labels ARP by what it asks or answers, and dims it above the link layer', () => {
    const arp = hops.filter((h) => h.packet && isArpFrame(h.packet));
    expect(arp.length).toBeGreaterThan(0);
    let requests = 0;
    for (const hop of arp) {
      const frame = hop.packet;
      if (!frame || !isArpFrame(frame)) throw new Error('not ARP');
      const dot = layerDot(hop, 'link');
      expect(dot.important).toBe(true);
      if (frame.arp.operation === 'request') {
        requests++;
        expect(frame.eth.dst).toBe(MAC_BROADCAST);
        expect(dot.text).toContain(`ARP Who has ${formatIpv4(frame.arp.targetIp)}?`);
      } else {
        expect(dot.text).toBe(
          `ARP ${formatIpv4(frame.arp.senderIp)} is at ${formatMac(frame.arp.senderMac)}`,
        );
      }
      for (const layer of ['application', 'transport', 'network'] as const)
        expect(layerDot(hop, layer)).toEqual({ text: null, carries: false, important: false });
    }
    expect(requests).toBeGreaterThan(0);
  });

  it('labels a packet without a frame (a test’s) by its link and size', () => {
    const bare = { ...packetOf(ipHops(hops)[0] as Hop), eth: undefined };
    expect(layerDot({ packet: bare, bytes: 84, link: 'wan' }, 'link').text).toBe(
      'wan: frame of 84 B',
    );
  });
});

describe('a hop whose packet is unknown (a queue drop never seen on a link)', () => {
  it('is dimmed above the link layer', () => {
    const hop = { packet: null, bytes: 60, link: 'wan' };
    for (const layer of NET_LAYERS.filter((l) => l !== 'link'))
      expect(layerDot(hop, layer).carries).toBe(false);
    expect(layerDot(hop, 'link').carries).toBe(true);
  });
});

describe('the choice', () => {
  it('reads a layer by name and anything else as every layer', () => {
    expect(parseLayerChoice('network')).toBe('network');
    expect(parseLayerChoice('link')).toBe('link');
    expect(parseLayerChoice('all')).toBe('all');
    for (const bad of [null, undefined, '', 'Network', 'physical', 3, '__proto__'])
      expect(parseLayerChoice(bad)).toBe('all');
  });
});
