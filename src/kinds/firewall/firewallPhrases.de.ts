// The firewall's words in German (see firewallPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { FIREWALL_EN } from './firewallPhrases.ts';

export const FIREWALL_DE: Translation<typeof FIREWALL_EN> = {
  'verdict.ACCEPT': '{node} lässt Paket #{pkt} durch: {chain} {by}{state}.',
  'verdict.DROP': '{node} verwirft Paket #{pkt}: {chain} {by}{state}.',
  'verdict.REJECT': '{node} weist Paket #{pkt} ab und antwortet dem Absender: {chain} {by}{state}.',
  'verdict.STOPPED': '{node} verwirft Paket #{pkt}: Seine Firewall ist ausgefallen.',
  'by.rule': 'Regel {n} ({rule})',
  'by.policy': 'Policy {policy}',
  'state.suffix': ', ein {state}-Paket',
  log: '{node} protokolliert Paket #{pkt}: „{prefix}“ ({chain} Regel {n}).',
  'conntrack.new': '{node} verfolgt eine neue Verbindung {flow}.',
  'conntrack.reply': '{node} sieht die Antwort der Verbindung {flow}: Sie ist ESTABLISHED.',
  'conntrack.fin': '{node} sieht, wie Verbindung {flow} zu schließen beginnt.',
  'conntrack.close': '{node} vergisst Verbindung {flow}: Sie wurde geschlossen.',
  'conntrack.expire': '{node} vergisst Verbindung {flow}: Sie war zu lange still.',
  'card.kind': 'Firewall',
  'card.accepted': 'Durchgelassen',
  'card.dropped': 'Verworfen',
  'card.rejected': 'Abgewiesen',
  'card.connections': 'Verfolgte Verbindungen',
  'table.rule': 'Regel',
  'table.packets': 'Pakete',
  'table.bytes': 'Bytes',
  'table.policy': 'Policy {policy}',
  'table.caption':
    'Kette {chain} von {node} um {time}: Pakete, über die jede Regel entschieden hat',
  'table.noConnections': 'Keine Verbindung wird verfolgt.',
  'table.connection': 'Verbindung',
  'table.state': 'Zustand',
  'state.unreplied': 'wartet auf Antwort',
  'state.established': 'ESTABLISHED',
  'state.closing': 'wird geschlossen',
};
