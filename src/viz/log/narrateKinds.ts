// The event log's sentences that belong to a kind: each app kind's view (and each attack's)
// tells its own records, and so do the node resolver's, the firewall's and NAT's. The records
// every app shares (src/sim/appTrace.ts: app.state, app.error, app.visit) go to the kind of the
// app that recorded them.

import type { TraceRecord } from '../../engine/trace.ts';
import type { NarrationContext, Narrator } from '../kinds/kindView.ts';
import {
  ACTION_VIEWS,
  APP_VIEWS,
  FIREWALL_VIEW,
  NAT_VIEW,
  RESOLVER_VIEW,
} from '../kinds/viewRegistry.ts';
import type { Said } from './narratePackets.ts';

/** Record types every app may record: told by the kind of the app that did. */
const SHARED = new Set(['app.state', 'app.error', 'app.visit']);

/** The kinds' narrator for one trace: a sentence, or null for records no kind tells. */
export function kindNarrator(context: NarrationContext): Narrator {
  const byType = new Map<string, { type: string | null; narrate: Narrator }[]>();
  const add = (type: string | null, types: readonly string[], narrate: Narrator): void => {
    for (const recordType of types) {
      const list = byType.get(recordType);
      if (list) list.push({ type, narrate });
      else byType.set(recordType, [{ type, narrate }]);
    }
  };
  for (const view of APP_VIEWS)
    if (view.narration) add(view.type, view.narration.types, view.narration.narrator(context));
  for (const view of ACTION_VIEWS)
    if (view.narration) add(view.type, view.narration.types, view.narration.narrator(context));
  add(null, RESOLVER_VIEW.narration.types, RESOLVER_VIEW.narration.narrator(context));
  add(null, FIREWALL_VIEW.narration.types, FIREWALL_VIEW.narration.narrator(context));
  add(null, NAT_VIEW.narration.types, NAT_VIEW.narration.narrator(context));

  return (record: TraceRecord, index: number): Said | null => {
    const tellers = byType.get(record.type);
    if (tellers === undefined) return null;
    if (!SHARED.has(record.type))
      return (tellers[0] as (typeof tellers)[number]).narrate(record, index);
    const { node, app } = record as { node: string; app: string };
    const owner = context.names.appType(node, app);
    const teller = tellers.find((t) => t.type === owner);
    return teller ? teller.narrate(record, index) : null;
  };
}
