// The parts of a server process a learner sees from outside: its threads, each an XState actor
// whose states are traced as `app.state` (app `web/w1`). The run summary's figures come from the
// trace (sim/summary/serverFigures.ts), not from counters kept here.

import type { Simulator } from '../../engine/simulator.ts';
import { FlatMachineActor } from '../flatMachineActor.ts';
import { serverWorkerMachine } from './serverWorkerMachine.ts';

/** A server thread. */
export interface Worker {
  name: string;
  /** `app/name`: the thread's name in the trace and as a CPU process (made once, see below). */
  process: string;
  actor: FlatMachineActor<typeof serverWorkerMachine>;
}

/** Starts a thread `name` of server `app` on `node`, tracing its states. */
export function startWorker(sim: Simulator, node: string, app: string, name: string): Worker {
  const actor = new FlatMachineActor(serverWorkerMachine, { clock: sim.clock });
  // One string for every record: the trace interns strings, and a string built anew each time
  // must be hashed anew (about 200 ns, against 40 for one seen before).
  const process = `${app}/${name}`;
  let last = '';
  actor.subscribe((snapshot) => {
    const state = String(snapshot.value);
    if (state === last) return;
    last = state;
    sim.record({ t: sim.now(), type: 'app.state', node, app: process, state });
  });
  actor.start();
  return { name, process, actor };
}
