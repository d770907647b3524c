// The interface's messages in English: the source of every key and of the parameters each takes
// (docs/architecture.md, "Languages"). A text's {name} is a parameter; an object gives plural
// forms chosen by {count}. Texts only, never HTML.

import type { Message } from './translate.ts';

export const en = {
  'header.tagline': 'A simulator of clients, servers and the packets between them.',
  'header.modes': 'What to simulate',
  'header.mode.network': 'Network scenario',
  'header.mode.jobs': 'CPU scheduling (job tables)',
  'header.language': 'Language',
  'header.language.auto': 'Browser ({language})',
  'theme.legend': 'Theme',
  'theme.system': 'System',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;

/** A translation: every key of the English catalog, no other. */
export type Messages = { readonly [K in MessageKey]: Message };
