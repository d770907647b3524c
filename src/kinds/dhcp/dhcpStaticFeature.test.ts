// The DHCP checks of a document: a pool outside its node's subnets, a pool holding a static
// address of its segment, a router off the served subnet and a lease of part of a second are
// errors naming the node and the path; an interface asking for DHCP with no server on its
// segment is a warning; "dhcp" is an address the schema takes.
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../sim/index.ts';
import { scenarioWarnings } from '../../sim/scenario/scenarioWarnings.ts';

type Doc = { nodes: Record<string, unknown>[]; links: Record<string, unknown>[] };

function lan(server: Record<string, unknown> | null, phone = '10.0.0.50/24'): Doc {
  return {
    nodes: [
      { id: 'pc', role: 'client', interfaces: [{ name: 'eth0', address: 'dhcp' }] },
      { id: 'phone', role: 'client', interfaces: [{ name: 'wlan0', address: phone }] },
      { id: 'sw', role: 'switch', interfaces: [{ name: 'p1' }, { name: 'p2' }, { name: 'p3' }] },
      {
        id: 'r',
        role: 'router',
        interfaces: [
          { name: 'lan', address: '10.0.0.1/24' },
          { name: 'wan', address: '10.9.0.1/24' },
        ],
        ...(server ? { apps: [{ type: 'dhcpServer', ...server }] } : {}),
      },
    ],
    links: [
      { id: 'l1', a: 'pc', b: 'sw:p1', latency: '1ms' },
      { id: 'l2', a: 'phone', b: 'sw:p2', latency: '1ms' },
      { id: 'l3', a: 'r:lan', b: 'sw:p3', latency: '1ms' },
    ],
  };
}

const validate = (doc: Doc) =>
  validateScenario({ format: 'handshake/scenario@1', name: 'DHCP checks', ...doc });

function issues(doc: Doc): string[] {
  const result = validate(doc);
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
}

const pool = (first: string, last: string) => ({ pool: { first, last } });

describe('DHCP checks', () => {
  it('takes "dhcp" as an interface address, and a pool inside the served subnet', () => {
    const result = validate(lan(pool('10.0.0.100', '10.0.0.199')));
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.scenario.nodes[0]?.interfaces?.[0]).toEqual({ name: 'eth0', dhcp: true });
  });

  it('refuses a pool outside its node’s subnets, backwards, or with the network or broadcast address', () => {
    const outside = (range: string) =>
      `$.nodes[3].apps[0].pool: node r: the DHCP pool ${range} must run upwards inside one of its subnets (10.0.0.0/24, 10.9.0.0/24), without the network and broadcast addresses`;
    expect(issues(lan(pool('192.168.5.100', '192.168.5.199')))).toEqual([
      outside('192.168.5.100–192.168.5.199'),
    ]);
    expect(issues(lan(pool('10.0.0.100', '10.0.1.10')))).toEqual([outside('10.0.0.100–10.0.1.10')]);
    expect(issues(lan(pool('10.0.0.90', '10.0.0.80')))).toEqual([outside('10.0.0.90–10.0.0.80')]);
    expect(issues(lan(pool('10.0.0.0', '10.0.0.9')))).toEqual([outside('10.0.0.0–10.0.0.9')]);
    expect(issues(lan(pool('10.0.0.200', '10.0.0.255')))).toEqual([
      outside('10.0.0.200–10.0.0.255'),
    ]);
    expect(issues(lan(pool('10.0.0.200', '10.0.0.254')))).toEqual([]);
  });

  it('refuses a pool that holds a static address of its segment', () => {
    expect(issues(lan(pool('10.0.0.20', '10.0.0.80')))).toEqual([
      '$.nodes[3].apps[0].pool: node r: the DHCP pool 10.0.0.20–10.0.0.80 holds 10.0.0.50, the static address of phone:wlan0 on the same segment',
    ]);
    // The server's own address too.
    expect(issues(lan(pool('10.0.0.1', '10.0.0.9')))).toEqual([
      '$.nodes[3].apps[0].pool: node r: the DHCP pool 10.0.0.1–10.0.0.9 holds 10.0.0.1, the static address of r:lan on the same segment',
    ]);
  });

  it('refuses a router off the served subnet and a lease of part of a second', () => {
    expect(
      issues(
        lan({ ...pool('10.0.0.100', '10.0.0.199'), router: '10.9.0.1', leaseTime: '90500ms' }),
      ),
    ).toEqual([
      '$.nodes[3].apps[0].leaseTime: node r: a DHCP lease is a whole number of seconds, got 90.5 s',
      '$.nodes[3].apps[0].router: node r: the DHCP router 10.9.0.1 is not on the served subnet 10.0.0.0/24',
    ]);
  });

  it('refuses a link end that is neither addressed nor "dhcp" as before', () => {
    const doc = lan(pool('10.0.0.100', '10.0.0.199'));
    (doc.nodes[0] as { interfaces: unknown[] }).interfaces = [{ name: 'eth0', address: 'dchp' }];
    expect(issues(doc)[0]).toMatch(/^\$\.nodes\[0\]\.interfaces\[0\]\.address: /);
  });

  it('warns of a DHCP interface with no server on its segment', () => {
    const result = validate(lan(null));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(scenarioWarnings(result.scenario).map((w) => `${w.path}: ${w.message}`)).toEqual([
      '$.nodes[0].interfaces[0].address: node pc: interface eth0 gets its address by DHCP, but no DHCP server is on its segment: it will never have an address',
    ]);
  });
});
