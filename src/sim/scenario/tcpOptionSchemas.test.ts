// A node's `tcp` settings for TCP's optional features: accepted, given to the node's TCP layer,
// off by default, and bad values get a message naming the field.
import { describe, expect, it } from 'vitest';
import { NS_PER_MS } from '../../engine/time.ts';
import { buildSimulation } from '../buildSimulation.ts';
import { validateScenario } from './validateScenario.ts';

const doc = (tcp: Record<string, unknown>) => ({
  format: 'handshake/scenario@1',
  name: 'tcp settings',
  nodes: [
    {
      id: 'c',
      role: 'client',
      interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
      tcp,
      apps: [{ type: 'bulkSend', peer: 's', bytes: '10KB' }],
    },
    {
      id: 's',
      role: 'server',
      interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }],
      apps: [{ type: 'sink' }],
    },
  ],
  links: [{ id: 'l', a: 'c', b: 's', latency: '10ms' }],
});

function issuesOf(tcp: Record<string, unknown>): { path: string; message: string }[] {
  const result = validateScenario(doc(tcp));
  return result.ok ? [] : result.issues;
}

describe('a node’s tcp settings', () => {
  it('accepts delayed ACKs with a timer and gives them to the node’s TCP layer', () => {
    const result = validateScenario(doc({ delayedAck: true, delayedAckTimeout: '40ms' }));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const simulation = buildSimulation(result.scenario);
    const node = simulation.nodes.get('c');
    const config = node && 'tcp' in node ? node.tcp.config : undefined;
    expect(config).toMatchObject({ delayedAck: true, delayedAckTimeout: 40 * NS_PER_MS });
  });

  it('leaves every extension off by default', () => {
    const result = validateScenario(doc({}));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const node = buildSimulation(result.scenario).nodes.get('c');
    const config = node && 'tcp' in node ? node.tcp.config : undefined;
    expect(config).toMatchObject({
      delayedAck: false,
      delayedAckTimeout: 200 * NS_PER_MS,
      windowScaling: false,
      timestamps: false,
      sack: false,
    });
  });

  it('names the field of a bad value', () => {
    expect(issuesOf({ delayedAck: 'yes' })).toEqual([
      { path: '$.nodes[0].tcp.delayedAck', message: expect.stringMatching(/true or false/) },
    ]);
    // RFC 5681 4.2: the delay MUST be less than 500 ms.
    expect(issuesOf({ delayedAckTimeout: '500ms' })).toEqual([
      {
        path: '$.nodes[0].tcp.delayedAckTimeout',
        message: 'expected a duration below 500ms (RFC 5681 4.2), got "500ms"',
      },
    ]);
    expect(issuesOf({ sack: 'on' })).toEqual([
      { path: '$.nodes[0].tcp.sack', message: expect.stringMatching(/true or false/) },
    ]);
    expect(issuesOf({ timestamps: 1 })).toEqual([
      { path: '$.nodes[0].tcp.timestamps', message: expect.stringMatching(/true or false/) },
    ]);
    // 65535 * 2^14 = 1073725440 bytes is the most a scaled window can say (RFC 7323 2.3).
    expect(issuesOf({ windowScaling: true, receiveWindow: 1_073_725_441 })).toEqual([
      {
        path: '$.nodes[0].tcp.receiveWindow',
        message:
          'expected at most 1073725440 bytes with windowScaling (65535 × 2^14, the largest window it can advertise), got 1073725441',
      },
    ]);
    expect(issuesOf({ windowScaling: true, receiveWindow: 1_073_725_440 })).toEqual([]);
  });
});
