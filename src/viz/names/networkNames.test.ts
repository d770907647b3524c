// How the log and the summary name nodes, routers and addresses.
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../sim/index.ts';
import { networkNames } from './networkNames.ts';

function names() {
  const result = validateScenario({
    format: 'handshake/scenario@1',
    name: 'Names',
    nodes: [
      {
        id: 'a',
        role: 'client',
        label: 'Alice',
        interfaces: [{ name: 'eth0', address: '10.0.1.10/24' }],
      },
      { id: 'b', role: 'server', interfaces: [{ name: 'eth0', address: '10.0.2.20/24' }] },
      {
        id: 'r1',
        role: 'router',
        interfaces: [
          { name: 'eth0', address: '10.0.1.1/24' },
          { name: 'eth1', address: '10.0.2.1/24' },
        ],
      },
      { id: 'edge', role: 'router', label: 'Edge router' },
      {
        id: 'ns',
        role: 'dns',
        interfaces: [{ name: 'eth0', address: '10.0.1.53/24' }],
        apps: [{ type: 'dnsServer' }],
      },
      {
        id: 'c',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.0.1.11/24' }],
        apps: [
          { type: 'httpClient', server: 'b' },
          { type: 'serviceClient', server: 'b' },
          { type: 'httpClient', server: 'b', workload: { kind: 'closed', users: 2 } },
        ],
      },
    ],
    links: [
      { id: 'l1', a: 'a', b: 'r1:eth0', latency: '1ms' },
      { id: 'l2', a: 'r1:eth1', b: 'b', latency: '1ms' },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return networkNames(result.scenario.nodes);
}

describe('networkNames', () => {
  it('names nodes by label, else by id, and unknown ids as they are', () => {
    const n = names();
    expect([n.name('a'), n.name('b'), n.name('zed')]).toEqual(['Alice', 'b', 'zed']);
  });

  it('puts the role before network devices, unless their label already says it', () => {
    const n = names();
    expect([n.title('r1'), n.title('edge'), n.title('ns'), n.title('a')]).toEqual([
      'Router r1',
      'Edge router',
      'DNS server ns',
      'Alice',
    ]);
  });

  it('names addresses and endpoints by the node that owns them', () => {
    const n = names();
    expect(n.endpoint('10.0.2.20:7')).toBe('b (10.0.2.20:7)');
    expect(n.endpoint('10.0.1.1')).toBe('r1 (10.0.1.1)');
    expect(n.endpoint('10.9.9.9:7')).toBe('10.9.9.9:7');
    expect(n.endpoint('*:7')).toBe('*:7');
    // 10.0.1.10 is 0x0a 0x00 0x01 0x0a.
    expect(n.nodeOf(0x0a00010a)).toBe('a');
    expect(n.withAddress('a')).toBe('Alice (10.0.1.10)');
    expect(n.withAddress('r1')).toBe('r1');
    expect(n.withAddress('r1', 'eth1')).toBe('r1 (10.0.2.1)');
    expect([n.hasSeveralInterfaces('r1'), n.hasSeveralInterfaces('a')]).toEqual([true, false]);
    expect(n.peerOf('49152>10.0.2.20:80')).toBe('b');
    expect(n.peerOf('10.0.1.10:5000')).toBe('Alice');
    expect(n.peerOf('10.9.9.9:80')).toBe('10.9.9.9:80');
  });

  it('tells which kind of app a name in the trace belongs to, users and second apps included', () => {
    const n = names();
    expect(n.appType('c', 'http')).toBe('httpClient');
    expect(n.appType('c', 'service')).toBe('serviceClient');
    // The node's second web client is http2; its users are http2/u1, http2/u2.
    expect(n.appType('c', 'http2/u2')).toBe('httpClient');
    expect(n.appType('ns', 'dns')).toBe('dnsServer');
    expect(n.appType('c', 'ftp')).toBeUndefined();
    expect(n.appType('nobody', 'http')).toBeUndefined();
  });
});
