// Node cards at one layer, on shipped scenarios: what each node shows is read from its document
// (its apps' sockets, its addresses, the links its interfaces plug into), and a node with nothing
// at a layer (a switch above the link layer, a router above the network layer) is dimmed.
import { describe, expect, it } from 'vitest';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { formatMac, type MacAddress } from '../../net/wire/mac.ts';
import {
  interfaceMac,
  scenarioMacs,
  parseScenarioText,
  type Scenario,
  type ScenarioNode,
} from '../../sim/index.ts';
import { readFileSync } from 'node:fs';
import { cardLines } from '../topology/index.ts';
import { dissectedLayerOf, layerCard, layerCardRoom, NET_LAYERS } from './index.ts';

function scenarioOf(file: string): Scenario {
  const text = readFileSync(new URL(`../../../simulations/${file}`, import.meta.url), 'utf8');
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(file);
  return parsed.scenario;
}

const twoSubnets = scenarioOf('two-subnets.json');
const node = (s: Scenario, id: string) => s.nodes.find((n) => n.id === id) as ScenarioNode;

describe('node cards at one layer', () => {
  it('shows a switch only at the link layer, with the link on each port (ports have no MAC)', () => {
    const sw = node(twoSubnets, 'switch');
    for (const layer of ['application', 'transport', 'network'] as const)
      expect(layerCard(twoSubnets, sw, layer).matters).toBe(false);
    const link = layerCard(twoSubnets, sw, 'link');
    expect(link.matters).toBe(true);
    const ports = (sw.interfaces ?? []).map((i) => i.name);
    const linkOf = (port: string) =>
      twoSubnets.links.find((l) => l.a === `switch:${port}` || l.b === `switch:${port}`)?.id;
    expect(link.lines).toEqual(ports.map((p) => `${p} ⇄ ${linkOf(p)}`));
  });

  it('shows each addressed interface’s MAC at the link layer', () => {
    const router = node(twoSubnets, 'router');
    const macs = scenarioMacs(twoSubnets);
    expect(layerCard(twoSubnets, router, 'link').lines).toEqual(
      (router.interfaces ?? []).map(
        (i) => `${i.name} ${formatMac(interfaceMac(macs, 'router', i.name) as MacAddress)}`,
      ),
    );
  });

  it('shows a router at the network and link layers: its addresses, not programs or ports', () => {
    const router = node(twoSubnets, 'router');
    expect(layerCard(twoSubnets, router, 'application')).toEqual({
      lines: ['no programs'],
      matters: false,
    });
    expect(layerCard(twoSubnets, router, 'transport').matters).toBe(false);
    // As the file writes them: `eth0 192.168.1.1/24`.
    const raw = JSON.parse(
      readFileSync(new URL('../../../simulations/two-subnets.json', import.meta.url), 'utf8'),
    ) as { nodes: { id: string; interfaces: { name: string; address: string }[] }[] };
    const written = raw.nodes.find((n) => n.id === 'router')?.interfaces ?? [];
    expect(written).toHaveLength(2);
    expect(layerCard(twoSubnets, router, 'network').lines).toEqual(
      written.map((i) => `${i.name} ${i.address}`),
    );
  });

  it('shows a host’s gateway at the network layer and its sockets at the transport layer', () => {
    const server = node(twoSubnets, 'server');
    const network = layerCard(twoSubnets, server, 'network').lines;
    expect(network).toContain(`gateway ${formatIpv4(server.gateway as number)}`);
    // The echo server listens on UDP 7 unless told otherwise, the sink on the bulk sender's port.
    const desktop = node(twoSubnets, 'desktop');
    const bulk = desktop.apps?.[0] as { peer: string };
    const transport = layerCard(twoSubnets, server, 'transport').lines;
    expect(transport[0]).toBe('UDP :7 LISTEN');
    expect(transport[1]).toMatch(/^TCP :\d+ LISTEN$/);
    expect(layerCard(twoSubnets, desktop, 'transport').lines[0]).toBe(
      `→ ${bulk.peer}:${transport[1]?.match(/:(\d+)/)?.[1]} TCP`,
    );
  });

  it('names the programs at the application layer, once each with a count', () => {
    const dns = scenarioOf('dns-lookup.json');
    const laptop = node(dns, 'laptop');
    const clients = (laptop.apps ?? []).filter((a) => a.type === 'httpClient').length;
    expect(clients).toBe(3);
    expect(layerCard(dns, laptop, 'application').lines).toEqual(['Web client ×3', 'DNS resolver']);
    expect(layerCard(dns, laptop, 'application', 'de').lines).toEqual([
      'Web-Client ×3',
      'DNS-Resolver',
    ]);
  });

  it('makes the same room at every layer, at least the usual card’s', () => {
    for (const n of twoSubnets.nodes) {
      const room = layerCardRoom(twoSubnets, n);
      expect(room).toBeGreaterThanOrEqual(cardLines(n).length);
      for (const layer of NET_LAYERS)
        expect(layerCard(twoSubnets, n, layer).lines.length).toBeLessThanOrEqual(room);
    }
  });
});

describe('the packet inspector’s layers', () => {
  const tcp = { ip: {}, transport: { kind: 'tcp' } } as never;
  const icmp = { ip: {}, transport: { kind: 'icmp' } } as never;
  it('puts each dissected part at its layer', () => {
    expect(dissectedLayerOf('eth', tcp)).toBe('link');
    expect(dissectedLayerOf('arp', tcp)).toBe('link');
    expect(dissectedLayerOf('llc', tcp)).toBe('link'); // a BPDU's LLC header and STP
    expect(dissectedLayerOf('stp', tcp)).toBe('link');
    expect(dissectedLayerOf('ip', tcp)).toBe('network');
    expect(dissectedLayerOf('icmp', icmp)).toBe('network');
    expect(dissectedLayerOf('quote', icmp)).toBe('network');
    expect(dissectedLayerOf('tcp', tcp)).toBe('transport');
    expect(dissectedLayerOf('udp', tcp)).toBe('transport');
    expect(dissectedLayerOf('data', tcp)).toBe('application');
    // An echo request's data belongs to ICMP, not to a program.
    expect(dissectedLayerOf('data', icmp)).toBe('network');
  });
});
