// The load balancer's words in German (see lbPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { LB_EN } from './lbPhrases.ts';

export const LB_DE: Translation<typeof LB_EN> = {
  'newApp.name': 'Load Balancer (HTTP)',
  'card.kind': 'Load Balancer auf Port {port}, {mode}, {policy}',
  'mode.l4': 'Schicht 4 (TCP)',
  'mode.l7': 'Schicht 7 (HTTP)',
  'policy.roundRobin': 'Round Robin',
  'policy.weightedRoundRobin': 'gleichmäßig gewichtetes Round Robin',
  'policy.leastConnections': 'wenigste Verbindungen',
  'policy.ipHash': 'IP-Hash',
  'policy.twoChoices': 'Zwei zufällige Auswahlen',
  'card.picks': 'Zuteilungen',
  'card.unserved': 'Kein Backend gesund',
  'card.limited': 'Über dem Ratenlimit',
  'card.backend': 'Backend {backend}',
  'card.backendValue': '{health}, {requests} Zuteilungen ({share}), {failures} fehlgeschlagen',
  'health.up': 'gesund',
  'health.down': 'ausgefallen',
  'lb.name': 'Der Load Balancer von {node}',
  'lb.pick': '{lb} wählt {backend} für {client}.',
  'lb.pickSticky': '{lb} schickt {client} zu {backend}, dem Backend, das sein Cookie nennt.',
  'lb.noBackend': '{lb} hat kein gesundes Backend für {client}.',
  'lb.limitStatus':
    '{lb} antwortet {client} sofort {status}: über dem Ratenlimit, kein Backend wird gefragt.',
  'lb.limitReset': '{lb} setzt die neue Verbindung von {client} zurück: über dem Ratenlimit.',
  'lb.doneConnection': '{lb}: Die Verbindung von {client} über {backend} ist zu Ende.',
  'lb.doneResponse': '{lb} gibt die Antwort {status} von {backend} an {client} weiter.',
  'lb.doneAbandoned': '{lb}: {client} ist weg, bevor {backend} antwortet.',
  'lb.failureStatus':
    '{lb} bekommt von {backend} keine Antwort für {client} ({error}) und antwortet {status}.',
  'lb.failureClosed':
    '{lb} bekommt von {backend} keine Antwort für {client} ({error}) und setzt die Verbindung des Clients zurück.',
  'lb.checkPassed': '{lb} prüft {backend}: Die Zustandsprüfung ist bestanden.',
  'lb.checkFailed': '{lb} prüft {backend}: Die Zustandsprüfung schlägt fehl ({error}).',
  'lb.down':
    '{lb} nimmt {backend} heraus, nachdem Zustandsprüfungen hintereinander fehlschlugen: Dorthin gehen keine Anfragen mehr.',
  'lb.downRequests':
    '{lb} nimmt {backend} heraus, nachdem Anfragen dorthin hintereinander fehlschlugen: Dorthin gehen keine Anfragen mehr.',
  'lb.up': '{lb} nimmt {backend} wieder auf: Seine Zustandsprüfungen gelingen wieder.',
  'table.title': 'Load Balancer {app}: {mode}, {policy}',
  'table.summary': '{picks} Zuteilungen; {unserved} abgewiesen, weil kein Backend gesund war',
  'table.summaryLimited':
    '{picks} Zuteilungen; {unserved} abgewiesen, weil kein Backend gesund war, {limited} über dem Ratenlimit',
  'table.since': 'seit {time}',
  'table.open': 'Offen',
  'table.backend': 'Backend',
  'table.weight': 'Gewicht',
  'table.health': 'Zustand',
  'table.requests': 'Zuteilungen',
  'table.share': 'Anteil',
  'table.failures': 'Fehlgeschlagen',
};
