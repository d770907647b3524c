// The event log's sentences for a node's ARP records (src/net/ip/arpTrace.ts): why a request goes
// out, who answers, what the cache learns, forgets or gives up on. The frames themselves are
// told by narratePackets.ts like any frame.

import { ENGLISH, formatCount, type Language } from '../../engine/language.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import '../../net/ip/arpTrace.ts';
import type { NetworkNames } from '../names/index.ts';
import { arpPhrases } from './arpPhrases.ts';
import type { Said } from './narratePackets.ts';

/** The sentence for an `arp.*` record, or undefined for any other record. */
export function arpSentence(
  record: TraceRecord,
  names: NetworkNames,
  language: Language = ENGLISH,
): Said | undefined {
  const { say } = arpPhrases.in(language);
  switch (record.type) {
    case 'arp.request': {
      const node = names.title(record.node);
      const target = names.endpoint(record.target);
      return record.probe === 1
        ? {
            kind: 'send',
            text: say('request', {
              node,
              target,
              ip: record.target,
              iface: record.iface,
              pkt: String(record.pkt),
            }),
          }
        : {
            kind: 'timeout',
            text: say('retry', { node, ip: record.target, probe: String(record.probe) }),
          };
    }
    case 'arp.reply':
      return {
        kind: 'reply',
        text: say('reply', {
          node: names.title(record.node),
          to: names.endpoint(record.to),
          ip: record.ip,
          mac: record.mac,
          pkt: String(record.pkt),
        }),
      };
    case 'arp.announce':
      return {
        kind: 'send',
        text: say('announce', {
          node: names.title(record.node),
          iface: record.iface,
          ip: record.ip,
          mac: record.mac,
          pkt: String(record.pkt),
          count: String(record.count),
        }),
      };
    case 'arp.learn':
      return {
        kind: 'detail',
        text: say('learn', {
          node: names.title(record.node),
          ip: names.endpoint(record.ip),
          mac: record.mac,
        }),
      };
    case 'arp.expire':
    case 'arp.forget':
      return {
        kind: 'detail',
        text: say(record.type === 'arp.expire' ? 'expire' : 'forget', {
          node: names.name(record.node),
          ip: names.endpoint(record.ip),
        }),
      };
    case 'arp.fail': {
      const node = names.title(record.node);
      const ip = names.endpoint(record.ip);
      return {
        kind: 'loss',
        text:
          record.dropped === 0
            ? say('failNone', { node, ip })
            : say('fail', { node, ip, count: formatCount(record.dropped, language) }),
      };
    }
    default:
      return undefined;
  }
}
