// The network's timed events in a document: a crash, a restart, an interface down or up, a link
// changed. Each names something that exists (by path, listing what does), only a node with an IP
// stack crashes, a linkChange changes something; events that would do nothing are warnings.
import { describe, expect, it } from 'vitest';
import { spoken } from '../schema/phrase.ts';
import { validateScenario } from './validateScenario.ts';
import { scenarioWarnings } from './scenarioWarnings.ts';

function document(events: object[]) {
  return {
    format: 'handshake/scenario@1',
    name: 'events',
    nodes: [
      { id: 'c', role: 'client', interfaces: [{ name: 'eth0', address: '10.0.0.1/24' }] },
      {
        id: 'r',
        role: 'router',
        interfaces: [
          { name: 'eth0', address: '10.0.0.254/24' },
          { name: 'eth1', address: '10.0.1.254/24' },
        ],
      },
      { id: 'sw', role: 'switch', interfaces: [{ name: 'p1' }, { name: 'p2' }] },
    ],
    links: [
      { id: 'l', a: 'c', b: 'r:eth0', latency: '1ms' },
      { id: 'bursty', a: 'r:eth1', b: 'sw:p1', latency: '1ms', burstLoss: { p: 0.1, r: 0.5 } },
    ],
    events,
  };
}

function issues(events: object[]) {
  const result = validateScenario(document(events));
  return result.ok ? [] : result.issues;
}

function warnings(events: object[]) {
  const result = validateScenario(document(events));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return scenarioWarnings(result.scenario).map((w) => ({ path: w.path, message: w.message }));
}

describe('the network’s timed events', () => {
  it('accepts each kind, with what it changes', () => {
    const result = validateScenario(
      document([
        { at: '1s', type: 'nodeCrash', node: 'r' },
        { at: '2s', type: 'nodeRestart', node: 'r' },
        { at: '3s', type: 'interfaceDown', node: 'c', interface: 'eth0' },
        { at: '4s', type: 'interfaceUp', node: 'c', interface: 'eth0' },
        { at: '5s', type: 'linkChange', link: 'l', bandwidth: '2Mbps', latency: '40ms', loss: 0.1 },
      ]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.events?.[4]).toEqual({
      at: 5e9,
      type: 'linkChange',
      link: 'l',
      bandwidth: 2e6,
      latency: 40e6,
      loss: 0.1,
    });
    expect(scenarioWarnings(result.scenario)).toEqual([]);
  });

  it('names an unknown node, interface or link by its path, with the ids that exist', () => {
    expect(
      issues([
        { at: '1s', type: 'nodeCrash', node: 'ghost' },
        { at: '1s', type: 'interfaceDown', node: 'r', interface: 'eth9' },
        { at: '1s', type: 'interfaceUp', node: 'nobody', interface: 'eth0' },
        { at: '1s', type: 'linkChange', link: 'nope', latency: '1ms' },
      ]),
    ).toEqual([
      {
        path: '$.events[0].node',
        message: 'expected the id of a node ("c", "r", "sw"), got "ghost"',
      },
      {
        path: '$.events[1].interface',
        message: 'node "r" has no interface "eth9" (it has: eth0, eth1)',
      },
      {
        path: '$.events[2].node',
        message: 'expected the id of a node ("c", "r", "sw"), got "nobody"',
      },
      {
        path: '$.events[3].link',
        message: 'expected the id of a link ("l", "bursty"), got "nope"',
      },
    ]);
  });

  it('refuses a crash of a node with no IP stack, an empty change and plain loss on burst loss', () => {
    const found = issues([
      { at: '1s', type: 'nodeCrash', node: 'sw' },
      { at: '1s', type: 'interfaceDown', node: 'sw', interface: 'p1' },
      { at: '1s', type: 'linkChange', link: 'l' },
      { at: '1s', type: 'linkChange', link: 'bursty', loss: 0.2 },
    ]);
    expect(found.map((i) => i.path)).toEqual([
      '$.events[0].node',
      '$.events[1].node',
      '$.events[2]',
      '$.events[3].loss',
    ]);
    expect(found[0]?.message).toBe(
      '"sw" is a switch, which has no IP stack: only a host or a router can crash, restart or have an interface taken down',
    );
    expect(found[2]?.message).toBe('a linkChange needs at least one of bandwidth, latency or loss');
    expect(found[3]?.message).toMatch(/link "bursty" has burstLoss/);
    // In German too.
    expect(spoken(found[2] as (typeof found)[number], 'de')).toBe(
      'ein linkChange braucht mindestens eines von bandwidth, latency oder loss',
    );
    expect(issues([{ at: '1s', type: 'linkChange', link: 'l', loss: 1 }])).toEqual([
      { path: '$.events[0].loss', message: expect.stringMatching(/< 1/) as unknown },
    ]);
  });

  it('warns of a restart of a node that is running, and of other events that do nothing', () => {
    expect(
      warnings([
        { at: '1s', type: 'nodeRestart', node: 'r' },
        { at: '3s', type: 'nodeCrash', node: 'r' },
        { at: '2s', type: 'nodeCrash', node: 'r' },
        { at: '4s', type: 'nodeRestart', node: 'r' },
        { at: '5s', type: 'interfaceUp', node: 'c', interface: 'eth0' },
        { at: '6s', type: 'interfaceDown', node: 'c', interface: 'eth0' },
        { at: '6s', type: 'interfaceDown', node: 'c', interface: 'eth0' },
      ]),
    ).toEqual([
      {
        path: '$.events[0]',
        message: 'r is running at 1 s (no crash of it comes before), so this restart does nothing',
      },
      {
        path: '$.events[1]',
        message: 'r has already crashed at 3 s (and not restarted), so this crash does nothing',
      },
      {
        path: '$.events[4]',
        message: 'c:eth0 is not down at 5 s, so bringing it up does nothing',
      },
      { path: '$.events[6]', message: 'c:eth0 is already down at 6 s, so this does nothing' },
    ]);
  });
});
