// Statecharts: the TCP machine as RFC 9293's figure 5 (its 11 states and transitions, laid out
// like the figure), the application machines in rows, and the geometry of boxes and arrows.
import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import {
  appStatechart,
  serverConnectionStatechart,
  tcpStatechart,
  TCP_CLOSED_BELOW,
} from './machineCharts.ts';
import { layoutStatechart, machineGraph } from './statechart.ts';
import type { ScenarioNode } from '../../sim/index.ts';

const RFC_STATES = [
  'CLOSED',
  'LISTEN',
  'SYN-SENT',
  'SYN-RECEIVED',
  'ESTABLISHED',
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'CLOSE-WAIT',
  'CLOSING',
  'LAST-ACK',
  'TIME-WAIT',
];

/** RFC 9293 figure 5, arrow by arrow, in the figure's words (`event / segment sent`). */
const FIGURE_5: [string, string, string][] = [
  ['CLOSED', 'LISTEN', 'passive OPEN'],
  ['CLOSED', 'SYN-SENT', 'active OPEN / snd SYN'],
  ['LISTEN', 'CLOSED', 'CLOSE'],
  ['LISTEN', 'SYN-RECEIVED', 'rcv SYN / snd SYN,ACK'],
  ['SYN-SENT', 'CLOSED', 'CLOSE'],
  ['SYN-SENT', 'SYN-RECEIVED', 'rcv SYN / snd SYN,ACK'],
  ['SYN-SENT', 'ESTABLISHED', 'rcv SYN,ACK / snd ACK'],
  ['SYN-RECEIVED', 'ESTABLISHED', 'rcv ACK of SYN'],
  ['SYN-RECEIVED', 'FIN-WAIT-1', 'CLOSE / snd FIN'],
  ['ESTABLISHED', 'FIN-WAIT-1', 'CLOSE / snd FIN'],
  ['ESTABLISHED', 'CLOSE-WAIT', 'rcv FIN / snd ACK'],
  ['FIN-WAIT-1', 'FIN-WAIT-2', 'rcv ACK of FIN'],
  ['FIN-WAIT-1', 'CLOSING', 'rcv FIN / snd ACK'],
  ['FIN-WAIT-2', 'TIME-WAIT', 'rcv FIN / snd ACK'],
  ['CLOSING', 'TIME-WAIT', 'rcv ACK of FIN'],
  ['CLOSE-WAIT', 'LAST-ACK', 'CLOSE / snd FIN'],
  ['LAST-ACK', 'CLOSED', 'rcv ACK of FIN'],
  ['TIME-WAIT', 'CLOSED', 'Timeout=2MSL'],
];

describe('the TCP statechart', () => {
  const chart = tcpStatechart();

  it('has the 11 states of RFC 9293, CLOSED first and initial', () => {
    expect([...chart.graph.states].sort()).toEqual([...RFC_STATES].sort());
    expect(chart.graph.initial).toBe('CLOSED');
    expect(new Set(chart.nodes.map((n) => n.state))).toEqual(new Set(RFC_STATES));
  });

  it('has every transition of figure 5, in the figure’s words', () => {
    const main = chart.graph.transitions
      .filter((t) => !t.minor)
      .map((t) => `${t.from} → ${t.to}: ${t.label}`);
    for (const [from, to, label] of FIGURE_5) expect(main).toContain(`${from} → ${to}: ${label}`);
  });

  it('keeps resets, aborts, give-ups and SYN cookies as minor transitions, as the figure leaves them out', () => {
    const minor = chart.graph.transitions.filter((t) => t.minor);
    expect(new Set(minor.map((t) => t.event))).toEqual(
      new Set(['tcp.rst', 'tcp.giveUp', 'app.abort', 'tcp.validCookie']),
    );
    expect(minor.filter((t) => t.event !== 'tcp.validCookie').every((t) => t.to === 'CLOSED')).toBe(
      true,
    );
    expect(
      minor
        .filter((t) => t.event === 'tcp.validCookie')
        .map((t) => `${t.from} → ${t.to}: ${t.label}`),
    ).toEqual(['LISTEN → SYN-RECEIVED: rcv ACK of SYN cookie']);
    expect(chart.graph.anyState.map((t) => t.label)).toEqual(['ABORT / snd RST']);
  });

  it('lays the states out like the figure: CLOSED on top, the handshake, ESTABLISHED, the close', () => {
    const at = (key: string) => chart.nodes.find((n) => n.key === key)!;
    const [closed, listen, synRcvd, synSent, est] = [
      'CLOSED',
      'LISTEN',
      'SYN-RECEIVED',
      'SYN-SENT',
      'ESTABLISHED',
    ].map(at);
    expect(closed!.y).toBeLessThan(listen!.y);
    expect(listen!.x).toBe(closed!.x);
    expect(synRcvd!.y).toBe(synSent!.y);
    expect(synRcvd!.x).toBeLessThan(est!.x);
    expect(synSent!.x).toBeGreaterThan(est!.x);
    expect(est!.x).toBe(closed!.x);
    for (const s of [
      'FIN-WAIT-1',
      'FIN-WAIT-2',
      'CLOSE-WAIT',
      'CLOSING',
      'LAST-ACK',
      'TIME-WAIT',
    ]) {
      expect(at(s).y).toBeGreaterThan(est!.y);
    }
    expect(at('FIN-WAIT-1').x).toBeLessThan(est!.x);
    expect(at('CLOSE-WAIT').x).toBeGreaterThan(est!.x);
    expect(at('TIME-WAIT').y).toBe(at(TCP_CLOSED_BELOW).y);
    // The close ends at the bottom copy of CLOSED, as the figure draws it.
    const ends = chart.edges
      .filter((e) => e.to === TCP_CLOSED_BELOW && !e.minor)
      .map((e) => e.from);
    expect(ends.sort()).toEqual(['LAST-ACK', 'TIME-WAIT']);
    expect(
      chart.edges.find((e) => e.from === 'LISTEN' && e.to === 'CLOSED' && !e.minor),
    ).toBeDefined();
  });

  it('draws arrows between box edges, inside the chart', () => {
    for (const e of chart.edges) {
      expect(e.path).toMatch(/^M[\d.]+ [\d.]+ [QC]/);
      const numbers = e.path.match(/[\d.]+/g)!.map(Number);
      for (const v of numbers) expect(v).toBeGreaterThanOrEqual(0);
      expect(e.labelX).toBeLessThanOrEqual(chart.width);
      expect(e.labelY).toBeLessThanOrEqual(chart.height);
    }
    const nodes = chart.nodes.map((n) => [n.x, n.y].join());
    expect(new Set(nodes).size).toBe(nodes.length);
  });
});

/** A node with one app of each kind that has a machine, named as the trace names them. */
const node = {
  id: 'n',
  role: 'server',
  apps: [
    { type: 'pinger', peer: 'x' },
    { type: 'echo' },
    { type: 'bulkSend', peer: 'x', bytes: 1 },
    { type: 'sink' },
    { type: 'httpClient', server: 'x' },
    { type: 'serviceClient', server: 'x' },
    { type: 'httpServer' },
    { type: 'service' },
    { type: 'ftpClient', server: 'x' },
  ],
} as ScenarioNode;

describe('application statecharts', () => {
  it('draws the pinger in rows from its initial state, with its retry loop', () => {
    const chart = appStatechart(node, 'pinger')!;
    const y = (s: string) => chart.nodes.find((n) => n.state === s)!.y;
    expect(y('starting')).toBeLessThan(y('awaitingReply'));
    expect(y('awaitingReply')).toBeLessThan(y('pausing'));
    expect(y('pausing')).toBeLessThan(y('done'));
    const loop = chart.edges.find((e) => e.from === 'awaitingReply' && e.to === 'awaitingReply');
    expect(loop?.labels).toEqual(['no reply, try again']);
    expect(chart.graph.finals).toEqual([]);
  });

  it('puts states reached only from the root (failed) in a last row and lists root transitions', () => {
    for (const [app, words] of [
      ['bulkSend', 'connection failed'],
      ['sink', 'socket failed'],
    ] as const) {
      const chart = appStatechart(node, app)!;
      const failed = chart.nodes.find((n) => n.state === 'failed')!;
      expect(Math.max(...chart.nodes.map((n) => n.y))).toBe(failed.y);
      expect(chart.graph.anyState.map((t) => t.label)).toEqual([words]);
      expect(chart.graph.finals).toContain('failed');
    }
    expect(appStatechart(node, 'echo')?.graph.states).toEqual(['idle', 'serving']);
    expect(appStatechart(node, 'nope')).toBeUndefined();
  });

  it('reads any flat machine, leaving out transitions without a target, in words when it has none', () => {
    const machine = setup({ guards: { isOk: () => true } }).createMachine({
      id: 'm',
      initial: 'a',
      states: {
        a: { on: { 'dns.resolved': 'b', stay: {} }, after: { 500: 'waitingForIo' } },
        b: { always: { guard: 'isOk', target: 'a' } },
        waitingForIo: { type: 'final' },
      },
    });
    const graph = machineGraph(machine);
    expect(graph.transitions.map((t) => `${t.from}>${t.to} ${t.label}`)).toEqual([
      'a>b DNS resolved',
      'a>waitingForIo after 500',
      'b>a at once, if is ok',
    ]);
    expect(graph.finals).toEqual(['waitingForIo']);
    expect(graph.names).toEqual({ a: 'a', b: 'b', waitingForIo: 'waiting for I/O' });
    const chart = layoutStatechart(graph);
    expect(chart.nodes.map((n) => n.state)).toEqual(['a', 'b', 'waitingForIo']);
    expect(chart.nodes.map((n) => n.lines.join(' '))).toEqual(['a', 'b', 'waiting for I/O']);
  });
});

describe('machines of the newer applications', () => {
  it('draws users, server threads and the FTP client from their app names', () => {
    expect(appStatechart(node, 'http/u3')?.nodes.map((n) => n.state)).toContain('thinking');
    expect(appStatechart(node, 'service/v12')?.nodes.map((n) => n.state)).toContain('loggingIn');
    expect(appStatechart(node, 'web/w2')?.nodes.map((n) => n.state)).toContain('waitingForIo');
    expect(appStatechart(node, 'db/loop')?.nodes.map((n) => n.state)).toContain('working');
    expect(appStatechart(node, 'ftp')?.nodes.map((n) => n.state)).toContain('transferring');
    expect(appStatechart(node, 'web')).toBeUndefined();
  });
});

describe('a connection at a server', () => {
  const chart = serverConnectionStatechart();
  const labels = (from: string, to: string) =>
    chart.graph.transitions
      .filter((t) => t.from === from && t.to === to)
      .map((t) => t.label)
      .sort();

  it('is drawn from serverConnectionMachine: its eight states, accepted on top, the request loop, closed below', () => {
    expect([...chart.graph.states].sort()).toEqual([
      'abandoned',
      'accepted',
      'closed',
      'closing',
      'reading',
      'refused',
      'waitingForIo',
      'working',
    ]);
    expect(chart.graph.initial).toBe('accepted');
    expect(chart.graph.finals).toEqual(['closed']);
    const y = (state: string) => chart.nodes.find((n) => n.state === state)?.y ?? NaN;
    expect(y('accepted')).toBeLessThan(y('reading'));
    expect(y('reading')).toBeLessThan(y('working'));
    expect(y('working')).toBe(y('waitingForIo'));
    expect(y('waitingForIo')).toBeLessThan(y('closed'));
  });

  it('labels each arrow with the event the server raises and the guard that picks it, in words', () => {
    expect(labels('reading', 'working')).toEqual(['request read']);
    expect(labels('working', 'waitingForIo')).toEqual(['CPU part done']);
    expect(labels('working', 'closing')).toEqual([
      'reply written, client closed',
      'reply written, close asked',
    ]);
    expect(labels('reading', 'closing')).toEqual(['keep-alive timeout', 'rcv FIN']);
    expect(labels('accepted', 'refused')).toEqual(['over the limit']);
    expect(labels('accepted', 'working')).toEqual(['thread takes it, more queued']);
    expect(labels('working', 'working')).toEqual(['reply written, more queued']);
  });

  it('keeps the labels of the normal life apart, and off the boxes', () => {
    // A label block's rough extent: 6 px a character, 12 px a line, placed by its anchor.
    const boxOf = (e: (typeof chart.edges)[number]) => {
      const width = Math.max(...e.labels.map((l) => l.length)) * 6;
      const left =
        e.anchor === 'start'
          ? e.labelX
          : e.anchor === 'end'
            ? e.labelX - width
            : e.labelX - width / 2;
      const height = e.labels.length * 12;
      return {
        left,
        right: left + width,
        top: e.labelY - height / 2,
        bottom: e.labelY + height / 2,
      };
    };
    const overlap = (a: ReturnType<typeof boxOf>, b: ReturnType<typeof boxOf>) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const labels = chart.edges.filter((e) => !e.minor && e.from !== e.to).map(boxOf);
    const boxes = chart.nodes.map((n) => ({
      left: n.x - n.width / 2,
      right: n.x + n.width / 2,
      top: n.y - n.height / 2,
      bottom: n.y + n.height / 2,
    }));
    labels.forEach((a, i) => {
      for (const b of labels.slice(i + 1)) expect(overlap(a, b)).toBe(false);
      for (const b of boxes) expect(overlap(a, b)).toBe(false);
    });
  });

  it('keeps a client vanishing from an open connection as minor arrows, the normal end major', () => {
    const minor = chart.edges.filter((e) => e.minor);
    expect(minor.length).toBeGreaterThan(0);
    expect(
      minor.every((e) => ['accepted', 'reading', 'working', 'waitingForIo'].includes(e.from)),
    ).toBe(true);
    expect(chart.edges.find((e) => e.from === 'closing' && e.to === 'closed')?.minor).toBe(false);
    expect(chart.edges.find((e) => e.from === 'reading' && e.to === 'working')?.minor).toBe(false);
  });
});
