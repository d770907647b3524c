// The pieces summary cards are made of: the card itself, how its values are written, and the
// cards of things every kind of server and node shares (a server process, a CPU).

import { formatDuration } from '../../engine/time.ts';
import type { CpuFigures, ServerFigures } from '../../sim/index.ts';

/** One figure: its label, its value as text, and a key tests and styles can find it by. */
export type SummaryFigure = [label: string, value: string, metric?: string];

/** One card: a title, what it is, and its figures. `id` is unique within a summary. */
export interface SummaryCard {
  id: string;
  title: string;
  kind: string;
  figures: SummaryFigure[];
}

/** A duration, or a dash for none. */
export const cardTime = (ns: number | null | undefined): string =>
  ns === null || ns === undefined ? '—' : formatDuration(ns);

/** A tally as `3 × 200, 1 × 404` (`-`, a reply without a status, as `other`). */
export const cardCounts = (m: Record<string, number>): string =>
  Object.entries(m)
    .map(([k, n]) => `${n} × ${k === '-' ? 'other' : k}`)
    .join(', ') || 'none';

/** The card of a server process (a web server, a database). */
export function serverCard(w: ServerFigures, name: (node: string) => string): SummaryCard {
  return {
    id: `server-${w.node}-${w.app}`,
    title: `${name(w.node)} · ${w.app}`,
    kind: `${w.model} server on port ${w.port}`,
    figures: [
      ['Connections', String(w.accepted), 'accepted'],
      ['Refused', String(w.refused), 'refused'],
      ['Replied', `${w.replies} of ${w.requests}`, 'replies'],
      ['Statuses', cardCounts(w.statuses)],
      ['Latency mean / p95', `${cardTime(w.latency.meanNs)} / ${cardTime(w.latency.p95Ns)}`],
      ['Most waiting', String(w.maxWaiting), 'maxWaiting'],
    ],
  };
}

/** The card of a node's CPU. */
export function cpuCard(p: CpuFigures, name: (node: string) => string): SummaryCard {
  return {
    id: `cpu-${p.node}`,
    title: name(p.node),
    kind: `CPU, ${p.cores} core${p.cores === 1 ? '' : 's'}, ${p.policy}`,
    figures: [
      ['Jobs done', String(p.jobsCompleted), 'jobsCompleted'],
      ['Utilization', `${(p.utilization * 100).toFixed(1)}%`, 'utilization'],
      ['Mean waiting', cardTime(p.avgWaitingNs)],
      ['Mean response', cardTime(p.avgResponseNs)],
      ['Longest run queue', String(p.maxReady), 'maxReady'],
      ['Context switches', String(p.contextSwitches), 'contextSwitches'],
    ],
  };
}
