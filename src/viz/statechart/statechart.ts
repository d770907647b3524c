// A flat XState machine as a picture: its states and transitions read from `machine.root`,
// named for people from the machine's own metadata (`meta.label` and `description` on states and
// transitions, XState 5), else the code name in words; then laid out by statechartLayout.ts.

import { humanWords } from '../names/appNames.ts';

/** The part of an XState state node this file reads. */
interface NodeLike {
  key: string;
  type: string;
  states: Record<string, NodeLike>;
  transitions: Map<string, readonly TransitionLike[]>;
  after: readonly { eventType: string; delay: unknown }[];
  always?: readonly TransitionLike[] | undefined;
  initial?: { target: readonly NodeLike[] } | undefined;
  meta?: unknown;
  description?: string | undefined;
}
interface TransitionLike {
  target?: readonly NodeLike[] | undefined;
  actions: readonly unknown[];
  guard?: unknown;
  meta?: unknown;
  description?: string | undefined;
}

/** Anything with a root state node, such as an XState machine. */
export interface MachineLike {
  id: string;
  root: NodeLike;
}

/** One transition of a machine, named for people. */
export interface MachineTransition {
  from: string;
  to: string;
  /** The event type, `after <delay>` for a delayed transition, or `always`. */
  event: string;
  guard?: string;
  actions: string[];
  /** How the chart writes it: `rcv SYN / snd SYN,ACK`, `reply came`. */
  label: string;
  /** The machine's `description` of the transition, if it has one. */
  description?: string;
  /** A transition drawn only on request (resets, aborts and give-ups of TCP). */
  minor: boolean;
}

/** A machine's states and transitions; `anyState` are the root's transitions, taken from any state. */
export interface MachineGraph {
  id: string;
  states: string[];
  initial: string;
  finals: string[];
  transitions: MachineTransition[];
  anyState: MachineTransition[];
  /** Each state's name for people: `waiting for I/O` for `waitingForIo`. */
  names: Record<string, string>;
  /** Each state's `description` in the machine, where it has one. */
  descriptions: Record<string, string>;
}

type Bare = Omit<MachineTransition, 'label' | 'minor' | 'description'>;

/** How a chart names transitions and which are minor. */
export interface LabelStyle {
  label?: (t: Bare) => string;
  minor?: (t: Bare) => boolean;
  /** A state's name, where the machine's metadata is not what the chart should say. */
  stateName?: (state: string) => string;
}

/** The `label` of a state's or transition's `meta`, if it is a string. */
function metaLabel(meta: unknown): string | undefined {
  if (meta && typeof meta === 'object' && 'label' in meta && typeof meta.label === 'string')
    return meta.label;
  return undefined;
}

function nameOf(thing: unknown): string | undefined {
  if (typeof thing === 'string') return thing;
  if (thing && typeof thing === 'object' && 'type' in thing && typeof thing.type === 'string')
    return thing.type;
  return undefined;
}

/** A transition without words in its machine, in words: `DNS resolved, if needs login`. */
export function plainLabel(t: Bare): string {
  const event = t.event === 'always' ? 'at once' : humanWords(t.event);
  return t.guard ? `${event}, if ${humanWords(t.guard)}` : event;
}

/** Reads a flat machine's states and transitions (transitions without a target are left out). */
export function machineGraph(machine: MachineLike, style: LabelStyle = {}): MachineGraph {
  const root = machine.root;
  const finish = (t: Bare, def: TransitionLike): MachineTransition => ({
    ...t,
    label: style.label?.(t) ?? metaLabel(def.meta) ?? plainLabel(t),
    minor: style.minor?.(t) ?? false,
    ...(def.description ? { description: def.description } : {}),
  });
  const read = (from: string, node: NodeLike): MachineTransition[] => {
    const delays = new Map(node.after.map((a) => [a.eventType, String(a.delay)]));
    const list: MachineTransition[] = [];
    const add = (event: string, defs: readonly TransitionLike[]) => {
      for (const def of defs) {
        const to = def.target?.[0]?.key;
        if (to === undefined) continue;
        const guard = nameOf(def.guard);
        const actions = def.actions.map(nameOf).filter((a): a is string => a !== undefined);
        list.push(finish({ from, to, event, actions, ...(guard ? { guard } : {}) }, def));
      }
    };
    for (const [event, defs] of node.transitions) {
      const delay = delays.get(event);
      add(delay === undefined ? event : `after ${delay}`, defs);
    }
    if (node.always) add('always', node.always);
    return list;
  };
  const states = Object.keys(root.states);
  const names: Record<string, string> = {};
  const descriptions: Record<string, string> = {};
  for (const key of states) {
    const node = root.states[key] as NodeLike;
    names[key] = style.stateName?.(key) ?? metaLabel(node.meta) ?? humanWords(key);
    if (node.description) descriptions[key] = node.description;
  }
  return {
    names,
    descriptions,
    id: machine.id,
    states,
    initial: root.initial?.target[0]?.key ?? states[0] ?? '',
    finals: states.filter((s) => root.states[s]?.type === 'final'),
    transitions: states.flatMap((s) => read(s, root.states[s] as NodeLike)),
    anyState: read('*', root),
  };
}

export * from './statechartLayout.ts';
