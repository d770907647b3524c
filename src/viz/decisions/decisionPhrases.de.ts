// The words of "what this device decided" in German (see decisionPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { DECISION_EN } from './decisionPhrases.ts';

export const DECISION_DE: Translation<typeof DECISION_EN> = {
  'layer.link': 'Sicherungsschicht',
  'layer.network': 'Vermittlungsschicht',
  'layer.transport': 'Transportschicht',
  'layer.application': 'Anwendungsschicht',
  arrived: 'Auf {iface} über die Leitung {link} von {peer} angekommen.',
  sent: 'Über {iface} auf die Leitung {link} in Richtung {peer} gesendet.',
  sentAfterQueue:
    '{wait} in der Warteschlange von {iface} gewartet, dann auf die Leitung {link} in Richtung {peer} gesendet.',
  queueFull: 'Die Warteschlange von {iface} war voll: verworfen, bevor es die Leitung erreichte.',
  linkDown: 'Die Leitung von {iface} ist getrennt: verworfen, bevor es die Leitung erreichte.',
  lost: 'Auf der Leitung {link} verloren ({reason}): Es kam nie an.',
  'switch.learned': 'Aus der Absender-MAC {mac} des Rahmens gelernt: Sie liegt hinter Port {port}.',
  'switch.knew': 'Wusste schon, dass die Absender-MAC {mac} hinter Port {port} liegt.',
  'switch.forward':
    'Die Ziel-MAC {mac} in der MAC-Adresstabelle nachgeschlagen: hinter Port {port}, also nur über {port} weitergeschickt.',
  'switch.flood':
    'Die Ziel-MAC {mac} steht nicht in der MAC-Adresstabelle: über alle Ports außer {port}, über den er kam, geflutet ({ports}).',
  'switch.broadcast':
    'An die Broadcast-MAC {mac}: über alle Ports außer {port}, über den er kam, geschickt ({ports}).',
  'switch.multicast':
    'An die Gruppen-MAC {mac}: über alle Ports außer {port}, über den er kam, geschickt ({ports}).',
  'switch.filter':
    'Die Ziel-MAC {mac} liegt hinter Port {port}, dem Port, über den er kam: nicht zurückgeschickt (gefiltert).',
  'eth.inOwn':
    'Die Ziel-MAC {mac} ist die eigene Adresse von {iface}: Die Karte nimmt den Rahmen an.',
  'eth.inBroadcast':
    'An die Broadcast-MAC ff:ff:ff:ff:ff:ff: Jede Station im Segment nimmt ihn an, auch diese.',
  'eth.inOther':
    'Die Ziel-MAC ist {mac}, nicht die Adresse von {iface}: Ein Switch hat ihn hierher geflutet, weil er nicht wusste, wo diese MAC liegt. Die Karte verwirft ihn.',
  'eth.header':
    'In einen Ethernet-II-Rahmen gepackt: von {src}, der MAC von {iface}, an {dst}, die MAC des nächsten Hops.',
  'eth.broadcast':
    'Ein Broadcast: von {src}, der MAC von {iface}, an ff:ff:ff:ff:ff:ff für jede Station im Segment gerahmt; kein ARP nötig.',
  'arp.hit':
    'Der ARP-Cache kennt den nächsten Hop {ip} unter {mac}, noch erreichbar: keine Frage nötig.',
  'arp.miss.none':
    'Der ARP-Cache hat keine MAC für den nächsten Hop {ip}: Das Paket wartet, während ARP per Broadcast an {iface} fragt, wer {ip} hat ({requests}).',
  'arp.miss.stale':
    'Der Eintrag des ARP-Caches für den nächsten Hop {ip} ist veraltet: Das Paket wartet, während ARP an {iface} erneut fragt, wer {ip} hat ({requests}).',
  'arp.pending':
    'ARP fragt an {iface} schon, wer den nächsten Hop {ip} hat ({requests}): Das Paket wartet mit den anderen auf die Antwort.',
  'arp.learned':
    'Die ARP-Antwort {frame} sagt: {ip} hat {mac}. Der Cache lernt es, und das Paket geht nach {wait} Wartezeit weiter.',
  'arp.learnedFromRequest':
    '{ip} hat selbst nach diesem Knoten gefragt ({frame}) und dabei seine MAC {mac} genannt: Der Cache lernt sie, und das Paket geht nach {wait} Wartezeit weiter.',
  'arp.again': 'Binnen einer Sekunde keine ARP-Antwort: erneut gefragt, wer {ip} hat ({requests}).',
  'arp.failed':
    'Keine Antwort auf {count} ARP-Anfragen nach dem nächsten Hop {ip} ({requests}): Der Eintrag scheitert, und das Paket, das darauf wartete, wird verworfen.',
  'arp.queueFull':
    'Schon zu viele Pakete warteten darauf, dass ARP den nächsten Hop findet: Das älteste, dieses, wird verworfen.',
  'arpFrame.asks':
    'ARP fragt, wer {target} hat: Ein Paket für diesen nächsten Hop wartet, und der Cache von {iface} hat keine MAC dafür. Gesendet von {asker} mit {mac} an alle Stationen (Anfrage {probe} von höchstens 3).',
  'arpFrame.answers':
    'ARP antwortet {to}: {ip} ist die Adresse von {iface}, mit {mac}. Die Antwort geht direkt an die MAC des Fragenden, nicht an alle.',
  'arpFrame.forMe':
    'Es fragt, wer {target} hat, die Adresse von {iface}: Der Cache lernt den Fragenden {sender} mit {mac}, und ARP antwortet.',
  'arpFrame.notForMe':
    'Es fragt, wer {target} hat, keine Adresse dieses Knotens: ignoriert, und der Cache lernt nichts daraus.',
  'arpFrame.gratuitous':
    'Eine unaufgeforderte Anfrage: {sender} verkündet seine MAC {mac}, und der Cache, der sie schon kannte, übernimmt die Nachricht.',
  'arpFrame.answer':
    'Die Antwort auf seine Anfrage: {sender} hat {mac}. Der Cache lernt es und schickt die Pakete, die darauf warteten.',
  'arpFrame.announces':
    'Eine Gratuitous-ARP-Anfrage von {iface}: Sie teilt allen Stationen mit, dass {ip} bei {mac} ist, weil dieser Knoten die Adresse gerade übernommen hat (Ankündigung {count} von 2). Niemand antwortet darauf.',
  'arpFrame.gratuitousIgnored':
    'Eine Gratuitous-Anfrage: {sender} verkündet seine MAC {mac}. Der Cache hat keinen Eintrag für {sender} und lernt daher nichts (Linux übernimmt nur Neuigkeiten über Nachbarn, die es kennt).',
  'arpFrame.unasked':
    'Eine Antwort über {sender}, nach der er nicht gefragt hat: ignoriert, und der Cache lernt nichts.',
  'drop.generic': 'Verworfen: {reason}.',
  'route.local':
    '{dst} ist eine seiner eigenen Adressen: Das Paket ist für diesen Knoten und geht nach oben.',
  'route.broadcast': 'Ein Broadcast: für jeden Knoten im Segment, auch für diesen.',
  'route.via':
    'Nicht für diesen Knoten. Der längste Treffer für {dst} in der Routingtabelle ist {prefix}: weiter zum nächsten Router {via}, hinaus über {iface}.',
  'route.direct':
    'Nicht für diesen Knoten. Der längste Treffer für {dst} in der Routingtabelle ist {prefix}, ein Subnetz an {iface}: direkt zu {dst}.',
  'route.default':
    'Nicht für diesen Knoten, und keine Route, die genauer ist als die Standardroute, enthält {dst}: weiter zum Standardrouter {via}, hinaus über {iface}.',
  'route.ownVia':
    'Die Routingtabelle schickt {dst} über die Route {prefix} zum Router {via}, hinaus über {iface}.',
  'route.ownDirect':
    '{dst} liegt im eigenen Subnetz {prefix}: direkt dorthin, hinaus über {iface}.',
  'route.ownDefault':
    'Keine Route, die genauer ist als die Standardroute, enthält {dst}: zum Standardrouter {via}, hinaus über {iface}.',
  'route.none':
    'Keine Route der Routingtabelle enthält {dst}, und es gibt keine Standardroute: verworfen.',
  'route.notForMe':
    'An {dst} adressiert, nicht an diesen Knoten: ignoriert. Ein Switch hat es hierher geflutet, weil er noch nicht wusste, wo {dst} liegt.',
  'route.sameSegment':
    '{dst} liegt im Subnetz, aus dem es kam ({iface}): nicht zurückgeroutet; {dst} hat es schon vom Switch bekommen.',
  'ttl.decrement': 'TTL {from} → {to}: eins weniger für diesen Hop.',
  'ttl.expired':
    'Die TTL war {ttl}: Eins weniger wäre 0, also endet das Paket hier, statt ewig zu kreisen.',
  deliver: 'An sein {protocol} übergeben (IP-Protokoll {number}).',
  'deliver.noProtocol': 'Nichts auf diesem Knoten spricht IP-Protokoll {number}: verworfen.',
  'fw.ACCEPT':
    'Firewall, Kette {chain}: Die Verbindung des Pakets ist {state}; die erste passende Regel ist Regel {n}, und sie nimmt es an.',
  'fw.DROP':
    'Firewall, Kette {chain}: Die Verbindung des Pakets ist {state}; die erste passende Regel ist Regel {n}, und sie verwirft es.',
  'fw.REJECT':
    'Firewall, Kette {chain}: Die Verbindung des Pakets ist {state}; die erste passende Regel ist Regel {n}, und sie weist es ab: verworfen, und der Absender erfährt es.',
  'fw.policy':
    'Firewall, Kette {chain}: Die Verbindung des Pakets ist {state}; keine Regel passt, also entscheidet die Policy der Kette: {policy}.',
  'fw.stopped': 'Die Firewall ist angehalten: Sie verwirft alles.',
  'fw.log':
    'Firewall, Kette {chain}: Regel {n} (LOG) passt: Sie protokolliert „{prefix}“, und die Prüfung geht weiter.',
  'nat.masquerade': 'POSTROUTING: Masquerading schreibt die Quelle {from} in {to} um.',
  'nat.unmasquerade':
    'PREROUTING: eine Antwort auf einen maskierten Fluss: Das Ziel {from} wird zurück in {to} umgeschrieben.',
  'nat.portForward':
    'PREROUTING: Eine Portweiterleitung nimmt es: Das Ziel {from} wird in {to} umgeschrieben.',
  'nat.portForwardReply':
    'POSTROUTING: eine Antwort über die Portweiterleitung: Die Quelle {from} wird zurück in {to} umgeschrieben.',
  'nat.new': 'Ein neuer Eintrag in der NAT-Tabelle.',
  'nat.unmatched':
    'PREROUTING: Kein NAT-Eintrag und keine Portweiterleitung beansprucht {to}: Das Paket ist für diesen Knoten selbst.',
  'nat.noFreePort':
    'POSTROUTING: Masquerading findet keinen freien öffentlichen Port für einen neuen Fluss: verworfen.',
  'tcp.connection': 'Passt zur Verbindung {local} ⇄ {remote}, im Zustand {state}.',
  'tcp.listener':
    'Noch keine Verbindung: Der Socket, der auf Port {port} lauscht, nimmt das SYN an, eine neue Verbindung in SYN-RECEIVED.',
  'tcp.states': 'Die Verbindung geht von {from} nach {to}.',
  'tcp.error': 'Das Programm erfährt {error}.',
  'tcp.ackOnly': 'Es trägt keine Daten, nur TCPs eigene Angelegenheiten: nichts für das Programm.',
  'tcp.refused': 'Kein Socket nimmt TCP-Port {port}: TCP antwortet mit einem Reset (RST).',
  'tcp.ignoredRst': 'Ein Reset ohne Verbindung: ignoriert, wie TCP es tut.',
  'tcp.synDropped':
    'Der Socket, der auf Port {port} lauscht, hat seinen Backlog von {backlog} voll: Das SYN wird verworfen.',
  'tcp.synQueueFull':
    'Port {port} hat schon {count} halboffene Verbindungen, die Grenze der SYN-Warteschlange: Das SYN wird verworfen.',
  'tcp.synCookie':
    'Die SYN-Warteschlange von Port {port} ist voll: mit einem SYN-Cookie beantwortet, ohne Zustand zu behalten.',
  'tcp.cookieAck': 'Es bringt ein gültiges SYN-Cookie zurück: Die Verbindung entsteht jetzt.',
  'tcp.cookieDropped':
    'Es bringt ein gültiges SYN-Cookie zurück, aber die Accept-Warteschlange von Port {port} ist voll: verworfen.',
  'tcp.badChecksum':
    'Seine {protocol}-Prüfsumme stimmt nicht (auf der Leitung beschädigt): verworfen.',
  'udp.socket': 'Der an Port {port} gebundene UDP-Socket nimmt es an.',
  'udp.noSocket': 'Kein Socket ist an UDP-Port {port} gebunden: verworfen.',
  'icmp.echoRequest': 'Eine ICMP-Echo-Anfrage: Das ICMP des Knotens beantwortet sie selbst.',
  'icmp.echoReply':
    'Eine ICMP-Echo-Antwort (Kennung {id}, Sequenz {seq}): für den Ping, der die Anfrage schickte.',
  'icmp.error':
    'Ein ICMP-Fehler ({message}) über ein Datagramm ({protocol}), das er an {dst} schickte.',
  'icmp.errorSocket':
    'Ein ICMP-Fehler ({message}) über ein Datagramm ({protocol}), das er an {dst} schickte: an seinen Socket auf Port {port} übergeben.',
  'made.tcp': 'Von der Verbindung {local} ⇄ {remote} gesendet, im Zustand {state}.',
  'made.retransmit': 'Es ist eine Wiederholung: {reason}.',
  'made.rst':
    'Ein Reset (RST), den TCP selbst erzeugt: Das Segment, auf das er antwortet, fand keinen Socket.',
  'made.reject':
    'Von der REJECT-Regel der Firewall erzeugt, als Antwort auf ein abgewiesenes Paket: Es trägt {src} als Quelle, als hätte das Ziel geantwortet.',
  'made.spoofed':
    'Es trägt {src} als Quelle, eine Adresse, die nicht diesem Knoten gehört: gefälscht, und kein Socket hat es gesendet.',
  'made.raw':
    'Kein Socket hat es gesendet: Es wurde direkt auf der IP-Schicht erzeugt, wie ein Angriffswerkzeug seine Pakete erzeugt.',
  'made.udp': 'Vom UDP-Socket auf Port {port} an {dst} gesendet.',
  'made.echoRequest': 'Eine ICMP-Echo-Anfrage (Kennung {id}, Sequenz {seq}) an {dst}.',
  'made.echoReply': 'Das ICMP des Knotens beantwortet eine Echo-Anfrage mit dieser Echo-Antwort.',
  'made.icmpError': 'Ein ICMP-Fehler ({message}) über ein Paket, das nicht weiterkam.',
  'made.other': 'Vom Knoten selbst erzeugt.',
  'app.reads': 'An das Programm {program} übergeben, das es aus seinem Socket liest.',
  'app.readsSomeone': 'An das Programm übergeben, das Port {port} hält.',
  'app.wrote': 'Vom Programm {program} in seinen Socket geschrieben.',
  'app.connect':
    'Das Programm {program} wollte sich verbinden: TCP öffnet die Verbindung mit diesem SYN.',
  'app.close': 'Das Programm {program} hat sein Ende geschlossen: TCP sendet dieses FIN.',
  'app.ping': 'Das Programm {program} pingt: Es lässt ICMP diese Echo-Anfrage schicken.',
  'app.pingReply':
    'Die Antwort, auf die das Programm {program} wartet: Es zählt den Ping als beantwortet.',
  'app.raw': 'Vom Programm {program} selbst erzeugt, ohne Socket.',
  'app.or': '{first} oder {second}',
  'answer.icmpError': 'Einen ICMP-Fehler ({message}) an {dst} zurückgeschickt.',
  'answer.rst': 'Einen Reset (RST) an {dst} zurückgeschickt.',
  'answer.echoReply': 'Eine Echo-Antwort an {dst} zurückgeschickt.',
  'answer.noIcmp':
    'Kein ICMP-Fehler geht zurück: Das Paket ist selbst ein ICMP-Fehler oder ein Broadcast (RFC 1122).',
};
