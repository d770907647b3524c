// Trace records every application shares (its state, its errors), and a helper that records an
// actor's state changes. Each kind declares its own records in its folder (src/kinds/*/…Trace.ts).

import type { Simulator } from '../engine/simulator.ts';

/** What tracing needs of an actor, XState's or the flat interpreter's. */
interface TracedActor {
  subscribe(observer: (snapshot: { value: unknown }) => void): unknown;
  getSnapshot(): { value: unknown };
}

declare module '../engine/trace.ts' {
  interface TraceRecordTypes {
    /** An application's machine entered a state (named like `awaitingReply` or `serving`). */
    'app.state': { node: string; app: string; state: string };
    /** A user of a client app (`app`: `http/u3`) starts its visit number `visit`. */
    'app.visit': { node: string; app: string; visit: number };
    /** An application could not start or stopped on a socket error. */
    'app.error': { node: string; app: string; op: string; error: string };
  }
}

/** Records `app.state` whenever the actor's state value changes, starting with its first. */
export function traceStates(sim: Simulator, actor: TracedActor, node: string, app: string): void {
  let last = '';
  const note = (value: unknown): void => {
    const state = typeof value === 'string' ? value : JSON.stringify(value);
    if (state === last) return;
    last = state;
    sim.record({ t: sim.now(), type: 'app.state', node, app, state });
  };
  actor.subscribe((snapshot: { value: unknown }) => note(snapshot.value));
  note(actor.getSnapshot().value);
}
