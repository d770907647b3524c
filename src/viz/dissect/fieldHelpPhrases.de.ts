// The packet inspector's field explanations in German (du-form, the page's terms); the keys and
// the English texts are in fieldHelpPhrases.ts. Field names and flags stay as Wireshark shows them.

import type { Translation } from '../../engine/language.ts';
import type { FIELD_HELP_EN } from './fieldHelpPhrases.ts';
import { DHCP_FIELD_HELP_DE } from './fieldHelpDhcp.de.ts';

export const FIELD_HELP_DE: Translation<typeof FIELD_HELP_EN> = {
  'eth.dst':
    'Die MAC-Adresse der nächsten Station auf dieser Leitung: des nächsten Hops (ein Router oder das Ziel selbst), per ARP ermittelt, oder ff:ff:ff:ff:ff:ff für alle. Ein Switch leitet den Rahmen danach weiter.',
  'eth.src':
    'Die MAC-Adresse der Schnittstelle, die den Rahmen auf dieser Leitung gesendet hat. Switches lernen daraus, hinter welchem Port diese Station liegt.',
  'eth.type':
    'Was der Rahmen transportiert, damit der Empfänger ihn weitergibt: 0x0800 IPv4, 0x0806 ARP.',
  'eth.padding':
    'Null-Bytes, die einen kurzen Rahmen auf das Ethernet-Minimum von 60 Bytes (64 mit FCS) auffüllen, damit eine Kollision immer bemerkt wird, solange er gesendet wird.',
  'eth.len':
    'In einem IEEE-802.3-Rahmen ist dieses Feld die Länge dessen, was folgt (hier 39: LLC-Kopf und BPDU), kein Typ: Werte bis 1500 sind Längen, ab 1536 Typen.',
  'llc.dsap':
    'Für welches Protokoll beim Empfänger der Rahmen ist: 0x42 ist das Spanning-Tree-Protokoll der Bridges.',
  'llc.ssap': 'Welches Protokoll ihn gesendet hat: wieder 0x42, das Spanning-Tree-Protokoll.',
  'llc.control':
    'Welche Art LLC-Rahmen dies ist: 0x03, ein nicht nummerierter Informationsrahmen (keine Verbindung, keine Bestätigung).',
  'stp.protocol': 'Immer 0: das Spanning-Tree-Protokoll.',
  'stp.version': '2 für das Rapid Spanning Tree Protocol (0 war das ursprüngliche, langsamere).',
  'stp.type': '0x02, eine Rapid-Spanning-Tree-BPDU, die alles Folgende trägt.',
  'stp.flags':
    'Acht Bits über den sendenden Port: seine Rolle und sein Zustand sowie die Signale Proposal, Agreement und Topologieänderung.',
  'stp.flags.agreement':
    'Von einem Root- oder Alternate-Port gesetzt: Er stimmt zu, dass der Port gegenüber sofort weiterleiten darf.',
  'stp.flags.forwarding': 'Gesetzt, wenn der sendende Port Datenrahmen weiterleitet.',
  'stp.flags.learning':
    'Gesetzt, wenn der sendende Port Adressen lernt (learning oder forwarding).',
  'stp.flags.role':
    'Die Rolle des sendenden Ports: 3 designated (führt von der Root weg), 2 root (führt zur Root), 1 alternate oder backup (blockiert).',
  'stp.flags.proposal':
    'Von einem Designated Port gesetzt, der noch nicht weiterleitet: Er bittet den Port gegenüber um Zustimmung, um sofort weiterzuleiten.',
  'stp.flags.tc':
    'Topologieänderung: Irgendwo hat ein Port begonnen weiterzuleiten, also vergessen die Switches ihre gelernten MAC-Adressen und lernen neu.',
  'stp.root':
    'Die Bridge, die der Sender für die Root hält: Priorität, System-ID-Erweiterung und MAC. Die niedrigste Bridge-ID von allen wird Root.',
  'stp.rootCost':
    'Was es den Sender kostet, die Root zu erreichen: die Summe der Portkosten auf dem Weg (200.000 je Schritt bei 100 Mbit/s). 0 an der Root.',
  'stp.bridge':
    'Die eigene ID der sendenden Bridge. Bei gleichen Kosten entscheidet sie: Die niedrigere gewinnt.',
  'stp.port':
    'Der sendende Port: eine Priorität (standardmäßig 128, die erste Hex-Ziffer 8) und seine Nummer.',
  'stp.messageAge':
    'Sekunden, seit die Root diese Information gesendet hat, eine je Schritt gezählt.',
  'stp.maxAge': 'So alte Information wird verworfen (20 s).',
  'stp.helloTime': 'Wie oft der Sender BPDUs sendet: alle 2 s.',
  'stp.forwardDelay':
    'Wie lange ein Port lernt, bevor er weiterleitet, wenn niemand seinem Proposal zustimmt (15 s).',
  'stp.version1Length': 'In einer Rapid-Spanning-Tree-BPDU immer 0.',
  'arp.hwType': 'Die Art der gefragten Sicherungsschicht-Adresse: 1 ist Ethernet.',
  'arp.protoType': 'Die Art der gefragten Netzwerkadresse: 0x0800 ist IPv4.',
  'arp.hwSize': 'Länge einer Sicherungsschicht-Adresse in Bytes: 6 für eine MAC-Adresse.',
  'arp.protoSize': 'Länge einer Netzwerkadresse in Bytes: 4 für IPv4.',
  'arp.opcode':
    'Was diese Nachricht ist: 1 eine Anfrage („Wer hat diese Adresse?“), 2 eine Antwort („Sie ist bei dieser MAC“).',
  'arp.senderMac':
    'Die MAC-Adresse der Station, die diese Nachricht sendet. Wer sie empfängt, darf sie sich merken.',
  'arp.senderIp': 'Die IPv4-Adresse der Station, die diese Nachricht sendet.',
  'arp.targetMac':
    'In einer Anfrage unbekannt und daher null: Das ist die Frage. In einer Antwort die MAC-Adresse der Station, die gefragt hat.',
  'arp.targetIp':
    'In einer Anfrage die Adresse, deren MAC gesucht wird; nur die Station, der sie gehört, antwortet. In einer Antwort die Adresse der Station, die gefragt hat.',
  'ip.version':
    'Welche IP-Version das ist (4). Ein Empfänger liest sie zuerst, um zu wissen, wie er den Rest lesen muss.',
  'ip.ihl':
    'Länge des Headers in 32-Bit-Wörtern: 5 heißt 20 Bytes, keine Optionen. Daran sieht der Empfänger, wo die Daten beginnen.',
  'ip.dscp':
    'Differentiated Services: eine Verkehrsklasse, mit der Router manche Pakete (Sprache, Video) bevorzugen können. 0 ist gewöhnliches Best Effort.',
  'ip.ecn':
    'Explicit Congestion Notification: Ein Router kann ein Paket markieren, statt es zu verwerfen, wenn seine Warteschlange voll wird. 0 heißt: nicht genutzt.',
  'ip.totalLength':
    'Größe des ganzen Pakets, IP-Header plus Daten, in Bytes. Der Sender berechnet sie; sie wird nicht gewählt.',
  'ip.identification':
    'Hält die Fragmente eines Pakets zusammen, wenn es aufgeteilt werden muss: Jedes Stück trägt die Nummer seines Pakets. Ein Paket mit Don’t Fragment wird nie aufgeteilt und darf daher 0 tragen (RFC 6864).',
  'ip.flags': 'Drei Bits, die die Fragmentierung steuern.',
  'ip.flags.reserved': 'Reserviert: muss null sein.',
  'ip.flags.df':
    'Don’t Fragment: Ein Router muss das Paket verwerfen (und das per ICMP „Fragmentation Needed“ melden), statt es aufzuteilen. TCP setzt es, um die Pfad-MTU zu finden (RFC 1191); UDP lässt es frei.',
  'ip.flags.mf':
    'More Fragments: Nach diesem Stück folgen weitere Stücke desselben ursprünglichen Pakets.',
  'ip.fragmentOffset':
    'Wohin dieses Stück in den Daten des ursprünglichen Pakets gehört, in Einheiten von 8 Bytes (69 heißt Byte 552). 0 bei einem Paket, das nicht aufgeteilt wurde, und beim ersten Stück eines aufgeteilten.',
  'ip.ttl':
    'Time to live: wie viele Hops bleiben, bevor ein Router das Paket verwirft; jeder Router senkt den Wert um eins. So kreist kein Paket ewig.',
  'ip.protocol':
    'Welches Protokoll die Daten tragen, damit der Empfänger sie richtig weitergibt: 1 ICMP, 6 TCP, 17 UDP.',
  'ip.checksum':
    'Eine Prüfsumme nur über den IP-Header, damit ein Router einen beschädigten Header erkennt. Jeder Router berechnet sie neu, weil sich die TTL ändert.',
  'ip.src': 'Die Adresse des Hosts, der das Paket gesendet hat. Antworten gehen an sie zurück.',
  'ip.dst':
    'Die Adresse des endgültigen Empfängers. Jeder Router sucht sie in seiner Routingtabelle, um den nächsten Hop zu wählen.',
  'ip.options': 'Optionale Zusätze nach dem festen Header (im heutigen Internet selten).',
  'tcp.srcPort':
    'Der Port des Senders: von welchem Socket auf dem sendenden Host dieses Segment kommt. Ein Client bekommt meist einen zufälligen ephemeren Port.',
  'tcp.dstPort':
    'Der Port des Empfängers: welcher Socket, also welches Programm, auf dem empfangenden Host dieses Segment bekommt. Server lauschen auf bekannten Ports.',
  'tcp.seq':
    'Nummer des ersten Datenbytes in diesem Segment (ein SYN oder FIN zählt als ein Byte). Damit bringt der Empfänger die Bytes in die richtige Reihenfolge und erkennt Lücken und Duplikate.',
  'tcp.ack':
    'Das nächste Byte, das der Sender dieses Segments erwartet: Jedes Byte davor ist angekommen. Nur gültig, wenn das ACK-Flag gesetzt ist.',
  'tcp.dataOffset':
    'Länge des TCP-Headers in 32-Bit-Wörtern (5 heißt 20 Bytes), damit der Empfänger weiß, wo nach den Optionen die Daten beginnen.',
  'tcp.reserved': 'Für künftige Verwendung reserviert: immer null.',
  'tcp.flags':
    'Steuerbits, die sagen, was dieses Segment tut: öffnen, bestätigen, übergeben, beenden, zurücksetzen.',
  'tcp.flags.cwr':
    'Congestion Window Reduced: Der Sender ist langsamer geworden, nachdem die Gegenseite eine Stau-Markierung zurückgemeldet hat.',
  'tcp.flags.ece':
    'ECN-Echo: sagt der Gegenseite, dass ein Router unterwegs einen Stau markiert hat.',
  'tcp.flags.urg': 'Urgent: Der Urgent Pointer ist gültig (wird fast nie genutzt).',
  'tcp.flags.ack':
    'Acknowledgment: Die Bestätigungsnummer ist gültig. Gesetzt in jedem Segment nach dem allerersten SYN.',
  'tcp.flags.psh': 'Push: Gib die Daten jetzt an die Anwendung weiter, statt auf mehr zu warten.',
  'tcp.flags.rst':
    'Reset: Brich die Verbindung sofort ab, zum Beispiel weil auf diesem Port niemand lauscht.',
  'tcp.flags.syn':
    'Synchronize: öffnet eine Verbindung und teilt die initiale Sequenznummer mit. Nur das erste Segment jeder Seite hat es.',
  'tcp.flags.fin':
    'Finish: Der Sender hat nichts mehr zu senden und schließt seine Richtung der Verbindung.',
  'tcp.window':
    'Wie viele Bytes der Sender dieses Segments noch empfangen kann: sein freier Empfangspuffer. Diese Flusskontrolle verhindert, dass ein schneller Sender einen langsamen Empfänger überrennt.',
  'tcp.checksum':
    'Eine Prüfsumme über den TCP-Header, die Daten und die beiden Adressen, damit der Empfänger Beschädigungen erkennt und das Segment verwirft.',
  'tcp.urgentPointer': 'Wo dringende Daten enden, wenn URG gesetzt ist; sonst 0.',
  'tcp.options':
    'Optionale Zusätze nach den festen 20 Bytes, aufgefüllt auf ein Vielfaches von 4 Bytes.',
  'tcp.option.mss':
    'Maximum Segment Size: die größte Datenmenge, die diese Seite in einem Segment haben will. Wird nur in SYN-Segmenten gesendet.',
  'tcp.option.windowScale':
    'Window Scale: Die Gegenseite multipliziert das Fenster dieser Seite mit 2 hoch diesem Wert, damit Fenster größer als 64 KiB sein können.',
  'tcp.option.sackPermitted':
    'SACK permitted: Diese Seite kann genau melden, welche Blöcke nach einer Lücke angekommen sind.',
  'tcp.option.sack':
    'Selektive Bestätigung: Byte-Bereiche, die hinter einer Lücke angekommen sind.',
  'tcp.option.timestamps':
    'Timestamps: Damit messen beide Seiten die Round-Trip-Time und weisen sehr alte doppelte Segmente zurück.',
  'tcp.option.nop': 'No-Operation: ein Füllbyte, das die nächste Option ausrichtet.',
  'tcp.option.eol':
    'Ende der Optionsliste, danach Nullbytes, die den Header auf ein Vielfaches von 4 Bytes auffüllen.',
  'tcp.option.unknown':
    'Eine Option, die dieser Inspektor nicht kennt; sie wird als Bytes gezeigt.',
  'tcp.option.kind': 'Welche Option das ist (eine IANA-Nummer).',
  'tcp.option.length': 'Länge der ganzen Option in Bytes, Kind und Length eingeschlossen.',
  'tcp.option.value': 'Der Wert der Option.',
  'udp.srcPort':
    'Der Port des Senders: von welchem Socket auf dem sendenden Host dieses Datagramm kommt. Antworten gehen an ihn zurück.',
  'udp.dstPort':
    'Der Port des Empfängers: welcher Socket, also welches Programm, auf dem empfangenden Host dieses Datagramm bekommt.',
  'udp.length': 'Länge von UDP-Header plus Daten in Bytes. Der Sender berechnet sie.',
  'udp.checksum':
    'Eine Prüfsumme über den UDP-Header, die Daten und die beiden Adressen, damit der Empfänger Beschädigungen erkennt. 0 hieße „keine Prüfsumme“.',
  'icmp.type':
    'Welche Art Nachricht das ist: 8 Echo Request, 0 Echo Reply, 3 Destination Unreachable, 11 Time Exceeded.',
  'icmp.code':
    'Genauere Angabe innerhalb des Typs: Bei Destination Unreachable heißt 3 „Port Unreachable“.',
  'icmp.checksum': 'Eine Prüfsumme über die ganze ICMP-Nachricht, um Beschädigungen zu erkennen.',
  'icmp.identifier': 'Ordnet Antworten dem Programm zu, das die Echo Requests gesendet hat.',
  'icmp.sequence':
    'Nummeriert jeden Echo Request, damit jede Antwort ihrer Anfrage zugeordnet werden kann.',
  'icmp.unused': 'Von diesem Nachrichtentyp nicht genutzt: immer null.',
  'icmp.nextHopMtu':
    'Bei „Fragmentation Needed“: das größte Paket, das die nächste Leitung tragen kann.',
  'icmp.rest': 'Der Rest des ICMP-Headers; was er bedeutet, hängt vom Typ ab.',
  'data.payload':
    'Die Bytes der Anwendung: was das Programm in seinen Socket geschrieben hat. Die Schichten darunter tragen sie, ohne hineinzuschauen.',
  'data.requestNumber':
    'Der Pinger schreibt hier die Nummer der Anfrage hinein, damit eine Antwort die Anfrage nennt, auf die sie antwortet.',
  'data.attempt':
    'Der Pinger schreibt hinein, der wievielte Versuch das ist: 0 beim ersten Senden, 1, 2, … bei Wiederholungen.',
  'data.padding': 'Füllbytes (Nullen), die der Anfrage die Größe geben, die das Szenario verlangt.',
  'data.echo': 'Daten im Echo Request; die Antwort schickt dieselben Bytes zurück.',
  'data.fragment':
    'Dieses Stück der Daten des ursprünglichen Pakets. Das Ziel setzt die Stücke nach ihren Offsets wieder zusammen; das erste Stück beginnt mit dem Transport-Header (UDP, TCP oder ICMP), die anderen tragen nur Daten.',
  'quote.data':
    'Die ersten 8 Bytes nach dem zitierten IP-Header: genug für die Ports, damit der Sender erkennt, welcher Socket betroffen ist.',
  'quote.payload':
    'Ein ICMP-Fehler zitiert den Anfang des Pakets, um das es geht: seinen IP-Header und die ersten 8 Datenbytes.',
  ...DHCP_FIELD_HELP_DE,
};
