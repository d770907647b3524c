// The statecharts' own sentences in German (see statechartPhrases.ts for the English source).

import type { Translation } from '../../engine/language.ts';
import type { STATECHART_EN } from './statechartPhrases.ts';

export const STATECHART_DE: Translation<typeof STATECHART_EN> = {
  'chart.description': {
    one: '{title}: ein Zustandsautomat mit {count} Zustand ({names}).',
    other: '{title}: ein Zustandsautomat mit {count} Zuständen ({names}).',
  },
  'chart.now': 'Sein Zustand jetzt: {state}.',
  'chart.notStarted': 'Er hat noch nicht begonnen.',
  'group.user': 'Nutzer {user}',
  'group.list': '{list} und {last}',
  'counts.notStarted': 'nicht gestartet',
  'counts.item': '{count} {state}',
} as const;
