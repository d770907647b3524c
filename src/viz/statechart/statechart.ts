// A flat XState machine as a picture: its states and transitions read from `machine.root`
// (event, guard and actions named for people), then laid out by statechartLayout.ts.

/** The part of an XState state node this file reads. */
interface NodeLike {
  key: string;
  type: string;
  states: Record<string, NodeLike>;
  transitions: Map<string, readonly TransitionLike[]>;
  after: readonly { eventType: string; delay: unknown }[];
  always?: readonly TransitionLike[] | undefined;
  initial?: { target: readonly NodeLike[] } | undefined;
}
interface TransitionLike {
  target?: readonly NodeLike[] | undefined;
  actions: readonly unknown[];
  guard?: unknown;
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
  /** How the chart writes it: `rcv SYN / snd SYN,ACK`, `net.reply [isCurrentReply]`. */
  label: string;
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
}

/** How a chart names transitions and which are minor. */
export interface LabelStyle {
  label?: (t: Omit<MachineTransition, 'label' | 'minor'>) => string;
  minor?: (t: Omit<MachineTransition, 'label' | 'minor'>) => boolean;
}

function nameOf(thing: unknown): string | undefined {
  if (typeof thing === 'string') return thing;
  if (thing && typeof thing === 'object' && 'type' in thing && typeof thing.type === 'string')
    return thing.type;
  return undefined;
}

/** The plain transition label: `event [guard]`. */
export function plainLabel(t: Omit<MachineTransition, 'label' | 'minor'>): string {
  return t.guard ? `${t.event} [${t.guard}]` : t.event;
}

/** Reads a flat machine's states and transitions (transitions without a target are left out). */
export function machineGraph(machine: MachineLike, style: LabelStyle = {}): MachineGraph {
  const root = machine.root;
  const finish = (t: Omit<MachineTransition, 'label' | 'minor'>): MachineTransition => ({
    ...t,
    label: (style.label ?? plainLabel)(t),
    minor: style.minor?.(t) ?? false,
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
        list.push(finish({ from, to, event, actions, ...(guard ? { guard } : {}) }));
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
  return {
    id: machine.id,
    states,
    initial: root.initial?.target[0]?.key ?? states[0] ?? '',
    finals: states.filter((s) => root.states[s]?.type === 'final'),
    transitions: states.flatMap((s) => read(s, root.states[s] as NodeLike)),
    anyState: read('*', root),
  };
}

export * from './statechartLayout.ts';
