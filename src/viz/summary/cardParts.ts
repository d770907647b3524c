// The pieces summary cards are made of: the card itself, how its values are written, and the
// cards of things every kind of server and node shares (a server process, a CPU, its crashes), in
// a language (summaryPhrases.ts; English by default, as the CLI and the tests read them).

import { ENGLISH, type Language } from '../../engine/language.ts';
import { formatDuration } from '../../engine/time.ts';
import type {
  CpuFigures,
  FragmentFigures,
  NodeFailureFigures,
  RetryFigures,
  ServerFigures,
} from '../../sim/index.ts';
import { formatCount } from '../../engine/language.ts';
import { summaryPhrases } from './summaryPhrases.ts';

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
export const cardTime = (ns: number | null | undefined, language: Language = ENGLISH): string =>
  ns === null || ns === undefined ? '—' : formatDuration(ns, language);

/** A tally as `3 × 200, 1 × 404` (`-`, a reply without a status, as `other`). */
export function cardCounts(m: Record<string, number>, language: Language = ENGLISH): string {
  const { say } = summaryPhrases.in(language);
  return (
    Object.entries(m)
      .map(([k, n]) =>
        say('tally.item', {
          count: formatCount(n, language),
          what: k === '-' ? say('tally.other') : k,
        }),
      )
      .join(', ') || say('tally.none')
  );
}

/** The card of a server process (a web server, a database). */
export function serverCard(
  w: ServerFigures,
  name: (node: string) => string,
  language: Language = ENGLISH,
): SummaryCard {
  const { say } = summaryPhrases.in(language);
  const n = (value: number) => formatCount(value, language);
  const time = (ns: number | null) => cardTime(ns, language);
  return {
    id: `server-${w.node}-${w.app}`,
    title: `${name(w.node)} · ${w.app}`,
    kind: say('server.kind', { model: w.model, port: String(w.port) }),
    figures: [
      [say('server.connections'), n(w.accepted), 'accepted'],
      [say('server.refused'), n(w.refused), 'refused'],
      [
        say('server.replied'),
        say('server.repliedValue', { replies: n(w.replies), requests: n(w.requests) }),
        'replies',
      ],
      [say('server.statuses'), cardCounts(w.statuses, language)],
      [say('server.latency'), `${time(w.latency.meanNs)} / ${time(w.latency.p95Ns)}`],
      [say('server.mostWaiting'), n(w.maxWaiting), 'maxWaiting'],
      ...(w.limited === undefined
        ? []
        : [[say('server.limited'), n(w.limited), 'limited'] satisfies SummaryFigure]),
    ],
  };
}

/** A client's retry figures for its card (none without a `retry` setting). */
export function retryCardFigures(
  r: RetryFigures | undefined,
  language: Language = ENGLISH,
): SummaryFigure[] {
  if (!r) return [];
  const { say } = summaryPhrases.in(language);
  const n = (value: number) => formatCount(value, language);
  return [
    [say('retry.retries'), n(r.retries), 'retries'],
    [say('retry.recovered'), n(r.recovered), 'recovered'],
    [say('retry.gaveUp'), n(r.gaveUp), 'gaveUp'],
  ];
}

/** The card of a node's CPU. */
export function cpuCard(
  p: CpuFigures,
  name: (node: string) => string,
  language: Language = ENGLISH,
): SummaryCard {
  const { say, num } = summaryPhrases.in(language);
  const n = (value: number) => formatCount(value, language);
  // One decimal, as `toFixed(1)` writes it in English: 12.5%, 12,5 % in German.
  const percent =
    language === ENGLISH
      ? (p.utilization * 100).toFixed(1)
      : num(p.utilization * 100, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    id: `cpu-${p.node}`,
    title: name(p.node),
    kind: say('cpu.kind', { count: n(p.cores), policy: p.policy }),
    figures: [
      [say('cpu.jobsDone'), n(p.jobsCompleted), 'jobsCompleted'],
      [say('cpu.utilization'), say('cpu.utilizationValue', { percent }), 'utilization'],
      [say('cpu.meanWaiting'), cardTime(p.avgWaitingNs, language)],
      [say('cpu.meanResponse'), cardTime(p.avgResponseNs, language)],
      [say('cpu.longestRunQueue'), n(p.maxReady), 'maxReady'],
      [say('cpu.contextSwitches'), n(p.contextSwitches), 'contextSwitches'],
    ],
  };
}

/** The card of a node that crashed: how often, for how long, and what it dropped meanwhile. */
/** A node's fragments, reassemblies, packets too big and path MTUs learned. */
export function fragmentCard(
  f: FragmentFigures,
  name: (node: string) => string,
  language: Language = ENGLISH,
): SummaryCard {
  const { say } = summaryPhrases.in(language);
  const n = (value: number) => formatCount(value, language);
  const figures: SummaryFigure[] = [
    [
      say('fragments.cut'),
      say('fragments.cutValue', { datagrams: n(f.fragmented), fragments: n(f.fragments) }),
      'fragmented',
    ],
    [say('fragments.reassembled'), n(f.reassembled), 'reassembled'],
    [say('fragments.timedOut'), n(f.timedOut), 'timedOut'],
    [say('fragments.tooBig'), n(f.tooBig), 'tooBig'],
  ];
  for (const p of f.pathMtus)
    figures.push([
      say('fragments.pathMtu', { dst: p.dst }),
      say('fragments.bytes', { mtu: n(p.mtu) }),
      `pathMtu-${p.dst}`,
    ]);
  return { id: `fragments-${f.node}`, title: name(f.node), kind: say('fragments.kind'), figures };
}

export function nodeFailureCard(
  f: NodeFailureFigures,
  name: (node: string) => string,
  language: Language = ENGLISH,
): SummaryCard {
  const { say } = summaryPhrases.in(language);
  const n = (value: number) => formatCount(value, language);
  return {
    id: `failures-${f.node}`,
    title: name(f.node),
    kind: say('failures.kind'),
    figures: [
      [say('failures.crashes'), n(f.crashes), 'crashes'],
      [say('failures.restarts'), n(f.restarts), 'restarts'],
      [say('failures.down'), cardTime(f.downNs, language), 'downNs'],
      [say('failures.dropped'), n(f.droppedWhileDown), 'droppedWhileDown'],
    ],
  };
}
