// Columnar storage for trace records: times, type ids and field values in typed arrays, strings
// interned. Retaining millions of small objects costs the garbage collector more than the
// simulation itself (measured: the trace-on engine fell from 50% to 23% of the bare loop between
// 1M and 10M records); packed columns also transfer from a Web Worker without copying.
// Every byte written to a fresh chunk is first-touch memory, which the kernel must fault in and
// zero: at about 72 bytes a record the page faults cost more than the writes (measured, a UDP
// echo run). So the columns are narrow: a field is a 32-bit value and a kind byte; numbers that
// are not 32-bit integers (times in ns past 2.1 s, fractions) go to a side column of doubles.

import type { DeltaCursor, TraceStoreDelta } from './traceStoreDelta.ts';

const RECORD_BITS = 16;
const RECORD_CHUNK = 1 << RECORD_BITS;
const RECORD_MASK = RECORD_CHUNK - 1;
const VALUE_CHUNK = 1 << 18;
const DOUBLE_BITS = 16;
const DOUBLE_CHUNK = 1 << DOUBLE_BITS;
const DOUBLE_MASK = DOUBLE_CHUNK - 1;
/** Value slots are counted in a Uint32 column. */
const MAX_VALUES = 2 ** 32 - VALUE_CHUNK;

/** How a field value is stored in the `values` column. */
const enum Kind {
  /** A 32-bit integer, stored in the value itself. */
  Int = 0,
  String = 1,
  Null = 2,
  True = 3,
  False = 4,
  Absent = 5,
  Other = 6,
  /** Any other number: the value is its index in the doubles column. */
  Double = 7,
  /** An object a field packer took: the value is the packer's handle (`FieldPacker`). */
  Packed = 8,
}

/**
 * Packs the objects of one field (by name, in every record type) into the packer's own columns,
 * so the store keeps no object per record for them: packets, in link records, are most of what a
 * stored trace would otherwise retain (src/net/wire/packedPackets.ts). Layers above the engine
 * register one with `TraceStore.usePacker`.
 */
export interface FieldPacker {
  /** Stores `value` and gives a handle (an int32 of at least 0), or -1 to keep it as an object. */
  pack(value: object): number;
  /** Rebuilds a packed value: the same fields, in the same order, as the object packed. */
  unpack(handle: number): unknown;
  /**
   * For a copy of the store elsewhere (`TraceStore.delta`): what was packed from handle `from`
   * on, and the handle after it. A packer without it makes a store that cannot be copied.
   */
  deltaFrom?(from: number): { next: number; data: unknown };
  /** Takes a `deltaFrom` of the original packer, so handles here match the original's. */
  applyDelta?(data: unknown): void;
}

/** The field names of one record type, learned from its first record (`t`, `type` excluded). */
export interface Shape {
  id: number;
  type: string;
  fields: string[];
  /**
   * Per field, the last string stored and its id: a field mostly repeats its last value (a
   * link's name, a node's), so most strings skip the intern table.
   */
  lastText: (string | undefined)[];
  lastId: number[];
  /**
   * Per field, how many strings went to the intern table and how many of those were new. A field
   * whose strings are mostly new (a job's or a request's own name) stops interning: hashing a
   * string seen once costs more than storing it (measured: 6% of an HTTP run), and saves nothing.
   */
  interned: number[];
  fresh: number[];
  /** Per field, the packer registered for its name, if any. */
  packers: (FieldPacker | undefined)[];
}

/** Strings a field sends to the intern table before it is judged (see `Shape.interned`). */
const INTERN_TRIAL = 256;

type Record = { t: number; type: string } & { [field: string]: unknown };

/** Append-only packed records. `get(i)` rebuilds record i as a plain object. */
export class TraceStore {
  // Fixed-size chunks, never copied: growing one array by doubling spent 12% of a 10M-record run
  // copying. Record i lives in chunk i >>> RECORD_BITS; a record's values never straddle chunks.
  private readonly timeChunks: Float64Array[] = [];
  private readonly typeChunks: Uint16Array[] = [];
  private readonly startChunks: Uint32Array[] = [];
  private readonly valueChunks: Int32Array[] = [];
  private readonly kindChunks: Uint8Array[] = [];
  private readonly doubleChunks: Float64Array[] = [];
  private times = new Float64Array(0);
  private typeIds = new Uint16Array(0);
  private starts = new Uint32Array(0);
  private values = new Int32Array(0);
  private kinds = new Uint8Array(0);
  private doubles = 0;
  private count = 0;
  /** Global index of the next free value slot, and of the current value chunk's first slot. */
  private used = 0;
  private valueBase = 0;
  private readonly shapes: Shape[] = [];
  private readonly shapeByType = new Map<string, Shape>();
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private readonly others: unknown[] = [];
  private readonly packerByField = new Map<string, FieldPacker>();
  // Consecutive records are often of one type: remember the last shape to skip the Map.
  private lastShape: Shape | undefined;

  get length(): number {
    return this.count;
  }

  /**
   * Packs the objects of fields named `field` with `packer` from now on (records stored before
   * keep theirs as objects).
   */
  usePacker(field: string, packer: FieldPacker): void {
    this.packerByField.set(field, packer);
    for (const shape of this.shapes) {
      shape.packers = shape.fields.map((name) => this.packerByField.get(name));
    }
  }

  /** Appends a record. Its fields are those of the first record of its type. */
  push(record: Record): void {
    let shape = this.lastShape;
    if (shape === undefined || shape.type !== record.type) {
      shape = this.shapeOf(record);
      this.lastShape = shape;
    }
    this.pushShaped(shape, record);
  }

  /** The shape of records of `record.type`, learned from `record` if it is the first. */
  shapeOf(record: Record): Shape {
    return this.shapeByType.get(record.type) ?? this.learnShape(record);
  }

  /** Appends a record whose shape the caller already looked up (`shapeOf`). */
  pushShaped(shape: Shape, record: Record): void {
    const fields = shape.fields;
    const n = this.count;
    const slot = n & RECORD_MASK;
    if (slot === 0) this.addRecordChunk();
    if (this.used + fields.length > this.valueBase + this.values.length) this.addValueChunk();
    let at = this.used - this.valueBase;
    this.times[slot] = record.t;
    this.typeIds[slot] = shape.id;
    this.starts[slot] = this.used;
    const values = this.values;
    const kinds = this.kinds;
    for (let f = 0; f < fields.length; f++, at++) {
      const value = record[fields[f] as string];
      switch (typeof value) {
        case 'number':
          // An int32 other than -0 fits the value; anything else goes to the doubles column.
          if ((value | 0) === value && (value !== 0 || 1 / value > 0)) {
            values[at] = value;
            kinds[at] = Kind.Int;
          } else {
            values[at] = this.pushDouble(value);
            kinds[at] = Kind.Double;
          }
          break;
        case 'string':
          if (shape.lastText[f] === value) {
            values[at] = shape.lastId[f] as number;
            kinds[at] = Kind.String;
          } else if ((shape.interned[f] as number) < 0) {
            values[at] = this.others.push(value) - 1;
            kinds[at] = Kind.Other;
          } else {
            const id = this.internFor(shape, f, value);
            shape.lastText[f] = value;
            shape.lastId[f] = id;
            values[at] = id;
            kinds[at] = Kind.String;
          }
          break;
        case 'boolean':
          kinds[at] = value ? Kind.True : Kind.False;
          break;
        case 'undefined':
          kinds[at] = Kind.Absent;
          break;
        default:
          if (value === null) {
            kinds[at] = Kind.Null;
            break;
          }
          {
            const packer = shape.packers[f];
            const handle = packer === undefined ? -1 : packer.pack(value as object);
            if (handle >= 0) {
              values[at] = handle;
              kinds[at] = Kind.Packed;
            } else {
              values[at] = this.others.push(value) - 1;
              kinds[at] = Kind.Other;
            }
          }
      }
    }
    this.used += fields.length;
    this.count = n + 1;
  }

  /** Time of record i, without rebuilding it. */
  timeAt(i: number): number {
    return (this.timeChunks[i >>> RECORD_BITS] as Float64Array)[i & RECORD_MASK] as number;
  }

  /** Type of record i, without rebuilding it. */
  typeAt(i: number): string {
    const id = (this.typeChunks[i >>> RECORD_BITS] as Uint16Array)[i & RECORD_MASK] as number;
    return (this.shapes[id] as Shape).type;
  }

  /** Rebuilds record i: `t`, `type`, then its fields in the order they were first written. */
  get(i: number): Record {
    const chunk = i >>> RECORD_BITS;
    const slot = i & RECORD_MASK;
    const shape = this.shapes[(this.typeChunks[chunk] as Uint16Array)[slot] as number] as Shape;
    const out: Record = {
      t: (this.timeChunks[chunk] as Float64Array)[slot] as number,
      type: shape.type,
    };
    const start = (this.startChunks[chunk] as Uint32Array)[slot] as number;
    const values = this.valueChunks[Math.floor(start / VALUE_CHUNK)] as Int32Array;
    const kinds = this.kindChunks[Math.floor(start / VALUE_CHUNK)] as Uint8Array;
    let at = start % VALUE_CHUNK;
    const fields = shape.fields;
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f] as string;
      const value = values[at] as number;
      switch (kinds[at++] as Kind) {
        case Kind.Int:
          out[field] = value;
          break;
        case Kind.Double:
          out[field] = (this.doubleChunks[value >>> DOUBLE_BITS] as Float64Array)[
            value & DOUBLE_MASK
          ];
          break;
        case Kind.String:
          out[field] = this.strings[value];
          break;
        case Kind.Null:
          out[field] = null;
          break;
        case Kind.True:
          out[field] = true;
          break;
        case Kind.False:
          out[field] = false;
          break;
        case Kind.Other:
          out[field] = this.others[value];
          break;
        case Kind.Packed:
          out[field] = (shape.packers[f] as FieldPacker).unpack(value);
          break;
        case Kind.Absent:
          break;
      }
    }
    return out;
  }

  /**
   * The records, types, strings, values and packed objects appended since `cursor`, which it
   * moves on. Every array in the delta is a fresh copy (transferable).
   */
  delta(cursor: DeltaCursor): TraceStoreDelta {
    const from = cursor.records;
    const to = this.count;
    let size = 0;
    for (let i = from; i < to; i++) size += this.shapeAt(i).fields.length;
    const times = new Float64Array(to - from);
    const typeIds = new Uint16Array(to - from);
    const values = new Int32Array(size);
    const kinds = new Uint8Array(size);
    for (let i = from, at = 0; i < to; i++) {
      const chunk = i >>> RECORD_BITS;
      const slot = i & RECORD_MASK;
      times[i - from] = (this.timeChunks[chunk] as Float64Array)[slot] as number;
      const id = (this.typeChunks[chunk] as Uint16Array)[slot] as number;
      typeIds[i - from] = id;
      const start = (this.startChunks[chunk] as Uint32Array)[slot] as number;
      const n = (this.shapes[id] as Shape).fields.length;
      const offset = start % VALUE_CHUNK;
      const v = this.valueChunks[Math.floor(start / VALUE_CHUNK)] as Int32Array;
      const k = this.kindChunks[Math.floor(start / VALUE_CHUNK)] as Uint8Array;
      values.set(v.subarray(offset, offset + n), at);
      kinds.set(k.subarray(offset, offset + n), at);
      at += n;
    }
    const doubles = new Float64Array(this.doubles - cursor.doubles);
    for (let d = cursor.doubles; d < this.doubles; d++) {
      doubles[d - cursor.doubles] = (this.doubleChunks[d >>> DOUBLE_BITS] as Float64Array)[
        d & DOUBLE_MASK
      ] as number;
    }
    const packed: { field: string; data: unknown }[] = [];
    for (const [field, packer] of this.packerByField) {
      if (!packer.deltaFrom) throw new Error(`the packer of "${field}" cannot be copied`);
      const { next, data } = packer.deltaFrom(cursor.packed.get(field) ?? 0);
      cursor.packed.set(field, next);
      packed.push({ field, data });
    }
    const delta: TraceStoreDelta = {
      from,
      times,
      typeIds,
      values,
      kinds,
      shapes: this.shapes.slice(cursor.shapes).map((s) => ({ type: s.type, fields: s.fields })),
      strings: this.strings.slice(cursor.strings),
      others: this.others.slice(cursor.others),
      doubles,
      packed,
    };
    cursor.records = to;
    cursor.shapes = this.shapes.length;
    cursor.strings = this.strings.length;
    cursor.others = this.others.length;
    cursor.doubles = this.doubles;
    return delta;
  }

  /**
   * Appends a delta of another store. This store must hold only what earlier deltas of that
   * store brought, in order (ids are taken as they are), and have the same packers registered.
   */
  applyDelta(delta: TraceStoreDelta): void {
    if (delta.from !== this.count) {
      throw new RangeError(`a trace delta from record ${delta.from} on a copy of ${this.count}`);
    }
    for (const s of delta.shapes) this.addShape(s.type, s.fields);
    for (const text of delta.strings) this.strings.push(text);
    for (const other of delta.others) this.others.push(other);
    for (const value of delta.doubles) this.pushDouble(value);
    for (const { field, data } of delta.packed) {
      const packer = this.packerByField.get(field);
      if (!packer?.applyDelta) throw new Error(`no packer here for "${field}" to copy into`);
      packer.applyDelta(data);
    }
    for (let r = 0, at = 0; r < delta.times.length; r++) {
      const shape = this.shapes[delta.typeIds[r] as number] as Shape;
      const n = shape.fields.length;
      const slot = this.count & RECORD_MASK;
      if (slot === 0) this.addRecordChunk();
      if (this.used + n > this.valueBase + this.values.length) this.addValueChunk();
      this.times[slot] = delta.times[r] as number;
      this.typeIds[slot] = shape.id;
      this.starts[slot] = this.used;
      const offset = this.used - this.valueBase;
      this.values.set(delta.values.subarray(at, at + n), offset);
      this.kinds.set(delta.kinds.subarray(at, at + n), offset);
      this.used += n;
      at += n;
      this.count++;
    }
  }

  private shapeAt(i: number): Shape {
    const id = (this.typeChunks[i >>> RECORD_BITS] as Uint16Array)[i & RECORD_MASK] as number;
    return this.shapes[id] as Shape;
  }

  private learnShape(record: Record): Shape {
    const fields = Object.keys(record).filter((k) => k !== 't' && k !== 'type');
    return this.addShape(record.type, fields);
  }

  private addShape(type: string, fields: string[]): Shape {
    const shape: Shape = {
      id: this.shapes.length,
      type,
      fields,
      lastText: fields.map(() => undefined),
      lastId: fields.map(() => -1),
      interned: fields.map(() => 0),
      fresh: fields.map(() => 0),
      packers: fields.map((name) => this.packerByField.get(name)),
    };
    if (shape.id > 0xffff) throw new RangeError('more than 65,536 trace record types');
    this.shapes.push(shape);
    this.shapeByType.set(type, shape);
    return shape;
  }

  /** The id of `text` in field `f` of `shape`; after a trial, a field of mostly new strings stops. */
  private internFor(shape: Shape, f: number, text: string): number {
    let id = this.stringIds.get(text);
    if (id === undefined) {
      id = this.strings.push(text) - 1;
      this.stringIds.set(text, id);
      shape.fresh[f] = (shape.fresh[f] as number) + 1;
    }
    const interned = (shape.interned[f] as number) + 1;
    shape.interned[f] = interned;
    // Judged once: more than half new means the field's strings are names of one thing each.
    if (interned === INTERN_TRIAL && (shape.fresh[f] as number) * 2 > interned)
      shape.interned[f] = -1;
    return id;
  }

  /** Stores a number that is not an int32 and gives its index. */
  private pushDouble(value: number): number {
    const index = this.doubles++;
    const slot = index & DOUBLE_MASK;
    if (slot === 0) this.doubleChunks.push(new Float64Array(DOUBLE_CHUNK));
    (this.doubleChunks[index >>> DOUBLE_BITS] as Float64Array)[slot] = value;
    return index;
  }

  private addRecordChunk(): void {
    this.times = new Float64Array(RECORD_CHUNK);
    this.typeIds = new Uint16Array(RECORD_CHUNK);
    this.starts = new Uint32Array(RECORD_CHUNK);
    this.timeChunks.push(this.times);
    this.typeChunks.push(this.typeIds);
    this.startChunks.push(this.starts);
  }

  /** Starts a new value chunk; the rest of the current one stays unused. */
  private addValueChunk(): void {
    this.valueBase = this.valueChunks.length * VALUE_CHUNK;
    if (this.valueBase >= MAX_VALUES) throw new RangeError('the trace is full (2^32 field values)');
    this.used = this.valueBase;
    this.values = new Int32Array(VALUE_CHUNK);
    this.kinds = new Uint8Array(VALUE_CHUNK);
    this.valueChunks.push(this.values);
    this.kindChunks.push(this.kinds);
  }
}
