// The event log's sentences for a switch's spanning tree records (src/net/link/stpTrace.ts): the
// root it takes, each port's role and state, flushed MAC tables, frames a blocked port drops,
// and the BPDUs themselves (called from narratePackets.ts for a BPDU's `link.txBegin`).

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import type { BpduFrame } from '../../net/wire/frame.ts';
import '../../net/link/stpTrace.ts';
import type { NetworkNames } from '../names/index.ts';
import { bpduLabel } from '../packet/index.ts';
import type { Said } from './narratePackets.ts';
import { stpPhrases } from './stpPhrases.ts';

/** The sentence for an `stp.*` record, or undefined for any other record. */
export function stpSentence(
  record: TraceRecord,
  names: NetworkNames,
  language: Language = ENGLISH,
): Said | undefined {
  const { say } = stpPhrases.in(language);
  switch (record.type) {
    case 'stp.root': {
      const node = names.title(record.node);
      return record.rootPort === null
        ? { kind: 'state', text: say('selfRoot', { node, bridge: record.bridge }) }
        : {
            kind: 'state',
            text: say('root', {
              node,
              root: record.root,
              cost: String(record.cost),
              port: record.rootPort,
            }),
          };
    }
    case 'stp.port':
      return {
        kind: record.role === 'alternate' ? 'state' : 'detail',
        text: say(`port.${record.role}`, {
          node: names.title(record.node),
          port: record.port,
          state: say(`state.${record.state}`),
        }),
      };
    case 'stp.flush':
      return {
        kind: 'detail',
        text: say(`flush.${record.reason}`, {
          node: names.title(record.node),
          port: record.port,
          ports: record.ports.join(', '),
        }),
      };
    case 'stp.discard':
      return {
        kind: 'loss',
        text: say('discard', {
          node: names.title(record.node),
          port: record.port,
          pkt: String(record.pkt),
          state: say(`state.${record.state}`),
        }),
      };
    default:
      return undefined;
  }
}

/** A BPDU's first bit leaves a switch. */
export function bpduSentence(
  record: TraceRecord<'link.txBegin'>,
  frame: BpduFrame,
  names: NetworkNames,
  language: Language = ENGLISH,
): Said {
  const { say } = stpPhrases.in(language);
  const { bpdu } = frame;
  const flags = (['proposal', 'agreement', 'tc'] as const).filter((f) => bpdu[f]);
  const info = bpduLabel(bpdu) + (flags.length > 0 ? ` [${flags.join(', ')}]` : '');
  const text = say('tx', {
    node: names.title(record.node),
    pkt: String(record.pkt),
    link: record.link,
    info,
  });
  return { kind: 'detail', text };
}
