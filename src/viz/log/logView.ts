// The event log's list as the page shows it: the narrated entries that pass the filters, the
// detail toggle and a text search, kept up to date a slice at a time as a long run's narration
// grows (each call reads only the entries added since the last), and where the moment shown
// falls in it. Pure: the virtualised list in src/ui/EventLog.svelte draws a window of `shown`.

import type { TraceRecords } from '../../engine/trace.ts';
import { DETAIL_KINDS, type LogEntry } from './narrate.ts';
import { countUntil, isFiltering, matches, recordTags, type LogFilter } from './logFilter.ts';

/** What the learner asked the log to show. */
export interface LogQuery {
  filter: LogFilter;
  /** Links touching `filter.node` (linksOfNode), so a link's records count as the node's. */
  nodeLinks?: ReadonlySet<string>;
  /** Show the frequent minor entries (DETAIL_KINDS) too. */
  details: boolean;
  /** Case-insensitive text every shown entry contains ('' for any). */
  search: string;
}

/** The entries of one narration that pass one query, extended as the narration grows. */
export class FilteredLog {
  readonly shown: LogEntry[] = [];
  private scanned = 0;
  private readonly needle: string;

  constructor(
    private readonly query: LogQuery,
    private readonly records: TraceRecords,
  ) {
    this.needle = query.search.trim().toLowerCase();
  }

  /** How many entries of the narration have been read. */
  get read(): number {
    return this.scanned;
  }

  /** Reads the entries appended to `entries` since the last call. */
  update(entries: readonly LogEntry[]): void {
    const { filter, nodeLinks, details } = this.query;
    const filtering = isFiltering(filter);
    const end = entries.length;
    if (end <= this.scanned) return;
    const last = (entries[end - 1] as LogEntry).index;
    const tags = filtering ? recordTags(this.records, last + 1) : [];
    for (let i = this.scanned; i < end; i++) {
      const entry = entries[i] as LogEntry;
      if (!details && DETAIL_KINDS.has(entry.kind)) continue;
      if (filtering) {
        const t = tags[entry.index];
        if (t === undefined || !matches(t, filter, nodeLinks)) continue;
      }
      if (this.needle !== '' && !entry.text.toLowerCase().includes(this.needle)) continue;
      this.shown.push(entry);
    }
    this.scanned = end;
  }

  /** How many shown entries have happened by `time` (ns): the current one is at that - 1. */
  countUntil(time: number): number {
    return countUntil(this.shown, time);
  }
}
