// For the tests of a role still to come: every role the format names has a behaviour now, so a
// test registers a made-up one in the registry's list for the length of a call, then takes it off.

import { UPCOMING_ROLES } from '../../src/sim/kinds/kindRegistry.ts';

/** Runs `body` with `role` listed as still to come (what brings it: `coming`). */
export function withUpcomingRole<T>(role: string, coming: string, body: () => T): T {
  const list = UPCOMING_ROLES as Record<string, string>;
  list[role] = coming;
  try {
    return body();
  } finally {
    delete list[role];
  }
}
