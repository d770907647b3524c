// The event log's TCP sentences in German (see tcpPhrases.ts): state names (ESTABLISHED,
// TIME-WAIT), flags and the RFCs' mechanism names (Slow Start, Fast Retransmit, Fast Recovery)
// stay as the German lessons write them; Retransmission-Timer, Überlastfenster (cwnd).

import type { Translation } from '../../engine/language.ts';
import type { TCP_EN } from './tcpPhrases.ts';

export const TCP_DE: Translation<typeof TCP_EN> = {
  connection: 'Verbindung zu {peer}',
  'connection.fromPort': 'Verbindung von Port {port} zu {peer}',
  onIts: ' auf der {connection}',
  'meaning.SYN-SENT': 'Sie hat ein SYN gesendet und wartet auf ein SYN-ACK',
  'meaning.SYN-RECEIVED':
    'Sie hat ein SYN erhalten, mit einem SYN-ACK geantwortet und wartet auf das ACK, das den Handshake abschließt',
  'meaning.ESTABLISHED': 'Der Handshake ist abgeschlossen, beide Seiten können jetzt Daten senden',
  'meaning.FIN-WAIT-1':
    'Sie hat ihre Seite geschlossen (ein FIN folgt den noch wartenden Daten) und wartet darauf, dass das FIN bestätigt wird',
  'meaning.FIN-WAIT-2':
    'Ihr FIN ist bestätigt; sie kann noch empfangen und wartet auf das FIN der Gegenseite',
  'meaning.CLOSE-WAIT':
    'Das FIN der Gegenseite ist angekommen, es kommen also keine Daten mehr; sie wartet darauf, dass ihre eigene Anwendung schließt',
  'meaning.CLOSING':
    'Beide Seiten haben gleichzeitig ein FIN gesendet; sie wartet darauf, dass ihr eigenes FIN bestätigt wird',
  'meaning.LAST-ACK':
    'Sie hat ihre Seite ebenfalls geschlossen und wartet auf das ACK ihres FIN, das letzte',
  'meaning.TIME-WAIT':
    'Sie hat das FIN der Gegenseite bestätigt und wartet 2 MSL (doppelt so lange, wie ein Segment höchstens lebt), damit ein verlorenes letztes ACK noch einmal gesendet werden kann',
  'closed.LAST-ACK': 'Das letzte ACK ist angekommen, die Verbindung ist also abgebaut',
  'closed.TIME-WAIT': '2 MSL sind vergangen, die Verbindung ist also abgebaut',
  'closed.never': 'Die Verbindung kam nie zustande',
  closed: 'Die Verbindung ist abgebaut',
  'state.enters': 'Bei {who} geht die {connection} in {state} über: {meaning}.',
  'state.closed': 'Bei {who} ist die {connection} jetzt CLOSED: {meaning}.',
  'state.listen': 'Bei {who} geht die {connection} in LISTEN über.',
  listens:
    '{who} lauscht auf TCP-Port {port} (LISTEN) und wartet darauf, dass sich Clients verbinden.',
  stopsListening: '{who} hört auf, auf TCP-Port {port} zu lauschen ({state}).',
  'refused.noConnection':
    '{who} hat keine Verbindung für Paket #{pkt} an TCP-Port {port}: Die Antwort ist ein RST.',
  'refused.nobody':
    'Auf {node} lauscht niemand auf TCP-Port {port}: Paket #{pkt} wird mit einem RST beantwortet.',
  'count.connections': { one: '{count} Verbindung', other: '{count} Verbindungen' },
  synDropped:
    '{who} verwirft das SYN in Paket #{pkt}: Der Backlog des lauschenden Sockets auf TCP-Port {port} ({backlog}) ist voll; der Client versucht es noch einmal, wenn sein Timer abläuft.',
  synQueueFull:
    '{who} verwirft das SYN in Paket #{pkt}: Die SYN-Warteschlange auf TCP-Port {port} hält schon {count} halboffene Verbindungen (SYN-RECEIVED), ihre Grenze, und SYN-Cookies sind aus.',
  synCookie:
    '{who} beantwortet das SYN in Paket #{pkt} mit einem SYN-Cookie, weil die Warteschlange auf TCP-Port {port} voll ist: ein SYN-ACK, dessen Sequenznummer {cookie} die Verbindung kodiert (MSS {mss}); gespeichert wird nichts.',
  cookieAck:
    '{who} erhält in Paket #{pkt} ein gültiges SYN-Cookie zurück (die ACK-Nummer minus eins) und baut jetzt die {connection} auf (MSS {mss}; Fensterskalierung, SACK und Zeitstempel gehen verloren).',
  cookieDropped:
    '{who} findet in Paket #{pkt} ein gültiges SYN-Cookie, aber die Accept-Warteschlange auf TCP-Port {port} hält schon {backlog}: Das Segment wird verworfen.',
  'count.bytes': { one: '{count} Byte', other: '{count} Bytes' },
  'again.syn':
    '{who} sendet das SYN erneut{on}: Kein SYN-ACK kam, bevor der Retransmission-Timer ablief.',
  'again.synAck':
    '{who} sendet das SYN-ACK erneut{on}: Kein ACK kam, bevor der Retransmission-Timer ablief.',
  'again.fin.fast':
    '{who} sendet das FIN erneut{on}: Drei doppelte ACKs zeigten, dass es verloren ging (Fast Retransmit).',
  'again.fin.partial':
    '{who} sendet das FIN erneut{on}: Ein partielles ACK zeigte, dass auch es verloren ging (NewReno Fast Recovery).',
  'again.fin.sack':
    '{who} sendet das FIN erneut{on}: Die SACK-Blöcke des Empfängers zeigten, dass es fehlt (SACK Loss Recovery).',
  'again.fin.pathMtu':
    '{who} sendet das FIN erneut{on}, in einem kleineren Segment: Der Pfad trägt die bisherige Größe nicht.',
  'again.fin.timer':
    '{who} sendet das FIN erneut{on}: Kein ACK dafür kam, bevor der Retransmission-Timer ablief.',
  'again.fin.goBack':
    '{who} sendet das FIN erneut{on}: Nach dem Timeout geht der Sender zurück und sendet noch einmal, was gesendet, aber nicht bestätigt wurde.',
  'again.data.fast':
    '{who} sendet {bytes} ab Seq {seq} erneut{on}: Drei doppelte ACKs zeigten, dass sie verloren gingen (Fast Retransmit).',
  'again.data.partial':
    '{who} sendet {bytes} ab Seq {seq} erneut{on}: Ein partielles ACK zeigte, dass auch sie verloren gingen (NewReno Fast Recovery).',
  'again.data.sack':
    '{who} sendet {bytes} ab Seq {seq} erneut{on}: Die SACK-Blöcke des Empfängers zeigten, dass sie fehlen (SACK Loss Recovery, RFC 6675).',
  'again.data.pathMtu':
    '{who} sendet {bytes} ab Seq {seq} erneut{on}, in einem kleineren Segment, das zur Pfad-MTU passt.',
  'again.data.timer':
    '{who} sendet {bytes} ab Seq {seq} erneut{on}: Kein ACK kam, bevor der Retransmission-Timer ablief.',
  'again.data.goBack':
    '{who} sendet {bytes} ab Seq {seq} erneut{on}: Nach dem Timeout geht der Sender zurück und sendet noch einmal, was gesendet, aber nicht bestätigt wurde.',
  pathMtu:
    '{who} erfährt{on}, dass sein Pfad Pakete von höchstens {mtu} Bytes trägt (RFC 1191): Ab jetzt trägt jedes Segment höchstens {mss} Daten, und was unterwegs war, geht sofort noch einmal, kleiner, mit unverändertem Congestion Window.',
  errno: '{code}, {meaning}',
  'error.listen': '{who} kann nicht auf TCP-Port {port} lauschen: {error}.',
  'error.connect': '{who} kann sich nicht mit {peer} verbinden: {error}.',
  'error.socket': '{who}: {op} auf dem TCP-Socket „{socket}“ schlägt fehl mit {error}.',
  'error.connection': 'Bei {who} scheitert die {connection}: {error}.',
  'error.onConnection': '{who}: {op} auf der {connection} schlägt fehl: {error}.',
  'window.bytes': '{to} Bytes',
  'window.change': '{from} → {to} Bytes',
  'half.floor': '2 Segmente, ihr Minimum',
  'half.flight': 'die Hälfte der Daten unterwegs',
  'cwnd.timeout':
    'Bei {who} fällt das Überlastfenster{on} auf 1 MSS zusammen, {window}, und Slow Start beginnt von vorn; Slow-Start-Schwelle {threshold}.',
  'cwnd.fastRetransmit':
    '{who} halbiert nach drei doppelten ACKs die Slow-Start-Schwelle{on}: {threshold}; Überlastfenster {window} (Schwelle + 3 Segmente) für Fast Recovery.',
  'cwnd.sackRecovery':
    '{who} beginnt SACK Loss Recovery{on}: Die SACK-Blöcke des Empfängers zeigen fehlende Daten, also wird die Slow-Start-Schwelle die Hälfte der Daten unterwegs, {threshold}, und das Überlastfenster ebenso, {window}; die Lücken, die die Blöcke zeigen, werden noch einmal gesendet, soweit es die Daten unterwegs erlauben.',
  'cwnd.partialAck':
    '{who} erhält ein partielles ACK{on}: Es bestätigt neue Daten, aber nicht alles, was vor dem Verlust gesendet wurde, also ging auch das nächste Segment verloren. NewReno sendet es sofort erneut und bleibt in Fast Recovery; Überlastfenster {window} (abzüglich der bestätigten Daten, plus 1 Segment).',
  'cwnd.lossRecoveryExit':
    '{who} beendet die Loss Recovery{on}: Alles vor dem Verlust Gesendete ist bestätigt; das Überlastfenster bleibt bei der Slow-Start-Schwelle, {cwnd} Bytes, und wächst von dort langsam.',
  'cwnd.recoveryExit':
    '{who} beendet Fast Recovery{on}: Neue Daten sind bestätigt, also schrumpft das Überlastfenster, {window}, auf die Slow-Start-Schwelle und wächst von dort langsam.',
  'cwnd.growsTo': 'Bei {who} wächst das Überlastfenster{on} auf {cwnd} Bytes ({cause}).',
  'cwnd.grows': 'Überlastfenster von {who}{on}: {window} ({cause}).',
  'growth.slowStart': 'Slow Start',
  'growth.congestionAvoidance': 'Congestion Avoidance',
  'growth.recoveryInflate': 'Fast Recovery: noch ein doppeltes ACK',
  'rto.doubles':
    'Bei {who} läuft der Retransmission-Timer{on} ab: Der Timeout verdoppelt sich auf {rto} (exponentielles Backoff).',
  'rto.maximum':
    'Bei {who} läuft der Retransmission-Timer{on} ab: Der Timeout steigt auf {rto}, sein Maximum.',
  'rto.sample': '{who} misst eine Umlaufzeit{on}: RTO {rto}{estimates}.',
};
