// Runs a flat XState machine's own definition (its states, transitions, guards, actions and
// delays, as `setup().createMachine()` and `provide()` made them) in plain code, at the cost of a
// few function calls per event instead of an XState actor's macrostep. For apps whose phases
// change on every request (pinger, echo server, a server's connections and threads, users): the
// machine stays the source of truth and the statechart a learner sees is the very definition that
// runs, but a request costs no XState actor (DESIGN.md section 4).
// It follows XState 5's order (checked against real actors in tests/fidelity/flatMachineActor):
// exit actions, transition actions, entry actions, eventless transitions; then timers are set and
// cancelled, then observers hear the new snapshot; events sent meanwhile wait their turn. Before
// start(), the initial state's actions wait, as XState's do. Only flat machines (see
// flatMachineDefinition.ts); anything else is refused when the actor is created.

import type { AnyStateMachine, ContextFrom, EventFromLogic, InputFrom } from 'xstate';
import type { EventId } from '../engine/eventQueue.ts';
import type { SimulatedClock } from '../engine/xstateClock.ts';
import {
  flatDefinition,
  paramsOf,
  type Action,
  type AnyEvent,
  type Context,
  type FlatDefinition,
  type Fn,
  type StateDef,
  type Transition,
} from './flatMachineDefinition.ts';

/** The snapshot observers receive: the state's key, the context, whether it is done, its tags. */
export class FlatSnapshot<TContext> {
  constructor(
    readonly value: string,
    readonly context: TContext,
    readonly status: 'active' | 'done' | 'stopped',
    private readonly tags: readonly string[],
  ) {}

  /** Whether the state carries `tag` (XState's `snapshot.hasTag`). */
  hasTag(tag: string): boolean {
    return this.tags.includes(tag);
  }
}

type Observer<TContext> =
  | ((snapshot: FlatSnapshot<TContext>) => void)
  | { next?: (snapshot: FlatSnapshot<TContext>) => void };

/** A running flat machine: the part of XState's actor API the core uses. */
export class FlatMachineActor<TMachine extends AnyStateMachine> {
  private readonly def: FlatDefinition;
  private state: StateDef;
  private context: Context;
  private status: 'active' | 'done' | 'stopped' = 'active';
  private snapshot: FlatSnapshot<ContextFrom<TMachine>>;
  private readonly observers: Observer<ContextFrom<TMachine>>[] = [];
  private readonly queue: AnyEvent[] = [];
  private readonly deferred: (() => void)[] = [];
  /**
   * The timers set, by event type, in two parallel arrays: a machine has one or two at a time,
   * and a Map's delete was 4% of an echo run.
   */
  private readonly timerTypes: string[] = [];
  private readonly timerIds: EventId[] = [];
  private started = false;
  private processing = false;
  /** Before start(), custom actions wait in `deferred` with the timers, as XState defers them. */
  private initializing = true;

  constructor(
    machine: TMachine,
    private readonly options: { clock: SimulatedClock; input?: InputFrom<TMachine> },
  ) {
    this.def = flatDefinition(machine);
    this.state = this.def.states.get(this.def.initial) as StateDef;
    const context = this.def.context;
    this.context = (
      typeof context === 'function'
        ? (context as (a: unknown) => Context)({ input: options.input, self: this })
        : (context ?? {})
    ) as Context;
    // The initial macrostep happens now, as in createActor; its effects wait for start().
    const init = { type: 'xstate.init', input: options.input };
    this.enter(this.state, init);
    this.settle(init);
    this.snapshot = this.makeSnapshot();
  }

  /** The current state, context and status (a new object after each event). */
  getSnapshot(): FlatSnapshot<ContextFrom<TMachine>> {
    return this.snapshot;
  }

  /** Calls `observer` with the snapshot after every event and at start. */
  subscribe(observer: Observer<ContextFrom<TMachine>>): { unsubscribe(): void } {
    this.observers.push(observer);
    return {
      unsubscribe: () => {
        const i = this.observers.indexOf(observer);
        if (i >= 0) this.observers.splice(i, 1);
      },
    };
  }

  /** Runs the initial state's waiting actions and timers, then any events sent before. */
  start(): this {
    if (this.started) return this;
    this.started = true;
    this.processing = true;
    this.initializing = false;
    try {
      this.update();
    } finally {
      this.processing = false;
    }
    this.drain();
    return this;
  }

  /** Stops the actor: its timers are cancelled and later events ignored (observers not told). */
  stop(): this {
    if (this.status === 'active') this.status = 'stopped';
    this.cancelAllTimers();
    this.queue.length = 0;
    return this;
  }

  /** Sends an event; one sent while another is handled waits until that one is done. */
  send(event: EventFromLogic<TMachine>): void {
    if (this.status !== 'active') return;
    this.queue.push(event as AnyEvent);
    if (this.started && !this.processing) this.drain();
  }

  private drain(): void {
    this.processing = true;
    try {
      for (let event = this.queue.shift(); event; event = this.queue.shift()) {
        if (this.status !== 'active') break;
        const chosen = this.select(event);
        if (chosen) this.microstep(chosen, event);
        this.settle(event);
        this.update();
      }
    } finally {
      this.processing = false;
    }
  }

  /** The first enabled transition for `event`: the state's own, then the root's (as XState). */
  private select(event: AnyEvent): Transition | undefined {
    const state = this.state;
    let list = state.on.get(event.type);
    if (list === undefined && state.after.length > 0)
      list = state.after.find((a) => a.type === event.type)?.transitions;
    return this.enabled(list, event) ?? this.enabled(this.def.rootOn.get(event.type), event);
  }

  private enabled(list: Transition[] | undefined, event: AnyEvent): Transition | undefined {
    if (list === undefined) return undefined;
    for (const t of list) if (t.guard === undefined || t.guard(this.context, event)) return t;
    return undefined;
  }

  /** Eventless transitions until none is enabled (or the machine is done). */
  private settle(event: AnyEvent): void {
    while (this.status === 'active' && this.state.always.length > 0) {
      const t = this.enabled(this.state.always, event);
      if (t === undefined) return;
      this.microstep(t, event);
    }
  }

  private microstep(t: Transition, event: AnyEvent): void {
    // A transition to its own source without `reenter` stays (XState's transition domain).
    if (t.target === undefined || (t.fromState && t.target === this.state.key && !t.reenter)) {
      this.run(t.actions, event);
      return;
    }
    const from = this.state;
    this.run(from.exit, event);
    for (const a of from.after) this.deferred.push(() => this.cancelTimer(a.type));
    this.run(t.actions, event);
    this.state = this.def.states.get(t.target) as StateDef;
    this.enter(this.state, event);
  }

  private enter(state: StateDef, event: AnyEvent): void {
    this.run(state.entry, event);
    for (const a of state.after) {
      const ms = this.delayMs(a.delay, event);
      this.deferred.push(() => this.setTimer(a.type, ms));
    }
    if (state.final) this.status = 'done';
  }

  /** Sets the snapshot, runs the deferred timer work, tells observers; stops when done. */
  private update(): void {
    this.snapshot = this.makeSnapshot();
    for (let f = this.deferred.shift(); f; f = this.deferred.shift()) f();
    const snapshot = this.snapshot;
    const observers = this.observers;
    for (let i = 0; i < observers.length; i++) {
      const o = observers[i] as Observer<ContextFrom<TMachine>>;
      if (typeof o === 'function') o(snapshot);
      else o.next?.(snapshot);
    }
    if (this.status === 'done') {
      this.cancelAllTimers();
      this.queue.length = 0;
    }
  }

  private setTimer(type: string, ms: number): void {
    const id = this.options.clock.setTimeout(() => {
      this.forgetTimer(this.timerTypes.indexOf(type));
      this.send({ type } as EventFromLogic<TMachine>);
    }, ms);
    this.timerTypes.push(type);
    this.timerIds.push(id);
  }

  private cancelTimer(type: string): void {
    const i = this.timerTypes.indexOf(type);
    if (i < 0) return;
    const id = this.timerIds[i] as EventId;
    this.forgetTimer(i);
    this.options.clock.clearTimeout(id);
  }

  private cancelAllTimers(): void {
    while (this.timerTypes.length > 0) this.cancelTimer(this.timerTypes[0] as string);
  }

  /** Drops timer `i` from the arrays (the last takes its place: their order does not matter). */
  private forgetTimer(i: number): void {
    if (i < 0) return;
    const last = this.timerTypes.length - 1;
    this.timerTypes[i] = this.timerTypes[last] as string;
    this.timerIds[i] = this.timerIds[last] as EventId;
    this.timerTypes.pop();
    this.timerIds.pop();
  }

  private run(actions: Action[], event: AnyEvent): void {
    for (let i = 0; i < actions.length; i++) {
      const action = actions[i] as Action;
      const params = paramsOf(action.ref, this.context, event);
      if (action.assignment !== undefined) this.assign(action.assignment, event, params);
      else if (action.fn !== undefined) {
        const fn = action.fn;
        const args = { context: this.context, event, self: this, system: undefined };
        if (this.initializing) this.deferred.push(() => fn(args, params));
        else fn(args, params);
      }
    }
  }

  /** XState's assign: the new context is the old one's fields, then the assigned ones. */
  private assign(assignment: Fn | [string, unknown][], event: AnyEvent, params: unknown): void {
    const args = { context: this.context, event, self: this, system: undefined };
    if (typeof assignment === 'function') {
      this.context = Object.assign({}, this.context, assignment(args, params) as Context);
      return;
    }
    const next = Object.assign({}, this.context);
    for (let i = 0; i < assignment.length; i++) {
      const [key, value] = assignment[i] as [string, unknown];
      next[key] = typeof value === 'function' ? (value as Fn)(args, params) : value;
    }
    this.context = next;
  }

  private delayMs(delay: string | number, event: AnyEvent): number {
    if (typeof delay === 'number') return delay;
    const d = this.def.delays[delay];
    return typeof d === 'function'
      ? ((d as Fn)({ context: this.context, event }) as number)
      : (d as number);
  }

  private makeSnapshot(): FlatSnapshot<ContextFrom<TMachine>> {
    const context = this.context as ContextFrom<TMachine>;
    return new FlatSnapshot(this.state.key, context, this.status, this.state.tags);
  }
}
