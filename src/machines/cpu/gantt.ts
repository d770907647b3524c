// The Gantt chart of a CPU run as a function of the trace: which job ran (or was being switched to)
// on which core from when to when. Used by the job-table runner, the CLI and the view.

import type { TraceRecord } from '../../engine/trace.ts';
import './cpuTrace.ts';

/** One bar of the chart: `job` ran (kind 'run') or was switched to (kind 'switch') on `core`. */
export interface GanttSegment {
  core: number;
  job: string;
  start: number;
  end: number;
  kind: 'run' | 'switch';
}

/**
 * Builds the chart from cpu.* records of one scheduler node (all nodes when `node` is omitted).
 * Segments are ordered by start time, then core; none lasts zero time (a context switch that
 * costs nothing is in the trace, as a cpu.switch and a cpu.dispatch at one instant, but not drawn).
 * A segment still open at the end of the records ends at `end` (default: the last record's time).
 */
export function ganttFromTrace(
  records: readonly TraceRecord[],
  node?: string,
  end?: number,
): GanttSegment[] {
  const open = new Map<number, GanttSegment>();
  const done: GanttSegment[] = [];
  let last = 0;
  const close = (core: number, t: number): void => {
    const seg = open.get(core);
    if (!seg) return;
    seg.end = t;
    // Nothing is drawn for zero time: a switch that costs nothing, say.
    if (t > seg.start) done.push(seg);
    open.delete(core);
  };
  for (const r of records) {
    if (!r.type.startsWith('cpu.')) continue;
    if (node !== undefined && 'node' in r && r.node !== node) continue;
    last = r.t;
    switch (r.type) {
      case 'cpu.switch':
        close(r.core, r.t);
        open.set(r.core, { core: r.core, job: r.job, start: r.t, end: r.t, kind: 'switch' });
        break;
      case 'cpu.dispatch':
        close(r.core, r.t);
        open.set(r.core, { core: r.core, job: r.job, start: r.t, end: r.t, kind: 'run' });
        break;
      case 'cpu.preempt':
      case 'cpu.block':
      case 'cpu.complete':
        close(r.core, r.t);
        break;
      default:
        break;
    }
  }
  for (const core of [...open.keys()]) close(core, end ?? last);
  return done.sort((a, b) => a.start - b.start || a.core - b.core);
}

/** Joins touching run segments of the same job on the same core (as some textbook charts draw them split). */
export function mergeSegments(segments: readonly GanttSegment[]): GanttSegment[] {
  const out: GanttSegment[] = [];
  for (const s of segments) {
    const prev = [...out].reverse().find((p) => p.core === s.core);
    if (prev && prev.job === s.job && prev.kind === s.kind && prev.end === s.start)
      prev.end = s.end;
    else out.push({ ...s });
  }
  return out;
}
