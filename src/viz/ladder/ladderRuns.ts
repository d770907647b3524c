// Runs of data segments on the ladder: consecutive TCP data segments sent the same way between the
// two endpoints, with no other arrow between them, drawn as one labelled bar ("12 data segments,
// 17,520 bytes") until the learner opens it. Lost, resent and duplicated segments are never part of
// a run, nor is a segment that starts an application message (`GET /`, `HTTP 200`, `TLS
// ClientHello`): they stay arrows of their own, since they are what a learner looks for.

import type { LadderArrow } from './ladder.ts';

/** Several data segments drawn as one bar. */
export interface LadderRun {
  kind: 'run';
  /** Stable while the run grows (the key of its first segment), so it stays open once opened. */
  id: string;
  from: 0 | 1;
  arrows: readonly LadderArrow[];
  /** Payload bytes of all its segments. */
  bytes: number;
  /** `12 data segments, 17,520 bytes`. */
  label: string;
}

/** What the ladder draws: one arrow, or a run of them as a bar. */
export type LadderItem = { kind: 'arrow'; arrow: LadderArrow } | LadderRun;

/** The fewest segments drawn as a bar: two arrows side by side still read as two. */
export const MIN_RUN = 3;

/** `12 data segments, 17,520 bytes` (thousands grouped with commas). */
export function runLabel(segments: number, bytes: number): string {
  const group = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${group(segments)} data segment${segments === 1 ? '' : 's'}, ${group(bytes)} byte${bytes === 1 ? '' : 's'}`;
}

/** A segment that may join a run: plain TCP data, delivered or on its way, sent once, unnamed. */
function joinsRun(a: LadderArrow): boolean {
  return (
    a.data &&
    a.message === null &&
    a.retransmit === null &&
    a.lost === null &&
    !a.duplicate &&
    a.refused === null
  );
}

/** The id of the run that starts with `first`. */
export function runId(first: LadderArrow): string {
  return `run:${first.key}`;
}

/**
 * The arrows (in the order sent) with each run of at least `minRun` data segments made one
 * item, except the runs whose id is in `expanded`, which stay arrows.
 */
export function collapseRuns(
  arrows: readonly LadderArrow[],
  expanded: ReadonlySet<string> = new Set(),
  minRun = MIN_RUN,
): LadderItem[] {
  const items: LadderItem[] = [];
  let run: LadderArrow[] = [];
  const flush = () => {
    const first = run[0];
    if (first && run.length >= minRun && !expanded.has(runId(first))) {
      const bytes = run.reduce((sum, a) => sum + a.payload, 0);
      items.push({
        kind: 'run',
        id: runId(first),
        from: first.from,
        arrows: run,
        bytes,
        label: runLabel(run.length, bytes),
      });
    } else {
      for (const arrow of run) items.push({ kind: 'arrow', arrow });
    }
    run = [];
  };
  for (const arrow of arrows) {
    if (joinsRun(arrow) && (run.length === 0 || run[0]?.from === arrow.from)) {
      run.push(arrow);
      continue;
    }
    flush();
    if (joinsRun(arrow)) run.push(arrow);
    else items.push({ kind: 'arrow', arrow });
  }
  flush();
  return items;
}
