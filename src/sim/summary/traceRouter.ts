// Routes trace records to the folds they belong to, so each fold sees only its own records: an
// app's (by node and app name; `web/w1` and `http/u3` belong to `web` and `http`), a node's, a
// link's, or every record of its types. A record of the whole run (sim.start, sim.end: no node,
// app or link) reaches every fold that reads its type. One pass feeds every fold of a run.

import type { TraceRecord, TraceType } from '../../engine/trace.ts';
import type { TraceFold } from '../../engine/traceFold.ts';

/** Whose records a fold reads. */
export type Route =
  | { by: 'app'; node: string; app: string }
  | { by: 'node'; node: string }
  | { by: 'link'; link: string }
  | { by: 'all' };

type Sink = { add(record: TraceRecord): void };

interface TypeRoutes {
  /** By node, then by app name as records give it (`web/w1` learned as `web` on first sight). */
  apps: Map<string, Map<string, Sink[] | null>>;
  nodes: Map<string, Sink[]>;
  links: Map<string, Sink[]>;
  all: Sink[];
  /** Every fold of this type, whatever its route: for records of the whole run. */
  every: Sink[];
}

/** The app a record's `app` belongs to: `web/w1` and `http/u3` belong to `web` and `http`. */
const appOf = (app: string): string => {
  const slash = app.indexOf('/');
  return slash < 0 ? app : app.slice(0, slash);
};

function push<K>(map: Map<K, Sink[]>, key: K, sink: Sink): void {
  const list = map.get(key);
  if (list) list.push(sink);
  else map.set(key, [sink]);
}

/** A fold that hands each record to the folds routed to it. */
export class TraceRouter {
  private readonly byType = new Map<string, TypeRoutes>();

  /** Routes the records of `fold.types` that `route` selects to `fold`. */
  attach(fold: TraceFold<unknown>, route: Route): void {
    for (const type of new Set(fold.types)) {
      let routes = this.byType.get(type);
      if (!routes) {
        routes = { apps: new Map(), nodes: new Map(), links: new Map(), all: [], every: [] };
        this.byType.set(type, routes);
      }
      routes.every.push(fold);
      if (route.by === 'app') {
        let apps = routes.apps.get(route.node);
        if (!apps) routes.apps.set(route.node, (apps = new Map()));
        const sinks = apps.get(appOf(route.app));
        if (sinks) sinks.push(fold);
        else apps.set(appOf(route.app), [fold]);
      } else if (route.by === 'node') push(routes.nodes, route.node, fold);
      else if (route.by === 'link') push(routes.links, route.link, fold);
      else routes.all.push(fold);
    }
  }

  /** The record types some fold reads. */
  get types(): TraceType[] {
    return [...this.byType.keys()] as TraceType[];
  }

  /** Hands `record` to its folds. */
  route(record: TraceRecord): void {
    const routes = this.byType.get(record.type);
    if (!routes) return;
    const fields = record as { node?: unknown; app?: unknown; link?: unknown };
    if (fields.node === undefined && fields.link === undefined) return feed(routes.every, record);
    if (routes.apps.size > 0 && typeof fields.node === 'string' && typeof fields.app === 'string')
      feed(appSinks(routes.apps.get(fields.node), fields.app), record);
    if (routes.nodes.size > 0 && typeof fields.node === 'string')
      feed(routes.nodes.get(fields.node), record);
    if (routes.links.size > 0 && typeof fields.link === 'string')
      feed(routes.links.get(fields.link), record);
    feed(routes.all, record);
  }
}

/** The folds of `app` on a node (found without building a key string for every record). */
function appSinks(apps: Map<string, Sink[] | null> | undefined, app: string): Sink[] | undefined {
  if (apps === undefined) return undefined;
  let sinks = apps.get(app);
  if (sinks === undefined) {
    // First record of a part (`web/w1`) or of an app nobody reads: remember what it maps to.
    sinks = app.includes('/') ? (apps.get(appOf(app)) ?? null) : null;
    apps.set(app, sinks);
  }
  return sinks ?? undefined;
}

function feed(sinks: Sink[] | undefined, record: TraceRecord): void {
  if (sinks === undefined) return;
  for (let i = 0; i < sinks.length; i++) (sinks[i] as Sink).add(record);
}
