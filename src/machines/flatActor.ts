// Runs a flat XState machine definition (one level of states) on a small interpreter, for the
// machines that take events on the request path: a server connection, a CPU core, a server thread,
// a user. XState's actor costs about 25–30 engine events per send (DESIGN.md §4); this one costs a
// map lookup, the guards and the actions. The definition is still the XState machine: the same
// object draws the statechart, its tests run it in XState, and flatActor.test.ts checks that both
// interpreters agree on every machine run here.
//
// Supported, with XState 5's semantics: `initial`, `context` (a value or a function of the
// input), states with `on`, `entry`, `exit`, `after` (named or numeric delays, through the clock),
// `always`, `tags`, `type: 'final'`; root `on`; transitions with `guard`, `target` (a sibling,
// `.name` or `#id.name`), `actions`, `reenter` (a self-target without it runs no exit or entry);
// actions and guards by name, with params, or inline; `assign`. Events sent while an event is
// processed wait in a mailbox, and observers hear every processed event, as in XState. Anything
// else (nested or parallel states, invoke, wildcards, guard combinators) is refused when the
// actor is created.

import {
  and,
  not,
  or,
  type AnyStateMachine,
  type ContextFrom,
  type EventFromLogic,
  type InputFrom,
  type SnapshotFrom,
} from 'xstate';
import type { SimulatedClock } from '../engine/xstateClock.ts';

type AnyEvent = { type: string };
type Context = Record<string, unknown>;
type Args = { context: Context; event: AnyEvent };
type Implementation = (args: Args, params: unknown) => unknown;
type ActionRef = { run: Implementation; params: unknown; assign: boolean };
type GuardRef = { check: Implementation; params: unknown };

interface Transition {
  guard: GuardRef | null;
  /** The target state's key, or null for a targetless transition. */
  target: string | null;
  /** Leave and enter the state again when the target is the source. */
  reenter: boolean;
  actions: ActionRef[];
}

interface Delayed {
  eventType: string;
  delay: number | ((args: Args) => number);
}

interface CompiledState {
  key: string;
  entry: ActionRef[];
  exit: ActionRef[];
  on: Map<string, Transition[]>;
  always: Transition[];
  after: Delayed[];
  tags: ReadonlySet<string>;
  final: boolean;
}

interface CompiledMachine {
  initial: string;
  context: ((input: unknown) => Context) | Context | undefined;
  states: Map<string, CompiledState>;
  rootOn: Map<string, Transition[]>;
}

/** What `getSnapshot()` returns: the part of XState's snapshot the simulator reads. */
export interface FlatSnapshot<TMachine extends AnyStateMachine> {
  value: SnapshotFrom<TMachine> extends { value: infer V } ? V : string;
  context: ContextFrom<TMachine>;
  status: 'active' | 'done' | 'stopped';
  hasTag(tag: string): boolean;
}

type Observer<TMachine extends AnyStateMachine> = (snapshot: FlatSnapshot<TMachine>) => void;

const compiled = new WeakMap<AnyStateMachine, CompiledMachine>();

/** XState's guard combinators, by the check function each shares across its uses. */
const COMBINATORS = new Map<unknown, 'and' | 'or' | 'not'>([
  [(and([]) as unknown as { check: unknown }).check, 'and'],
  [(or([]) as unknown as { check: unknown }).check, 'or'],
  [(not('x') as unknown as { check: unknown }).check, 'not'],
]);

/** Creates an actor of `machine` on the flat interpreter (call `start()` as with XState). */
export function createFlatActor<TMachine extends AnyStateMachine>(
  machine: TMachine,
  options: { input?: InputFrom<TMachine>; clock?: SimulatedClock } = {},
): FlatActor<TMachine> {
  let plan = compiled.get(machine);
  if (!plan) {
    plan = compile(machine);
    compiled.set(machine, plan);
  }
  return new FlatActor<TMachine>(plan, options.input, options.clock);
}

/** An actor of a flat machine: start, send, read the snapshot, subscribe. */
export class FlatActor<TMachine extends AnyStateMachine> {
  private state: CompiledState;
  private context: Context;
  private status: 'idle' | 'active' | 'done' | 'stopped' = 'idle';
  private snapshot: FlatSnapshot<TMachine> | null = null;
  private readonly observers: Observer<TMachine>[] = [];
  private readonly mailbox: AnyEvent[] = [];
  private processing = false;
  /** Pending `after` timers of the current state, by event type. */
  private readonly timers = new Map<string, number>();

  constructor(
    private readonly plan: CompiledMachine,
    input: unknown,
    private readonly clock: SimulatedClock | undefined,
  ) {
    const state = plan.states.get(plan.initial);
    if (!state) throw new Error(`flatActor: no initial state "${plan.initial}"`);
    this.state = state;
    const { context } = plan;
    this.context = typeof context === 'function' ? context(input) : { ...(context ?? {}) };
  }

  /** Enters the initial state (its entry actions run) and tells the observers. */
  start(): this {
    if (this.status !== 'idle') return this;
    this.status = 'active';
    this.processing = true;
    const init = { type: 'xstate.init' };
    this.enter(this.state, init);
    this.settle(init);
    this.processing = false;
    this.notify();
    this.drain();
    return this;
  }

  /** Sends an event; one sent while another is processed waits its turn. */
  send(event: EventFromLogic<TMachine>): void {
    if (this.status !== 'active') return;
    this.mailbox.push(event as AnyEvent);
    if (!this.processing) this.drain();
  }

  /** Stops the actor: its timers are cancelled and it takes no more events (a done one stays done). */
  stop(): void {
    if (this.status === 'stopped') return;
    this.cancelTimers();
    if (this.status !== 'done') this.status = 'stopped';
    this.snapshot = null;
    this.mailbox.length = 0;
  }

  getSnapshot(): FlatSnapshot<TMachine> {
    if (this.snapshot) return this.snapshot;
    const state = this.state;
    const status = this.status === 'idle' ? 'active' : this.status;
    const snapshot = {
      value: state.key,
      context: this.context,
      status,
      hasTag: (tag: string) => state.tags.has(tag),
    } as unknown as FlatSnapshot<TMachine>;
    this.snapshot = snapshot;
    return snapshot;
  }

  /** Calls `observer` with the snapshot after every processed event. */
  subscribe(observer: Observer<TMachine>): { unsubscribe(): void } {
    this.observers.push(observer);
    return {
      unsubscribe: () => {
        const at = this.observers.indexOf(observer);
        if (at >= 0) this.observers.splice(at, 1);
      },
    };
  }

  private drain(): void {
    this.processing = true;
    try {
      for (let event = this.mailbox.shift(); event; event = this.mailbox.shift()) {
        if (this.status !== 'active') break;
        this.process(event);
        this.notify();
      }
    } finally {
      this.processing = false;
    }
  }

  private process(event: AnyEvent): void {
    const transition =
      this.select(this.state.on.get(event.type), event) ??
      this.select(this.plan.rootOn.get(event.type), event);
    if (!transition) return;
    this.take(transition, event);
    this.settle(event);
  }

  /** Takes eventless (`always`) transitions until none is enabled. */
  private settle(event: AnyEvent): void {
    for (let steps = 0; this.status === 'active'; steps++) {
      if (steps > 1000) throw new Error(`flatActor: "always" loops in state "${this.state.key}"`);
      const transition = this.select(this.state.always, event);
      if (!transition) return;
      this.take(transition, event);
    }
  }

  private select(transitions: Transition[] | undefined, event: AnyEvent): Transition | undefined {
    if (!transitions) return undefined;
    for (const transition of transitions) {
      const { guard } = transition;
      if (!guard || guard.check({ context: this.context, event }, guard.params)) return transition;
    }
    return undefined;
  }

  /** One microstep: exit the source (when the target is another state or re-entered), act, enter. */
  private take(transition: Transition, event: AnyEvent): void {
    const target = transition.target === null ? null : this.plan.states.get(transition.target);
    const moves =
      target !== undefined && target !== null && (target !== this.state || transition.reenter);
    if (moves) {
      this.cancelTimers();
      this.run(this.state.exit, event);
    }
    this.run(transition.actions, event);
    if (moves) this.enter(target, event);
  }

  private enter(state: CompiledState, event: AnyEvent): void {
    this.state = state;
    this.snapshot = null;
    this.run(state.entry, event);
    for (const delayed of state.after) this.arm(delayed, event);
    if (state.final) {
      this.run(state.exit, event);
      this.cancelTimers();
      this.status = 'done';
      this.snapshot = null;
    }
  }

  private arm(delayed: Delayed, event: AnyEvent): void {
    const { clock } = this;
    if (!clock) throw new Error('flatActor: a machine with `after` needs a clock');
    const ms =
      typeof delayed.delay === 'number'
        ? delayed.delay
        : delayed.delay({ context: this.context, event });
    const { eventType } = delayed;
    const id = clock.setTimeout(() => {
      this.timers.delete(eventType);
      this.send({ type: eventType } as EventFromLogic<TMachine>);
    }, ms);
    this.timers.set(eventType, id);
  }

  private cancelTimers(): void {
    if (this.timers.size === 0) return;
    for (const id of this.timers.values()) this.clock?.clearTimeout(id);
    this.timers.clear();
  }

  private run(actions: ActionRef[], event: AnyEvent): void {
    for (const action of actions) {
      const args = { context: this.context, event };
      const params = typeof action.params === 'function' ? action.params(args) : action.params;
      if (action.assign) {
        this.context = { ...this.context, ...(action.run(args, params) as Context) };
        this.snapshot = null;
      } else {
        action.run(args, params);
      }
    }
  }

  private notify(): void {
    if (this.observers.length === 0) return;
    const snapshot = this.getSnapshot();
    for (const observer of this.observers.slice()) observer(snapshot);
  }
}

// ---- Compiling a machine's configuration into lookup tables ----

type AnyConfig = Record<string, unknown>;

function compile(machine: AnyStateMachine): CompiledMachine {
  const config = machine.config as AnyConfig;
  const impl = machine.implementations as {
    actions: Record<string, unknown>;
    guards: Record<string, unknown>;
    delays: Record<string, unknown>;
  };
  const where = `machine "${String(config.id ?? '(anonymous)')}"`;
  for (const key of ['invoke', 'after', 'always', 'entry', 'exit', 'type'] as const) {
    if (config[key] !== undefined) {
      throw new Error(`flatActor: ${where} has root "${key}", which is not supported`);
    }
  }
  const stateConfigs = (config.states ?? {}) as Record<string, AnyConfig>;
  const keys = Object.keys(stateConfigs);
  const byId = new Map<string, string>();
  for (const key of keys) byId.set(String(stateConfigs[key]?.id ?? key), key);
  const resolveTarget = (target: unknown, from: string): string => {
    if (typeof target !== 'string')
      throw new Error(`flatActor: ${where}: a target in ${from} is not one state`);
    let key = target;
    if (key.startsWith('#')) {
      const rest = key.slice(1);
      const machineId = String(config.id ?? '');
      key = rest.startsWith(`${machineId}.`)
        ? rest.slice(machineId.length + 1)
        : (byId.get(rest) ?? rest);
    } else if (key.startsWith('.')) key = key.slice(1);
    if (!keys.includes(key))
      throw new Error(
        `flatActor: ${where}: ${from} targets "${target}", not a state of the machine`,
      );
    return key;
  };
  const action = (ref: unknown, from: string): ActionRef => {
    let fn: unknown = ref;
    let params: unknown;
    if (typeof ref === 'string' || (typeof ref === 'object' && ref !== null)) {
      const name = typeof ref === 'string' ? ref : (ref as { type: string }).type;
      params = typeof ref === 'string' ? undefined : (ref as { params?: unknown }).params;
      fn = impl.actions[name];
      if (fn === undefined)
        throw new Error(`flatActor: ${where}: ${from} names no action "${name}"`);
    }
    const builtin = fn as { type?: string; assignment?: unknown };
    if (builtin.type === 'xstate.assign')
      return { run: assigner(builtin.assignment), params, assign: true };
    if (typeof fn !== 'function' || builtin.type !== undefined) {
      throw new Error(
        `flatActor: ${where}: ${from} uses an action (${String(builtin.type)}) this interpreter does not run`,
      );
    }
    return { run: fn as Implementation, params, assign: false };
  };
  const actions = (refs: unknown, from: string): ActionRef[] =>
    refs === undefined ? [] : (Array.isArray(refs) ? refs : [refs]).map((r) => action(r, from));
  const guard = (ref: unknown, from: string): GuardRef | null => {
    if (ref === undefined) return null;
    let fn: unknown = ref;
    let params: unknown;
    if (typeof ref === 'string' || (typeof ref === 'object' && ref !== null)) {
      const name = typeof ref === 'string' ? ref : (ref as { type: string }).type;
      params = typeof ref === 'string' ? undefined : (ref as { params?: unknown }).params;
      fn = impl.guards[name];
    }
    if (typeof fn === 'function' && 'check' in fn && 'guards' in fn) {
      // XState's and([...]), or([...]), not(g), told apart by their check function (not by
      // name: a minified build renames them).
      const parts = (fn.guards as unknown[]).map((g) => guard(g, from) as GuardRef);
      const all = (args: Args) => parts.every((g) => g.check(args, g.params));
      const kind = COMBINATORS.get(fn.check);
      if (kind === 'and') return { check: all, params: undefined };
      if (fn.name === 'or')
        return { check: (a) => parts.some((g) => g.check(a, g.params)), params: undefined };
      if (kind === 'not') return { check: (a) => !all(a), params: undefined };
    }
    if (typeof fn !== 'function' || 'check' in fn) {
      throw new Error(`flatActor: ${where}: ${from} uses a guard this interpreter does not run`);
    }
    return { check: fn as Implementation, params };
  };
  const transitions = (spec: unknown, from: string): Transition[] =>
    (Array.isArray(spec) ? spec : [spec]).map((t: unknown) => {
      const one = (typeof t === 'string' ? { target: t } : t) as AnyConfig;
      const target = one.target === undefined ? null : resolveTarget(one.target, from);
      return {
        guard: guard(one.guard, from),
        target,
        reenter: one.reenter === true,
        actions: actions(one.actions, from),
      };
    });
  const onTable = (on: unknown, from: string): Map<string, Transition[]> => {
    const table = new Map<string, Transition[]>();
    for (const [event, spec] of Object.entries((on ?? {}) as Record<string, unknown>)) {
      if (event.includes('*'))
        throw new Error(`flatActor: ${where}: wildcard event "${event}" in ${from}`);
      table.set(event, transitions(spec, `${from} on ${event}`));
    }
    return table;
  };
  const states = new Map<string, CompiledState>();
  for (const key of keys) {
    const s = stateConfigs[key] ?? {};
    const from = `state "${key}"`;
    for (const unsupported of ['states', 'invoke', 'onDone', 'history'] as const) {
      if (s[unsupported] !== undefined)
        throw new Error(`flatActor: ${where}: ${from} has "${unsupported}"`);
    }
    const id = String(s.id ?? `${String(config.id ?? '(machine)')}.${key}`);
    const on = onTable(s.on, from);
    const after: Delayed[] = [];
    for (const [delayKey, spec] of Object.entries((s.after ?? {}) as Record<string, unknown>)) {
      const numeric = Number(delayKey);
      const eventType = `xstate.after.${delayKey}.${id}`;
      let delay: Delayed['delay'];
      if (!Number.isNaN(numeric)) delay = numeric;
      else {
        const named = impl.delays[delayKey];
        if (named === undefined)
          throw new Error(`flatActor: ${where}: ${from} names no delay "${delayKey}"`);
        delay = typeof named === 'function' ? (named as (args: Args) => number) : Number(named);
      }
      after.push({ eventType, delay });
      on.set(eventType, transitions(spec, `${from} after ${delayKey}`));
    }
    const tags = s.tags === undefined ? [] : Array.isArray(s.tags) ? s.tags : [s.tags];
    states.set(key, {
      key,
      entry: actions(s.entry, `${from} entry`),
      exit: actions(s.exit, `${from} exit`),
      on,
      always: s.always === undefined ? [] : transitions(s.always, `${from} always`),
      after,
      tags: new Set(tags.map(String)),
      final: s.type === 'final',
    });
  }
  const context = config.context as CompiledMachine['context'];
  return {
    initial: String(config.initial ?? keys[0]),
    context:
      typeof context === 'function'
        ? (input: unknown) => (context as (a: { input: unknown }) => Context)({ input })
        : context,
    states,
    rootOn: onTable(config.on, 'the machine'),
  };
}

/** Turns an `assign` action's assignment into a function giving the partial context. */
function assigner(assignment: unknown): Implementation {
  if (typeof assignment === 'function') return assignment as Implementation;
  const entries = Object.entries(assignment as Record<string, unknown>);
  return (args, params) => {
    const partial: Context = {};
    for (const [key, value] of entries) {
      partial[key] = typeof value === 'function' ? (value as Implementation)(args, params) : value;
    }
    return partial;
  };
}
