// Trace record types of the applications, and a helper that records an actor's state changes.

import type { AnyActorRef } from 'xstate';
import type { Simulator } from '../engine/simulator.ts';

declare module '../engine/trace.ts' {
  interface TraceRecordTypes {
    /** An application's machine entered a state (named like `awaitingReply` or `serving`). */
    'app.state': { node: string; app: string; state: string };
    /** A pinger sent a request (attempt 0) or a retry (attempt > 0). */
    'app.request': { node: string; peer: string; seq: number; attempt: number; pkt: number };
    /** A pinger's reply timer ran out. */
    'app.timeout': { node: string; seq: number; attempt: number };
    /** A pinger got the reply; `rtt` is null when it cannot tell which attempt was answered. */
    'app.reply': { node: string; seq: number; attempt: number; rtt: number | null };
    /** A reply arrived for a request the pinger is no longer waiting for. */
    'app.lateReply': { node: string; seq: number; attempt: number };
    /** A pinger gave up on a request after its last retry. */
    'app.giveUp': { node: string; seq: number };
    /** A server answered a request. */
    'app.serve': { node: string; client: string; seq: number; attempt: number; pkt: number };
    /** An application could not start or stopped on a socket error. */
    'app.error': { node: string; app: string; op: string; error: string };
  }
}

/** Records `app.state` whenever the actor's state value changes, starting with its first. */
export function traceStates(sim: Simulator, actor: AnyActorRef, node: string, app: string): void {
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
