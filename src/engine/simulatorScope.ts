// A part of a simulation whose pending events can all be cancelled at once: the software of a node
// that crashes (its transport layers, CPU, resolver and apps). Code in the scope is handed
// `scope.sim`, a view of the simulator that is the simulator in every way (same clock, queue,
// trace and random streams) except that what it schedules, XState timers included, is remembered
// so that `cancelAll()` can void it. Nodes that never crash are given the simulator itself, so
// the scope costs nothing where it is not used.

import type { EventId } from './eventQueue.ts';
import type { Simulator } from './simulator.ts';
import { createSimulatedClock } from './xstateClock.ts';

/** The simulator a view belongs to, for code that keys things by simulator (packet ids). */
const roots = new WeakMap<Simulator, Simulator>();

/** The simulator itself, for `sim` or for a scope's view of it. */
export function rootSimulator(sim: Simulator): Simulator {
  return roots.get(sim) ?? sim;
}

/** Fewest remembered events before the list is swept of those that already ran. */
const SWEEP_AT = 1024;

/** Events scheduled through `sim` since the last `cancelAll`, cancelled together on demand. */
export class SimulatorScope {
  /** The simulator as code in the scope sees it. */
  readonly sim: Simulator;
  private ids: EventId[] = [];
  private sweepAt = SWEEP_AT;

  constructor(readonly root: Simulator) {
    const remember = (id: EventId): EventId => {
      this.ids.push(id);
      if (this.ids.length >= this.sweepAt) this.sweep();
      return id;
    };
    // The view inherits everything from the simulator (it reads the same fields through its
    // prototype) and overrides only scheduling and the XState clock. Running and stopping are
    // the simulator's own, bound to it, so the view never gets a clock of its own.
    const view = Object.create(root) as Simulator;
    const own = {
      schedule: <A>(delay: number, handler: (arg: A) => void, arg?: A) =>
        remember(root.schedule(delay, handler, arg)),
      scheduleAt: <A>(time: number, handler: (arg: A) => void, arg?: A) =>
        remember(root.scheduleAt(time, handler, arg)),
      run: root.run.bind(root),
      step: root.step.bind(root),
      stop: root.stop.bind(root),
    };
    Object.assign(view, own);
    Object.defineProperty(view, 'clock', {
      value: createSimulatedClock({
        schedule: (delay, handler) => own.schedule(delay, handler),
        cancel: (id) => root.cancel(id),
      }),
    });
    roots.set(view, root);
    this.sim = view;
  }

  /** Events of the scope still pending. */
  get pending(): number {
    this.sweep();
    return this.ids.length;
  }

  /** Cancels every pending event the scope scheduled; returns how many there were. */
  cancelAll(): number {
    let cancelled = 0;
    for (const id of this.ids) if (this.root.cancel(id)) cancelled++;
    this.ids = [];
    this.sweepAt = SWEEP_AT;
    return cancelled;
  }

  /** Forgets events that already ran or were cancelled (a handle never cancels another event). */
  private sweep(): void {
    this.ids = this.ids.filter((id) => this.root.isPending(id));
    this.sweepAt = Math.max(SWEEP_AT, 2 * this.ids.length);
  }
}
