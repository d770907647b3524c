// A node field that belongs to another role (a switch's spanning tree settings on a client or a
// router) is refused at its path with a message naming the field and both roles, in English and
// German; on a switch the same fields are fine.
import { describe, expect, it } from 'vitest';
import { sayPhrase } from '../schema/phrase.ts';
import { validateScenario } from './validateScenario.ts';

function doc(client: Record<string, unknown>, sw: Record<string, unknown> = {}) {
  return {
    format: 'handshake/scenario@1',
    name: 'a client and a switch',
    nodes: [
      {
        id: 'c',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }],
        ...client,
      },
      { id: 'sw', role: 'switch', interfaces: [{ name: 'p1' }, { name: 'p2' }], ...sw },
      { id: 's', role: 'server', interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }] },
    ],
    links: [
      { id: 'l1', a: 'c', b: 'sw:p1', latency: '1ms' },
      { id: 'l2', a: 's', b: 'sw:p2', latency: '1ms' },
    ],
  };
}

describe('fields of another role', () => {
  it('refuses a switch’s stp and bridgePriority on a client, naming each at its path', () => {
    const result = validateScenario(doc({ stp: false, bridgePriority: 4096 }));
    if (result.ok) throw new Error('a client with a bridge priority was accepted');
    expect(result.issues.map((i) => [i.path, i.message])).toEqual([
      ['$.nodes[0].stp', 'stp is a setting of a switch, and this node is a client: remove it'],
      [
        '$.nodes[0].bridgePriority',
        'bridgePriority is a setting of a switch, and this node is a client: remove it',
      ],
    ]);
    const german = result.issues[0]?.phrase && sayPhrase(result.issues[0].phrase, 'de');
    expect(german).toBe(
      'stp ist eine Einstellung eines Knotens mit der Rolle switch, dieser Knoten hat die Rolle client: Entfernen Sie es',
    );
  });

  it('takes them on a switch', () => {
    expect(validateScenario(doc({}, { stp: false, bridgePriority: 4096 })).ok).toBe(true);
  });
});
