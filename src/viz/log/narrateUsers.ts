// Sentences for the users of client apps (web and service clients share the user machine): a
// user's phases and the start of each visit. "Laptop's http user u3 is now thinking."

import type { TraceRecord } from '../../engine/trace.ts';
import '../../sim/appTrace.ts';
import type { NetworkNames } from '../names/networkNames.ts';
import type { Said } from './narratePackets.ts';

/** A user's phases, as words after "is now". */
const USER_STATES: Record<string, string> = {
  waiting: 'waiting to start',
  resolving: 'looking up the server’s address',
  loggingIn: 'logging in',
  visiting: 'visiting',
  thinking: 'thinking before its next visit',
  done: 'done with its visits',
  failed: 'stopped by an error',
};

/** "http user u3" for a workload's user, else "http app". */
function userName(app: string): string {
  const slash = app.indexOf('/');
  return slash < 0 ? `${app} app` : `${app.slice(0, slash)} user ${app.slice(slash + 1)}`;
}

/** The sentence of a user's app.state or app.visit record, or null for others. */
export function userSentence(record: TraceRecord, names: NetworkNames): Said | null {
  if (record.type === 'app.state') {
    const state = USER_STATES[record.state];
    return state === undefined
      ? null
      : {
          kind: 'state',
          text: `${names.name(record.node)}’s ${userName(record.app)} is now ${state}.`,
        };
  }
  if (record.type === 'app.visit')
    return {
      kind: 'detail',
      text: `${names.name(record.node)}’s ${userName(record.app)} starts visit ${record.visit}.`,
    };
  return null;
}
