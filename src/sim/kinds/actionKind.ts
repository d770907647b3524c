// What an action kind gives the simulation core: "make something happen at a moment" on a node
// (ping a host, fetch a URL, start a transfer). An action is a timed event of the scenario
// (`events`, beside linkDown and linkUp) that runs on the node's own stack at `at`, so its
// packets are in the trace like any other. Each kind is one module in its kind's folder;
// kindRegistry.ts lists them, and the schema, the validator and the builder loop over that list.

import { duration, literal, string, type Schema, type ValidationIssue } from '../schema/schema.ts';
import type { TraceFold } from '../../engine/traceFold.ts';
import type { Ipv4Address } from '../../net/wire/ipv4Address.ts';
import type { AppContext } from './appKind.ts';
import { phrase } from '../schema/phrase.ts';

/** The fields every action has. */
export interface ActionBase {
  /** When, ns from the start of the run. */
  at: number;
  type: string;
  /** The node that acts (its id). */
  node: string;
}

/** The required fields of an action of `type`, for its kind's schema. */
export function actionFields<const T extends string>(type: T) {
  return {
    at: duration({ description: 'When, from the start of the run.' }),
    type: literal(type),
    node: string({
      pattern: /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
      patternText: phrase('pattern.nodeId'),
      description: 'The node that acts, by id.',
    }),
  };
}

/** An action kind. `E` is its document type. */
export interface ActionKind<E extends ActionBase = ActionBase> {
  /** The `type` of its events in a scenario (`fetch`). */
  readonly type: E['type'];
  /** Validates one event; its `type` field is `literal(type)`. */
  readonly schema: Schema<E>;
  /** The app kind (its `type`) it runs as, whose records it makes; none for a bare packet. */
  readonly runsAs?: string;
  /** The field naming who it talks to: a node id, an IPv4 address or (for some) a DNS name. */
  target(event: E): { field: string; value: string };
  /**
   * Problems a schema and the target check cannot see (`path` is `$.events[i]`); `listens`
   * tells whether a node (by id or address) has an app listening on a TCP or UDP port.
   */
  check?(
    event: E,
    path: string,
    listens: (peer: string, protocol: 'tcp' | 'udp', port: number) => boolean,
    issues: ValidationIssue[],
  ): void;
  /** Its behaviour, loaded only when a scenario has such an action (kindBehaviours.ts). */
  behaviour(): Promise<ActionBehaviour<E>>;
}

/** One action of a scenario, as its figures see it: enough to pick its records from the trace. */
export interface ActionInstance<E> {
  /** The acting node's id. */
  readonly node: string;
  /** Its index in the document's `events`. */
  readonly index: number;
  readonly event: E;
  /** Its name in the trace (`action3`). */
  readonly label: string;
  /** The address a node id (its first interface) or an IPv4 literal names. */
  addressOf(peer: string): Ipv4Address | undefined;
  /** The id of the node a node id or an IPv4 address (of one of its interfaces) names. */
  nodeOf(peer: string): string | undefined;
}

/** What an action does. */
export interface ActionBehaviour<E, F = unknown> {
  /**
   * Schedules the action on its node; nothing runs until the simulator does. `context.label`
   * is its name in the trace (`action3`: the third event of the document).
   */
  start(context: AppContext, event: E): void;
  /**
   * Its figures in the run summary, for an action that records its own (an attack's); one that
   * runs as an app kind has none here. The fold sees every record of its types in the run (its
   * own are those of its node and `label`; it may count what its target recorded too).
   */
  readonly figures?: {
    fold(instance: ActionInstance<E>): TraceFold<F>;
    /** The figures as lines of text for a terminal. */
    lines(figures: F): string[];
  };
}

/** Any action kind, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyActionKind = ActionKind<any>;

/** The document type of an action kind. */
export type ActionOf<K> = K extends ActionKind<infer E> ? E : never;

/** Declares an action kind with its types checked (an identity function). */
export function defineActionKind<E extends ActionBase>(kind: ActionKind<E>): ActionKind<E> {
  return kind;
}

/** Declares an action's behaviour with its types checked (an identity function). */
export function defineActionBehaviour<E, F = unknown>(
  behaviour: ActionBehaviour<E, F>,
): ActionBehaviour<E, F> {
  return behaviour;
}

/** The name of the `i`th event (from 0) of a document in the trace, when it is an action. */
export function actionLabel(index: number): string {
  return `action${index + 1}`;
}

/** The index in the document's events of the action an app name (`action3`) is, if it is one. */
export function actionIndexOf(label: string): number | undefined {
  const match = /^action(\d+)$/.exec(label);
  return match ? Number(match[1]) - 1 : undefined;
}
