// The interface's messages in German, typed against the English catalog: a missing or an extra
// key is a type error (and tests/ui check the parameters match).

import type { Messages } from './messages.en.ts';

export const de: Messages = {
  'header.tagline': 'Ein Simulator für Clients, Server und die Pakete zwischen ihnen.',
  'header.modes': 'Was simuliert wird',
  'header.mode.network': 'Netzwerkszenario',
  'header.mode.jobs': 'CPU-Scheduling (Job-Tabellen)',
  'header.language': 'Sprache',
  'header.language.auto': 'Browser ({language})',
  'theme.legend': 'Farbschema',
  'theme.system': 'System',
  'theme.light': 'Hell',
  'theme.dark': 'Dunkel',
};
