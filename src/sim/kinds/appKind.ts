// What an application kind gives the simulation core: its schema and the checks a schema cannot
// make, always at hand; and its behaviour (how it starts on a node, its figures folded from the
// trace), a module of its own loaded when a scenario needs it. Each kind is a declaration module
// and a behaviour module in its folder under src/kinds/; kindRegistry.ts lists the declarations,
// and the validator, the builder and the summary loop over that list.

import type { Simulator } from '../../engine/simulator.ts';
import type { TraceFold } from '../../engine/traceFold.ts';
import type { CpuScheduler } from '../../machines/cpu/cpuScheduler.ts';
import type { Ipv4Address } from '../../net/wire/ipv4Address.ts';
import type { Schema, ValidationIssue } from '../schema/schema.ts';
import type { HostNode } from './roleKind.ts';

/** Finds a server's address by name; calls back with the address or an error (`NXDOMAIN`, ...). */
export type Lookup = (
  name: string,
  done: (result: { ok: true; address: Ipv4Address } | { ok: false; error: string }) => void,
) => void;

/**
 * Finds a mail domain's exchangers (its MX records, lowest preference first) through the node's
 * resolver; calls back with them or an error (`NODATA` when the domain has none, `NXDOMAIN`, ...).
 */
export type MxLookup = (
  domain: string,
  done: (
    result:
      | { ok: true; exchangers: readonly { preference: number; exchange: string }[] }
      | { ok: false; error: string },
  ) => void,
) => void;

/** The socket a server app listens on (with the defaults it applies). */
export interface Listening {
  protocol: 'tcp' | 'udp';
  port: number;
}

/** Where an app runs, as the builder hands it over. */
export interface AppContext {
  readonly sim: Simulator;
  readonly host: HostNode;
  /** The node's id. */
  readonly node: string;
  /** This app's name in the trace (see TraceName). */
  readonly label: string;
  /** The node's CPU, made on first use (servers run their requests on it). */
  cpu(): CpuScheduler;
  /** Resolves node ids, IPv4 literals and, through the node's resolver, DNS names. */
  readonly lookup: Lookup;
  /** A mail domain's MX records, through the node's resolver. */
  readonly lookupMx: MxLookup;
  /** The address a node id (its first interface) or an IPv4 literal names. */
  addressOf(peer: string): Ipv4Address | undefined;
}

/** One app of a scenario, as its figures see it: enough to pick its records from the trace. */
export interface AppInstance<A> {
  readonly node: string;
  /** Its index in the node's `apps`. */
  readonly index: number;
  readonly app: A;
  /** Its name in the trace. */
  readonly label: string;
  /** The address a node id (its first interface) or an IPv4 literal names. */
  addressOf(peer: string): Ipv4Address | undefined;
}

/** Who a client app talks to: the field naming it, its value, and the socket it connects to. */
export interface AppTarget {
  field: string;
  value: string;
  socket?: Listening;
}

/** Where an app sits in the document, for messages, and what else its node has. */
export interface AppAt {
  /** `$.nodes[2].apps[0]`. */
  path: string;
  /** The node's id. */
  node: string;
  /** Whether the node has a resolver (a `dns` setting). */
  dns: boolean;
  /** The node's apps, this one among them. */
  apps: readonly { type: string }[];
}

/** An application kind. `A` is its document type, `F` the figures of one app after a run. */
export interface AppKind<A extends { type: string } = { type: string }, F = unknown> {
  /** The `type` of its apps in a scenario (`pinger`). */
  readonly type: A['type'];
  /** Validates one app; its `type` field is `literal(type)`. */
  readonly schema: Schema<A>;
  /**
   * What its apps are called in the trace (the `app` of their records): `pinger`, `http`. A node's
   * second app of the kind is `http2`, and so on.
   */
  readonly traceName: string;
  /**
   * Servers: the name the document gives an app (its `name` field), else `traceName`. Such names
   * are never numbered: two apps of a node with one name are refused.
   */
  nameOf?(app: A): string | undefined;
  /** Servers: the socket they take, so two apps of a node cannot take the same one. */
  listens?(app: A): Listening | undefined;
  /** Whether its apps run work on the node's CPU (the node then has one, and its figures). */
  readonly usesCpu?: boolean;
  /**
   * Clients: the field naming who they talk to (a node id, an IPv4 address or a DNS name), and
   * the server socket they connect to (none for ICMP echo).
   */
  target?(app: A): AppTarget | undefined;
  /**
   * Apps that talk to several servers (a load balancer's backends): each one, its field a path
   * inside the app (`backends[1].address`). Checked and warned about as `target` is.
   */
  targets?(app: A): AppTarget[];
  /** Problems a schema cannot see in one app. */
  check?(app: A, at: AppAt, issues: ValidationIssue[]): void;
  /**
   * Its behaviour, loaded only when a scenario has such an app (kindBehaviours.ts): a course page
   * showing a ping never downloads the web server.
   */
  behaviour(): Promise<AppBehaviour<A, F>>;
}

/** What an app of a kind does: how it starts on a node, and its figures from the trace. */
export interface AppBehaviour<A, F = unknown> {
  /** Starts the app on its node; nothing runs until the simulator does. */
  start(context: AppContext, app: A): void;
  /** Its figures, computed from the trace only. */
  readonly figures: {
    fold(instance: AppInstance<A>): TraceFold<F>;
    /** The figures as lines of text for a terminal (`pinger     laptop -> ...`). */
    lines(figures: F): string[];
  };
}

/** Any kind, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAppKind = AppKind<any, any>;

/** The document type of a kind. */
export type AppOf<K> = K extends AppKind<infer A, unknown> ? A : never;

/** The figures of a kind's apps. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FiguresOf<K> = K extends AppKind<any, infer F> ? F : never;

/** Declares a kind with its types checked (an identity function). */
export function defineAppKind<A extends { type: string }, F>(kind: AppKind<A, F>): AppKind<A, F> {
  return kind;
}

/** Declares a kind's behaviour with its types checked (an identity function). */
export function defineAppBehaviour<A, F>(behaviour: AppBehaviour<A, F>): AppBehaviour<A, F> {
  return behaviour;
}
