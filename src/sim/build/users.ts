// The users of a client app (web or service clients): each an actor of the shared user machine
// (src/machines/userMachine.ts) started by the app's workload, with the I/O its kind gives. Each
// visit is recorded (app.visit) and a user that stops records why (app.error), under its name.

import { NS_PER_MS } from '../../engine/time.ts';
import { createFlatActor } from '../../machines/flatActor.ts';
import { userMachineWithIo, type UserEvent, type UserIo } from '../../machines/userMachine.ts';
import { traceStates } from '../appTrace.ts';
import type { AppContext } from '../kinds/appKind.ts';
import type { Workload } from '../scenario/workloadSchema.ts';
import { afterAction } from './afterAction.ts';
import { startWorkload, thinkTimeMs } from './workloads.ts';

/** What a kind's user does; each runs right after the machine's action that asks for it. */
export interface UserActions {
  resolve(): void;
  login?(): void;
  visit(): void;
  leave(): void;
}

/**
 * Starts the users of a client app: `user(name, send)` gives each its actions (`send` tells its
 * actor what happened); `op` names what a failed user was doing (`visit`, `query`).
 */
export function startUsers(
  { sim, node, label }: Pick<AppContext, 'sim' | 'node' | 'label'>,
  app: { workload?: Workload; start?: number; login?: unknown },
  op: string,
  user: (name: string, send: (event: UserEvent) => void) => UserActions,
): void {
  const think = sim.random.stream(`node:${node}/${label}/think`);
  const thinks = app.workload?.kind === 'closed' && !!app.workload.thinkTime;
  startWorkload(sim, node, label, app.workload, app.start ?? 0, (name, visits, delayNs) => {
    const actions = user(name, (event) => actor.send(event));
    const io: UserIo = {
      resolve: afterAction(sim, () => actions.resolve()),
      login: afterAction(sim, () => actions.login?.()),
      visit: afterAction(sim, (visit: number) => {
        sim.record({ t: sim.now(), type: 'app.visit', node, app: name, visit });
        actions.visit();
      }),
      leave: afterAction(sim, () => actions.leave()),
      failed: (error) =>
        sim.record({ t: sim.now(), type: 'app.error', node, app: name, op, error }),
      thinks: () => thinks,
      thinkTimeMs: () => thinkTimeMs(app.workload, think),
    };
    const actor = createFlatActor(userMachineWithIo, {
      clock: sim.clock,
      input: { startMs: delayNs / NS_PER_MS, visits, login: app.login !== undefined, io },
    });
    traceStates(sim, actor, node, name);
    actor.start();
  });
}

/**
 * What a client app's users did, as its figures count it: visits, the last error a user stopped
 * on, and requests made (sent, or failed before they could be sent; a request waiting for its
 * connection when the run ends is not counted yet).
 */
export class UserTally {
  visits = 0;
  requests = 0;
  error: string | null = null;
  /** Requests sent and not answered or failed yet, by number. */
  private readonly inFlight = new Set<number>();

  /** Takes an app.visit or app.error record of one of the app's users. */
  user(record: { type: string; error?: string }): void {
    if (record.type === 'app.visit') this.visits++;
    else if (record.type === 'app.error' && record.error !== undefined) this.error = record.error;
  }

  sent(req: number): void {
    this.requests++;
    this.inFlight.add(req);
  }

  answered(req: number): void {
    this.inFlight.delete(req);
  }

  /** A request failed; one that never left was made all the same. */
  failed(req: number): void {
    if (!this.inFlight.delete(req)) this.requests++;
  }
}
