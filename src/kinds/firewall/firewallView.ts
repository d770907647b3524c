// The view of the firewall setting itself: its summary card and the event log's sentences. Its
// words are in firewallPhrases.ts; the firewall role's view (name, icon, how the canvas makes
// one) is in firewallRoleView.ts.

import { ENGLISH, formatCount, type Language } from '../../engine/language.ts';
import type { TraceType } from '../../engine/trace.ts';
import type { NarrationContext, Narrator } from '../../viz/kinds/kindView.ts';
import type { NetworkNames } from '../../viz/names/networkNames.ts';
import type { SummaryCard } from '../../viz/summary/cardParts.ts';
import type { FirewallFigures } from './firewallFigures.ts';
import type { FirewallRules } from './firewallRules.ts';
import { firewallPhrases } from './firewallPhrases.ts';
import { flowText, ruleText } from './firewallTables.ts';

/** A chain's name as the trace writes it. */
type ChainName = keyof FirewallRules;

/** The firewall of nodes with a `firewall` setting: its summary card and its sentences. */
export const firewallFeatureView: {
  card(f: FirewallFigures, names: NetworkNames, language?: Language): SummaryCard;
  narration: { types: readonly TraceType[]; narrator(context: NarrationContext): Narrator };
} = {
  card: (f, names, language = ENGLISH) => {
    const { say } = firewallPhrases.in(language);
    const n = (value: number) => formatCount(value, language);
    return {
      id: `firewall-${f.node}`,
      title: names.name(f.node),
      kind: say('card.kind'),
      figures: [
        [say('card.accepted'), n(f.accepted), 'accepted'],
        [say('card.dropped'), n(f.dropped), 'dropped'],
        [say('card.rejected'), n(f.rejected), 'rejected'],
        [say('card.connections'), n(f.connections), 'connections'],
      ],
    };
  },
  narration: {
    types: ['fw.verdict', 'fw.log', 'fw.conntrack'],
    narrator: ({ names, language = ENGLISH }) => {
      const { say } = firewallPhrases.in(language);
      const rulesOf = (node: string): FirewallRules | undefined => names.node(node)?.firewall;
      return (record) => {
        switch (record.type) {
          case 'fw.verdict': {
            const node = names.title(record.node);
            const pkt = String(record.pkt);
            if (record.state === 'STOPPED')
              return { kind: 'loss', text: say('verdict.STOPPED', { node, pkt }) };
            const chainRules = rulesOf(record.node)?.[record.chain as ChainName];
            const rule = chainRules?.rules[record.rule - 1];
            const by =
              record.rule === 0 || !rule
                ? say('by.policy', { policy: chainRules?.policy ?? record.verdict })
                : say('by.rule', { n: String(record.rule), rule: rule.comment ?? ruleText(rule) });
            const verdict = record.verdict as 'ACCEPT' | 'DROP' | 'REJECT';
            const text = say(`verdict.${verdict}`, {
              node,
              pkt,
              chain: record.chain,
              by,
              state: say('state.suffix', { state: record.state }),
            });
            return { kind: verdict === 'ACCEPT' ? 'detail' : 'loss', text };
          }
          case 'fw.log':
            return {
              kind: 'detail',
              text: say('log', {
                node: names.title(record.node),
                pkt: String(record.pkt),
                prefix: record.prefix.trim(),
                chain: record.chain,
                n: String(record.rule),
              }),
            };
          case 'fw.conntrack': {
            const event = record.event as 'new' | 'reply' | 'fin' | 'close' | 'expire';
            return {
              kind: 'state',
              text: say(`conntrack.${event}`, {
                node: names.title(record.node),
                flow: flowText(record),
              }),
            };
          }
          default:
            return null;
        }
      };
    },
  },
};
