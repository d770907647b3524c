// Sentences for the users of client apps (web and service clients share the user machine): a
// user's phases and the start of each visit. "Laptop's http user u3 is now thinking."

import { ENGLISH, type Language } from '../../engine/language.ts';
import type { TraceRecord } from '../../engine/trace.ts';
import '../../sim/appTrace.ts';
import type { NetworkNames } from '../names/networkNames.ts';
import type { Said } from './narratePackets.ts';
import { serverPhrases } from './serverPhrases.ts';

/** A user's phases: their words after "is now" are `user.<phase>` in the phrasebook. */
const USER_STATES = [
  'waiting',
  'resolving',
  'loggingIn',
  'visiting',
  'thinking',
  'done',
  'failed',
] as const;
type UserState = (typeof USER_STATES)[number];
const isUserState = (state: string): state is UserState =>
  (USER_STATES as readonly string[]).includes(state);

/** "http user u3" for a workload's user, else "http app". */
export function userName(app: string, language: Language): string {
  const { say } = serverPhrases.in(language);
  const slash = app.indexOf('/');
  return slash < 0
    ? say('user.app', { app })
    : say('user.user', { app: app.slice(0, slash), user: app.slice(slash + 1) });
}

/** The sentence of a user's app.state or app.visit record, or null for others. */
export function userSentence(
  record: TraceRecord,
  names: NetworkNames,
  language: Language = ENGLISH,
): Said | null {
  const { say } = serverPhrases.in(language);
  if (record.type === 'app.state') {
    const state = record.state;
    if (!isUserState(state)) return null;
    return {
      kind: 'state',
      text: say('user.state', {
        node: names.name(record.node),
        user: userName(record.app, language),
        state: say(`user.${state}`),
      }),
    };
  }
  if (record.type === 'app.visit')
    return {
      kind: 'detail',
      text: say('user.visit', {
        node: names.name(record.node),
        user: userName(record.app, language),
        visit: String(record.visit),
      }),
    };
  return null;
}
