// Statecharts: the TCP machine as RFC 9293's figure 5 (its 11 states and transitions, laid out
// like the figure), the application machines in rows, and the geometry of boxes and arrows.
import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { appStatechart, tcpStatechart, TCP_CLOSED_BELOW } from './machineCharts.ts';
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

  it('keeps resets, aborts and give-ups as minor transitions, as the figure leaves them out', () => {
    const minor = chart.graph.transitions.filter((t) => t.minor);
    expect(new Set(minor.map((t) => t.event))).toEqual(
      new Set(['tcp.rst', 'tcp.giveUp', 'app.abort']),
    );
    expect(minor.every((t) => t.to === 'CLOSED')).toBe(true);
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
    expect(loop?.labels).toEqual(['after replyTimeout [canRetry]']);
    expect(chart.graph.finals).toEqual([]);
  });

  it('puts states reached only from the root (failed) in a last row and lists root transitions', () => {
    for (const app of ['bulkSend', 'sink']) {
      const chart = appStatechart(node, app)!;
      const failed = chart.nodes.find((n) => n.state === 'failed')!;
      expect(Math.max(...chart.nodes.map((n) => n.y))).toBe(failed.y);
      expect(chart.graph.anyState.map((t) => t.label)).toEqual(['tcp.error']);
      expect(chart.graph.finals).toContain('failed');
    }
    expect(appStatechart(node, 'echo')?.graph.states).toEqual(['idle', 'serving']);
    expect(appStatechart(node, 'nope')).toBeUndefined();
  });

  it('reads any flat machine, leaving out transitions without a target', () => {
    const machine = setup({ guards: { ok: () => true } }).createMachine({
      id: 'm',
      initial: 'a',
      states: {
        a: { on: { go: 'b', stay: {} }, after: { 500: 'c' } },
        b: { always: { guard: 'ok', target: 'a' } },
        c: { type: 'final' },
      },
    });
    const graph = machineGraph(machine);
    expect(graph.transitions.map((t) => `${t.from}>${t.to} ${t.label}`)).toEqual([
      'a>b go',
      'a>c after 500',
      'b>a always [ok]',
    ]);
    expect(graph.finals).toEqual(['c']);
    expect(layoutStatechart(graph).nodes.map((n) => n.state)).toEqual(['a', 'b', 'c']);
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
