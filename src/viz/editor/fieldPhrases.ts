// The property panel's own sentences in English, the source of their keys (German in
// fieldPhrases.de.ts): what to type in a text field, why a typed value was not taken, what an item
// of a list is called and the undo history's names for adding and removing one. The
// fields' help texts are the schema's descriptions, said in the page's language by fieldHelp.ts.

import { Phrasebook } from '../../engine/language.ts';
import { FIELD_DE } from './fieldPhrases.de.ts';

export const FIELD_EN = {
  'hint.duration': 'a duration, like 20ms or 1.5s',
  'hint.rate': 'a rate, like 10Mbps or 512kbps',
  'hint.prefix': 'an address and prefix, like 10.0.0.2/24',
  'hint.ipv4': 'an IPv4 address, like 10.0.0.1',
  'hint.mac': 'a MAC address, like 02:00:00:00:00:01',
  'input.required': '{key} is required',
  'input.notNumber': 'expected a number, found "{text}"',
  'input.notWhole': 'expected a whole number, found {text}',
  'input.below': 'expected at least {min}, found {text}',
  'input.under': 'expected under {max}, found {text}',
  'input.above': 'expected at most {max}, found {text}',
  'input.pattern': 'expected {hint}, found "{text}"',
  'input.notAllowed': '"{text}" is not allowed here',
  'list.add': 'Add {noun} {n}',
  'list.remove': 'Remove {noun} {n}',
  'list.noFit': 'no new {noun} fits here',
  'noun.nodes': 'node',
  'noun.links': 'link',
  'noun.events': 'event',
  'noun.apps': 'application',
  'noun.routes': 'route',
  'noun.rules': 'rule',
  'noun.interfaces': 'interface',
  'noun.requests': 'request',
  'noun.records': 'record',
  'noun.files': 'file',
  'noun.users': 'user',
  'noun.accounts': 'account',
  'noun.protected': 'protected path',
  'noun.script': 'command',
  'noun.site': 'page',
  'noun.backends': 'backend',
  'noun.item': 'item',
} as const;

/** The property panel's sentences, English and German. */
export const fieldPhrases = new Phrasebook(FIELD_EN, { de: FIELD_DE });
