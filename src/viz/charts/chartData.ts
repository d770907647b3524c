// What each chart plots, from the trace up to the moment shown: named lines in display units
// (ms, bit/s, bytes, packets), the axes' extent, and which series a selection points at.

import { ENGLISH, type Language } from '../../engine/language.ts';
import { formatDuration } from '../../engine/time.ts';
import type { TraceRecords } from '../../engine/trace.ts';
import type { NetworkNames } from '../names/index.ts';
import type { Selection } from '../view/index.ts';
import { CHARTS, chartWords, type ChartKind } from './chartSpecs.ts';
import { chartPhrases } from './chartPhrases.ts';
import {
  countAtMost,
  niceBinWidth,
  pointsUntil,
  throughputBins,
  traceSeries,
  type Points,
  type ThroughputBin,
} from './series.ts';
import { requestLatencySeries } from '../servers/index.ts';

export { CHARTS, chartWords, type ChartKind } from './chartSpecs.ts';

/** One drawn line. `color` is an index into the chart palette, shared within a group. */
export interface PlotLine {
  key: string;
  group: string;
  label: string;
  points: Points;
  /** How many of `points` are data; any after them only carry the last value on to now. */
  data: number;
  step: boolean;
  dashed: boolean;
  markers: boolean;
  color: number;
}

/** A series the learner can focus on: one pinger, link, connection or interface. */
export interface PlotGroup {
  key: string;
  label: string;
  nodes: string[];
  links: string[];
}

export interface ChartData {
  kind: ChartKind;
  title: string;
  yLabel: string;
  unit: string;
  si: boolean;
  empty: string;
  lines: PlotLine[];
  groups: PlotGroup[];
  /** The last point of the whole trace, ns (the x extent of "whole run"; see chartDomain). */
  xMax: number;
  /** The highest value of the whole trace (the y extent of "whole run"; see chartDomain). */
  yMax: number;
  /** The moment the lines reach: `min(time, xMax)`. */
  shownUntil: number;
  /** Throughput bin width in ns (throughput chart only). */
  binNs: number | null;
}

const NS_PER_MS = 1e6;

function scaled(p: Points, factor: number): Points {
  return factor === 1 ? p : { t: p.t, v: p.v.map((v) => v / factor) };
}

function lastT(p: Points): number {
  return p.t.length > 0 ? (p.t[p.t.length - 1] as number) : 0;
}

function maxV(p: Points): number {
  let m = 0;
  for (const v of p.v) if (v > m) m = v;
  return m;
}

/** `Laptop :59820 → Server (10.0.2.20:5001)` for the connection `10.0.1.10:59820>10.0.2.20:5001`. */
export function connectionLabel(node: string, conn: string, names: NetworkNames): string {
  const [local = conn, remote] = conn.split('>');
  const port = local.slice(local.lastIndexOf(':') + 1);
  return remote === undefined
    ? `${names.name(node)} ${conn}`
    : `${names.name(node)} :${port} → ${names.endpoint(remote)}`;
}

/** Bins as a step line: a point at each bin start, and one at the last bin's end. */
function binPoints(bins: readonly ThroughputBin[]): Points {
  const p: Points = { t: bins.map((b) => b.start), v: bins.map((b) => b.bitsPerSecond) };
  const last = bins[bins.length - 1];
  if (last && last.end > last.start) {
    p.t.push(last.end);
    p.v.push(last.bitsPerSecond);
  }
  return p;
}

interface Full {
  key: string;
  group: PlotGroup;
  label: string;
  full: Points;
  step: boolean;
  dashed: boolean;
  markers: boolean;
  /** The series a line comes from, where its key is not enough (throughput directions). */
  source?: string;
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

/** The lines of one chart over the whole trace, before cutting at the time shown. */
function fullLines(
  records: TraceRecords,
  kind: ChartKind,
  names: NetworkNames,
  language: Language,
): Full[] {
  const say = chartPhrases.in(language).say;
  const s = traceSeries(records);
  const out: Full[] = [];
  const links = new Map<string, PlotGroup>();
  const line = (group: PlotGroup, suffix: string, full: Points, more: Partial<Full> = {}): void => {
    out.push({
      key: `${group.key}/${suffix || more.source || ''}`,
      group,
      label: suffix ? `${suffix}, ${group.label}` : group.label,
      full,
      step: true,
      dashed: false,
      markers: false,
      ...more,
    });
  };
  switch (kind) {
    case 'latency':
      for (const l of s.latency.values()) {
        const group = { key: l.node, label: names.name(l.node), nodes: [l.node], links: [] };
        line(group, '', scaled(l.rtt, NS_PER_MS), { step: false, markers: true });
      }
      break;
    case 'requests':
      // Server side: request arrival to reply written; client side: request sent to response.
      for (const r of requestLatencySeries(records)) {
        const server = r.side === 'server';
        const group = {
          key: `${r.side} ${r.node} ${r.app}`,
          label: server
            ? say('series.server', { node: names.name(r.node), app: r.app })
            : say('series.client', { node: names.name(r.node) }),
          nodes: [r.node],
          links: [],
        };
        line(group, '', scaled(r.latency, NS_PER_MS), {
          step: false,
          markers: true,
          dashed: !server,
        });
      }
      break;
    case 'throughput':
      for (const [key, d] of s.throughput) {
        const group = getOr(links, d.link, () => ({
          key: d.link,
          label: say('series.link', { link: d.link }),
          nodes: [],
          links: [d.link],
        }));
        group.nodes.push(d.from, d.to);
        // The bins are made later, once the bin width is known; keep the arrival times here.
        line(
          group,
          '',
          { t: d.end, v: [] },
          {
            source: key,
            label: `${d.link}: ${names.name(d.from)} → ${names.name(d.to)}`,
          },
        );
      }
      break;
    case 'cwnd':
      for (const c of s.cwnd.values()) {
        const group = {
          key: `${c.node} ${c.conn}`,
          label: connectionLabel(c.node, c.conn, names),
          nodes: [c.node],
          links: [],
        };
        line(group, 'cwnd', c.cwnd);
        line(group, 'ssthresh', c.ssthresh, { dashed: true });
      }
      break;
    case 'rto':
      for (const r of s.rto.values()) {
        const group = {
          key: `${r.node} ${r.conn}`,
          label: connectionLabel(r.node, r.conn, names),
          nodes: [r.node],
          links: [],
        };
        line(group, 'RTO', scaled(r.rto, NS_PER_MS));
        line(group, 'SRTT', scaled(r.srtt, NS_PER_MS), { dashed: true });
      }
      break;
    case 'queue':
      for (const q of s.queue.values()) {
        const group = {
          key: `${q.node}:${q.iface}`,
          label: say('series.queue', { node: names.name(q.node), iface: q.iface, link: q.link }),
          nodes: [q.node],
          links: [q.link],
        };
        line(group, '', q.packets);
      }
      break;
  }
  return out;
}

/**
 * The chart `kind` at `time`: lines up to the moment shown, only the group `focus` when one is
 * given, its words in `language`. A pure function of (records, time); the trace is read once per
 * records array.
 */
export function chartData(
  input: { records: TraceRecords; time: number; names: NetworkNames },
  kind: ChartKind,
  focus: string | null = null,
  binNs?: number,
  language: Language = ENGLISH,
): ChartData {
  const found = CHARTS.find((c) => c.kind === kind) ?? (CHARTS[0] as (typeof CHARTS)[number]);
  const spec = { ...found, ...chartWords(found.kind, language) };
  const all = fullLines(input.records, kind, input.names, language);
  const groups = [...new Map(all.map((l) => [l.group.key, l.group])).values()];
  const colorOf = new Map(groups.map((g, i) => [g.key, i]));
  const chosen =
    focus !== null && colorOf.has(focus) ? all.filter((l) => l.group.key === focus) : all;
  let xMax = 0;
  for (const l of chosen) xMax = Math.max(xMax, lastT(l.full));
  if (xMax <= 0) xMax = Math.max(input.time, 1);
  const shownUntil = Math.min(input.time, xMax);
  const series = kind === 'throughput' ? traceSeries(input.records).throughput : null;
  const width = series ? (binNs ?? niceBinWidth(xMax)) : null;
  let yMax = 0;
  const lines: PlotLine[] = chosen.map((l, i) => {
    let full = l.full;
    let points: Points;
    let data: number;
    if (series && width !== null) {
      const dir = series.get(l.source ?? '');
      const bins = dir ? throughputBins(dir, width, shownUntil) : [];
      full = dir ? binPoints(throughputBins(dir, width, xMax)) : { t: [], v: [] };
      points = binPoints(bins);
      data = bins.length;
    } else {
      points = pointsUntil(l.full, shownUntil, l.step);
      data = countAtMost(l.full.t, shownUntil);
    }
    yMax = Math.max(yMax, maxV(full));
    return {
      key: l.key,
      group: l.group.key,
      label: l.label,
      points,
      data,
      step: l.step,
      dashed: l.dashed,
      markers: l.markers,
      // Both directions of a link are one group; they differ by colour.
      color: kind === 'throughput' ? all.indexOf(l) : (colorOf.get(l.group.key) ?? i),
    };
  });
  return { ...spec, lines, groups, xMax, yMax, shownUntil, binNs: width };
}

/** The chart and group a selection points at, or null where it says nothing about charts. */
export function focusOf(
  selection: Selection,
  groups: readonly PlotGroup[],
): { chart: ChartKind | null; group: string | null } {
  if (!selection) return { chart: null, group: null };
  switch (selection.kind) {
    case 'connection': {
      const key = `${selection.node} ${selection.conn}`;
      return { chart: 'cwnd', group: groups.some((g) => g.key === key) ? key : null };
    }
    case 'link':
      return {
        chart: 'throughput',
        group: groups.find((g) => g.links.includes(selection.link))?.key ?? null,
      };
    case 'packet':
      return selection.link === null
        ? { chart: null, group: null }
        : {
            chart: 'throughput',
            group: groups.find((g) => g.links.includes(selection.link as string))?.key ?? null,
          };
    case 'node':
      return {
        chart: null,
        group: groups.find((g) => g.nodes.includes(selection.node))?.key ?? null,
      };
  }
}

/** A sentence that says what the chart shows, for its aria-label, in `language`. */
export function chartSummary(
  chart: ChartData,
  format: (v: number) => string,
  language: Language = ENGLISH,
): string {
  const say = chartPhrases.in(language).say;
  if (chart.lines.length === 0)
    return say('summary.empty', { title: chart.title, empty: chart.empty });
  const parts = chart.lines.slice(0, 6).map((l) => {
    const last = l.points.v[l.points.v.length - 1];
    return last === undefined
      ? say('summary.noPoints', { label: l.label })
      : say('summary.points', {
          label: l.label,
          count: l.data,
          value: format(last),
          unit: chart.unit,
        });
  });
  const more = chart.lines.length > 6 ? say('summary.more', { count: chart.lines.length - 6 }) : '';
  const time = chart.shownUntil === 0 ? '0 s' : formatDuration(chart.shownUntil, language);
  return say('summary.all', { title: chart.title, time, parts: parts.join('; '), more });
}
