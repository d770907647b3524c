// The checks a lesson states about a run, as data, never code: "a record of this type with these
// fields happened (at least n times)", "this figure of the run's summary is at most x", "this
// setting of the document is y", and all / any / not of those. A lesson's `run` step plays until
// its condition first holds; a task is done when its condition holds on the learner's run.
// `readCondition` checks a condition's shape and names what is wrong by its path; the evaluators
// read the trace by position and skip records of other types without building them.

import { parseDuration } from '../engine/time.ts';
import type { TraceRecords } from '../engine/trace.ts';

/** A value a field is compared with: a number, a string, a boolean or null. */
export type Scalar = number | string | boolean | null;

/** How a number is compared: each bound given must hold. Durations may be written `"200ms"`. */
export interface NumberTest {
  equals?: Scalar;
  atLeast?: number;
  atMost?: number;
  above?: number;
  below?: number;
}

export type Condition =
  /** At least `atLeast` (default 1) records of `record` whose fields equal those of `where`. */
  | { record: string; where: Readonly<Record<string, Scalar>>; atLeast: number }
  /** A figure of the run's summary, by a path of names (see `summaryValue`), passes the test. */
  | ({ summary: readonly string[] } & NumberTest)
  /** A setting of the scenario document, by JSON pointer, passes the test. */
  | ({ document: string } & NumberTest)
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };

/** A problem with a condition, at a path inside it (`$.until.all[1].record`). */
export interface ConditionProblem {
  path: string;
  message: string;
}

const TEST_KEYS = ['equals', 'atLeast', 'atMost', 'above', 'below'] as const;

/**
 * Reads a condition written as JSON, or says what is wrong with it and where. `recordTypes`, if
 * given, are the trace record types a `record` condition may name.
 */
export function readCondition(
  value: unknown,
  path: string,
  recordTypes?: ReadonlySet<string>,
): { ok: true; condition: Condition } | { ok: false; problems: ConditionProblem[] } {
  const problems: ConditionProblem[] = [];
  const condition = read(value, path, problems, recordTypes);
  return condition && problems.length === 0
    ? { ok: true, condition }
    : {
        ok: false,
        problems: problems.length > 0 ? problems : [{ path, message: 'not a condition' }],
      };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is Scalar {
  return value === null || ['number', 'string', 'boolean'].includes(typeof value);
}

function read(
  value: unknown,
  path: string,
  problems: ConditionProblem[],
  recordTypes: ReadonlySet<string> | undefined,
): Condition | null {
  if (!isObject(value)) {
    problems.push({ path, message: 'expected a condition: an object such as {"record": …}' });
    return null;
  }
  const keys = Object.keys(value);
  const kind = ['record', 'summary', 'document', 'all', 'any', 'not'].filter((k) => k in value);
  if (kind.length !== 1) {
    problems.push({
      path,
      message:
        kind.length === 0
          ? `expected one of "record", "summary", "document", "all", "any", "not"; found ${keys.map((k) => `"${k}"`).join(', ') || 'nothing'}`
          : `a condition has one kind; found ${kind.map((k) => `"${k}"`).join(' and ')}`,
    });
    return null;
  }
  const allowed = (extra: readonly string[]): boolean => {
    const unknown = keys.filter((k) => k !== kind[0] && !extra.includes(k));
    for (const k of unknown) problems.push({ path: `${path}.${k}`, message: 'unknown key' });
    return unknown.length === 0;
  };
  switch (kind[0]) {
    case 'record': {
      if (!allowed(['where', 'atLeast'])) return null;
      const type = value.record;
      if (typeof type !== 'string' || type === '') {
        problems.push({
          path: `${path}.record`,
          message: 'expected a record type such as "socket.state"',
        });
        return null;
      }
      if (recordTypes && !recordTypes.has(type)) {
        problems.push({
          path: `${path}.record`,
          message: `"${type}" is not a trace record type (docs/trace.md)`,
        });
        return null;
      }
      const where = value.where ?? {};
      if (!isObject(where) || !Object.values(where).every(isScalar)) {
        problems.push({
          path: `${path}.where`,
          message: 'expected an object of field values (numbers, strings, booleans or null)',
        });
        return null;
      }
      const atLeast = value.atLeast ?? 1;
      if (typeof atLeast !== 'number' || !Number.isSafeInteger(atLeast) || atLeast < 1) {
        problems.push({
          path: `${path}.atLeast`,
          message: 'expected a whole number of at least 1',
        });
        return null;
      }
      return { record: type, where: where as Record<string, Scalar>, atLeast };
    }
    case 'summary':
    case 'document': {
      if (!allowed(TEST_KEYS)) return null;
      const test = readTest(value, path, problems);
      if (!test) return null;
      if (kind[0] === 'summary') {
        const names = value.summary;
        if (typeof names !== 'string' || names === '') {
          problems.push({
            path: `${path}.summary`,
            message: 'expected a path of names such as "links.wan.ab.dropped"',
          });
          return null;
        }
        return { summary: names.split('.'), ...test };
      }
      const pointer = value.document;
      if (typeof pointer !== 'string' || !pointer.startsWith('/')) {
        problems.push({
          path: `${path}.document`,
          message: 'expected a JSON pointer such as "/nodes/1/apps/0/concurrency/model"',
        });
        return null;
      }
      return { document: pointer, ...test };
    }
    case 'all':
    case 'any': {
      if (!allowed([])) return null;
      const list = value[kind[0]];
      if (!Array.isArray(list) || list.length === 0) {
        problems.push({
          path: `${path}.${kind[0]}`,
          message: 'expected a non-empty list of conditions',
        });
        return null;
      }
      const parts = list.map((c, i) => read(c, `${path}.${kind[0]}[${i}]`, problems, recordTypes));
      if (parts.some((p) => p === null)) return null;
      return kind[0] === 'all' ? { all: parts as Condition[] } : { any: parts as Condition[] };
    }
    default: {
      if (!allowed([])) return null;
      const inner = read(value.not, `${path}.not`, problems, recordTypes);
      return inner && { not: inner };
    }
  }
}

/** The comparison of a summary or document condition: at least one bound, numbers or durations. */
function readTest(
  value: Record<string, unknown>,
  path: string,
  problems: ConditionProblem[],
): NumberTest | null {
  const test: NumberTest = {};
  let any = false;
  for (const key of TEST_KEYS) {
    if (!(key in value)) continue;
    any = true;
    const raw = value[key];
    if (key === 'equals') {
      if (!isScalar(raw)) {
        problems.push({
          path: `${path}.equals`,
          message: 'expected a number, string, boolean or null',
        });
        return null;
      }
      test.equals = raw;
      continue;
    }
    const n = toNumber(raw);
    if (n === null) {
      problems.push({
        path: `${path}.${key}`,
        message: 'expected a number or a duration such as "200ms"',
      });
      return null;
    }
    test[key] = n;
  }
  if (!any) {
    problems.push({ path, message: 'expected a test: equals, atLeast, atMost, above or below' });
    return null;
  }
  return test;
}

/** A number, or a duration in nanoseconds (`"200ms"`), or null. */
function toNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return null;
  const d = parseDuration(value);
  return d.ok ? d.ns : null;
}

/** What a condition is evaluated against: the run's records, its summary and its document. */
export interface RunFacts {
  records: TraceRecords;
  summary: unknown;
  document: unknown;
}

/** Whether `condition` holds over the whole run. */
export function holds(condition: Condition, facts: RunFacts): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, facts));
  if ('any' in condition) return condition.any.some((c) => holds(c, facts));
  if ('not' in condition) return !holds(condition.not, facts);
  if ('record' in condition) return firstTime(condition, facts.records) !== null;
  const value =
    'summary' in condition
      ? summaryValue(facts.summary, condition.summary)
      : documentValue(facts.document, condition.document);
  return passes(value, condition);
}

/**
 * The time at which a record condition first holds: when its `atLeast`-th matching record
 * happened; null if it never does.
 */
export function firstTime(
  condition: { record: string; where: Readonly<Record<string, Scalar>>; atLeast: number },
  records: TraceRecords,
): number | null {
  const fields = Object.entries(condition.where);
  let seen = 0;
  for (let i = 0; i < records.length; i++) {
    if (records.typeAt(i) !== condition.record) continue;
    const r = records.get(i) as unknown as Record<string, unknown>;
    if (fields.every(([k, v]) => r[k] === v) && ++seen >= condition.atLeast)
      return records.timeAt(i);
  }
  return null;
}

function passes(value: unknown, test: NumberTest): boolean {
  if (value === undefined) return false;
  if ('equals' in test && value !== test.equals) return false;
  const bounds = [test.atLeast, test.atMost, test.above, test.below];
  if (bounds.every((b) => b === undefined)) return true;
  if (typeof value !== 'number') return false;
  if (test.atLeast !== undefined && !(value >= test.atLeast)) return false;
  if (test.atMost !== undefined && !(value <= test.atMost)) return false;
  if (test.above !== undefined && !(value > test.above)) return false;
  if (test.below !== undefined && !(value < test.below)) return false;
  return true;
}

/**
 * A figure of a run summary by a path of names: object keys, and in a list the element whose
 * `id`, `name`, `node` or `link` is the name (`links.wan.ab.dropped`, `cpus.web.utilization`).
 */
export function summaryValue(summary: unknown, names: readonly string[]): unknown {
  let at: unknown = summary;
  for (const name of names) {
    if (Array.isArray(at)) {
      at = at.find(
        (item) =>
          isObject(item) &&
          [item.id, item.name, item.node, item.link, item.app].some((v) => v === name),
      );
    } else if (isObject(at)) at = at[name];
    else return undefined;
  }
  return at;
}

/** The value at a JSON pointer (RFC 6901) in a document, or undefined. */
export function documentValue(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let at: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(at)) at = /^(0|[1-9]\d*)$/.test(key) ? at[Number(key)] : undefined;
    else if (isObject(at)) at = Object.hasOwn(at, key) ? at[key] : undefined;
    else return undefined;
  }
  return at;
}
