// The topology picture in words: link ends named by node and interface, and the description a
// screen reader hears for the whole picture.
import { describe, expect, it } from 'vitest';
import { validateScenario, type ScenarioNode } from '../../sim/index.ts';
import scenarioJson from '../../../simulations/ping-over-a-link.json';
import { linkEndLabel, linkEndText, topologyDescription } from './topologyText.ts';

const checked = validateScenario(scenarioJson);
if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
const scenario = checked.scenario;
const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));

describe('topology in words', () => {
  it('describes every node and link', () => {
    expect(topologyDescription(scenario)).toBe(
      '2 nodes: Laptop (client, id laptop; wlan0 192.168.1.10/24), ' +
        'Echo server (server, id server; eth0 192.168.1.20/24). ' +
        'Link wifi joins Laptop wlan0 (192.168.1.10/24) and Echo server eth0 (192.168.1.20/24): ' +
        '54 Mbit/s, 20 ms, 20% loss.',
    );
  });

  it('names a link end by its node and interface, and labels it only among several', () => {
    expect(linkEndText(nodes, 'laptop')).toBe('Laptop wlan0 (192.168.1.10/24)');
    expect(linkEndText(nodes, 'ghost:eth0')).toBe('ghost');
    expect(linkEndLabel(nodes, 'laptop')).toBeUndefined();
    const router: ScenarioNode = {
      id: 'r1',
      role: 'router',
      interfaces: [{ name: 'a' }, { name: 'b' }],
    };
    const withRouter = new Map([...nodes, ['r1', router]]);
    expect(linkEndLabel(withRouter, 'r1:b')).toBe('b');
    expect(linkEndText(withRouter, 'r1:b')).toBe('r1 b');
  });
});
