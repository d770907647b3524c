// What the encapsulation quiz knows about a packet beyond its bytes, gathered from the trace and
// the scenario: the TTL it had on the hop before (so "what TTL after the router?" can be asked),
// who forwarded it, the scenario's addresses for distractors, how addresses are named, and the
// language the quiz speaks.

import { isIpPacket } from '../../net/wire/frame.ts';
import { ENGLISH, type Language } from '../../engine/language.ts';
import type { ScenarioNode } from '../../sim/index.ts';
import type { NetworkNames } from '../names/index.ts';
import type { AppPart } from '../packet/appParts.ts';
import type { AppMessage } from '../dissect/packetFieldsIp.ts';
import type { PacketHop } from '../packet/packetTrace.ts';
import type { QuizContext } from './encapsulationQuiz.ts';

/** The quiz's context for `hop`, one of the packet's `hops` (in order). */
export function packetQuizContext(
  hops: readonly PacketHop[],
  hop: PacketHop,
  nodes: readonly ScenarioNode[],
  names: NetworkNames,
  app: AppPart | null,
  message: AppMessage | undefined,
  language: Language = ENGLISH,
): QuizContext {
  // The hop that brought it to the node sending this one: the latest earlier hop another node
  // sent (a switch that floods sends several copies itself).
  const index = hops.indexOf(hop);
  const before = hops
    .slice(0, Math.max(0, index))
    .filter((h) => h.node !== hop.node)
    .at(-1);
  const addresses: number[] = [];
  for (const node of nodes) {
    for (const iface of node.interfaces ?? []) {
      if (iface.address && !addresses.includes(iface.address.address))
        addresses.push(iface.address.address);
    }
  }
  return {
    app,
    echo: message ? { kind: message.kind } : null,
    previousTtl: before && isIpPacket(before.packet) ? before.packet.ip.ttl : null,
    forwarder: names.title(hop.node),
    addresses,
    label: (address) => names.endpoint(address),
    language,
  };
}
