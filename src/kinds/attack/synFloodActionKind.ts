// The SYN flood action (RFC 4987 section 2): from `at`, a node sends `rate` TCP SYNs a second for
// `duration` to a target's port, each from a random source port and, with `spoofFrom`, from a
// random address of that prefix, so the target's SYN-ACKs go nowhere and its half-open
// connections wait out their SYN-ACK retries (63 s on Linux). Without spoofing they come from
// the node's own address, whose TCP answers each SYN-ACK with RST and frees the target's slot.

import { duration, number, object, type Infer, type Schema } from '../../sim/schema/schema.ts';
import { prefix } from '../../sim/schema/networkSchemas.ts';
import { peer, port } from '../../sim/scenario/commonSchemas.ts';
import { actionFields, defineActionKind } from '../../sim/kinds/actionKind.ts';
import { bookPhrase, phrased } from '../../sim/schema/phrase.ts';
import { NS_PER_S } from '../../engine/time.ts';
import type { Ipv4Prefix } from '../../net/wire/ipv4Address.ts';
import { attackCheckPhrases } from './attackCheckPhrases.ts';

/** The most SYNs one flood may send, so that a document cannot ask for an endless run. */
export const MAX_FLOOD_SYNS = 1_000_000;

/** A prefix with a description. */
function describedPrefix(description: string): Schema<Ipv4Prefix> {
  const base = prefix();
  return { parse: base.parse, jsonSchema: () => ({ ...base.jsonSchema(), description }) };
}

export const synFloodAction = object(
  { ...actionFields('synFlood'), target: peer },
  {
    port: port('The TCP port flooded (default 80).'),
    rate: number({
      integer: true,
      min: 1,
      max: 100_000,
      description: 'SYNs a second (default 100).',
    }),
    duration: duration({ min: 1, description: 'How long the flood lasts (default 10s).' }),
    spoofFrom: describedPrefix(
      'Forge each SYN\'s source address, drawn at random from this prefix (such as "203.0.113.0/24"), so the SYN-ACKs go nowhere; without it the SYNs come from the node itself.',
    ),
  },
  'From `at`, the node floods `target` with TCP SYNs: `rate` a second for `duration`, from random ports (and forged addresses with `spoofFrom`).',
);

export type SynFloodAction = Infer<typeof synFloodAction>;

/** The flood's settings with their defaults: port, SYNs a second, how many in all. */
export function floodPlan(event: SynFloodAction): { port: number; rate: number; count: number } {
  const rate = event.rate ?? 100;
  const lasts = event.duration ?? 10 * NS_PER_S;
  return { port: event.port ?? 80, rate, count: Math.floor((rate * lasts) / NS_PER_S) };
}

export const synFloodActionKind = defineActionKind<SynFloodAction>({
  type: 'synFlood',
  schema: synFloodAction,
  target: (event) => ({ field: 'target', value: event.target }),
  check(event, path, _listens, issues) {
    const { count } = floodPlan(event);
    if (count > MAX_FLOOD_SYNS)
      issues.push(
        phrased(
          `${path}.rate`,
          bookPhrase(attackCheckPhrases, 'check.tooManySyns', {
            count: String(count),
            max: String(MAX_FLOOD_SYNS),
          }),
        ),
      );
  },
  behaviour: () => import('./synFloodBehaviour.ts').then((m) => m.synFloodBehaviour),
});
