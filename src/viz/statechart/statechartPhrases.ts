// The statecharts' own sentences in every language the page speaks: what a chart says to screen
// readers, an app's user as an instance, lists of apps, and how many instances are in each
// state. The machines' words themselves are in machinePhrases.ts. English is the source; the
// German is in statechartPhrases.de.ts.

import { ENGLISH, Phrasebook, type Language } from '../../engine/language.ts';
import { STATECHART_DE } from './statechartPhrases.de.ts';

export const STATECHART_EN = {
  'chart.description': {
    one: '{title}: a state machine with {count} state ({names}).',
    other: '{title}: a state machine with {count} states ({names}).',
  },
  'chart.now': 'Its state now: {state}.',
  'chart.notStarted': 'It has not started yet.',
  'group.user': 'user {user}',
  'group.list': '{list} and {last}',
  'counts.notStarted': 'not started',
  'counts.item': '{count} {state}',
} as const;

export const statechartPhrases = new Phrasebook(STATECHART_EN, { de: STATECHART_DE });

/** What a chart says to screen readers: the machine, its states, and the one it is in now. */
export function chartDescription(
  title: string,
  names: readonly string[],
  current: string | null,
  language: Language = ENGLISH,
): string {
  const { say } = statechartPhrases.in(language);
  const all = say('chart.description', { title, count: names.length, names: names.join(', ') });
  return `${all} ${current === null ? say('chart.notStarted') : say('chart.now', { state: current })}`;
}
