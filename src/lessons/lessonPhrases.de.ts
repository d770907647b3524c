// A lesson's problems in German (the English and the keys: lessonPhrases.ts).

import type { Translation } from '../engine/language.ts';
import type { LESSON_EN } from './lessonPhrases.ts';

export const LESSON_DE: Translation<typeof LESSON_EN> = {
  'packet.noPacket': 'der {record}-Datensatz, den sie auswählt, nennt kein Paket',
  'packet.neverSent': 'Paket #{pkt} ist nie auf eine Leitung gelangt',
  'packet.noRecord': 'kein Datensatz des Laufs passt zu ihrer Bedingung „packet“',
  'router.invalidScenario': 'das Szenario ist nicht gültig',
  'router.noNode': 'das Szenario hat keinen Knoten „{id}“',
  'router.notRouter': 'Knoten „{id}“ hat die Rolle {role}, ist also kein Router',
  'router.noStack': 'Knoten „{id}“ hat keinen IP-Stack',
  'firewall.none': 'Knoten „{id}“ hat keine Firewall-Einstellung',
};
