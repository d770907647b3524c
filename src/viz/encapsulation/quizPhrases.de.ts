// The encapsulation quiz's words in German (du-form, the page's terms); the keys and the English
// texts are in quizPhrases.ts. A question still starts with the field's name as Wireshark shows it.

import type { Translation } from '../../engine/language.ts';
import type { QUIZ_EN } from './quizPhrases.ts';

export const QUIZ_DE: Translation<typeof QUIZ_EN> = {
  'role.network': 'Netzwerk-Header',
  'role.transport': 'Transport-Header',
  'role.icmp': 'Header in IPv4',
  'role.quote': 'Inhalt der ICMP-Nachricht',
  'role.data': 'Nutzdaten',
  'ip.protocol.prompt': 'Protocol: Was trägt das Paket laut IPv4-Header?',
  'ip.protocol.explain':
    'Protocol {right}: Die Protokollnummern der IANA sind 1 für ICMP, 6 für TCP und 17 für UDP.',
  'ip.src.prompt': 'Source address: Wer hat dieses Paket gesendet?',
  'ip.src.explain':
    'Die Quelle ist {address}, der Host, der das Paket erzeugt hat; Router unterwegs ändern sie nicht.',
  'ip.dst.prompt': 'Destination address: Wohin geht es?',
  'ip.dst.explain':
    'Das Ziel ist {address}; jeder Router unterwegs liest es, um die nächste Leitung zu wählen.',
  'ip.ttl.prompt':
    'Time to live: Es kam mit TTL {before} bei {who} an. Welche TTL trägt es auf dieser Leitung?',
  'ip.ttl.promptUnnamed':
    'Time to live: Es kam mit TTL {before} beim Knoten vor dieser Leitung an. Welche TTL trägt es auf dieser Leitung?',
  'ip.ttl.lowered':
    'Aus {before} wurde {ttl}: Ein Router senkt die TTL um eins, bevor er ein Paket weiterleitet (RFC 791, RFC 1812).',
  'ip.ttl.same':
    'Immer noch {ttl}: {who} hat es weitergeleitet, ohne den IP-Header anzufassen, wie ein Switch.',
  'ip.ttl.sameUnnamed':
    'Immer noch {ttl}: Der Knoten vor dieser Leitung hat es weitergeleitet, ohne den IP-Header anzufassen, wie ein Switch.',
  'ip.ttl.other': 'Es kam mit TTL {before} an und ging mit {ttl} weiter.',
  'port.src.prompt': 'Source port: Von welchem Port aus hat der Sender gesendet?',
  'port.dst.prompt': 'Destination port: An welchen Port ist es adressiert?',
  'port.src.wellKnown':
    'Der Quellport {port} ist der bekannte Port von {name} (IANA), auf dem sein Server lauscht.',
  'port.dst.wellKnown':
    'Der Zielport {port} ist der bekannte Port von {name} (IANA), auf dem sein Server lauscht.',
  'port.src.ephemeral':
    'Der Quellport {port} ist ein ephemerer Port (49152–65535, RFC 6335), den das System des Clients gewählt hat.',
  'port.dst.ephemeral':
    'Der Zielport {port} ist ein ephemerer Port (49152–65535, RFC 6335), den das System des Clients gewählt hat.',
  'port.src.other': 'Der Quellport {port} ist der Port, den dieses Programm nutzt.',
  'port.dst.other': 'Der Zielport {port} ist der Port, den dieses Programm nutzt.',
  'flags.prompt': 'Flags: Welche Steuerbits sind gesetzt?',
  'flags.none': 'keine',
  'flags.rst': 'RST: Der Sender setzt die Verbindung zurück (RFC 9293, Abschnitt 3.5.2).',
  'flags.synAck':
    'SYN + ACK: das zweite Segment des Drei-Wege-Handshakes; der Server nimmt die Verbindung an und bestätigt das SYN des Clients (RFC 9293, Abschnitt 3.5).',
  'flags.syn':
    'Nur SYN: das erste Segment des Drei-Wege-Handshakes; der Client bittet darum, eine Verbindung zu öffnen (RFC 9293, Abschnitt 3.5).',
  'flags.fin':
    'FIN: Der Sender hat nichts mehr zu senden und schließt seine Richtung der Verbindung (RFC 9293, Abschnitt 3.6).',
  'flags.data': {
    one: 'Das Segment trägt {count} Byte Daten.',
    other: 'Das Segment trägt {count} Bytes Daten.',
  },
  'flags.dataPsh': {
    one: 'Das Segment trägt {count} Byte Daten (PSH: Gib sie sofort an die Anwendung weiter).',
    other: 'Das Segment trägt {count} Bytes Daten (PSH: Gib sie sofort an die Anwendung weiter).',
  },
  'flags.dataAck': {
    one: 'Das Segment trägt {count} Byte Daten und bestätigt, was bisher angekommen ist.',
    other: 'Das Segment trägt {count} Bytes Daten und bestätigt, was bisher angekommen ist.',
  },
  'flags.dataPshAck': {
    one: 'Das Segment trägt {count} Byte Daten (PSH: Gib sie sofort an die Anwendung weiter) und bestätigt, was bisher angekommen ist.',
    other:
      'Das Segment trägt {count} Bytes Daten (PSH: Gib sie sofort an die Anwendung weiter) und bestätigt, was bisher angekommen ist.',
  },
  'flags.ackOnly': 'Nur ACK, keine Daten: Es bestätigt nur, was angekommen ist.',
  'flags.noFlag': 'Kein Flag gesetzt.',
  'icmp.type.prompt': 'Type: Welche ICMP-Nachricht ist es?',
  'icmp.type.explain':
    'Type {type}: RFC 792 nummeriert echo request mit 8, echo reply mit 0, destination unreachable mit 3 und time exceeded mit 11.',
  'app.name': 'Anwendung: {protocol}',
  'app.protocol.prompt': 'Anwendungsprotokoll: Was steckt in den Daten?',
  'app.kind.http': 'Ist es eine Anfrage oder eine Antwort?',
  'app.kind.dns': 'Ist es eine Anfrage oder eine Antwort?',
  'app.kind.ftp': 'Ist es ein Befehl oder eine Antwort?',
  'app.kind.mail': 'Ist es ein Befehl oder eine Antwort?',
  'app.kind.echo': 'Ist es eine Anfrage oder eine Antwort?',
  'kind.request': 'Anfrage',
  'kind.response': 'Antwort',
  'kind.query': 'Anfrage',
  'kind.command': 'Befehl',
  'kind.reply': 'Antwort',
  'kindWhy.request': 'Es ist eine Anfrage: {name}.',
  'kindWhy.response': 'Es ist eine Antwort: {name}.',
  'kindWhy.query': 'Es ist eine Anfrage: {name}.',
  'kindWhy.command': 'Es ist ein Befehl: {name}.',
  'kindWhy.reply': 'Es ist eine Antwort: {name}.',
  'why.http': 'HTTP/1.1 (RFC 9112): Die Daten beginnen mit „{line}“.',
  'why.dns.query': 'DNS (RFC 1035): eine Anfrage.',
  'why.dns.queryFor': 'DNS (RFC 1035): eine Anfrage nach {question}.',
  'why.dns.response': 'DNS (RFC 1035): eine Antwort.',
  'why.dns.responseFor': 'DNS (RFC 1035): eine Antwort auf die Frage nach {question}.',
  'why.ftp': 'FTP (RFC 959): „{line}“ auf der Steuerverbindung.',
  'why.smtp': 'SMTP (RFC 5321): „{line}“, an oder von Port 25.',
  'why.pop3': 'POP3 (RFC 1939): „{line}“, an oder von Port 110.',
  'why.mailText':
    '{protocol}: ein Stück vom Text einer Nachricht, zwischen den Befehlen und Antworten.',
  'why.tls': 'TLS-Records (RFC 8446): {name}.',
  'why.echo':
    'Echo: Der Pinger sendet ein paar Bytes, und der Echo-Server schickt dieselben Bytes zurück (Port 7, RFC 862).',
  'why.echoRequest': 'Eine Anfrage: Der Client fragt und schickt seine Anfragenummer mit.',
  'why.echoReply': 'Eine Antwort: Der Server schickt zurück, was er bekommen hat.',
};
