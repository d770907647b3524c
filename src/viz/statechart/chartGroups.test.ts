// One statechart per machine in the node inspector: the users and apps that run the same machine
// share it, each listed as an instance with its state; instances counted by state in words.
import { describe, expect, it } from 'vitest';
import { validateScenario, type ScenarioNode } from '../../sim/index.ts';
import { chartGroups, stateCounts } from './chartGroups.ts';

function clientNode(): ScenarioNode {
  const result = validateScenario({
    format: 'handshake/scenario@1',
    name: 'Groups',
    nodes: [
      {
        id: 'c',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.0.1.11/24' }],
        apps: [
          { type: 'httpClient', server: 's', workload: { kind: 'closed', users: 3 } },
          { type: 'httpClient', server: 's' },
          { type: 'pinger', peer: 's' },
          { type: 'serviceClient', server: 's' },
        ],
      },
      {
        id: 's',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.0.1.20/24' }],
        apps: [{ type: 'httpServer' }, { type: 'echo' }, { type: 'service' }],
      },
    ],
    links: [{ id: 'l', a: 'c', b: 's', latency: '1ms', bandwidth: '1Gbps' }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario.nodes[0] as ScenarioNode;
}

describe('chart groups', () => {
  const node = clientNode();
  const apps = [
    { app: 'http/u1', state: 'thinking' },
    { app: 'http/u2', state: 'visiting' },
    { app: 'http/u3', state: 'thinking' },
    { app: 'http2', state: null },
    { app: 'pinger', state: 'awaitingReply' },
  ];

  it('draws one chart per machine, not one per user', () => {
    const groups = chartGroups(node, apps);
    expect(groups.map((g) => g.key)).toEqual(['user', 'pinger']);
    const users = groups[0]!;
    expect(users.instances.map((i) => i.app)).toEqual(['http/u1', 'http/u2', 'http/u3', 'http2']);
    expect(users.instances.map((i) => i.state)).toEqual(['thinking', 'visiting', 'thinking', null]);
    expect(groups[1]!.instances).toEqual([
      { app: 'pinger', label: 'pinger', state: 'awaitingReply' },
    ]);
  });

  it('names the chart by its apps’ kinds and the instances for people', () => {
    const [users, pinger] = chartGroups(node, apps);
    expect(users!.title).toBe('Web client http and http2');
    expect(users!.instances.map((i) => i.label)).toEqual([
      'http user u1',
      'http user u2',
      'http user u3',
      'http2',
    ]);
    expect(pinger!.title).toBe('Ping client pinger');
    const one = chartGroups(node, apps.slice(0, 3))[0]!;
    expect(one.title).toBe('Web client http');
    expect(one.instances.map((i) => i.label)).toEqual(['user u1', 'user u2', 'user u3']);
    const mixed = chartGroups(node, [apps[0]!, { app: 'service', state: 'waiting' }])[0]!;
    expect(mixed.title).toBe('Web client http and Database client service');
  });

  it('counts the instances by state, in the chart’s words, most first', () => {
    const [users] = chartGroups(node, apps);
    expect(stateCounts(users!)).toBe('2 thinking, 1 visiting, 1 not started');
  });
});
