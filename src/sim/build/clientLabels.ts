// The names client apps go by in the trace (`app` of app.state and app.error records): `http`
// for a node's first web client, `http2`, `http3`... for more; likewise `service`. Shared by the
// builder and by the view, which lists a node's apps before they record anything.

import type { ScenarioNode } from '../scenario/scenarioSchema.ts';

/** The trace label of each web or service client of `node`, by its index in `node.apps`. */
export function clientLabels(node: ScenarioNode): Map<number, string> {
  const labels = new Map<number, string>();
  const seen = new Map<string, number>();
  (node.apps ?? []).forEach((app, i) => {
    if (app.type !== 'httpClient' && app.type !== 'serviceClient') return;
    const kind = app.type === 'httpClient' ? 'http' : 'service';
    const n = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, n);
    labels.set(i, n === 1 ? kind : `${kind}${n}`);
  });
  return labels;
}
