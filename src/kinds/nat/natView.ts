// How NAT looks: each NAT's summary card (mappings made, packets translated each way, inbound
// packets no mapping claimed, drops), and its sentences in the event log ("Home router translates
// 192.168.1.10:51000 → 203.0.113.1:51000 (source of packet #12)."). Its words, in each language,
// are in natPhrases.ts; the table at a moment is src/viz/nat.

import { ENGLISH, formatCount, type Language } from '../../engine/language.ts';
import type { TraceType } from '../../engine/trace.ts';
import type { NatFigures } from '../../sim/index.ts';
import type { NarrationContext, Narrator } from '../../viz/kinds/kindView.ts';
import type { NetworkNames } from '../../viz/names/networkNames.ts';
import type { SummaryCard } from '../../viz/summary/cardParts.ts';
import { natPhrases } from './natPhrases.ts';
import './natTrace.ts';

const PROTOCOLS = { tcp: 'TCP', udp: 'UDP', icmp: 'ICMP' } as const;

/** The view of the NAT of nodes with a `nat` setting. */
export const natView: {
  card(f: NatFigures, names: NetworkNames, language?: Language): SummaryCard;
  narration: { types: readonly TraceType[]; narrator(context: NarrationContext): Narrator };
} = {
  card: (f, names, language = ENGLISH) => {
    const { say } = natPhrases.in(language);
    const n = (value: number) => formatCount(value, language);
    return {
      id: `nat-${f.node}`,
      title: names.name(f.node),
      kind: say('card.kind', { interfaces: f.interfaces }),
      figures: [
        [say('card.mappings'), n(f.mappings), 'mappings'],
        [say('card.outbound'), n(f.translatedOut), 'translatedOut'],
        [say('card.inbound'), n(f.translatedIn), 'translatedIn'],
        [say('card.unmatched'), n(f.unmatched), 'unmatched'],
        [say('card.dropped'), n(f.dropped), 'dropped'],
      ],
    };
  },
  narration: {
    types: ['nat.map', 'nat.translate', 'nat.expire', 'nat.unmatched', 'nat.drop'],
    narrator: ({ names, language = ENGLISH }) => {
      const { say } = natPhrases.in(language);
      return (record) => {
        switch (record.type) {
          case 'nat.map': {
            const said = {
              node: names.title(record.node),
              protocol: PROTOCOLS[record.protocol],
              inside: names.endpoint(record.inside),
              outside: record.outside,
              remote: names.endpoint(record.remote),
            };
            return {
              kind: 'socket',
              text: record.kind === 'snat' ? say('nat.snat', said) : say('nat.dnat', said),
            };
          }
          case 'nat.translate':
            return {
              kind: 'forward',
              text: say(record.way === 'out' ? 'nat.out' : 'nat.in', {
                node: names.title(record.node),
                from: record.from,
                to: record.to,
                pkt: String(record.pkt),
              }),
            };
          case 'nat.expire':
            return {
              kind: 'socket',
              text: say(`nat.expire.${record.reason}`, {
                node: names.title(record.node),
                inside: record.inside,
                outside: record.outside,
                protocol: PROTOCOLS[record.protocol],
              }),
            };
          case 'nat.unmatched':
            return {
              kind: 'error',
              text: say('nat.unmatched', {
                node: names.title(record.node),
                pkt: String(record.pkt),
                to: record.to,
              }),
            };
          case 'nat.drop':
            return {
              kind: 'loss',
              text: say('nat.drop', { node: names.title(record.node), pkt: String(record.pkt) }),
            };
          default:
            return null;
        }
      };
    },
  },
};
