// The event log's packet sentences in German (see packetPhrases.ts): Paket, Leitung,
// Warteschlange, Schnittstelle; TTL, ICMP messages and TCP flags as Wireshark writes them.

import type { Translation } from '../../engine/language.ts';
import type { PACKET_EN } from './packetPhrases.ts';

export const PACKET_DE: Translation<typeof PACKET_EN> = {
  'count.packets': { one: '{count} Paket', other: '{count} Pakete' },
  'count.bytes': { one: '{count} Byte', other: '{count} Bytes' },
  txEnd: 'Das letzte Bit von Paket #{pkt} verlässt {node} auf Leitung {link}.',
  rx: 'Paket #{pkt} kommt bei {node}{where} an.',
  'rx.on': ' über {iface}',
  'lost.linkDown':
    'Paket #{pkt} wird auf Leitung {link} abgeschnitten: Die Leitung ist ausgefallen.',
  lost: 'Paket #{pkt} geht auf Leitung {link} verloren.',
  'drop.queueFull': 'Paket #{pkt} wird verworfen: Die Warteschlange an {at} ist voll.',
  'drop.linkDown': 'Paket #{pkt} wird an {at} verworfen: Leitung {link} ist ausgefallen.',
  drop: 'Paket #{pkt} wird an {at} verworfen.',
  'impair.duplicate': 'Leitung {link} verdoppelt Paket #{pkt}: Es wird zweimal ankommen.',
  'impair.reorder':
    'Leitung {link} hält Paket #{pkt} zurück, sodass später gesendete Pakete es überholen können.',
  'impair.corrupt': 'Leitung {link} beschädigt Paket #{pkt}: Bit {bit} kippt unterwegs, {part}.',
  'part.ipHeader': 'im IP-Header',
  'part.header': 'im {protocol}-Header',
  'part.data': 'in den {protocol}-Daten',
  'part.packet': 'irgendwo im Paket',
  'queue.empty': 'Die Warteschlange an {at} ist leer.',
  'queue.holds': 'Die Warteschlange an {at} enthält {packets} ({bytes}).',
  'link.up': 'Leitung {link} ist wieder in Betrieb.',
  'link.down': 'Leitung {link} fällt aus.',
  'link.change':
    'Leitung {link} ändert sich: ab jetzt {settings} (Pakete, die schon unterwegs sind, behalten ihr Timing).',
  'iface.down':
    'Schnittstelle {iface} von {node} fällt aus: nichts geht mehr hindurch, und Routen über sie sind unbrauchbar.',
  'iface.up': 'Schnittstelle {iface} von {node} ist wieder in Betrieb.',
  'node.crash':
    '{node} stürzt ab: Verbindungen, Sockets und Programme sind auf einmal weg, und nichts wird gesendet (kein FIN, kein RST). Bis zum Neustart wird jedes Paket verworfen.',
  'node.restart':
    '{node} startet neu, mit nichts als der Konfiguration: die Server lauschen wieder, und von den Verbindungen von vorher weiß der Knoten nichts mehr.',
  'forward.back': '{node} leitet Paket #{pkt}, das über {from} kam, über {to} wieder hinaus.',
  forward: '{node} leitet Paket #{pkt} von {from} nach {to} weiter.',
  deliver: '{node} nimmt Paket #{pkt} an und übergibt es an {protocol}.',
  'deliver.protocol': 'IP-Protokoll {number}',
  'switch.learn': '{node} lernt, dass {address} hinter Port {port} liegt.',
  'switch.flood':
    '{node} flutet Paket #{pkt} über Port {port} hinaus: Er weiß noch nicht, wo das Ziel liegt.',
  'switch.forward': '{node} schickt Paket #{pkt} von Port {from} an Port {to} weiter.',
  'switch.filter':
    '{node} verwirft Paket #{pkt}: Sein Ziel liegt hinter Port {port}, woher es kam.',
  'tx.forward':
    '{node} beginnt, Paket #{pkt} über Leitung {link} in Richtung {to} zu senden, TTL jetzt {ttl}.',
  'tx.portUnreachable':
    'Auf {node} lauscht niemand auf {protocol}-Port {port}: Die Antwort ist ICMP port unreachable, Paket #{pkt} an {to} auf Leitung {link}.',
  'tx.icmpError': '{from} antwortet mit {what}, Paket #{pkt} an {to} auf Leitung {link}.',
  'tx.a':
    '{from} beginnt, Paket #{pkt} ({what}, {bytes} Bytes) auf Leitung {link} an {to} zu senden{numbers}.',
  'tx.an':
    '{from} beginnt, Paket #{pkt} ({what}, {bytes} Bytes) auf Leitung {link} an {to} zu senden{numbers}.',
  'tx.numbers': ' ({numbers})',
  'tx.arp': '{node} beginnt, ARP-Rahmen #{pkt} auf Leitung {link} zu senden: {info}.',
  'tx.fragment':
    '{from} beginnt, Paket #{pkt}, {bytes}, an {to} über Leitung {link} zu senden: ein Fragment von Datagramm {identification}, Bytes {first}–{last}{more}.',
  'tx.fragment.more': ', weitere folgen',
  'kind.tcpData': 'TCP-Daten',
  'kind.tcpDataFin': 'TCP-Daten+FIN',
  'ip.ttl': '{node} verwirft Paket #{pkt}: Die TTL ist abgelaufen.',
  'ip.noRoute': '{node} verwirft Paket #{pkt}: Es gibt keine Route zu {dst}.',
  'ip.noRouteUnknown': '{node} verwirft Paket #{pkt}: Es gibt keine Route zu seinem Ziel.',
  'ip.notForMe': '{node} ignoriert Paket #{pkt}: Es ist an {dst} adressiert.',
  'ip.notForMeUnknown': '{node} ignoriert Paket #{pkt}: Es ist an einen anderen Knoten adressiert.',
  'ip.noProtocol': '{node} verwirft Paket #{pkt}: Nichts auf dem Knoten verarbeitet {protocol}.',
  'ip.noProtocolUnknown':
    '{node} verwirft Paket #{pkt}: Nichts auf dem Knoten verarbeitet sein Protokoll.',
  'ip.notConnected':
    '{node} verwirft Paket #{pkt}: Die Schnittstelle, über die es hinaus müsste, hat keine Leitung.',
  'ip.filtered': '{node} verwirft Paket #{pkt}, wie seine Firewall entschieden hat.',
  'ip.nodeDown': '{node} ist abgestürzt: Paket #{pkt} wird verworfen.',
  'ip.interfaceDown':
    '{node} verwirft Paket #{pkt}: die Schnittstelle, über die es kam oder gehen würde, ist ausgefallen.',
  'ip.badChecksum':
    '{node} verwirft Paket #{pkt}: Seine IP-Header-Prüfsumme stimmt nicht (auf der Leitung beschädigt).',
  'transport.badChecksum':
    '{node} verwirft Paket #{pkt}: Seine {protocol}-Prüfsumme stimmt nicht (auf der Leitung beschädigt).',
  'ip.otherHost':
    '{node} ignoriert Paket #{pkt}: Sein Rahmen ist an die MAC-Adresse einer anderen Station gerichtet (ein Switch hat ihn geflutet).',
  'ip.arpFailed':
    '{node} verwirft Paket #{pkt}: Niemand hat seine ARP-Anfragen nach der MAC-Adresse des nächsten Hops beantwortet.',
  'ip.arpQueueFull':
    '{node} verwirft Paket #{pkt}: Zu viele Pakete warten auf die MAC-Adresse desselben nächsten Hops.',
  'ip.fragmentationNeeded':
    '{node} verwirft Paket #{pkt}: Es ist zu groß für die Leitung, über die es hinaus müsste, und sein Don’t-Fragment-Flag verbietet, es zu zerteilen.',
  'ip.fragmentationNeeded.own':
    '{node} sendet Paket #{pkt} nicht: Es ist größer als die Pfad-MTU, die der Knoten kennt, und sein Don’t-Fragment-Flag verbietet, es zu zerteilen. Das Programm, das es sendete, erfährt EMSGSIZE.',
  'ip.badFragment':
    '{node} verwirft Paket #{pkt}: ein Fragment, das zu keinem Datagramm gehören kann.',
  'ip.other': '{node} verwirft Paket #{pkt} ({reason}).',
  'count.fragments': { one: '{count} Fragment', other: '{count} Fragmente' },
  'ip.fragment':
    '{node} zerteilt Paket #{pkt} in {fragments} von höchstens {mtu} Bytes, um es über {iface} zu senden: Pakete {ids}, jedes mit seinem Offset, alle außer dem letzten mit gesetztem More Fragments.',
  'ip.reassemble':
    '{node} hat alle Fragmente von Datagramm {identification} ({ids}) und setzt es wieder zusammen: Paket #{pkt}, {bytes}, als wäre es ganz angekommen.',
  'ip.reassemblyTimeout':
    '{node} gibt Datagramm {identification} von {src} auf: Seine {fragments} haben {timeout} auf den Rest gewartet. Es wirft sie weg und sagt es {src} (ICMP Time Exceeded beim Zusammensetzen).',
  'ip.reassemblyTimeout.noFirst':
    '{node} gibt Datagramm {identification} von {src} auf: Seine {fragments} haben {timeout} auf den Rest gewartet. Es wirft sie weg; da das erste Fragment nie kam, sendet es keine ICMP-Nachricht.',
  'ip.pmtu':
    '{node} erfährt von {from} (ICMP Fragmentation Needed), dass Pakete an {dst} höchstens {mtu} Bytes groß sein dürfen: Das ist jetzt seine Pfad-MTU.',
};
