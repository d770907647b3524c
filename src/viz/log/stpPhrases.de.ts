// The event log's spanning tree sentences in German (see stpPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { STP_EN } from './stpPhrases.ts';

export const STP_DE: Translation<typeof STP_EN> = {
  selfRoot: '{node} (Bridge {bridge}) kennt keine bessere Bridge: Er ist die Root-Bridge.',
  root: '{node} wählt {root} als Root-Bridge, mit Kosten {cost} über Port {port}.',
  'port.root': 'Port {port} von {node} wird sein Root-Port (zur Root-Bridge hin): {state}.',
  'port.designated': 'Port {port} von {node} ist ein Designated Port (von der Root weg): {state}.',
  'port.alternate':
    'Port {port} von {node} wird ein Alternate Port: Die Root ist auf anderem Weg besser erreichbar, also blockiert er Datenrahmen ({state}).',
  'port.backup': 'Port {port} von {node} wird ein Backup Port: {state}.',
  'port.disabled': 'Port {port} von {node} hat keine Verbindung: {state}.',
  'state.discarding': 'verwirft (discarding)',
  'state.learning': 'lernt Adressen, leitet noch nicht weiter (learning)',
  'state.forwarding': 'leitet weiter (forwarding)',
  'flush.portDown':
    '{node} vergisst die MAC-Adressen hinter Port {port}, dessen Leitung ausgefallen ist.',
  'flush.tcDetected':
    'Port {port} von {node} beginnt weiterzuleiten, eine Topologieänderung: {node} vergisst die an den Ports {ports} gelernten MAC-Adressen und sagt es seinen Nachbarn.',
  'flush.tcReceived':
    '{node} erfährt an Port {port} von einer Topologieänderung und vergisst die an den Ports {ports} gelernten MAC-Adressen.',
  discard:
    'Port {port} von {node} ist im Zustand {state} und verwirft Paket #{pkt}: Es würde im Kreis laufen.',
  tx: '{node} sendet BPDU #{pkt} auf Leitung {link}: {info}.',
};
