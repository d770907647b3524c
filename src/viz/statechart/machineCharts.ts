// The statecharts the node inspector draws: TCP's connection machine laid out like RFC 9293's
// figure 5 with the RFC's own wording, and each application's machine in rows. Each is laid out
// once per language: its states' names and arrows' labels in that language (machinePhrases.ts)
// take the room they need.

import { ENGLISH, type Language } from '../../engine/language.ts';
import { cpuCoreMachine } from '../../machines/cpu/cpuCoreMachine.ts';
import { serverConnectionMachine } from '../../machines/server/serverConnectionMachine.ts';
import { tcpConnectionMachine } from '../../machines/tcp/tcpConnectionMachine.ts';
import { appLabels, type ScenarioNode } from '../../sim/index.ts';
import type { AppMachine } from '../kinds/kindView.ts';
import { APP_VIEWS } from '../kinds/viewRegistry.ts';
import { machineWord } from './machinePhrases.ts';
import {
  layoutStatechart,
  machineGraph,
  type ChartPlacement,
  type MachineGraph,
  type MachineTransition,
  type Statechart,
} from './statechart.ts';

/** A machine's graph with its names, descriptions and labels in `language`. */
export function graphIn(graph: MachineGraph, language: Language): MachineGraph {
  if (language === ENGLISH) return graph;
  const words = (record: Record<string, string>) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, machineWord(v, language)]));
  const transition = (t: MachineTransition): MachineTransition => ({
    ...t,
    label: machineWord(t.label, language),
    ...(t.description === undefined ? {} : { description: machineWord(t.description, language) }),
  });
  return {
    ...graph,
    names: words(graph.names),
    descriptions: words(graph.descriptions),
    transitions: graph.transitions.map(transition),
    anyState: graph.anyState.map(transition),
  };
}

/** A cache of one chart per language. */
function perLanguage(
  make: (language: Language) => Statechart,
): (language?: Language) => Statechart {
  const charts = new Map<Language, Statechart>();
  return (language = ENGLISH) => {
    let chart = charts.get(language);
    if (!chart) charts.set(language, (chart = make(language)));
    return chart;
  };
}

/** RFC 9293 figure 5's words for the machine's events. */
const TCP_EVENTS: Record<string, string> = {
  'app.listen': 'passive OPEN',
  'app.connect': 'active OPEN',
  'app.close': 'CLOSE',
  'app.abort': 'ABORT',
  'tcp.syn': 'rcv SYN',
  'tcp.synAck': 'rcv SYN,ACK',
  'tcp.ackOfSyn': 'rcv ACK of SYN',
  'tcp.fin': 'rcv FIN',
  'tcp.ackOfFin': 'rcv ACK of FIN',
  'tcp.rst': 'rcv RST',
  'tcp.giveUp': 'retries run out',
  'tcp.validCookie': 'rcv ACK of SYN cookie',
  'after twoMsl': 'Timeout=2MSL',
};

/** …and for the segments its actions send. */
const TCP_SENDS: Record<string, string> = {
  sendSyn: 'snd SYN',
  sendSynAck: 'snd SYN,ACK',
  sendAck: 'snd ACK',
  sendFin: 'snd FIN',
  sendRst: 'snd RST',
};

/**
 * Transitions RFC 9293's figure 5 leaves out (error handling, and SYN cookies, RFC 4987 3.6);
 * drawn only on request.
 */
const TCP_MINOR_EVENTS = new Set(['tcp.rst', 'tcp.giveUp', 'app.abort', 'tcp.validCookie']);

type Bare = Omit<MachineTransition, 'label' | 'minor' | 'description'>;

/** `rcv SYN / snd SYN,ACK`, as figure 5 writes a transition. */
export function tcpLabel(t: Bare): string {
  const event = TCP_EVENTS[t.event] ?? t.event;
  const sends = t.actions.map((a) => TCP_SENDS[a]).filter(Boolean);
  return sends.length > 0 ? `${event} / ${sends.join(', ')}` : event;
}

/**
 * Figure 5's grid: CLOSED on top, LISTEN below it, SYN-RECEIVED and SYN-SENT either side,
 * ESTABLISHED in the centre, the closing states below, and CLOSED drawn again at the bottom
 * right where TIME-WAIT and LAST-ACK end.
 */
const TCP_CELLS: [string, string, number, number][] = [
  ['CLOSED', 'CLOSED', 1, 0],
  ['LISTEN', 'LISTEN', 1, 1],
  ['SYN-RECEIVED', 'SYN-RECEIVED', 0, 2],
  ['SYN-SENT', 'SYN-SENT', 2, 2],
  ['ESTABLISHED', 'ESTABLISHED', 1, 3],
  ['FIN-WAIT-1', 'FIN-WAIT-1', 0, 4],
  ['CLOSE-WAIT', 'CLOSE-WAIT', 2, 4],
  ['FIN-WAIT-2', 'FIN-WAIT-2', 0, 5],
  ['CLOSING', 'CLOSING', 1, 5],
  ['LAST-ACK', 'LAST-ACK', 2, 5],
  ['TIME-WAIT', 'TIME-WAIT', 1, 6],
  ['CLOSED-2', 'CLOSED', 2, 6],
];

/** The box key of the bottom copy of CLOSED. */
export const TCP_CLOSED_BELOW = 'CLOSED-2';

const TCP_ROW = new Map(TCP_CELLS.map(([key, , , row]) => [key, row]));

const TCP_PLACEMENT: ChartPlacement = {
  cells: new Map(TCP_CELLS.map(([key, state, col, row]) => [key, { state, col, row }])),
  // Arrows into CLOSED from ESTABLISHED and below end at the bottom copy, as in the figure.
  boxFor: (from, to) => (to === 'CLOSED' && (TCP_ROW.get(from) ?? 0) >= 3 ? TCP_CLOSED_BELOW : to),
  loopSide: 'below',
  // Active OPEN's label goes right of CLOSED, clear of LISTEN, as in the figure.
  labels: new Map([['CLOSED|SYN-SENT', { col: 1.42, row: 0.42, anchor: 'start' }]]),
};

/** The TCP connection machine as RFC 9293's figure 5, in `language` (English by default). */
export const tcpStatechart = perLanguage((language) =>
  layoutStatechart(
    graphIn(
      machineGraph(tcpConnectionMachine, {
        label: tcpLabel,
        minor: (t) => TCP_MINOR_EVENTS.has(t.event),
        // The RFC's own names (SYN-SENT), as the figure and every textbook write them.
        stateName: (state) => state,
      }),
      language,
    ),
    TCP_PLACEMENT,
  ),
);

/**
 * The machine behind an `app` name of `node`'s app.state records, as its kind's view says: a
 * fixed application (`pinger`), a user of a web or request/response service (`http`,
 * `http/u3`), or a server thread (`web/w1`, `db/t4`, `web/loop`).
 */
export function machineOfApp(node: ScenarioNode, app: string): AppMachine | undefined {
  const slash = app.indexOf('/');
  const index = appLabels(node).indexOf(slash < 0 ? app : app.slice(0, slash));
  const type = node.apps?.[index]?.type;
  return type === undefined ? undefined : APP_VIEW_OF.get(type)?.machine?.(app);
}

const APP_VIEW_OF = new Map(APP_VIEWS.map((view) => [view.type, view]));
const appCharts = new Map<string, Statechart>();

/** An application's machine in rows, or undefined for an app without one. */
export function appStatechart(
  node: ScenarioNode,
  app: string,
  language: Language = ENGLISH,
): Statechart | undefined {
  const found = machineOfApp(node, app);
  return found && machineStatechart(found, language);
}

/**
 * The chart of a machine that is no app's (a kind's own, such as the DHCP client of an
 * interface, listed in its view's `machines`), laid out once per key and language.
 */
export function machineChart(found: AppMachine, language: Language = ENGLISH): Statechart {
  return machineStatechart(found, language);
}

/** The chart of an app's machine, laid out once per machine key and language. */
function machineStatechart(found: AppMachine, language: Language = ENGLISH): Statechart {
  const key = `${found.key}|${language}`;
  let chart = appCharts.get(key);
  if (!chart) {
    chart = layoutStatechart(graphIn(machineGraph(found.machine), language), found.placement);
    appCharts.set(key, chart);
  }
  return chart;
}

/** A CPU core's machine (cpuCoreMachine: idle, switching, running), the one the scheduler runs. */
export const cpuCoreStatechart = perLanguage((language) =>
  layoutStatechart(graphIn(machineGraph(cpuCoreMachine), language)),
);

/** A connection's events and guards at a server, in a learner's words. */
const SERVER_CONNECTION_WORDS: Record<string, string> = {
  'conn.assign': 'thread takes it',
  'conn.refuse': 'over the limit',
  'conn.data': 'part of a request',
  'conn.idle': 'keep-alive timeout',
  'conn.request': 'request read',
  'conn.io': 'CPU part done',
  'conn.replied': 'reply written',
  'conn.end': 'rcv FIN',
  'conn.dropped': 'dropped unrun',
  'conn.reset': 'rcv RST',
  'conn.closed': 'gone',
  closeAsked: 'close asked',
  requestsQueued: 'more queued',
  peerClosed: 'client closed',
};

/** `reply written, more queued`: the event, and the guard that picks this arrow. */
export function serverConnectionLabel(t: Bare): string {
  const event = SERVER_CONNECTION_WORDS[t.event] ?? t.event;
  const guard = t.guard === undefined ? '' : `, ${SERVER_CONNECTION_WORDS[t.guard] ?? t.guard}`;
  return event + guard;
}

/**
 * A connection's life at a server: the request loop as a triangle (reading above, working and
 * waiting for I/O below), taken from `accepted` at the top left, closing right of the loop,
 * refused and closed down the right edge, abandoned at the bottom; no arrow of the normal life
 * crosses a box or another arrow's label.
 */
const SERVER_CONNECTION_CELLS: [string, number, number][] = [
  ['accepted', 0, 0],
  ['refused', 4.2, 0],
  ['reading', 1.1, 1.6],
  ['closing', 3.2, 1.6],
  ['working', 0, 3.2],
  ['waitingForIo', 2.2, 3.2],
  ['abandoned', 1.1, 5],
  ['closed', 4.2, 5],
];

/** Two arrows cross between the loop and closing: their labels near either end, not both mid-way. */
const SERVER_CONNECTION_LABELS: ChartPlacement['labels'] = new Map([
  ['waitingForIo|reading', { col: 1.9, row: 2.75, anchor: 'end' }],
  ['working|closing', { col: 2.45, row: 1.95, anchor: 'end' }],
]);

/** The client vanished (reset, or gone) while the connection was open: drawn only on request. */
const SERVER_CONNECTION_OPEN = new Set(['accepted', 'reading', 'working', 'waitingForIo']);
const isVanishing = (t: Bare): boolean =>
  (t.event === 'conn.reset' || t.event === 'conn.closed') && SERVER_CONNECTION_OPEN.has(t.from);

/** A connection at a server process (serverConnectionMachine), the machine each connection runs. */
export const serverConnectionStatechart = perLanguage((language) =>
  layoutStatechart(
    graphIn(
      machineGraph(serverConnectionMachine, { label: serverConnectionLabel, minor: isVanishing }),
      language,
    ),
    {
      cells: new Map(
        SERVER_CONNECTION_CELLS.map(([state, col, row]) => [state, { state, col, row }]),
      ),
      loopSide: 'below',
      labels: SERVER_CONNECTION_LABELS,
    },
  ),
);

/** App names in the trace that reach every machine a kind's view has (its users, its threads). */
const SAMPLE_NAMES = (type: string) => [type, `${type}/u1`, `${type}/w1`];

/**
 * Every statechart the app can show, by machine: TCP, a server connection, a CPU core, the apps',
 * and the kinds' other machines (a DHCP client).
 */
export function everyStatechart(
  language: Language = ENGLISH,
): { key: string; chart: Statechart }[] {
  const charts = new Map<string, Statechart>([
    ['tcp', tcpStatechart(language)],
    ['serverConnection', serverConnectionStatechart(language)],
    ['cpuCore', cpuCoreStatechart(language)],
  ]);
  for (const view of APP_VIEWS) {
    for (const name of SAMPLE_NAMES(view.type)) {
      const found = view.machine?.(name);
      if (found && !charts.has(found.key))
        charts.set(found.key, machineStatechart(found, language));
    }
    for (const found of view.machines ?? [])
      if (!charts.has(found.key)) charts.set(found.key, machineStatechart(found, language));
  }
  return [...charts].map(([key, chart]) => ({ key, chart }));
}
