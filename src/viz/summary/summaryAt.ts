// The run's figures at the moment shown: the same folds as the run summary (runFigures), fed
// the records of what happened before time t (so at t = 0 every counter reads zero, and a packet
// whose first bit leaves at t counts from just after t), and at or after the last record every
// record (the whole run). Playback mostly moves forward, so the folds keep going from where they
// stopped; going back starts them again from the first record. Before the run's `sim.end` the
// figures are those of a run still going: `simulatedNs` is t and the reason is `running`.

import type { TraceRecords } from '../../engine/trace.ts';
import { countBefore } from '../../engine/traceRecords.ts';
import { runFigures, type RunFigures, type RunSummary, type Scenario } from '../../sim/index.ts';

/** A summary at a moment: RunSummary, with `running` while the run had not ended by then. */
export type SummaryAt = Omit<RunSummary, 'reason'> & { reason: RunSummary['reason'] | 'running' };

/**
 * How many of the ascending-time `records` count at the moment `t`: those before t, or all of
 * them once t reaches the last record's time.
 */
export function recordsBefore(records: TraceRecords, t: number): number {
  const n = records.length;
  if (n > 0 && t >= records.timeAt(n - 1)) return n;
  return countBefore(records, t);
}

/** The summary of one records array at any moment, folded incrementally. */
export class SummaryAtTime {
  private figures: RunFigures;
  private types: Set<string>;
  private fed = 0;

  /** `whole`: the run's own summary when it is known, given back as is at the end. */
  constructor(
    private readonly scenario: Scenario,
    private readonly records: TraceRecords,
    private readonly whole?: RunSummary,
  ) {
    this.figures = runFigures(scenario);
    this.types = new Set(this.figures.types);
  }

  /** The figures at the moment `t` (see recordsBefore). */
  at(t: number): SummaryAt {
    const count = recordsBefore(this.records, t);
    if (count === this.records.length && this.whole) return this.whole;
    if (count < this.fed) {
      this.figures = runFigures(this.scenario);
      this.types = new Set(this.figures.types);
      this.fed = 0;
    }
    for (; this.fed < count; this.fed++) {
      if (this.types.has(this.records.typeAt(this.fed)))
        this.figures.add(this.records.get(this.fed));
    }
    const summary = this.figures.result(count);
    const ended = count > 0 && this.records.typeAt(count - 1) === 'sim.end';
    return ended ? summary : { ...summary, reason: 'running', simulatedNs: t };
  }
}
