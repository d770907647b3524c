// The scenario validator's and the scenario warnings' sentences in German (the English and the
// keys: validationPhrases.ts). Field names, JSON and protocol words stay as the document writes them.

import type { Translation } from '../../engine/language.ts';
import type { VALIDATION_EN } from './validationPhrases.ts';

export const VALIDATION_DE: Translation<typeof VALIDATION_EN> = {
  'value.null': 'null',
  'value.array': 'ein Array',
  'value.string': 'ein String ({text})',
  'value.number': 'eine Zahl ({value})',
  'value.object': 'ein Objekt',
  'value.other': '{type}',
  'expected.string': 'ein String',
  'expected.integer': 'eine ganze Zahl',
  'expected.number': 'eine Zahl',
  'expected.min': '{expected} >= {min}',
  'expected.max': '{expected} <= {max}',
  'expected.below': '{expected} < {max}',
  'expected.oneOf': 'einer der Werte {values}',
  'expected.durationString': 'eine Dauer als String wie "20ms", "2s" oder "250us"',
  'expected.array': 'ein Array',
  'expected.object': 'ein Objekt',
  'expected.boolean': 'true oder false',
  'expected.exactly': '{value}',
  'expected.ipv4': 'eine IPv4-Adresse wie "10.0.0.1"',
  'expected.interfaceAddress': 'eine Adresse mit Präfixlänge wie "10.0.0.2/24"',
  'expected.mac': 'eine MAC-Adresse wie "02:00:00:00:00:01"',
  'expected.prefix': 'ein Präfix wie "10.1.0.0/16"',
  'expected.bitRate': 'eine Bitrate wie "10Mbps"',
  'expected.size': 'eine Größe',
  'pattern.id': '{what}: ein Buchstabe, dann bis zu 63 Buchstaben, Ziffern, "_" oder "-"',
  'pattern.nodeId': 'eine Knoten-ID',
  'pattern.linkId': 'eine Leitungs-ID',
  'pattern.interfaceName': 'ein Schnittstellenname',
  'pattern.linkEnd':
    'eine Schnittstelle als "Knoten:Schnittstelle", oder eine Knoten-ID, wenn der Knoten nur eine Schnittstelle hat',
  'pattern.peer': 'eine Knoten-ID oder eine IPv4-Adresse',
  'pattern.server': 'eine Knoten-ID, eine IPv4-Adresse oder ein Hostname wie "www.example.com"',
  'pattern.shortName': 'ein kurzer Name',
  'schema.expected': 'erwartet: {expected}, gefunden: {got}',
  'schema.tooLong': 'erwartet: höchstens {max} Zeichen, gefunden: {length}',
  'schema.durationAtLeast': 'erwartet: eine Dauer von mindestens {min}, gefunden: "{value}"',
  'schema.durationAtMost': 'erwartet: eine Dauer von höchstens {max}, gefunden: "{value}"',
  'schema.tooFewItems': 'erwartet: mindestens {min} Element(e), gefunden: {count}',
  'schema.tooManyItems': 'erwartet: höchstens {max} Elemente, gefunden: {count}',
  'schema.missing': 'ist Pflicht, fehlt aber',
  'schema.unknownField': 'ist kein bekanntes Feld (erwartet wird eines von: {fields})',
  'schema.bytesNotWhole': 'erwartet: eine ganze Zahl von Bytes >= 0, gefunden: {got}',
  'schema.sizeExpected': 'erwartet: eine Größe wie 1500 oder "64KiB", gefunden: {got}',
  'schema.mac.format':
    '"{text}" ist keine MAC-Adresse: sechs Paare von Hex-Ziffern, durch Doppelpunkte getrennt, wie 02:00:00:00:00:01',
  'schema.mac.multicast':
    '"{text}" ist eine Gruppenadresse (Multicast): Das erste Oktett ist ungerade; die eigene MAC einer Station ist Unicast, wie 02:00:00:00:00:01',
  'schema.hostAddress.network':
    '„{text}“ ist die Netzadresse seines Präfixes, keine Adresse für einen Host',
  'schema.hostAddress.broadcast':
    '„{text}“ ist die Broadcast-Adresse seines Präfixes, keine Adresse für einen Host',
  'schema.roleUpcoming':
    '{who} hat die Rolle „{role}“, die es noch nicht gibt ({upcoming}); nimm eine von {roles}',
  'schema.roleUpcoming.node': 'Knoten „{id}“',
  'schema.roleUpcoming.thisNode': 'Dieser Knoten',
  'schema.distribution':
    'erwartet: eine Dauer wie "5ms" oder ein Objekt mit "kind": "exponential", "uniform" oder "constant", gefunden: {got}',
  'schema.distributionMax': 'erwartet: eine Dauer von mindestens min ({min}), gefunden: {max}',
  'schema.ackDelay': 'erwartet: eine Dauer unter 500ms (RFC 5681 4.2), gefunden: {value}',
  'text.ipv4': '„{text}“ ist keine IPv4-Adresse: {why}',
  'text.ipv4.empty': 'sie ist leer; erwartet: {example}',
  'text.ipv4.parts': {
    one: 'sie hat {count} Teil; erwartet: {example}',
    other: 'sie hat {count} Teile; erwartet: {example}',
  },
  'text.ipv4.emptyPart': 'ein Teil ist leer; erwartet: {example}',
  'text.ipv4.notNumber': '„{part}“ ist keine Zahl; erwartet: {example}',
  'text.ipv4.leadingZero': '„{part}“ hat eine führende Null; schreib {number}',
  'text.ipv4.tooBig': '{part} ist größer als 255; jeder Teil muss zwischen 0 und 255 liegen',
  'text.ipv4.example': 'vier Zahlen von 0 bis 255, durch Punkte getrennt, etwa 10.0.0.2',
  'text.prefix.form':
    '„{text}“ ist kein Präfix: erwartet werden eine Adresse, ein Schrägstrich und eine Länge, etwa 10.0.0.0/24',
  'text.prefix.address': '„{text}“ ist kein Präfix: {why}',
  'text.prefix.length':
    '„{text}“ ist kein Präfix: die Länge „{length}“ muss eine ganze Zahl von 0 bis 32 sein',
  'text.prefix.hostBits': 'In „{text}“ sind Host-Bits gesetzt: das Netz ist {network}',
  'text.duration':
    '„{text}“ ist keine Dauer: erwartet werden eine Zahl und eine Einheit (ns, us, ms, s, m, h), etwa 250us, 500ms, 2s oder 1m',
  'text.duration.whole': '„{text}“ ist keine ganze Zahl von Nanosekunden',
  'text.duration.tooLong': '„{text}“ ist zu lang: die längste Dauer ist etwa 104 Tage',
  'text.bitRate':
    '„{text}“ ist keine Bitrate: erwartet werden eine Zahl und eine Einheit (bps, kbps, Mbps, Gbps), etwa 10Mbps',
  'text.bitRate.positive': '„{text}“ muss eine ganze Zahl von Bits pro Sekunde sein, größer als 0',
  'text.bitRate.whole': '„{text}“ ist keine ganze Zahl von Bits pro Sekunde',
  'text.size':
    '„{text}“ ist keine Größe: erwartet werden eine Zahl und eine Einheit (B, kB, MB, GB, KiB, MiB, GiB), etwa 64KiB',
  'text.size.whole': '„{text}“ ist keine ganze Zahl von Bytes',
  'json.empty': 'ungültiges JSON: das Dokument ist leer',
  'json.at': 'ungültiges JSON in Zeile {line}, Spalte {column}: {reason}',
  'json.reason': 'ungültiges JSON: {reason}',
  'json.end': 'unerwartetes Ende des Dokuments: erwartet: {expected}{unclosed} (abgeschnitten?)',
  'json.unclosed':
    "; die Klammer '{bracket}' in Zeile {line}, Spalte {column} wird nie geschlossen",
  'json.comment': "unerwartetes '/' (Kommentare sind in JSON nicht erlaubt)",
  'json.singleQuote': `unerwartetes "'" (Strings stehen in JSON in doppelten Anführungszeichen)`,
  'json.word': "unerwartetes '{word}' ({hint})",
  'json.char': 'unerwartetes {char}: erwartet: {expected}',
  'json.invalidNumber':
    "ungültige Zahl '{number}' (erwartet werden Ziffern wie 12, -0.5 oder 1e-3, ohne führende Nullen)",
  'json.controlInString':
    '{char} in einem String (einen Zeilenumbruch oder Tab schreibst du als \\n oder \\t)',
  'json.badEscape': "ungültiges Escape '\\{escape}' in einem String",
  'json.badUnicode': 'ungültiges Escape in einem String: \\u braucht vier Hex-Ziffern',
  'json.unclosedString': `ein String, der nie geschlossen wird (fehlt ein '"'?)`,
  'json.afterEnd': 'unerwartetes {char} nach dem Ende des Dokuments',
  'json.trailingComma': "unerwartetes ',' (Komma am Ende?)",
  'json.hint.expected': 'erwartet: {expected}',
  'json.hint.notJsonNumber': 'kein JSON-Wert; nimm eine Zahl oder null',
  'json.hint.notJsonNull': 'kein JSON-Wert; nimm null',
  'json.hint.lowerTrue': 'JSON schreibt true klein',
  'json.hint.lowerFalse': 'JSON schreibt false klein',
  'json.hint.null': 'JSON schreibt null',
  'json.hint.lowerNull': 'JSON schreibt null klein',
  'json.expected.value': 'ein Wert',
  'json.expected.commaOr': "',' oder '{close}'",
  'json.expected.name': 'ein Feldname in doppelten Anführungszeichen',
  'json.expected.nameOrClose': "ein Feldname in doppelten Anführungszeichen oder '}'",
  'json.expected.colon': "':' nach dem Feldnamen",
  'ref.duplicateInterface': 'wiederholt den Schnittstellennamen „{name}“ von {node}',
  'ref.otherRolesField':
    '{field} ist eine Einstellung eines Knotens mit der Rolle {role}, dieser Knoten hat die Rolle {own}: Entfernen Sie es',
  'ref.macTaken': '{node} hat die MAC {mac}, die schon die MAC von {owner} ist',
  'ref.macWithoutAddress':
    'eine MAC ({mac}) gehört zu einer Schnittstelle mit Adresse; ein Switch-Port hat keins von beiden',
  'ref.addressTaken': '{address} ist schon die Adresse von {owner}',
  'ref.overlap':
    '{prefix} überschneidet sich mit {other} von {node}:{interface}: jede Schnittstelle eines Knotens braucht ihr eigenes Subnetz',
  'ref.offSubnet': '{address} liegt in keinem Subnetz der Schnittstellen von {node} ({subnets})',
  'ref.noSubnets': 'er hat keine',
  'ref.linkedTwice':
    '{end} ist schon mit der Leitung „{link}“ verbunden: eine Leitung pro Schnittstelle',
  'ref.needsAddress':
    'fehlt: {end} hängt an der Leitung „{link}“ und braucht daher eine Adresse wie "10.0.0.2/24"',
  'ref.lossTwice':
    'Leitung „{link}“ hat loss und burstLoss: nur eines angeben (burstLoss entscheidet schon jeden Verlust)',
  'ref.sameNode':
    'eine Leitung muss zwei verschiedene Knoten verbinden, aber beide Enden liegen auf „{node}“',
  'ref.subnets':
    'verbindet {a} ({addressA}) und {b} ({addressB}), die in verschiedenen Subnetzen liegen',
  'ref.unknownLink': 'erwartet: die ID einer Leitung ({ids}), gefunden: „{value}“',
  'ref.noSuchAddress': 'keine Schnittstelle hat die Adresse {value}',
  'ref.unknownPeer':
    'erwartet: die ID eines Knotens ({ids}) oder eine IPv4-Adresse, gefunden: „{value}“',
  'ref.peerUnaddressed': '„{value}“ hat keine Adresse, an die man senden könnte',
  'ref.duplicateId': 'wiederholt die ID „{id}“ von {first}',
  'ref.unknownNode': 'erwartet: die ID eines Knotens ({ids}), gefunden: „{value}“',
  'ref.noInterfaces':
    'Knoten „{node}“ hat keine Schnittstellen: gib ihm eine, z. B. { "name": "eth0", "address": "10.0.0.2/24" }',
  'ref.nameInterface':
    'Knoten „{node}“ hat {count} Schnittstellen: nenne eine, z. B. "{node}:{first}"',
  'ref.noSuchInterface': 'Knoten „{node}“ hat keine Schnittstelle „{interface}“ (er hat: {names})',
  'ref.none': 'keine',
  'app.unaddressed':
    '{node} hat keine Adresse, daher kann seine Anwendung {type} nichts senden oder empfangen',
  'app.needsDns':
    '„{name}“ ist ein Hostname, daher braucht {node} einen DNS-Server: ergänze den Knoten um "dns": { "server": "ID eines Knotens oder IPv4-Adresse" }',
  'app.portTaken': '{protocol}-Port {port} ist schon von apps[{first}] auf {node} belegt',
  'app.reservedName':
    '„{name}“ ist im Trace der Name eines Clients oder einer eingebauten Anwendung; wähle einen anderen',
  'app.nameTaken':
    'der Name „{name}“ wird schon von apps[{first}] auf {node} verwendet; gib jedem Server seinen eigenen Namen',
  'action.unaddressed': '{node} hat keine Adresse und kann daher kein {action} ausführen',
  'action.tooLate':
    '{at} liegt nicht vor dem Ende des Laufs (until {until}), würde also nie geschehen',
  'event.noStack':
    '„{node}“ ist ein {role} ohne IP-Stack: nur ein Host oder ein Router kann abstürzen, neu starten oder eine Schnittstelle abgeschaltet bekommen',
  'event.changesNothing':
    'ein linkChange braucht mindestens eines von bandwidth, latency oder loss',
  'event.lossOnBurst':
    'Leitung „{link}“ hat burstLoss, das schon jeden Verlust entscheidet: ändere loss nur bei einer Leitung ohne burstLoss',
  'warn.alreadyCrashed':
    '{node} ist bei {at} schon abgestürzt (und nicht neu gestartet), dieser Absturz bewirkt also nichts',
  'warn.notCrashed':
    '{node} läuft bei {at} (kein Absturz geht voraus), dieser Neustart bewirkt also nichts',
  'warn.interfaceAlreadyDown':
    '{node}:{interface} ist bei {at} schon abgeschaltet, das bewirkt also nichts',
  'warn.interfaceNotDown':
    '{node}:{interface} ist bei {at} nicht abgeschaltet, das Einschalten bewirkt also nichts',
  'tcp.setting': '{field} ({value})',
  'tcp.settingDefault': '{field} ({value}, der Standardwert)',
  'tcp.bytes': '{count} Bytes',
  'retry.capBelowBase': 'cap {cap} ist kürzer als base {base}: erwartet: base <= cap',
  'tcp.minAboveMax':
    '{min} ist größer als {max}: erwartet: minRto <= maxRto, sonst liegt kein RTO dazwischen',
  'tcp.initialBelow':
    '{initial} liegt unter {bound}: erwartet: minRto <= initialRto <= maxRto (RFC 6298 begrenzt jedes RTO, auch das erste)',
  'tcp.initialAbove':
    '{initial} liegt über {bound}: erwartet: minRto <= initialRto <= maxRto (RFC 6298 begrenzt jedes RTO, auch das erste)',
  'tcp.bufferBelowMss':
    '{buffer} ist kleiner als {mss}: erwartet wird ein Puffer, der mindestens ein volles Segment fasst',
  'tcp.windowUnscaled':
    'erwartet: höchstens {max} Bytes ohne windowScaling (RFC 7323: ohne die Window-Scale-Option ist das Fensterfeld 16 Bit breit), gefunden: {window}; setze "windowScaling": true für ein größeres Fenster',
  'tcp.windowScaled':
    'erwartet: höchstens {max} Bytes mit windowScaling (65535 × 2^14, das größte Fenster, das es ankündigen kann), gefunden: {window}',
  'path.router': 'Router {node}',
  'path.noRouteFirst': '{who} hat keine Route zu {target}: gib ihm ein Gateway oder eine Route',
  'path.noRoute': '{who} hat keine Route zu {target}',
  'path.unlinked': '{node}:{interface}, sein Weg zu {target}, hängt an keiner Leitung',
  'path.noForward.one':
    'Pakete für {target} verlassen {node}:{interface} und erreichen nur {hosts}, der nicht weiterleitet',
  'path.noForward.many':
    'Pakete für {target} verlassen {node}:{interface} und erreichen nur {hosts}, die nicht weiterleiten',
  'path.noArp':
    '{node}:{interface} fragt nach {nextHop} (ARP), seinem Weg zu {target}, und niemand an dieser Leitung hat diese Adresse, um zu antworten',
  'path.noArpOnLink':
    '{node}:{interface} fragt in seinem eigenen Subnetz nach {target} (ARP), und niemand an dieser Leitung hat diese Adresse, um zu antworten',
  'path.loop': 'Pakete für {target} kreisen in einer Schleife durch Router {node}',
  'path.tooFar': 'Pakete für {target} durchqueren zu viele Router',
  'warn.cannotReach': '{what} erreicht {address} nicht: {reason}',
  'warn.noWayBack': '{what} erreicht {node}, aber die Antworten kommen nicht zurück: {reason}',
  'warn.unlinked': '{node} ist mit keinem anderen Knoten verbunden, also erreicht ihn nichts',
  'warn.noGatewayOwner':
    'kein Knoten hat die Gateway-Adresse {gateway} von {node}: Niemand beantwortet seine ARP-Anfragen danach, also wird verworfen, was er aus seinen Subnetzen hinaus sendet',
  'warn.gatewayNotRouter':
    'das Gateway {gateway} von {node} ist {router}, ein Knoten mit der Rolle {role}, der keine Pakete weiterleitet',
  'warn.app': '{app} auf {node}',
  'warn.dnsQueries': 'Die DNS-Anfragen von {node}',
  'warn.nameUnknown': '{what} fragt nach „{name}“, aber {problem}',
  'warn.noListenerTcp':
    '{what} verbindet sich mit {protocol}-Port {port} auf {server}, wo niemand lauscht: jede Verbindung wird mit einem Reset (RST) abgewiesen',
  'warn.noListenerUdp':
    '{what} verbindet sich mit {protocol}-Port {port} auf {server}, wo niemand lauscht: auf die Datagramme kommt ICMP port unreachable zurück',
  'warn.more.unlinked': '{count} weitere Knoten sind mit keinem anderen Knoten verbunden',
  'warn.more.path':
    '{count} weitere Anwendungen erreichen ihren Server nicht, oder seine Antworten kommen nicht zurück',
  'warn.more.name': '{count} weitere Namen wird DNS nicht finden',
  'warn.more.port':
    '{count} weitere Anwendungen verbinden sich mit einem Port, an dem niemand lauscht',
  'warn.more.gateway':
    '{count} weitere Gateways sind kein Router, der mit ihrem Knoten verbunden ist',
  'dns.noServer': '{node} hat keinen DNS-Server, den er fragen kann',
  'dns.serverUnaddressed': 'sein DNS-Server „{server}“ hat keine Adresse',
  'dns.noDnsApp':
    'auf {at}, dem DNS-Server, den {node} fragt, läuft kein DNS-Server auf UDP-Port {port}',
  'dns.onlyAlias': 'der DNS-Server auf {at} hat keine Adresse für „{name}“ (nur einen Alias)',
  'dns.unknown': 'der DNS-Server auf {at} kennt „{name}“ nicht: seine Antwort wird {rcode} sein',
  'switch.self': 'Switch {switch} ist mit sich selbst verkabelt, eine Schleife {links}',
  'switch.twice':
    'die Switches {a} und {b} sind doppelt miteinander verkabelt, eine Schleife {links}',
  'switch.ring': 'die Switches {switches} sind im Kreis verkabelt {links}',
  'switch.link': '(Leitung {links})',
  'switch.links': '(Leitungen {links})',
  'switch.storm':
    '{cabling}, und die Switches von Handshake betreiben keinen Spanning Tree: Ein Frame, den sie fluten (ein Broadcast wie eine ARP-Anfrage oder einer an eine Adresse, die sie noch nicht gelernt haben), kommt über die Schleife zurück und kreist darin für immer, ein Sturm, der dauert, bis der Lauf endet oder an seiner Ereignisgrenze anhält. Ein Spanning Tree würde eine Leitung der Schleife sperren; entferne die Leitung {closing}, um dasselbe zu erreichen',
  'switch.cause':
    '{cabling}, und geflutete Frames kreisen darin für immer (die Switches von Handshake betreiben keinen Spanning Tree): Eine höhere Grenze hilft nicht; entferne die Leitung {closing}',
  'switch.more':
    '{count} weitere Schleifen aus Switches, nicht aufgeführt ({total} insgesamt); jede erzeugt auf dieselbe Weise einen Sturm',
};
