// The switch role's words in German (see switchPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { SWITCH_EN } from './switchPhrases.ts';

export const SWITCH_DE: Translation<typeof SWITCH_EN> = {
  name: 'Switch',
  noRoutingTable:
    'Ein Switch hat keine Routing-Tabelle: Er lernt, hinter welchem Port jede MAC-Adresse liegt (seine Tabelle unten), leitet Frames danach weiter und flutet die, deren Ziel er noch nicht kennt.',
  'check.noAddress': 'ein Switch leitet nach Ports weiter und hat keine Adressen: Entferne sie',
  'check.noMtu':
    'ein Switch-Port hat keine IP-Schicht und damit keine IP-MTU: Setze die MTU an den Schnittstellen der Hosts und Router, die er verbindet',
  'check.bridgePriority': 'eine Bridge-Priorität ist ein Vielfaches von 4096, von 0 bis 61440',
};
