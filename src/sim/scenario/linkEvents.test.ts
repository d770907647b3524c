// The link events' effects (linkEvents.ts): which timed events happen to a link, and what each
// does to a real PointToPointLink (traced as link.state and link.change).
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../engine/simulator.ts';
import { PointToPointLink } from '../../net/link/pointToPointLink.ts';
import { applyLinkEvent, isLinkEvent } from './linkEvents.ts';
import { validateScenario } from './validateScenario.ts';

const MS = 1_000_000;

function events(list: object[]) {
  const result = validateScenario({
    format: 'handshake/scenario@1',
    name: 'link events',
    nodes: [
      { id: 'a', role: 'client', interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }] },
      { id: 'b', role: 'client', interfaces: [{ name: 'eth0', address: '10.0.0.2/24' }] },
    ],
    links: [{ id: 'l', a: 'a', b: 'b', latency: '5ms' }],
    events: list,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario.events ?? [];
}

describe('link events', () => {
  it('are the events that name a link, not the nodes’ or interfaces’ or the actions', () => {
    const all = events([
      { at: '1ms', type: 'linkDown', link: 'l' },
      { at: '2ms', type: 'linkUp', link: 'l' },
      { at: '3ms', type: 'linkChange', link: 'l', latency: '20ms' },
      { at: '4ms', type: 'nodeCrash', node: 'b' },
      { at: '5ms', type: 'interfaceDown', node: 'a', interface: 'eth0' },
      { at: '6ms', type: 'ping', node: 'a', target: 'b' },
    ]);
    expect(all.filter(isLinkEvent).map((e) => e.type)).toEqual([
      'linkDown',
      'linkUp',
      'linkChange',
    ]);
  });

  it('take the link down, bring it up and change it, as the event says', () => {
    const sim = new Simulator({ seed: 1 });
    const link = new PointToPointLink(sim, { id: 'l', bandwidth: 1_000_000, delay: 5 * MS });
    const list = events([
      { at: '1ms', type: 'linkDown', link: 'l' },
      { at: '2ms', type: 'linkUp', link: 'l' },
      { at: '3ms', type: 'linkChange', link: 'l', bandwidth: '2Mbps', loss: 0.25 },
    ]).filter(isLinkEvent);
    for (const event of list) sim.scheduleAt(event.at, () => applyLinkEvent(event, link));
    sim.run();
    expect(sim.trace.ofType('link.state')).toEqual([
      { t: 1 * MS, type: 'link.state', link: 'l', up: false },
      { t: 2 * MS, type: 'link.state', link: 'l', up: true },
    ]);
    expect(sim.trace.ofType('link.change')).toEqual([
      {
        t: 3 * MS,
        type: 'link.change',
        link: 'l',
        bandwidth: 2_000_000,
        latency: 5 * MS,
        loss: 0.25,
      },
    ]);
  });
});
