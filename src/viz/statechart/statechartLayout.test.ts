// Every statechart the app can show, laid out for people: no two state boxes meet, every box,
// arrow and label is inside the viewBox, no label covers a box or another label, each box is
// wide enough for its name, and the names are words from the machines, not code.
import { describe, expect, it } from 'vitest';
import { everyStatechart } from './machineCharts.ts';
import { nodeRect, rectsOverlap, type Rect } from './statechartLayout.ts';
import { textWidth } from './textMetrics.ts';

const charts = everyStatechart();

const inside = (r: Rect, width: number, height: number) =>
  r.x >= 0 && r.y >= 0 && r.x + r.width <= width && r.y + r.height <= height;

/** Code-style names: dotted events, camelCase, guards in brackets. */
const CODE = /\w\.\w|[a-z][A-Z]|\[/;

describe('every statechart the app shows', () => {
  it('covers TCP, the server connection, the CPU core, every app machine and the DHCP client', () => {
    // Worked out from the view registry: users (web and database clients), server threads (web
    // and database servers), the pinger, the echo server, bulk send, sink, the FTP client and the
    // mail client; and a machine that is no app's, an interface's DHCP client.
    expect(charts.map((c) => c.key).sort()).toEqual(
      [
        'bulkSend',
        'cpuCore',
        'dhcpClient',
        'echo',
        'ftp',
        'mail',
        'pinger',
        'serverConnection',
        'serverWorker',
        'sink',
        'tcp',
        'user',
      ].sort(),
    );
  });

  // Laid out in English and in German: German words are longer and must find room too.
  const german = everyStatechart('de');
  for (const { key, chart, language } of [
    ...charts.map((c) => ({ ...c, language: 'en' })),
    ...german.map((c) => ({ ...c, language: 'de' })),
  ]) {
    describe(`${key} (${language})`, () => {
      it('has no two state boxes that meet', () => {
        const rects = chart.nodes.map(nodeRect);
        rects.forEach((a, i) => {
          for (const b of rects.slice(i + 1)) expect(rectsOverlap(a, b, 8)).toBe(false);
        });
      });

      it('keeps every box, arrow and label inside its viewBox', () => {
        for (const n of chart.nodes)
          expect(inside(nodeRect(n), chart.width, chart.height)).toBe(true);
        for (const e of chart.edges) {
          const numbers = e.path.match(/-?[\d.]+/g)!.map(Number);
          numbers.forEach((v, i) =>
            expect(v).toBeLessThanOrEqual(i % 2 === 0 ? chart.width : chart.height),
          );
          for (const v of numbers) expect(v).toBeGreaterThanOrEqual(0);
          if (!e.minor) expect(inside(e.labelBox, chart.width, chart.height)).toBe(true);
        }
      });

      it('puts no arrow label on a box or on another label', () => {
        const boxes = chart.nodes.map(nodeRect);
        const labels = chart.edges.filter((e) => !e.minor).map((e) => e.labelBox);
        labels.forEach((a, i) => {
          for (const b of boxes) expect(rectsOverlap(a, b)).toBe(false);
          for (const b of labels.slice(i + 1)) expect(rectsOverlap(a, b)).toBe(false);
        });
      });

      it('makes each box wide enough for its name', () => {
        for (const n of chart.nodes) {
          for (const line of n.lines)
            expect(textWidth(line, 12.5, true)).toBeLessThanOrEqual(n.width - 16);
        }
      });

      it('names states and arrows in words, not code', () => {
        for (const n of chart.nodes) expect(n.lines.join(' ')).not.toMatch(CODE);
        for (const e of chart.edges) for (const l of e.labels) expect(l).not.toMatch(CODE);
        for (const t of chart.graph.anyState) expect(t.label).not.toMatch(CODE);
      });
    });
  }
});

describe('names from the machines’ metadata', () => {
  const user = charts.find((c) => c.key === 'user')!.chart;

  it('shows the user machine’s states and arrows by their meta labels', () => {
    expect(user.graph.names).toMatchObject({
      waiting: 'waiting to start',
      resolving: 'looking up',
      loggingIn: 'logging in',
      visiting: 'visiting',
      thinking: 'thinking',
    });
    const labels = (from: string, to: string) =>
      user.edges.find((e) => e.from === from && e.to === to)?.labels;
    expect(labels('resolving', 'loggingIn')).toEqual(['address found, has an account']);
    expect(labels('thinking', 'visiting')).toEqual(['think time over']);
    expect(user.graph.descriptions.thinking).toMatch(/think time/);
  });

  it('keeps RFC 9293’s state names on TCP’s chart', () => {
    const tcp = charts.find((c) => c.key === 'tcp')!.chart;
    expect(tcp.nodes.find((n) => n.state === 'SYN-SENT')?.lines).toEqual(['SYN-SENT']);
  });
});
