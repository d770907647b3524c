// What each kind gives the view: an app kind its summary card, its sentences for the event log
// and the machine its statechart is drawn from; a node role its name, icon and what the node
// inspector says of its routing. Each kind's view module is in its folder (src/kinds/*/…View.ts);
// viewRegistry.ts lists them, and the summary, the narration and the inspector loop over it. Every
// text for people is in a language the caller gives (English if absent), from the kind's
// phrasebook beside its view (src/kinds/*/…Phrases.ts).

import type { Language } from '../../engine/language.ts';
import type { TraceRecord, TraceRecords, TraceType } from '../../engine/trace.ts';
import type { Said } from '../log/narratePackets.ts';
import type { NetworkNames } from '../names/networkNames.ts';
import type { ChartPlacement, MachineLike } from '../statechart/statechart.ts';
import type { SummaryCard } from '../summary/summaryCards.ts';

/** What a kind's sentences may look at besides the record. */
export interface NarrationContext {
  names: NetworkNames;
  /** The whole trace, for sentences that look ahead ("times out and retries"). */
  records: TraceRecords;
  /** The language to tell it in (a kind's phrasebook, src/engine/language.ts); English if absent. */
  language?: Language;
}

/** Sentences for one trace: the record at `index` told in words, or null if not its own. */
export type Narrator = (record: TraceRecord, index: number) => Said | null;

/** The event log's groups (its filter): what a record is. */
export type LogGroupName = 'packets' | 'drops' | 'states' | 'errors';

/** The machine an app's `app.state` records come from, and the key its chart is kept under. */
export interface AppMachine {
  key: string;
  machine: MachineLike;
  /** Where its states go on the chart, when rows by distance from the first would crowd it. */
  placement?: ChartPlacement;
}

/** The view of an app kind; `F` is the figures its core module folds. */
export interface AppKindView<A = never, F = never> {
  /** The kind's `type` (the same as its core module's). */
  readonly type: string;
  /** Its figures after a run as a card of labelled values, in `language` (English if absent). */
  card(figures: F, names: NetworkNames, language?: Language): SummaryCard;
  /** Its sentences for the records of `types` (the records its core module declares). */
  readonly narration?: {
    types: readonly TraceType[];
    narrator(context: NarrationContext): Narrator;
  };
  /**
   * The machine behind an app's `app.state` records: `name` is the app's name in the trace
   * (`pinger`, `http`) or a part of it (`http/u3`, `web/w1`). None for plain-code apps.
   */
  machine?(name: string): AppMachine | undefined;
  /**
   * Machines of the kind that are no app's (the DHCP client of an interface), whose charts the
   * kind's own sections draw: listed so that every statechart is checked (everyStatechart).
   */
  readonly machines?: readonly AppMachine[];
  /** The log group of its own record types (others are states, errors for failures). */
  readonly logGroups?: Partial<Record<TraceType, (record: TraceRecord) => LogGroupName>>;
  /** Whether the node inspector lists the app before it records a state (default true). */
  listedBeforeStart?(app: A): boolean;
  /** How the canvas editor adds one to a node; a kind without it is not offered there. */
  readonly newApp?: NewApp;
  /**
   * Clients: the app `type` of the server they talk to, so that a client added in the editor is
   * pointed at a node that runs one.
   */
  readonly talksTo?: string;
}

/** A JSON value of a document (the editor's `Json`). */
type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The fields of a document object, as the editor writes them. */
export type JsonFields = { [key: string]: JsonValue };

/** The nodes of the document an app is added to, as the editor sees them. */
export interface NewAppContext {
  /** The node that gets the app. */
  node: string;
  /** Every node of the document (raw JSON), in document order. */
  nodes: readonly JsonFields[];
}

/** An app kind as the canvas editor offers it: its name in the menu and a new app's fields. */
export interface NewApp {
  /** Its name in the menu in a language (English if absent): `Web client (loads a page)`. */
  name(language?: Language): string;
  /** The new app (with its `type`): sensible defaults, a peer chosen from the nodes. */
  make(context: NewAppContext): JsonFields;
}

/**
 * How the canvas editor makes and wires a node of a role (src/viz/editor/canvasEdits.ts). A
 * role with it is in the canvas palette; one without it is not.
 */
export interface RoleCanvas {
  /** The start of a new node's id: `r` gives r1, r2, ... */
  readonly idPrefix: string;
  /** The name of its interface number `n` (from 0): `eth0`, or a switch's port `p1`. */
  interfaceName(n: number): string;
  /** Its first address on a subnet (host number): 1 for a router, so hosts start higher. */
  readonly firstHost: number;
  /** Hosts on its subnets take its address there as their default gateway. */
  readonly gateway?: boolean;
  /** A new node's fields besides id, role and position. */
  newNode(): JsonFields;
  /** Fields it gains with its first address (a server's web service needs an address to run). */
  whenAddressed?(): JsonFields;
}

/** The view of a node role. */
export interface RoleView {
  readonly role: string;
  /** Words for the role in a language (English if absent), for labels and screen readers
   * (`DNS server`, `DNS-Server`). */
  name(language?: Language): string;
  /** Its icon: SVG path data in a 24 x 24 box, drawn with a stroke of about 1.8 and no fill. */
  readonly icon: string;
  /** A network device: sentences name it with its role first (`Router r1`). */
  readonly device: boolean;
  /** The colour band of its node in the picture: people's machines, servers, or devices. */
  readonly tone: 'client' | 'server' | 'device';
  /** What the node inspector says instead of a routing table, for roles without one. */
  noRoutingTable?(language?: Language): string;
  /** How the canvas editor makes and wires its nodes; without it the palette leaves it out. */
  readonly canvas?: RoleCanvas;
}

/**
 * The view of an action kind that records its own (an attack): its card in the run summary and
 * its sentences for its records. Actions that run as an app kind are told as that kind.
 */
export interface ActionKindView<F = never> {
  /** The action's `type` (the same as its core module's). */
  readonly type: string;
  /** Its figures after a run as a card, in `language` (English if absent). */
  card?(figures: F, names: NetworkNames, language?: Language): SummaryCard;
  /** Its sentences for the records of `types`. */
  readonly narration?: {
    types: readonly TraceType[];
    narrator(context: NarrationContext): Narrator;
  };
  /** The log group of its own record types (states if absent). */
  readonly logGroups?: Partial<Record<TraceType, (record: TraceRecord) => LogGroupName>>;
}

/** Any action kind's view, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyActionKindView = ActionKindView<any>;

/** Declares an action kind's view with its types checked (an identity function). */
export function defineActionView<F>(view: ActionKindView<F>): ActionKindView<F> {
  return view;
}

/** Any app kind's view, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAppKindView = AppKindView<any, any>;

/** Declares an app kind's view with its types checked (an identity function). */
export function defineAppView<A, F>(view: AppKindView<A, F>): AppKindView<A, F> {
  return view;
}
