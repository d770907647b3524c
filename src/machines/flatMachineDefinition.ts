// A flat XState machine's definition read once into plain tables for FlatMachineActor: each
// state's entry and exit actions, its transitions by event type, its `after` delays and `always`
// transitions, with every guard and action resolved against the machine's implementations (those
// of `setup` and `provide`). Anything the flat runner does not run is refused here, by name.

import { and, or, type AnyStateMachine } from 'xstate';

export type AnyEvent = { type: string };
export type Context = Record<string, unknown>;
type Args = { context: Context; event: AnyEvent; self?: unknown; system?: unknown };
export type Fn = ((args: Args, params?: unknown) => unknown) & {
  resolve?: unknown;
  type?: string;
  assignment?: unknown;
  check?: unknown;
  guards?: unknown[];
};
type Ref = string | Fn | { type: string; params?: unknown };

/** An action resolved against the machine's implementations. */
export interface Action {
  /** The custom action to call; undefined when not implemented (XState then runs nothing). */
  fn: Fn | undefined;
  /** Set for an `assign` action: its assignment function, or its object's entries. */
  assignment: Fn | [string, unknown][] | undefined;
  /** The reference, for its params. */
  ref: Ref;
}

export type Guard = (context: Context, event: AnyEvent) => boolean;

export interface Transition {
  /** Target state's key; undefined for a transition that only runs actions. */
  target: string | undefined;
  /** Exits and re-enters even when the target is the source itself. */
  reenter: boolean;
  /** The source is the state itself (not the root). */
  fromState: boolean;
  guard: Guard | undefined;
  actions: Action[];
}

export interface StateDef {
  key: string;
  final: boolean;
  entry: Action[];
  exit: Action[];
  on: Map<string, Transition[]>;
  /** Delayed transitions: the delay's name or ms, its event type, its transitions. */
  after: { delay: string | number; type: string; transitions: Transition[] }[];
  always: Transition[];
  tags: string[];
}

export interface FlatDefinition {
  id: string;
  initial: string;
  states: Map<string, StateDef>;
  rootOn: Map<string, Transition[]>;
  /** The machine's `context` (a value, or a function of `{ input, self }`). */
  context: unknown;
  delays: Record<string, unknown>;
}

const toArray = <T>(x: T | T[] | undefined): T[] =>
  x === undefined ? [] : Array.isArray(x) ? x : [x];

/** How XState marks its higher-order guards (the check functions are not exported). */
const AND_CHECK = (and([]) as unknown as Fn).check;
const OR_CHECK = (or([]) as unknown as Fn).check;

const cache = new WeakMap<AnyStateMachine, FlatDefinition>();

/** The machine's definition as tables, read once per machine object (provide() makes another). */
export function flatDefinition(machine: AnyStateMachine): FlatDefinition {
  let definition = cache.get(machine);
  if (definition === undefined) {
    definition = compile(machine);
    cache.set(machine, definition);
  }
  return definition;
}

/** An action's or guard's params: its `params` value, or that function of context and event. */
export function paramsOf(ref: Ref, context: Context, event: AnyEvent): unknown {
  if (typeof ref !== 'object' || !('params' in ref)) return undefined;
  const p = ref.params;
  return typeof p === 'function' ? (p as Fn)({ context, event }) : p;
}

function compile(machine: AnyStateMachine): FlatDefinition {
  const config = machine.config as Record<string, unknown>;
  const impl = machine.implementations as unknown as Record<string, Record<string, unknown>>;
  const where = `flat machine ${machine.id}`;
  const rootKeys = ['id', 'context', 'initial', 'states', 'on', 'types', 'schemas', 'version'];
  refuse(config, [...rootKeys, 'meta', 'description'], where);
  const actions = (refs: unknown): Action[] =>
    toArray(refs as Ref | Ref[]).map((ref) => {
      const fn = resolve(ref, impl.actions ?? {}, `${where}: action`);
      if (fn?.type !== 'xstate.assign') return { fn, assignment: undefined, ref };
      const a = fn.assignment;
      const assignment = typeof a === 'function' ? (a as Fn) : Object.entries(a as Context);
      return { fn: undefined, assignment, ref };
    });
  const guard = (ref: Ref | undefined): Guard | undefined => {
    if (ref === undefined) return undefined;
    const fn = resolve(ref, impl.guards ?? {}, `${where}: guard`);
    if (fn === undefined) throw new Error(`${where}: guard ${JSON.stringify(ref)} is missing`);
    if (fn.check !== undefined) {
      const parts = ((fn.guards ?? []) as Ref[]).map((g) => guard(g) as Guard);
      if (fn.check === AND_CHECK) return (c, e) => parts.every((g) => g(c, e));
      if (fn.check === OR_CHECK) return (c, e) => parts.some((g) => g(c, e));
      const [inner] = parts as [Guard]; // not()
      return (c, e) => !inner(c, e);
    }
    return (context, event) => Boolean(fn({ context, event }, paramsOf(ref, context, event)));
  };
  const transitions = (value: unknown, source: string | undefined): Transition[] =>
    toArray(value as unknown[]).map((c) => {
      const t = (typeof c === 'string' ? { target: c } : c) as Record<string, unknown>;
      refuse(
        t,
        ['target', 'guard', 'actions', 'reenter', 'description', 'meta'],
        `${where}: a transition`,
      );
      return {
        target: t.target === undefined ? undefined : String(t.target).replace(/^\./, ''),
        reenter: t.reenter === true,
        fromState: source !== undefined,
        guard: guard(t.guard as Ref | undefined),
        actions: actions(t.actions),
      };
    });

  const states = new Map<string, StateDef>();
  const stateConfigs = (config.states ?? {}) as Record<string, Record<string, unknown>>;
  for (const [key, state] of Object.entries(stateConfigs)) {
    // `description` and `meta` are for people (the statecharts' words): nothing to run.
    const known = ['type', 'entry', 'exit', 'on', 'after', 'always', 'tags', 'description', 'meta'];
    refuse(state, known, `${where}: state ${key}`);
    if (state.type !== undefined && state.type !== 'final' && state.type !== 'atomic')
      throw new Error(`${where}: state ${key} is ${String(state.type)}`);
    const on = new Map<string, Transition[]>();
    for (const [type, t] of Object.entries((state.on ?? {}) as Record<string, unknown>))
      on.set(type, transitions(t, key));
    const afterConfig = (state.after ?? {}) as Record<string, unknown>;
    const after = Object.keys(afterConfig).map((name) => {
      const delay = Number.isNaN(+name) ? name : +name;
      const type = `xstate.after.${delay}.${machine.id}.${key}`;
      return { delay, type, transitions: transitions(afterConfig[name], key) };
    });
    const always = transitions(state.always, key);
    if (always.some((t) => t.target === undefined))
      throw new Error(`${where}: state ${key} has an eventless transition with no target`);
    const tags = toArray(state.tags as string | string[]);
    const final = state.type === 'final';
    const [entry, exit] = [actions(state.entry), actions(state.exit)];
    states.set(key, { key, final, entry, exit, on, after, always, tags });
  }
  const rootOn = new Map<string, Transition[]>();
  for (const [type, t] of Object.entries((config.on ?? {}) as Record<string, unknown>))
    rootOn.set(type, transitions(t, undefined));
  const all = [...rootOn.values()].flat();
  for (const def of states.values())
    all.push(...[...def.on.values()].flat(), ...def.after.flatMap((a) => a.transitions));
  for (const t of all)
    if (t.target !== undefined && !states.has(t.target))
      throw new Error(`${where}: unknown target ${t.target}`);
  const initial = config.initial;
  if (typeof initial !== 'string' || !states.has(initial))
    throw new Error(`${where}: no initial state`);
  const delays = (impl.delays ?? {}) as Record<string, unknown>;
  return { id: machine.id, initial, states, rootOn, context: config.context, delays };
}

/** The implementation `ref` names (or `ref` itself when inline); built-ins but assign refused. */
function resolve(ref: Ref, table: Record<string, unknown>, what: string): Fn | undefined {
  if (typeof ref === 'function') return ref;
  const fn = table[typeof ref === 'string' ? ref : ref.type] as Fn | undefined;
  if (fn?.resolve !== undefined && fn.type !== 'xstate.assign')
    throw new Error(`${what} ${String(fn.type)} is a built-in the flat runner does not run`);
  return fn;
}

/** Refuses a config object with any key the flat runner does not understand. */
function refuse(config: Record<string, unknown>, known: string[], where: string): void {
  for (const key of Object.keys(config))
    if (!known.includes(key)) throw new Error(`${where} uses "${key}", which it cannot run`);
}
