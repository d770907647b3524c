// The retry figures of a client app with a `retry` setting (web or service clients), folded from
// its client.* records: retries made, requests answered after a retry, requests given up. (A
// server's rate-limit figure is serverFigures.ts's `limited`.)

import '../../machines/retry/retryTrace.ts';
import type { TraceRecord } from '../../engine/trace.ts';

/** What a client's retries did. */
export interface RetryFigures {
  /** Tries after the first, over all requests. */
  retries: number;
  /** Requests answered after one or more retries. */
  recovered: number;
  /** Requests whose last try failed too. */
  gaveUp: number;
}

/** The record types a retry tally reads. */
export const RETRY_TYPES = ['client.retry', 'client.recovered', 'client.giveUp'] as const;

/** Counts a client's retry records. */
export class RetryTally {
  private readonly figures: RetryFigures = { retries: 0, recovered: 0, gaveUp: 0 };

  /** Takes a client.retry, client.recovered or client.giveUp record (others are ignored). */
  add(record: TraceRecord): void {
    if (record.type === 'client.retry') this.figures.retries++;
    else if (record.type === 'client.recovered') this.figures.recovered++;
    else if (record.type === 'client.giveUp') this.figures.gaveUp++;
  }

  result(): RetryFigures {
    return { ...this.figures };
  }
}

/** `; retries 5 (3 answered after retrying, 1 given up)` for a summary line. */
export function retryText(r: RetryFigures | undefined): string {
  if (!r) return '';
  return `; ${r.retries} retries (${r.recovered} answered after retrying, ${r.gaveUp} given up)`;
}
