// The property panel's own sentences in German (the English and the keys: fieldPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { FIELD_EN } from './fieldPhrases.ts';

export const FIELD_DE: Translation<typeof FIELD_EN> = {
  'hint.duration': 'eine Dauer, etwa 20ms oder 1.5s',
  'hint.rate': 'eine Rate, etwa 10Mbps oder 512kbps',
  'hint.prefix': 'eine Adresse mit Präfix, etwa 10.0.0.2/24',
  'hint.ipv4': 'eine IPv4-Adresse, etwa 10.0.0.1',
  'input.required': '{key} ist Pflicht',
  'input.notNumber': 'erwartet: eine Zahl, gefunden: „{text}“',
  'input.notWhole': 'erwartet: eine ganze Zahl, gefunden: {text}',
  'input.below': 'erwartet: mindestens {min}, gefunden: {text}',
  'input.under': 'erwartet: unter {max}, gefunden: {text}',
  'input.above': 'erwartet: höchstens {max}, gefunden: {text}',
  'input.pattern': 'erwartet: {hint}, gefunden: „{text}“',
  'input.notAllowed': '„{text}“ ist hier nicht erlaubt',
  'list.add': '{noun} {n} hinzufügen',
  'list.remove': '{noun} {n} entfernen',
  'list.noFit': '{noun}: hier passt kein neues Element',
  'noun.nodes': 'Knoten',
  'noun.links': 'Leitung',
  'noun.events': 'Ereignis',
  'noun.apps': 'Anwendung',
  'noun.routes': 'Route',
  'noun.rules': 'Regel',
  'noun.interfaces': 'Schnittstelle',
  'noun.requests': 'Anfrage',
  'noun.records': 'Eintrag',
  'noun.files': 'Datei',
  'noun.users': 'Nutzer',
  'noun.accounts': 'Konto',
  'noun.protected': 'geschützter Pfad',
  'noun.script': 'Befehl',
  'noun.site': 'Seite',
  'noun.backends': 'Backend',
  'noun.item': 'Element',
};
