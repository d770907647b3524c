// The timed events of a scenario that happen to the network rather than being a node's action:
// a link taken down or brought back up, a link's bandwidth, latency or loss changed, a node that
// crashes or restarts, an interface taken down or brought back up. The scenario schema
// (scenarioSchema.ts) puts them beside the actions of the registry (ping, fetch, transfer).

import { bitRate } from '../schema/networkSchemas.ts';
import { duration, literal, number, object, string } from '../schema/schema.ts';
import { phrase } from '../schema/phrase.ts';

const id = (what: 'pattern.nodeId' | 'pattern.linkId' | 'pattern.interfaceName') =>
  string({
    pattern: /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
    patternText: phrase('pattern.id', { what: phrase(what) }),
  });

const at = () => duration({ description: 'When, from the start of the run.' });

const linkEvent = <const T extends 'linkDown' | 'linkUp'>(type: T, what: string) =>
  object({ at: at(), type: literal(type), link: id('pattern.linkId') }, {}, what);

const nodeEvent = <const T extends 'nodeCrash' | 'nodeRestart'>(type: T, what: string) =>
  object({ at: at(), type: literal(type), node: id('pattern.nodeId') }, {}, what);

const interfaceEvent = <const T extends 'interfaceDown' | 'interfaceUp'>(type: T, what: string) =>
  object(
    {
      at: at(),
      type: literal(type),
      node: id('pattern.nodeId'),
      interface: id('pattern.interfaceName'),
    },
    {},
    what,
  );

/** The network's timed events by type, for the scenario's tagged union of events. */
export const NETWORK_EVENT_SCHEMAS = {
  linkDown: linkEvent('linkDown', 'Takes a link down at a given time.'),
  linkUp: linkEvent('linkUp', 'Brings a link back up at a given time.'),
  linkChange: object(
    { at: at(), type: literal('linkChange'), link: id('pattern.linkId') },
    {
      bandwidth: bitRate('The new transmission rate in each direction.'),
      latency: duration({ description: 'The new one-way propagation delay.' }),
      loss: number({
        min: 0,
        exclusiveMax: 1,
        description: 'The new probability that a packet is lost (0 to <1).',
      }),
    },
    'Changes a link’s bandwidth, latency or loss at a given time (at least one of them). Packets already on their way keep their timing.',
  ),
  nodeCrash: nodeEvent(
    'nodeCrash',
    'Crashes a node at a given time: its connections, sockets and programs are gone at once, with nothing sent, and it drops every packet until it restarts.',
  ),
  nodeRestart: nodeEvent(
    'nodeRestart',
    'Restarts a crashed node at a given time: it boots with its configuration and its servers listen again, with nothing of what they held before.',
  ),
  interfaceDown: interfaceEvent(
    'interfaceDown',
    'Takes a node’s interface down at a given time: nothing passes through it and routes through it are unusable.',
  ),
  interfaceUp: interfaceEvent('interfaceUp', 'Brings a node’s interface back up at a given time.'),
};

/** The types of the network's timed events. */
export const NETWORK_EVENT_TYPES = Object.keys(NETWORK_EVENT_SCHEMAS) as NetworkEventType[];

export type NetworkEventType = keyof typeof NETWORK_EVENT_SCHEMAS;

const NETWORK_TYPES: ReadonlySet<string> = new Set(NETWORK_EVENT_TYPES);

/** Whether a timed event happens to the network (else it is a node's action, of the registry). */
export function isNetworkEventType(type: string): type is NetworkEventType {
  return NETWORK_TYPES.has(type);
}
