// How the attacks look: the SYN flood's and the port scan's summary cards and their sentences in
// the event log. Their words, in each language, are in attackPhrases.ts; what the target's TCP
// did with the SYNs is told by TCP's own sentences (src/viz/log/narrateTcp.ts).

import { ENGLISH, formatCount } from '../../engine/language.ts';
import { defineActionView } from '../../viz/kinds/kindView.ts';
import type { NetworkNames } from '../../viz/names/networkNames.ts';
import { attackPhrases } from './attackPhrases.ts';
import type { PortScanFigures } from './portScanBehaviour.ts';
import type { SynFloodFigures } from './synFloodBehaviour.ts';
import './attackTrace.ts';

/** `Attacker`: who acts, at the start of a sentence. */
const title = (names: NetworkNames, node: string) => names.title(node);

export const synFloodView = defineActionView<SynFloodFigures>({
  type: 'synFlood',
  card: (f, names, language = ENGLISH) => {
    const { say } = attackPhrases.in(language);
    const n = (value: number) => formatCount(value, language);
    return {
      id: `synFlood-${f.node}`,
      title: `${names.name(f.node)} → ${names.endpoint(f.target)}`,
      kind: say('flood.kind', { node: f.node }),
      figures: [
        [
          say('flood.sent'),
          say('flood.sentValue', { sent: n(f.sent), count: n(f.count), rate: n(f.rate) }),
          'sent',
        ],
        [
          say('flood.from'),
          f.spoofFrom ? say('flood.spoofed', { prefix: f.spoofFrom }) : say('flood.own'),
          'from',
        ],
        [say('flood.dropped'), n(f.dropped), 'dropped'],
        [say('flood.cookies'), n(f.cookies), 'cookies'],
        [say('flood.cookieConnections'), n(f.cookieConnections), 'cookieConnections'],
      ],
    };
  },
  narration: {
    types: ['flood.start', 'flood.end'],
    narrator: ({ names, language = ENGLISH }) => {
      const { say } = attackPhrases.in(language);
      const n = (value: number) => formatCount(value, language);
      return (record) => {
        if (record.type === 'flood.start')
          return {
            kind: 'send',
            text: say('say.floodStart', {
              who: title(names, record.node),
              target: names.endpoint(record.target),
              count: n(record.count),
              rate: n(record.rate),
              from: record.spoofFrom
                ? say('say.floodFromSpoofed', { prefix: record.spoofFrom })
                : say('say.floodFromOwn'),
            }),
          };
        if (record.type === 'flood.end')
          return {
            kind: 'state',
            text: say('say.floodEnd', {
              who: names.name(record.node),
              target: names.endpoint(record.target),
              sent: n(record.sent),
            }),
          };
        return null;
      };
    },
  },
  logGroups: { 'flood.start': () => 'packets', 'flood.end': () => 'states' },
});

export const portScanView = defineActionView<PortScanFigures>({
  type: 'portScan',
  card: (f, names, language = ENGLISH) => {
    const { say } = attackPhrases.in(language);
    const n = (value: number) => formatCount(value, language);
    const pending = f.total - f.open - f.closed - f.filtered;
    return {
      id: `portScan-${f.node}`,
      title: `${names.name(f.node)} → ${names.endpoint(f.target)}`,
      kind: say('scan.kind', { node: f.node }),
      figures: [
        [say('scan.ports'), `${f.ports} (${n(f.total)})`, 'ports'],
        [say('scan.open'), n(f.open), 'open'],
        [say('scan.closed'), n(f.closed), 'closed'],
        [say('scan.filtered'), n(f.filtered), 'filtered'],
        [say('scan.openPorts'), f.openPorts || say('scan.none'), 'openPorts'],
        ...(f.finished
          ? []
          : [[say('scan.pending'), n(pending), 'pending'] as [string, string, string]]),
      ],
    };
  },
  narration: {
    types: ['scan.start', 'scan.port', 'scan.end'],
    narrator: ({ names, language = ENGLISH }) => {
      const { say } = attackPhrases.in(language);
      const n = (value: number) => formatCount(value, language);
      return (record) => {
        switch (record.type) {
          case 'scan.start':
            return {
              kind: 'send',
              text: say('say.scanStart', {
                who: title(names, record.node),
                target: names.endpoint(record.target),
                ports: record.ports,
              }),
            };
          case 'scan.port': {
            const words = {
              who: names.name(record.node),
              target: names.endpoint(record.target),
              port: String(record.port),
            };
            if (record.state === 'filtered')
              return {
                kind: 'detail',
                text: say('say.port.filtered', {
                  ...words,
                  probes: say('say.probes', { count: n(record.probes) }),
                }),
              };
            return {
              kind: 'detail',
              text: say(record.state === 'open' ? 'say.port.open' : 'say.port.closed', words),
            };
          }
          case 'scan.end':
            return {
              kind: 'state',
              text: say('say.scanEnd', {
                who: names.name(record.node),
                target: names.endpoint(record.target),
                open: n(record.open),
                closed: n(record.closed),
                filtered: n(record.filtered),
                list: record.openPorts ? say('say.openList', { ports: record.openPorts }) : '',
              }),
            };
          default:
            return null;
        }
      };
    },
  },
  logGroups: {
    'scan.start': () => 'packets',
    'scan.port': () => 'states',
    'scan.end': () => 'states',
  },
});
