// An interface's `mac` in a scenario document: parsed strictly (six hex pairs joined by colons,
// unicast), refused twice or on a switch port, honoured by scenarioMacs (and kept apart from the
// derived ones) and used on the wire: the frames of a run carry it.
import { describe, expect, it } from 'vitest';
import { isIpPacket } from '../../net/wire/frame.ts';
import { formatMac } from '../../net/wire/mac.ts';
import { sayPhrase } from '../schema/phrase.ts';
import { loadKinds } from '../kinds/kindBehaviours.ts';
import { runScenario } from '../runScenario.ts';
import { interfaceMac, scenarioMacs } from './scenarioMacs.ts';
import { parseScenarioText, validateScenario } from './validateScenario.ts';

const base = () => ({
  format: 'handshake/scenario@1',
  name: 'two nodes',
  until: '1s',
  nodes: [
    {
      id: 'c',
      role: 'client',
      interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }] as Record<string, unknown>[],
      apps: [{ type: 'pinger', peer: 's', count: 1 }],
    },
    {
      id: 's',
      role: 'server',
      interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }] as Record<string, unknown>[],
      apps: [{ type: 'echo' }],
    },
  ],
  links: [{ id: 'l', a: 'c', b: 's:eth0', latency: '10ms' }],
});

function issuesOf(doc: unknown) {
  const result = validateScenario(doc);
  return result.ok ? [] : result.issues;
}

describe('an interface’s mac', () => {
  it('refuses text that is not six hex pairs joined by colons, naming the interface’s path', () => {
    for (const mac of ['02:00:00:00:01', '02-00-00-00-00-01', '2:0:0:0:0:1', '02:00:00:00:00:0g']) {
      const doc = base();
      doc.nodes[0]!.interfaces[0]!.mac = mac;
      expect(issuesOf(doc)).toEqual([
        {
          path: '$.nodes[0].interfaces[0].mac',
          message: `"${mac}" is not a MAC address: write six pairs of hex digits joined by colons, such as 02:00:00:00:00:01`,
        },
      ]);
    }
  });

  it('refuses a group (multicast) address and the broadcast', () => {
    for (const mac of ['01:00:5e:00:00:01', 'ff:ff:ff:ff:ff:ff']) {
      const doc = base();
      doc.nodes[1]!.interfaces[0]!.mac = mac;
      expect(issuesOf(doc)).toEqual([
        {
          path: '$.nodes[1].interfaces[0].mac',
          message: `"${mac}" is a group (multicast) address: the first octet is odd; a station's own MAC is unicast, such as 02:00:00:00:00:01`,
        },
      ]);
    }
  });

  it('refuses one MAC on two interfaces, naming both, and says it in German', () => {
    const doc = base();
    doc.nodes[0]!.interfaces[0]!.mac = '02:00:00:00:00:01';
    doc.nodes[1]!.interfaces[0]!.mac = '02:00:00:00:00:01';
    expect(issuesOf(doc)).toEqual([
      {
        path: '$.nodes[1].interfaces[0].mac',
        message: 's:eth0 has the MAC 02:00:00:00:00:01, which is already the MAC of c:eth0',
      },
    ]);
    const result = validateScenario(doc);
    const german = result.ok ? [] : result.issues.map((i) => i.phrase && sayPhrase(i.phrase, 'de'));
    expect(german).toEqual([
      's:eth0 hat die MAC 02:00:00:00:00:01, die schon die MAC von c:eth0 ist',
    ]);
  });

  it('refuses a MAC on a switch port, which has no address', () => {
    const doc = base() as ReturnType<typeof base> & { nodes: Record<string, unknown>[] };
    doc.nodes.push({
      id: 'sw',
      role: 'switch',
      interfaces: [{ name: 'p1', mac: '02:00:00:00:00:09' }],
    });
    expect(issuesOf(doc)).toEqual([
      {
        path: '$.nodes[2].interfaces[0].mac',
        message:
          'a MAC (02:00:00:00:00:09) is for an interface with an address; a switch port has neither',
      },
    ]);
  });

  it('is taken as given (either case), and no derived MAC collides with it', () => {
    const doc = base();
    const derived = scenarioMacs(parsed(doc));
    const sDerived = interfaceMac(derived, 's', 'eth0') as number;
    // Give c the very address s would have been derived: s must get another.
    doc.nodes[0]!.interfaces[0]!.mac = formatMac(sDerived as never).toUpperCase();
    const macs = scenarioMacs(parsed(doc));
    expect(interfaceMac(macs, 'c', 'eth0')).toBe(sDerived);
    expect(interfaceMac(macs, 's', 'eth0')).not.toBe(sDerived);
    expect(interfaceMac(macs, 's', 'eth0')).toBeDefined();
  });

  it('is the source of the run’s frames on the wire', async () => {
    const doc = base();
    doc.nodes[0]!.interfaces[0]!.mac = '02:00:00:00:00:01';
    doc.nodes[1]!.interfaces[0]!.mac = '0a:bc:de:f0:12:34';
    const scenario = parsed(doc);
    await loadKinds(scenario);
    const records = runScenario(scenario).simulation.sim.trace.records;
    const sent = records.filter((r) => r.type === 'link.txBegin');
    const sources = (node: string) =>
      new Set(sent.filter((r) => r.node === node).map((r) => formatMac(r.packet.eth!.src)));
    expect(sources('c')).toEqual(new Set(['02:00:00:00:00:01']));
    expect(sources('s')).toEqual(new Set(['0a:bc:de:f0:12:34']));
    // The ping went there and back, framed with those addresses.
    const ping = sent.find((r) => r.node === 'c' && isIpPacket(r.packet));
    expect(formatMac(ping!.packet.eth!.dst)).toBe('0a:bc:de:f0:12:34');
  });
});

function parsed(doc: unknown) {
  const result = parseScenarioText(JSON.stringify(doc));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}
