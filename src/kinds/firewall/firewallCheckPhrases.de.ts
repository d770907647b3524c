// Firewall's words for its checks in German (see firewallCheckPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { FIREWALL_CHECK_EN } from './firewallCheckPhrases.ts';

export const FIREWALL_CHECK_DE: Translation<typeof FIREWALL_CHECK_EN> = {
  'check.rule': 'Regel {n} von {chain}: {problem}',
  'check.srcPortNeedsProtocol':
    'ein Quellport braucht das Protokoll tcp oder udp, nicht {protocol}',
  'check.dstPortNeedsProtocol': 'ein Zielport braucht das Protokoll tcp oder udp, nicht {protocol}',
  'check.srcPortRange':
    'der Quellportbereich {low}-{high} liegt nicht in 0-65535 mit Anfang <= Ende',
  'check.dstPortRange':
    'der Zielportbereich {low}-{high} liegt nicht in 0-65535 mit Anfang <= Ende',
  'check.srcNotNetwork': 'die Quelle {network} ist kein Netz',
  'check.dstNotNetwork': 'das Ziel {network} ist kein Netz',
  'check.flagsNeedTcp': 'TCP-Flags brauchen das Protokoll tcp, nicht {protocol}',
  'check.flagsOutsideMask':
    'die Flags {flags} sollen gesetzt sein, werden aber nicht geprüft (nimm sie in die Maske auf)',
  'check.noStates': 'eine Zustandsprüfung braucht mindestens einen Zustand',
  'check.rejectWithAlone': '"rejectWith" gehört nur zu REJECT, nicht zu {action}',
  'check.resetNeedsTcp': 'REJECT mit tcp-reset braucht das Protokoll tcp, nicht {protocol}',
  'check.synAndFlags': '"syn" und "tcpFlags" sagen zweimal dasselbe: Behalte eines',
  'check.logPrefixAlone': '"logPrefix" gehört nur zu LOG, nicht zu {action}',
  'port.empty':
    '"{text}" ist kein Port und kein Portbereich: Es ist leer; erwartet wird ein Port wie 80 oder ein Bereich wie 1024-65535',
  'port.tooManyParts':
    '"{text}" ist kein Port und kein Portbereich: erwartet wird ein Port oder zwei, verbunden mit "-", wie 1024-65535',
  'port.missingSide':
    '"{text}" ist kein Port und kein Portbereich: Ein Bereich braucht auf jeder Seite von "-" einen Port, wie 1024-65535',
  'port.notWhole': '"{text}" ist kein Port und kein Portbereich: "{part}" ist keine ganze Zahl',
  'port.tooHigh':
    '"{text}" ist kein Port und kein Portbereich: {part} ist größer als 65535, der höchste Port',
  'port.backwards':
    '"{text}" ist kein Port und kein Portbereich: Der Bereich beginnt bei {low}, nach seinem Ende {high}; schreibe {high}-{low}',
  'expected.port': 'ein Port (80) oder ein Portbereich ("1024-65535")',
  'expected.addressOrNetwork': 'eine Adresse ("10.0.0.1") oder ein Netz ("10.0.0.0/8")',
  'warn.shadowed':
    'Regel {n} von {chain} auf {node} kann nie greifen: Regel {by} davor nimmt alle ihre Pakete',
  'warn.noRules':
    'die Firewall {node} hat keine Regeln und jede Policy ist ACCEPT: Sie lässt alles durch',
};
