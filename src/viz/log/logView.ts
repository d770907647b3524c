// The event log's list as the page shows it: the narrated entries that pass the filters, the
// detail toggle and a text search, kept up to date a slice at a time as a long run's narration
// grows (each call reads only the entries added since the last), and where the moment shown
// falls in it. The list holds entry indices only (a growing Int32Array); an entry is made as an
// object when drawn. Pure: the virtualised list in src/ui/EventLog.svelte draws a window of it.

import type { TraceRecords } from '../../engine/trace.ts';
import { DETAIL_KINDS } from './narrate.ts';
import { ENTRY_KINDS, type LogEntry, type LogStore } from './logStore.ts';
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

const HIDDEN_KINDS = new Set(ENTRY_KINDS.filter((kind) => DETAIL_KINDS.has(kind)));

/** The entries of one narration that pass one query, extended as the narration grows. */
export class FilteredLog {
  /** The shown entries' indices, in order; `length` of them are in use. */
  private indices = new Int32Array(1024);
  private count = 0;
  private scanned = 0;
  private log: LogStore | null = null;
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

  /** How many entries are shown. */
  get length(): number {
    return this.count;
  }

  /** Reads the entries appended to `log` since the last call (always the same log). */
  update(log: LogStore): void {
    if (this.log !== null && this.log !== log) throw new Error('a FilteredLog reads one log');
    this.log = log;
    const { filter, nodeLinks, details } = this.query;
    const filtering = isFiltering(filter);
    const end = log.length;
    if (end <= this.scanned) return;
    const tags = filtering ? recordTags(this.records, end) : [];
    const take = (i: number): void => {
      if (!details && HIDDEN_KINDS.has(log.kindAt(i))) return;
      if (filtering) {
        const t = tags[i];
        if (t === undefined || !matches(t, filter, nodeLinks)) return;
      }
      this.push(i);
    };
    if (this.needle === '') for (let i = this.scanned; i < end; i++) take(i);
    else log.search(this.scanned, end, this.needle, take);
    this.scanned = end;
  }

  private push(i: number): void {
    if (this.count === this.indices.length) {
      const grown = new Int32Array(this.indices.length * 2);
      grown.set(this.indices);
      this.indices = grown;
    }
    this.indices[this.count++] = i;
  }

  private at(k: number): number {
    if (!(k >= 0 && k < this.count) || this.log === null)
      throw new RangeError(`no shown entry ${k}`);
    return this.indices[k] as number;
  }

  /** The entry index (= record index) of the k-th shown entry. */
  indexAt(k: number): number {
    return this.at(k);
  }

  timeAt(k: number): number {
    return (this.log as LogStore).timeAt(this.at(k));
  }

  textAt(k: number): string {
    return (this.log as LogStore).textAt(this.at(k));
  }

  /** The shown entries `from` to `to` (exclusive) as objects: the rows drawn. */
  entries(from = 0, to = this.count): LogEntry[] {
    const out: LogEntry[] = [];
    for (let k = Math.max(0, from); k < Math.min(to, this.count); k++)
      out.push((this.log as LogStore).entry(this.at(k)));
    return out;
  }

  /** The shown entries' indices, as an array (a copy). */
  shownIndices(): number[] {
    return Array.from(this.indices.subarray(0, this.count));
  }

  /** How many shown entries have happened by `time` (ns): the current one is at that - 1. */
  countUntil(time: number): number {
    return countUntil(this, time);
  }
}
