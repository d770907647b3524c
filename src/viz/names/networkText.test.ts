// Texts about the network: interface addresses, link ends, link settings, and role names.
import { describe, expect, it } from 'vitest';
import { validateScenario, type Scenario } from '../../sim/index.ts';
import scenarioJson from '../../../simulations/ping-over-a-link.json';
import {
  formatBytes,
  formatPercent,
  interfaceText,
  linkEndInterface,
  linkSettings,
  queueText,
  splitLinkEnd,
} from './networkText.ts';

function checked(doc: unknown): Scenario {
  const result = validateScenario(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

const scenario = checked(scenarioJson);

describe('interfaces and link ends', () => {
  it('writes each interface with its address and prefix length', () => {
    const [laptop, server] = scenario.nodes;
    expect(laptop?.interfaces?.map(interfaceText)).toEqual(['wlan0 192.168.1.10/24']);
    expect(server?.interfaces?.map(interfaceText)).toEqual(['eth0 192.168.1.20/24']);
    expect(interfaceText({ name: 'p1' })).toBe('p1');
  });

  it('splits link ends and finds the interface they name', () => {
    expect(splitLinkEnd('r1:eth0')).toEqual({ node: 'r1', iface: 'eth0' });
    expect(splitLinkEnd('laptop')).toEqual({ node: 'laptop', iface: undefined });
    const [laptop] = scenario.nodes;
    expect(linkEndInterface(laptop, 'laptop')?.name).toBe('wlan0');
    expect(linkEndInterface(laptop, 'laptop:wlan0')?.name).toBe('wlan0');
    expect(linkEndInterface(laptop, 'laptop:eth9')).toBeUndefined();
    const twoPorts = { interfaces: [{ name: 'a' }, { name: 'b' }] };
    expect(linkEndInterface(twoPorts, 'sw')).toBeUndefined();
  });
});

describe('linkSettings', () => {
  it('gives bandwidth, latency and loss of the default link', () => {
    // The document says "54Mbps", "20ms" and 0.2.
    expect(linkSettings(scenario.links[0]!)).toEqual(['54 Mbit/s', '20 ms', '20% loss']);
  });

  it('uses the default bandwidth and adds queue, duplication and reordering when set', () => {
    const [link] = checked({
      ...scenarioJson,
      links: [
        {
          id: 'l',
          a: 'laptop',
          b: 'server',
          latency: '250us',
          duplicate: 0.01,
          reorder: { probability: 0.125, delay: '2ms' },
          queue: { packets: 10, bytes: '64KiB' },
        },
      ],
    }).links;
    // No bandwidth given: buildNetwork's default, 100 Mbit/s.
    expect(linkSettings(link!)).toEqual([
      '100 Mbit/s',
      '250 µs',
      'no loss',
      '1% duplicated',
      '12.5% reordered by 2 ms',
      'queue 10 packets or 64 KiB',
    ]);
  });

  it('formats queues, sizes and percentages', () => {
    expect(queueText(undefined)).toBeUndefined();
    expect(queueText({})).toBeUndefined();
    expect(queueText({ packets: 1 })).toBe('queue 1 packet');
    expect(queueText({ bytes: 1500 })).toBe('queue 1500 bytes');
    expect([formatBytes(1), formatBytes(2048), formatBytes(3 * 1024 * 1024)]).toEqual([
      '1 byte',
      '2 KiB',
      '3 MiB',
    ]);
    expect([formatPercent(0.2), formatPercent(0.00125), formatPercent(1 / 3)]).toEqual([
      '20%',
      '0.125%',
      '33.333%',
    ]);
  });
});
