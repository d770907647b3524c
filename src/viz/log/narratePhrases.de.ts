// The event log's own words in German (see narratePhrases.ts): du-form, the page's terms
// (Leitung, Warteschlange, Anwendung), protocol and state names as Wireshark and RFCs write them.

import type { Translation } from '../../engine/language.ts';
import type { NARRATE_EN } from './narratePhrases.ts';

export const NARRATE_DE: Translation<typeof NARRATE_EN> = {
  'sim.start': 'Die Simulation von „{scenario}“ beginnt mit Seed {seed}.',
  'sim.end': {
    one: 'Der Lauf endet, weil {why}, nach {count} Ereignis.',
    other: 'Der Lauf endet, weil {why}, nach {count} Ereignissen.',
  },
  'stop.empty': 'nichts mehr zu tun war',
  'stop.until': 'er seine Zeitgrenze erreicht hat',
  'stop.maxEvents': 'er die Ereignisgrenze erreicht hat (vielleicht hört er nie von selbst auf)',
  'stop.stopped': 'er angehalten wurde',
  'app.state': '{node}: Die Anwendung {app} ist jetzt im Zustand „{state}“.',
  'app.error': '{node}: In der Anwendung {app} schlägt {op} fehl mit {error}.',
  'socket.bind': '{node} öffnet einen {protocol}-Socket auf Port {port}.',
  'socket.release': '{node} schließt den {protocol}-Socket auf Port {port}.',
  'socket.error': '{node}: {op} auf dem Socket „{socket}“ schlägt fehl mit {error}.',
  'unknown.packet': 'Paket #{pkt}',
  'unknown.bytes': { one: '{key} {count} Byte', other: '{key} {count} Bytes' },
  'unknown.node': 'Knoten {name}',
  'errno.EADDRINUSE': 'der Port ist schon belegt',
  'errno.EADDRNOTAVAIL': 'kein Port ist mehr frei, oder die Adresse gehört nicht zu diesem Knoten',
  'errno.ECONNREFUSED':
    'niemand lauscht auf diesem Port (die Gegenseite antwortete mit RST oder ICMP port unreachable)',
  'errno.ECONNRESET': 'die Gegenseite hat die Verbindung zurückgesetzt',
  'errno.ETIMEDOUT': 'die Gegenseite hat nicht rechtzeitig geantwortet',
  'errno.ENOTCONN': 'der Socket ist nicht verbunden',
  'errno.EISCONN': 'der Socket ist schon verbunden',
  'errno.EPIPE': 'die Verbindung ist zum Senden geschlossen',
  'errno.EBADF': 'der Socket ist geschlossen',
  'errno.EINVAL':
    'der Aufruf passt nicht zum Zustand des Sockets, oder seine Argumente sind falsch',
  'errno.EMSGSIZE': 'das Datagramm ist zu groß',
  'errno.EHOSTUNREACH': 'keine Route zum Host',
  'errno.EAGAIN': 'der Puffer ist voll; versuche es wieder, wenn er sich leert',
  'message.request': 'Anfrage {seq}',
  'message.reply': 'Antwort {seq}',
  'message.retry': '{message} (Wiederholung {attempt})',
  'filter.tcp': 'TCP',
  'filter.udp': 'UDP',
  'filter.icmp': 'ICMP',
  'filter.app': 'Anwendungen',
  'filter.link': 'Leitungen und Warteschlangen',
  'group.packets': 'Pakete',
  'group.drops': 'Verworfene und verlorene Pakete, Timeouts',
  'group.states': 'Zustandswechsel',
  'group.errors': 'Fehler',
  'live.many': '{count} neue Ereignisse bis {time}; die letzten: {latest}',
  'conversation.tcp': 'TCP',
  'conversation.udp': 'UDP',
  'conversation.icmp': 'ICMP-Echo',
  'conversation.id': '{protocol}, ID {id}',
};
