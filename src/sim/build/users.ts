// The users of a client app (web or service clients): each an actor of the shared user machine
// (src/machines/userMachine.ts) started by the app's workload, with the I/O its kind gives. Each
// visit is recorded (app.visit) and a user that stops records why (app.error), under its name.

import { createActor } from 'xstate';
import { NS_PER_MS } from '../../engine/time.ts';
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
    const actor = createActor(userMachineWithIo, {
      clock: sim.clock,
      input: { startMs: delayNs / NS_PER_MS, visits, login: app.login !== undefined, io },
    });
    traceStates(sim, actor, node, name);
    actor.start();
  });
}
