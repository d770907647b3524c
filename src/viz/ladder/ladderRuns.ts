// Runs of data segments on the ladder: consecutive TCP data segments of one connection sent the same
// way, with the pure ACKs coming back between them and no other arrow between, drawn as one
// labelled bar ("214 data segments (312,440 bytes), 107 ACKs") until the learner opens it. Lost,
// resent and duplicated segments are never part of a run, nor is a segment that starts an
// application message (`GET /`, `HTTP 200`, `TLS ClientHello`), nor a duplicate ACK: they stay
// arrows of their own and end the run, since they are what a learner looks for.

import type { LadderArrow } from './ladder.ts';
import { runLabel, runShortLabel } from './ladderWords.ts';

export { runLabel, runShortLabel };

/** Several data segments, and the ACKs that came back while they were sent, drawn as one bar. */
export interface LadderRun {
  kind: 'run';
  /** Stable while the run grows (the key of its first segment), so it stays open once opened. */
  id: string;
  /** Who sent the data segments (the ACKs come from the other side). */
  from: 0 | 1;
  /** Its data segments and ACKs, in the order sent. */
  arrows: readonly LadderArrow[];
  /** How many of `arrows` are data segments (the rest are ACKs). */
  segments: number;
  acks: number;
  /** Payload bytes of all its segments. */
  bytes: number;
  /** `214 data segments (312,440 bytes), 107 ACKs`. */
  label: string;
  /** `214 segments, 107 ACKs`: the label where the room is short. */
  short: string;
}

/** What the ladder draws: one arrow, or a run of them as a bar. */
export type LadderItem = { kind: 'arrow'; arrow: LadderArrow } | LadderRun;

/** The fewest data segments drawn as a bar: two arrows side by side still read as two. */
export const MIN_RUN = 3;

/** Sent once and seen once: not lost, not sent again, not a link's second copy, not refused. */
function plain(a: LadderArrow): boolean {
  return (
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
 * The pure ACKs that repeat the acknowledgment number of the last segment their sender sent on
 * the connection, by arrow key: duplicate ACKs, which say a segment is missing (RFC 5681 §2, less
 * its window and outstanding-data tests: a window update with the same number is marked too, and
 * is as worth seeing). A link's second copy of a packet is not a new ACK and is skipped.
 */
export function duplicateAcks(arrows: readonly LadderArrow[]): Set<string> {
  const last = new Map<string, number>();
  const dups = new Set<string>();
  for (const a of arrows) {
    if (a.duplicate || a.ack === null || a.conn === null) continue;
    const side = `${a.conn}|${a.from}`;
    if (a.pureAck && last.get(side) === a.ack) dups.add(a.key);
    last.set(side, a.ack);
  }
  return dups;
}

/**
 * The arrows (in the order sent) with each run of at least `minRun` data segments made one
 * item, except the runs whose id is in `expanded`, which stay arrows.
 *
 * A run starts at a plain data segment and goes on through plain data segments of the same
 * connection sent the same way and the plain pure ACKs of that connection coming the other way;
 * it ends at its last data segment (ACKs after it are drawn alone unless more data follows) and
 * at any other arrow. A duplicate ACK ends it: a learner must see the receiver asking again for
 * a missing segment, so it is always drawn alone, and the data after it starts a new run.
 */
export function collapseRuns(
  arrows: readonly LadderArrow[],
  expanded: ReadonlySet<string> = new Set(),
  minRun = MIN_RUN,
): LadderItem[] {
  const dups = duplicateAcks(arrows);
  const items: LadderItem[] = [];
  /** The run so far, from its first data segment to its last. */
  let run: LadderArrow[] = [];
  let segments = 0;
  /** ACKs after the run's last data segment: the run takes them only if more data follows. */
  let tail: LadderArrow[] = [];
  const flush = () => {
    const first = run[0];
    if (first && segments >= minRun && !expanded.has(runId(first))) {
      const bytes = run.reduce((sum, a) => sum + a.payload, 0);
      const acks = run.length - segments;
      items.push({
        kind: 'run',
        id: runId(first),
        from: first.from,
        arrows: run,
        segments,
        acks,
        bytes,
        label: runLabel(segments, bytes, acks),
        short: runShortLabel(segments, acks),
      });
    } else {
      for (const arrow of run) items.push({ kind: 'arrow', arrow });
    }
    for (const arrow of tail) items.push({ kind: 'arrow', arrow });
    run = [];
    tail = [];
    segments = 0;
  };
  const startsRun = (a: LadderArrow) => a.data && a.conn !== null && plain(a);
  for (const arrow of arrows) {
    const first = run[0];
    if (first && arrow.conn === first.conn && plain(arrow)) {
      if (arrow.data && arrow.from === first.from) {
        run.push(...tail, arrow);
        tail = [];
        segments++;
        continue;
      }
      if (arrow.pureAck && arrow.from !== first.from && !dups.has(arrow.key)) {
        tail.push(arrow);
        continue;
      }
    }
    flush();
    if (startsRun(arrow)) {
      run.push(arrow);
      segments = 1;
    } else items.push({ kind: 'arrow', arrow });
  }
  flush();
  return items;
}
