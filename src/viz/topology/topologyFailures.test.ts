// What the topology picture shows as failed at a moment, from a real run: a crashed node (its
// CPU idle from the crash), an interface down, a link down, a link's settings after a change;
// and their words in English and German.
import { describe, expect, it } from 'vitest';
import { recordList } from '../../engine/traceRecords.ts';
import { runScenario, validateScenario } from '../../sim/index.ts';
import {
  cpuBusyAt,
  crashedBadge,
  failureIndex,
  interfaceDownAt,
  interfaceDownText,
  linkAt,
  linkDownAt,
  linkTitle,
  liveIndex,
  nodeDownAt,
  nodeTitle,
} from './index.ts';

const S = 1e9;

const checked = validateScenario({
  format: 'handshake/scenario@1',
  name: 'failures',
  until: '8s',
  nodes: [
    {
      id: 'pc',
      role: 'client',
      interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
      apps: [
        {
          type: 'httpClient',
          server: 'web',
          persistent: false,
          workload: { kind: 'closed', users: 1, thinkTime: '100ms' },
        },
      ],
    },
    {
      id: 'web',
      role: 'server',
      label: 'Web server',
      interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
      apps: [{ type: 'httpServer', service: { cpu: '300ms' } }],
    },
  ],
  links: [{ id: 'lan', a: 'pc', b: 'web', latency: '1ms', bandwidth: '10Mbps' }],
  events: [
    { at: '1s', type: 'linkChange', link: 'lan', bandwidth: '2Mbps', latency: '30ms', loss: 0.01 },
    { at: '2s', type: 'nodeCrash', node: 'web' },
    { at: '3s', type: 'nodeRestart', node: 'web' },
    { at: '4s', type: 'interfaceDown', node: 'pc', interface: 'eth0' },
    { at: '5s', type: 'interfaceUp', node: 'pc', interface: 'eth0' },
    { at: '6s', type: 'linkDown', link: 'lan' },
    { at: '7s', type: 'linkUp', link: 'lan' },
  ],
});
if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
const scenario = checked.scenario;
const records = recordList(runScenario(scenario).simulation.sim.trace.records);
const failures = failureIndex(records);
const lan = scenario.links[0]!;

describe('the failures in the topology picture', () => {
  it('knows when a node is crashed, an interface or a link down', () => {
    const at = (t: number) => [
      nodeDownAt(failures, 'web', t),
      interfaceDownAt(failures, 'pc', 'eth0', t),
      linkDownAt(failures, 'lan', t),
    ];
    expect(at(1.5 * S)).toEqual([false, false, false]);
    expect(at(2 * S)).toEqual([true, false, false]);
    expect(at(2.9 * S)).toEqual([true, false, false]);
    expect(at(3 * S)).toEqual([false, false, false]);
    expect(at(4.5 * S)).toEqual([false, true, false]);
    expect(at(6.5 * S)).toEqual([false, false, true]);
    expect(at(7.5 * S)).toEqual([false, false, false]);
  });

  it('draws a link with its settings as its last change left them', () => {
    expect(linkAt(failures, lan, 0.5 * S)).toBe(lan);
    expect(linkAt(failures, lan, 1 * S)).toMatchObject({
      bandwidth: 2e6,
      latency: 30e6,
      loss: 0.01,
    });
  });

  it('shows the CPU of a crashed node idle from the moment it crashed', () => {
    const live = liveIndex(records);
    expect(cpuBusyAt(live, 'web', 1.99 * S)?.busy).toBe(1);
    expect(cpuBusyAt(live, 'web', 2 * S)?.busy).toBe(0);
  });

  it('says so in words, in English and German', () => {
    const web = scenario.nodes[1]!;
    expect(crashedBadge()).toBe('crashed');
    expect(crashedBadge('de')).toBe('abgestürzt');
    expect(nodeTitle(web, 'en', true)).toBe(
      'Web server (server, id web): eth0 10.0.0.2/24; crashed: it drops every packet until it restarts',
    );
    expect(interfaceDownText('eth0', 'pc')).toBe('eth0 of pc is down');
    expect(interfaceDownText('eth0', 'pc', 'de')).toBe('eth0 von pc ist ausgefallen');
    expect(linkTitle('lan', ['1 Mbit/s'], 0.5, 'en', true)).toBe('Link lan is down: 1 Mbit/s');
  });
});
