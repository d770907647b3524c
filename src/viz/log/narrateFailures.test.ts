// The event log on failures run for real: a server that crashes and restarts, an interface taken
// down, a link changed; each told in English and German, and found by the log's filters.
import { describe, expect, it } from 'vitest';
import { recordList } from '../../engine/traceRecords.ts';
import { narrate } from './narrate.ts';
import { recordTags } from './logFilter.ts';
import { networkNames } from '../names/index.ts';
import { ofType, runNarrated } from '../../../tests/support/narrateTestRuns.ts';

const doc = {
  format: 'handshake/scenario@1',
  name: 'failures',
  until: '4s',
  nodes: [
    {
      id: 'pc',
      role: 'client',
      label: 'Laptop',
      interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
    },
    {
      id: 'web',
      role: 'server',
      label: 'Web server',
      interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
      apps: [{ type: 'httpServer' }],
    },
  ],
  links: [{ id: 'lan', a: 'pc', b: 'web', latency: '1ms', bandwidth: '10Mbps' }],
  events: [
    // A first ping fills both ARP caches, so the fetch during the crash reaches the web server
    // (which drops it) instead of waiting for an ARP answer the crashed server never gives.
    { at: '100ms', type: 'ping', node: 'pc', target: 'web', count: 1 },
    { at: '500ms', type: 'linkChange', link: 'lan', bandwidth: '2Mbps', latency: '20ms' },
    { at: '1s', type: 'nodeCrash', node: 'web' },
    { at: '1100ms', type: 'fetch', node: 'pc', server: 'web', path: '/index.html' },
    { at: '2s', type: 'nodeRestart', node: 'web' },
    { at: '3s', type: 'interfaceDown', node: 'pc', interface: 'eth0' },
    { at: '3500ms', type: 'interfaceUp', node: 'pc', interface: 'eth0' },
  ],
};

describe('narrating failures', () => {
  const run = runNarrated(doc);
  const { records, text } = run;
  const one = <T extends Parameters<typeof ofType>[1]>(type: T) => ofType(records, type)[0]!;

  it('tells a crash, a restart, an interface going down and up, and a link changing', () => {
    expect(text(one('link.change'))).toBe(
      'Link lan changes: 2 Mbit/s, 20 ms, no loss from now on (packets already on their way keep their timing).',
    );
    expect(text(one('node.crash'))).toBe(
      'Web server crashes: its connections, sockets and programs are gone at once, and nothing is sent (no FIN, no RST). Until it restarts it drops every packet.',
    );
    expect(text(one('node.restart'))).toMatch(/^Web server restarts with nothing but/);
    const [down, up] = ofType(records, 'iface.state');
    expect(text(down!)).toBe(
      'Interface eth0 of Laptop goes down: nothing passes through it, and routes through it are unusable.',
    );
    expect(text(up!)).toBe('Interface eth0 of Laptop comes back up.');
    const dropped = ofType(records, 'ip.drop').find((r) => r.reason === 'nodeDown')!;
    expect(text(dropped)).toBe(`Web server has crashed: packet #${dropped.pkt} is dropped.`);
  });

  it('tells them in German', () => {
    const entries = narrate(records, networkNames(run.scenario.nodes), records.length, 'de');
    const said = (type: Parameters<typeof ofType>[1]) =>
      entries[records.indexOf(ofType(records, type)[0]!)]!.text;
    expect(said('node.crash')).toMatch(/^Web server stürzt ab: /);
    expect(said('iface.state')).toMatch(/^Schnittstelle eth0 von Laptop fällt aus/);
    expect(said('link.change')).toMatch(/^Leitung lan ändert sich: ab jetzt 2 Mbit\/s, 20 ms/);
  });

  it('files a crash under its node, every protocol, states and errors; a link change under links', () => {
    const list = recordList(records);
    const tags = recordTags(list, records.length);
    const crash = tags[records.indexOf(one('node.crash'))]!;
    expect(crash.nodes).toEqual(['web']);
    expect(crash.protocols).toBe(0b11111);
    expect(crash.groups).toBe(0b1100);
    const change = tags[records.indexOf(one('link.change'))]!;
    expect(change).toMatchObject({ nodes: [], link: 'lan', protocols: 0b10000, groups: 0b0100 });
    const iface = tags[records.indexOf(one('iface.state'))]!;
    expect(iface).toMatchObject({ nodes: ['pc'], protocols: 0b10000 });
  });
});
