import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../runScenario.ts';
import { reachabilityWarnings } from './reachabilityWarnings.ts';
import { validateScenario } from './validateScenario.ts';

type Doc = Record<string, unknown> & { nodes: Node[]; links: Record<string, unknown>[] };
type Node = Record<string, unknown> & { id: string };

/** laptop (192.168.1.10) - router - server (10.0.0.20), each host with its gateway. */
function routed(): Doc {
  return {
    format: 'handshake/scenario@1',
    name: 'routed',
    until: '3s',
    nodes: [
      {
        id: 'laptop',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '192.168.1.10/24' }],
        gateway: '192.168.1.1',
        apps: [{ type: 'pinger', peer: 'server', count: 1 }],
      },
      {
        id: 'router',
        role: 'router',
        interfaces: [
          { name: 'eth0', address: '192.168.1.1/24' },
          { name: 'eth1', address: '10.0.0.1/24' },
        ],
      },
      {
        id: 'server',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.0.0.20/24' }],
        gateway: '10.0.0.1',
        apps: [{ type: 'echo' }],
      },
    ],
    links: [
      { id: 'l1', a: 'laptop', b: 'router:eth0', latency: '1ms' },
      { id: 'l2', a: 'router:eth1', b: 'server', latency: '1ms' },
    ],
  };
}

function scenarioOf(doc: Doc) {
  const result = validateScenario(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

const node = (doc: Doc, id: string) => doc.nodes.find((n) => n.id === id) as Node;

describe('reachabilityWarnings', () => {
  it('finds nothing wrong in the built-in examples, except the name dns-lookup leaves out on purpose', () => {
    const dir = new URL('../../../simulations/', import.meta.url);
    const found = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((file) =>
        reachabilityWarnings(scenarioOf(JSON.parse(readFileSync(new URL(file, dir), 'utf8')))).map(
          (w) => `${file} ${w.path}`,
        ),
      );
    expect(found).toEqual(['dns-lookup.json $.nodes[0].apps[2].server']);
  });

  it('a client with no gateway has no route off its subnet, and the run drops its packet there', () => {
    const doc = routed();
    delete node(doc, 'laptop').gateway;
    const scenario = scenarioOf(doc);
    expect(reachabilityWarnings(scenario)).toEqual([
      {
        path: '$.nodes[0].apps[0].peer',
        message:
          "laptop's pinger cannot reach 10.0.0.20: laptop has no route to 10.0.0.20: give it a gateway or a route",
      },
    ]);
    const drops = runScenario(scenario).simulation.sim.trace.ofType('ip.drop');
    expect(drops.length).toBeGreaterThan(0);
    expect(new Set(drops.map((d) => `${d.node} ${d.reason}`))).toEqual(new Set(['laptop noRoute']));
  });

  it('a server with no gateway cannot answer: the request arrives, the reply is dropped', () => {
    const doc = routed();
    delete node(doc, 'server').gateway;
    const scenario = scenarioOf(doc);
    expect(reachabilityWarnings(scenario).map((w) => w.message)).toEqual([
      "laptop's pinger reaches server, but its replies cannot come back: server has no route to 192.168.1.10: give it a gateway or a route",
    ]);
    const drops = runScenario(scenario).simulation.sim.trace.ofType('ip.drop');
    expect(drops.length).toBeGreaterThan(0);
    expect(new Set(drops.map((d) => `${d.node} ${d.reason}`))).toEqual(new Set(['server noRoute']));
  });

  it('a host in the middle does not forward (only routers do)', () => {
    const doc = routed();
    node(doc, 'router').role = 'server';
    const scenario = scenarioOf(doc);
    const messages = reachabilityWarnings(scenario).map((w) => w.message);
    const drops = runScenario(scenario).simulation.sim.trace.ofType('ip.drop');
    expect(drops.map((d) => `${d.node} ${d.reason}`)).toContain('router notForMe');
    expect(messages).toContain(
      "laptop's pinger cannot reach 10.0.0.20: packets for 10.0.0.20 leave laptop:eth0 and reach only router, which does not forward",
    );
    expect(messages).toContain(
      "laptop's gateway 192.168.1.1 is router, a server, which does not forward packets",
    );
  });

  it('two routers that send a subnet to each other make a loop', () => {
    const doc = routed();
    // router2 sits between router and server; both send 172.16.0.0/16 to the other.
    node(doc, 'laptop').apps = [{ type: 'pinger', peer: '172.16.0.9', count: 1 }];
    doc.nodes.push({
      id: 'router2',
      role: 'router',
      interfaces: [{ name: 'eth0', address: '10.0.1.2/24' }],
      routes: [{ to: '172.16.0.0/16', via: '10.0.1.1' }],
    });
    const router = node(doc, 'router');
    (router.interfaces as unknown[]).push({ name: 'eth2', address: '10.0.1.1/24' });
    router.routes = [{ to: '172.16.0.0/16', via: '10.0.1.2' }];
    doc.links.push({ id: 'l3', a: 'router:eth2', b: 'router2', latency: '1ms' });
    // 172.16.0.9 is the server's second address, on an interface no link reaches.
    (node(doc, 'server').interfaces as unknown[]).push({ name: 'eth1', address: '172.16.0.9/16' });
    doc.links[1] = { id: 'l2', a: 'router:eth1', b: 'server:eth0', latency: '1ms' };
    expect(reachabilityWarnings(scenarioOf(doc)).map((w) => w.message)).toEqual([
      "laptop's pinger cannot reach 172.16.0.9: packets for 172.16.0.9 go round in a loop through router router",
    ]);
    const drops = runScenario(scenarioOf(doc)).simulation.sim.trace.ofType('ip.drop');
    expect(drops.some((d) => d.reason === 'ttl')).toBe(true); // TTL 64 runs out in the loop
  });

  it('a node linked to nothing is named, and past five such nodes the rest are counted', () => {
    const doc = routed();
    for (let i = 1; i <= 7; i++)
      doc.nodes.push({ id: `lone${i}`, role: 'client', interfaces: [{ name: 'eth0' }] });
    const warnings = reachabilityWarnings(scenarioOf(doc));
    expect(warnings.map((w) => w.message)).toEqual([
      'lone1 is not linked to any other node, so nothing reaches it',
      'lone2 is not linked to any other node, so nothing reaches it',
      'lone3 is not linked to any other node, so nothing reaches it',
      'lone4 is not linked to any other node, so nothing reaches it',
      'lone5 is not linked to any other node, so nothing reaches it',
      '2 more nodes are not linked to any other node',
    ]);
    expect(warnings[0]?.path).toBe('$.nodes[3]');
  });

  it('a web client connecting to a port nothing listens on is refused, as the run shows', () => {
    const doc = routed();
    node(doc, 'laptop').apps = [{ type: 'httpClient', server: 'server' }];
    node(doc, 'server').apps = [{ type: 'httpServer', port: 8080 }];
    const scenario = scenarioOf(doc);
    expect(reachabilityWarnings(scenario)).toEqual([
      {
        path: '$.nodes[0].apps[0].server',
        message:
          "laptop's http connects to TCP port 80 on server, where nothing listens: each connection is refused with a reset (RST)",
      },
    ]);
    const errors = runScenario(scenario).simulation.sim.trace.ofType('socket.error');
    expect(errors.map((e) => e.error)).toContain('ECONNREFUSED');
  });

  it('a name its DNS server lacks, and a DNS server node that runs no DNS server', () => {
    const doc = routed();
    node(doc, 'laptop').dns = { server: 'server' };
    node(doc, 'laptop').apps = [{ type: 'httpClient', server: 'www.example.com' }];
    node(doc, 'server').apps = [{ type: 'httpServer' }];
    expect(reachabilityWarnings(scenarioOf(doc)).map((w) => w.message)).toEqual([
      `laptop's http looks up "www.example.com", but server (10.0.0.20), the DNS server laptop asks, runs no DNS server on UDP port 53`,
    ]);
    node(doc, 'server').apps = [
      { type: 'httpServer' },
      {
        type: 'dnsServer',
        records: [{ name: 'mail.example.com', type: 'A', address: '10.0.0.20' }],
      },
    ];
    expect(reachabilityWarnings(scenarioOf(doc)).map((w) => w.message)).toEqual([
      `laptop's http looks up "www.example.com", but the DNS server on server (10.0.0.20) does not know "www.example.com": its answer will be NXDOMAIN`,
    ]);
    node(doc, 'server').apps = [
      { type: 'httpServer' },
      {
        type: 'dnsServer',
        records: [{ name: 'www.example.com', type: 'A', address: '10.0.0.20' }],
      },
    ];
    expect(reachabilityWarnings(scenarioOf(doc))).toEqual([]);
  });

  it('a gateway address no node has', () => {
    const doc = routed();
    node(doc, 'laptop').gateway = '192.168.1.254';
    // Nobody answers the laptop's ARP requests for its gateway: its pings never leave the link.
    expect(reachabilityWarnings(scenarioOf(doc)).map((w) => w.message)).toEqual([
      "laptop's pinger cannot reach 10.0.0.20: laptop:eth0 asks for 192.168.1.254 (ARP), its way to 10.0.0.20, and nobody on that link has that address to answer",
      "no node has laptop's gateway address 192.168.1.254: nobody answers its ARP requests for it, so what it sends off its subnets is dropped",
    ]);
  });
});
