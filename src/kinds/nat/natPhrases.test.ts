// NAT's words: its sentences in the event log and its summary card, in English and German
// (expected German written by hand), and the log's filters putting its records with the packets
// they are about.
import { describe, expect, it } from 'vitest';
import { recordList } from '../../engine/traceRecords.ts';
import { record, tell, testNames } from '../../viz/kinds/kindSpeechTestHelpers.ts';
import { recordTags } from '../../viz/log/logFilter.ts';
import { natView } from './natView.ts';

const RECORDS = [
  record('nat.map', {
    node: 'r1',
    entry: 1,
    kind: 'snat',
    protocol: 'tcp',
    inside: '192.168.1.10:51000',
    outside: '203.0.113.1:51000',
    remote: '198.51.100.10:80',
  }),
  record('nat.translate', {
    node: 'r1',
    pkt: 12,
    entry: 1,
    way: 'out',
    from: '192.168.1.10:51000',
    to: '203.0.113.1:51000',
  }),
  record('nat.translate', {
    node: 'r1',
    pkt: 13,
    entry: 1,
    way: 'in',
    from: '203.0.113.1:51000',
    to: '192.168.1.10:51000',
  }),
  record('nat.map', {
    node: 'r1',
    entry: 2,
    kind: 'dnat',
    protocol: 'udp',
    inside: '192.168.1.80:27015',
    outside: '203.0.113.1:27015',
    remote: '198.18.0.20:40000',
  }),
  record('nat.expire', {
    node: 'r1',
    entry: 1,
    protocol: 'tcp',
    inside: '192.168.1.10:51000',
    outside: '203.0.113.1:51000',
    reason: 'closed',
  }),
  record('nat.expire', {
    node: 'r1',
    entry: 2,
    protocol: 'udp',
    inside: '192.168.1.80:27015',
    outside: '203.0.113.1:27015',
    reason: 'timeout',
  }),
  record('nat.unmatched', { node: 'r1', pkt: 20, iface: 'wan', to: '203.0.113.1:4444' }),
  record('nat.drop', { node: 'r1', pkt: 21, reason: 'noFreePort' }),
];

describe('NAT’s sentences', () => {
  it('tells what the NAT does in English', () => {
    expect(tell(natView.narration, RECORDS)).toEqual([
      'Router r1 maps Laptop (192.168.1.10:51000) to 203.0.113.1:51000 for TCP to 198.51.100.10:80: a new entry in its NAT table.',
      'Router r1 translates 192.168.1.10:51000 → 203.0.113.1:51000 (source of packet #12).',
      'Router r1 translates 203.0.113.1:51000 → 192.168.1.10:51000 (destination of packet #13).',
      'Router r1 forwards UDP from 198.18.0.20:40000 to 203.0.113.1:27015 on to Web server (192.168.1.80:27015): a new entry in its NAT table.',
      'Router r1’s NAT entry 192.168.1.10:51000 ↔ 203.0.113.1:51000 (TCP) is removed: the connection closed.',
      'Router r1’s NAT entry 192.168.1.80:27015 ↔ 203.0.113.1:27015 (UDP) expires: no packet for too long.',
      'Router r1 finds no NAT mapping for packet #20 to 203.0.113.1:4444: it is for Router r1 itself and goes no further inside.',
      'Router r1 drops packet #21: no public port is free for a new mapping.',
    ]);
  });

  it('tells it in German', () => {
    expect(tell(natView.narration, RECORDS, 'de')).toEqual([
      'Router r1 ordnet Laptop (192.168.1.10:51000) der Adresse 203.0.113.1:51000 zu, für TCP zu 198.51.100.10:80: ein neuer Eintrag in seiner NAT-Tabelle.',
      'Router r1 übersetzt 192.168.1.10:51000 → 203.0.113.1:51000 (Absender von Paket #12).',
      'Router r1 übersetzt 203.0.113.1:51000 → 192.168.1.10:51000 (Empfänger von Paket #13).',
      'Router r1 leitet UDP von 198.18.0.20:40000 an 203.0.113.1:27015 weiter an Web server (192.168.1.80:27015): ein neuer Eintrag in seiner NAT-Tabelle.',
      'Der NAT-Eintrag 192.168.1.10:51000 ↔ 203.0.113.1:51000 (TCP) von Router r1 wird entfernt: Die Verbindung ist geschlossen.',
      'Der NAT-Eintrag 192.168.1.80:27015 ↔ 203.0.113.1:27015 (UDP) von Router r1 läuft ab: Zu lange kam kein Paket.',
      'Router r1 findet keine NAT-Zuordnung für Paket #20 an 203.0.113.1:4444: Es ist für Router r1 selbst bestimmt und geht nicht weiter nach innen.',
      'Router r1 verwirft Paket #21: Für eine neue Zuordnung ist kein öffentlicher Port frei.',
    ]);
  });

  it('writes the summary card in both languages', () => {
    const figures = {
      node: 'r1',
      interfaces: 'wan',
      mappings: 3,
      translatedOut: 1200,
      translatedIn: 1180,
      unmatched: 2,
      dropped: 0,
    };
    expect(natView.card(figures, testNames())).toEqual({
      id: 'nat-r1',
      title: 'r1',
      kind: 'NAT on wan',
      figures: [
        ['Mappings made', '3', 'mappings'],
        ['Translated out', '1200', 'translatedOut'],
        ['Translated in', '1180', 'translatedIn'],
        ['Inbound, no mapping', '2', 'unmatched'],
        ['Dropped, no free port', '0', 'dropped'],
      ],
    });
    expect(natView.card(figures, testNames('de'), 'de').figures).toEqual([
      ['Angelegte Zuordnungen', '3', 'mappings'],
      ['Nach außen übersetzt', '1.200', 'translatedOut'],
      ['Nach innen übersetzt', '1.180', 'translatedIn'],
      ['Von außen, ohne Zuordnung', '2', 'unmatched'],
      ['Verworfen, kein Port frei', '0', 'dropped'],
    ]);
  });

  it('files its records in the log under the router, by protocol and group', () => {
    const tags = recordTags(recordList(RECORDS));
    expect(tags.map((t) => [t.nodes, t.protocols, t.groups])).toEqual([
      [['r1'], 1 << 0, 1 << 2], // map: TCP, a state
      [['r1'], 0, 1 << 0], // translate: the packet's protocol (not seen here), a packet
      [['r1'], 0, 1 << 0],
      [['r1'], 1 << 1, 1 << 2], // map: UDP, a state
      [['r1'], 1 << 0, 1 << 2],
      [['r1'], 1 << 1, 1 << 2],
      [['r1'], 0, 1 << 1], // unmatched: with the drops
      [['r1'], 0, 1 << 1],
    ]);
  });
});
