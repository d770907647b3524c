// The append-only trace: typed records of what happened, when and where. It is the only bridge
// between the simulation and everything a person sees (animation, tables, charts, checks, pcap).

import { recordsToJsonLines } from './traceJson.ts';
import { TraceStore, type FieldPacker, type Shape } from './traceStore.ts';
import type { DeltaCursor, TraceStoreDelta } from './traceStoreDelta.ts';

/**
 * The record types and their fields, keyed by dotted name. Each layer adds its own record types
 * by declaration merging (`declare module '../engine/trace.ts' { interface TraceRecordTypes ... }`).
 */
export interface TraceRecordTypes {
  /** A simulation was built: the scenario's name and the seed of its random streams. */
  'sim.start': { scenario: string; seed: number };
  /** A run ended and why. */
  'sim.end': { reason: string; events: number };
}

/** Any record type name. */
export type TraceType = keyof TraceRecordTypes;

/** One trace record: the time in ns, the type, then the type's own fields. */
export type TraceRecord<K extends TraceType = TraceType> = K extends TraceType
  ? { t: number; type: K } & TraceRecordTypes[K]
  : never;

/**
 * Trace records read by position, without an array of objects: the simulation's `Trace`, the
 * page's packed copy of a run, or an array through `recordList` (traceRecords.ts). `get(i)` may
 * build a fresh object each call; `timeAt` and `typeAt` read a record without building it, so a
 * view looking for a few types skips the rest cheaply.
 */
export interface TraceRecords extends Iterable<TraceRecord> {
  readonly length: number;
  get(i: number): TraceRecord;
  timeAt(i: number): number;
  typeAt(i: number): TraceType;
}

/** Receives each record as it is appended. */
export type TraceListener = (record: TraceRecord) => void;

/**
 * An append-only list of trace records, stored packed (see traceStore.ts). Every record of one
 * type has the same fields, as its TypeScript type says. When disabled, appends cost one branch.
 */
export class Trace implements TraceRecords {
  private readonly store = new TraceStore();
  private readonly listeners: TraceListener[] = [];
  /**
   * Per record type, one entry found by one lookup per record: the listeners that watch the type
   * (called even when the trace is not stored, see `watch`) and the store's shape of the type.
   */
  private readonly types = new Map<string, { watching: TraceListener[]; shape?: Shape }>();
  private lastType = '';
  private lastEntry: { watching: TraceListener[]; shape?: Shape } | undefined;
  /**
   * Types some listener watches, plus subscribers (with neither and no storage, appends cost one
   * branch).
   */
  private watched = 0;
  private materialised: TraceRecord[] = [];

  /** `enabled`: store the records; when false they only reach `watch` and `subscribe` listeners. */
  constructor(public enabled = true) {}

  /**
   * Stores the objects of fields named `field` through `packer` (see `FieldPacker`): the packets
   * of link records, registered by buildSimulation.
   */
  usePacker(field: string, packer: FieldPacker): void {
    this.store.usePacker(field, packer);
  }

  /** Appends a record; records must arrive in non-decreasing time. */
  append(record: TraceRecord): void {
    if (!this.enabled && this.watched === 0) return;
    // Runs of one type are common: remember the last type's entry to skip the Map.
    let entry = this.lastEntry;
    if (entry === undefined || this.lastType !== record.type) {
      entry = this.types.get(record.type);
      if (entry === undefined) this.types.set(record.type, (entry = { watching: [] }));
      this.lastType = record.type;
      this.lastEntry = entry;
    }
    const watching = entry.watching;
    for (let i = 0; i < watching.length; i++) (watching[i] as TraceListener)(record);
    if (this.enabled) this.store.pushShaped((entry.shape ??= this.store.shapeOf(record)), record);
    for (let i = 0; i < this.listeners.length; i++) (this.listeners[i] as TraceListener)(record);
  }

  /** Whether a record of `type` would be stored or reach a listener (else it may be skipped). */
  wants(type: TraceType): boolean {
    return (
      this.enabled || this.listeners.length > 0 || (this.types.get(type)?.watching.length ?? 0) > 0
    );
  }

  get length(): number {
    return this.store.length;
  }

  /** Record i (a fresh object each call). */
  get(i: number): TraceRecord {
    if (!(i >= 0 && i < this.store.length)) throw new RangeError(`no trace record ${i}`);
    return this.store.get(i) as TraceRecord;
  }

  /** Time of record i, without building the record. */
  timeAt(i: number): number {
    return this.store.timeAt(i);
  }

  /** Type of record i, without building the record. */
  typeAt(i: number): TraceType {
    return this.store.typeAt(i) as TraceType;
  }

  /** What was stored since `cursor`, to copy this trace elsewhere (traceStoreDelta.ts). */
  delta(cursor: DeltaCursor): TraceStoreDelta {
    return this.store.delta(cursor);
  }

  /**
   * Appends a `delta` of another trace: this one must hold only that trace's earlier deltas and
   * have the same packers. Listeners are not called.
   */
  applyDelta(delta: TraceStoreDelta): void {
    this.store.applyDelta(delta);
  }

  /** Every record so far, oldest first, each built as it is reached (not kept). */
  *[Symbol.iterator](): Iterator<TraceRecord> {
    for (let i = 0; i < this.store.length; i++) yield this.store.get(i) as TraceRecord;
  }

  /** All records so far, oldest first, built once and kept until more are appended. */
  get records(): readonly TraceRecord[] {
    for (let i = this.materialised.length; i < this.store.length; i++) {
      this.materialised.push(this.store.get(i) as TraceRecord);
    }
    return this.materialised;
  }

  /**
   * Calls `listener` with every record appended from now on, stored or not (the CLI streams its
   * trace file so), after the type's `watch` listeners. Returns an unsubscribe function.
   */
  subscribe(listener: TraceListener): () => void {
    this.listeners.push(listener);
    this.watched++;
    return () => {
      const index = this.listeners.indexOf(listener);
      if (index < 0) return;
      this.listeners.splice(index, 1);
      this.watched--;
    };
  }

  /**
   * Calls `listener` with every record of `types` appended from now on, stored or not: how the
   * run's figures (TraceFold) follow a run whose records are not kept. Returns an unsubscribe.
   */
  watch(types: readonly string[], listener: TraceListener): () => void {
    const unique = [...new Set(types)];
    for (const type of unique) {
      let entry = this.types.get(type);
      if (entry === undefined) this.types.set(type, (entry = { watching: [] }));
      if (entry.watching.length === 0) this.watched++;
      entry.watching.push(listener);
    }
    return () => {
      for (const type of unique) {
        const entry = this.types.get(type);
        const index = entry?.watching.indexOf(listener) ?? -1;
        if (entry === undefined || index < 0) continue;
        entry.watching.splice(index, 1);
        if (entry.watching.length === 0) this.watched--;
      }
    };
  }

  /** Feeds a fold every record of its types appended from now on; returns an unsubscribe. */
  follow(fold: { types: readonly string[]; add(record: TraceRecord): void }): () => void {
    return this.watch(fold.types, (record) => fold.add(record));
  }

  /** Records of one type, in order. */
  ofType<K extends TraceType>(type: K): TraceRecord<K>[] {
    const out: TraceRecord<K>[] = [];
    for (let i = 0; i < this.store.length; i++) {
      if (this.store.typeAt(i) === type) out.push(this.store.get(i) as TraceRecord<K>);
    }
    return out;
  }
}

/**
 * Serialises records as JSON Lines, the `--trace` file's format: one object per line, `t` and
 * `type` first, bytes as `{"base64":"..."}` (traceJson.ts, docs/trace.md). One string: for big
 * traces stream the lines with `traceLineWriter` instead.
 */
export function traceToJsonLines(records: readonly TraceRecord[]): string {
  return recordsToJsonLines(records);
}
