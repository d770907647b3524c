// NAT's words for its checks in German (see natCheckPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { NAT_CHECK_EN } from './natCheckPhrases.ts';

export const NAT_CHECK_DE: Translation<typeof NAT_CHECK_EN> = {
  'expected.ports': 'ein Port (1 bis 65535) oder ein Portbereich wie "6000-6010"',
  'expected.target':
    'eine Adresse wie "192.168.1.10" oder eine Adresse mit Port wie "192.168.1.10:80"',
  'check.masquerade.unknownInterface':
    'Masquerade-Regel {n} von {node} nennt die Schnittstelle "{name}", die {node} nicht hat (seine Schnittstellen: {interfaces})',
  'check.masquerade.noAddress':
    'Masquerade-Regel {n} von {node} geht über "{name}" hinaus, und diese Schnittstelle hat keine Adresse, die auf die Pakete käme',
  'check.masquerade.portOrder':
    'Masquerade-Regel {n} von {node}: Die Ports {ports} laufen rückwärts; schreibe den kleineren Port zuerst',
  'check.masquerade.toPortsDiffer':
    'Masquerade-Regel {n} von {node} gibt "{name}" andere Ports als Masquerade-Regel {first}: Eine Schnittstelle hat einen Bereich öffentlicher Ports',
  'check.forward.unknownInterface':
    'Portweiterleitung {n} von {node} nennt die Schnittstelle "{name}", die {node} nicht hat (seine Schnittstellen: {interfaces})',
  'check.forward.noAddress':
    'Portweiterleitung {n} von {node} lauscht auf "{name}", und diese Schnittstelle hat keine Adresse, die von außen erreichbar wäre',
  'check.forward.portOrder':
    'Portweiterleitung {n} von {node}: Die Ports {ports} laufen rückwärts; schreibe den kleineren Port zuerst',
  'check.forward.overlap':
    'Portweiterleitung {n} von {node} belegt {protocol}-Port {ports} auf "{name}", den schon Portweiterleitung {first} belegt',
  'warn.forwardOffSubnet':
    'Portweiterleitung {n} von {node} schickt an {address}, das in keinem Subnetz von {node} liegt ({subnets}): Das Paket geht über eine Route weiter, falls eine dorthin führt',
  'warn.notRouter':
    '{node} hat eine NAT-Einstellung, leitet aber keine Pakete weiter (seine Rolle ist {role}): Nur ein Router gibt übersetzte Pakete weiter',
};
