// A lesson's conditions: their shapes refused with the path of what is wrong, and their values
// over hand-made runs, JSON pointers read as RFC 6901's own examples say.

import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../engine/trace.ts';
import { recordList } from '../engine/traceRecords.ts';
import {
  documentValue,
  firstTime,
  holds,
  readCondition,
  summaryValue,
  type Condition,
  type RunFacts,
} from './conditions.ts';

const records = recordList([
  { t: 0, type: 'sim.start', scenario: 's', seed: 1 },
  { t: 10, type: 'socket.state', node: 'c', conn: 'a>b', state: 'SYN-SENT' },
  { t: 30, type: 'socket.state', node: 's', conn: 'b>a', state: 'ESTABLISHED' },
  { t: 40, type: 'socket.state', node: 'c', conn: 'a>b', state: 'ESTABLISHED' },
  { t: 90, type: 'sim.end', reason: 'until', events: 4 },
] as TraceRecord[]);
const facts: RunFacts = {
  records,
  summary: {
    links: [{ id: 'wan', ab: { dropped: 2 } }],
    apps: { pingers: [{ node: 'c', sent: 5 }] },
  },
  document: { nodes: [{ id: 'c', cpu: { policy: 'rr' } }], links: [{ id: 'wan', loss: 0.2 }] },
};

function condition(value: unknown): Condition {
  const read = readCondition(value, '$');
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.condition;
}

describe('conditions', () => {
  it('find the moment a record condition first holds, counting matches', () => {
    expect(
      firstTime(
        condition({ record: 'socket.state', where: { state: 'ESTABLISHED' } }) as never,
        records,
      ),
    ).toBe(30);
    expect(
      firstTime(
        condition({ record: 'socket.state', where: { state: 'ESTABLISHED' }, atLeast: 2 }) as never,
        records,
      ),
    ).toBe(40);
    expect(
      firstTime(
        condition({ record: 'socket.state', where: { state: 'CLOSED' } }) as never,
        records,
      ),
    ).toBeNull();
  });

  it('compare summary figures and document settings, durations in nanoseconds', () => {
    expect(holds(condition({ summary: 'links.wan.ab.dropped', atLeast: 2, below: 3 }), facts)).toBe(
      true,
    );
    expect(holds(condition({ summary: 'links.wan.ab.dropped', atMost: 1 }), facts)).toBe(false);
    expect(holds(condition({ summary: 'apps.pingers.c.sent', equals: 5 }), facts)).toBe(true);
    expect(holds(condition({ summary: 'links.lan.ab.dropped', atLeast: 0 }), facts)).toBe(false);
    expect(holds(condition({ document: '/nodes/0/cpu/policy', equals: 'rr' }), facts)).toBe(true);
    expect(holds(condition({ document: '/links/0/loss', below: '1ms' }), facts)).toBe(true);
    expect(holds(condition({ document: '/links/0/loss', above: 1e6 }), facts)).toBe(false);
  });

  it('combine with all, any and not', () => {
    const est = { record: 'socket.state', where: { state: 'ESTABLISHED' } };
    const closed = { record: 'socket.state', where: { state: 'CLOSED' } };
    expect(holds(condition({ all: [est, { not: closed }] }), facts)).toBe(true);
    expect(holds(condition({ any: [closed, { not: est }] }), facts)).toBe(false);
  });

  it('read JSON pointers as RFC 6901 section 5 does', () => {
    const doc = {
      foo: ['bar', 'baz'],
      '': 0,
      'a/b': 1,
      'c%d': 2,
      'e^f': 3,
      'g|h': 4,
      'i\\j': 5,
      'k"l': 6,
      ' ': 7,
      'm~n': 8,
    };
    expect(documentValue(doc, '')).toBe(doc);
    expect(documentValue(doc, '/foo')).toEqual(['bar', 'baz']);
    expect(documentValue(doc, '/foo/0')).toBe('bar');
    expect(documentValue(doc, '/')).toBe(0);
    expect(documentValue(doc, '/a~1b')).toBe(1);
    expect(documentValue(doc, '/c%d')).toBe(2);
    expect(documentValue(doc, '/e^f')).toBe(3);
    expect(documentValue(doc, '/g|h')).toBe(4);
    expect(documentValue(doc, '/i\\j')).toBe(5);
    expect(documentValue(doc, '/k"l')).toBe(6);
    expect(documentValue(doc, '/ ')).toBe(7);
    expect(documentValue(doc, '/m~0n')).toBe(8);
    expect(documentValue(doc, '/foo/01')).toBeUndefined();
    expect(documentValue(doc, '/toString')).toBeUndefined();
    expect(summaryValue(facts.summary, ['links', 'wan', 'ab', 'dropped'])).toBe(2);
  });

  it('name what is wrong with a condition by its path', () => {
    const problems = (value: unknown, types?: Set<string>) => {
      const read = readCondition(value, '$.check', types);
      return read.ok ? [] : read.problems.map((p) => `${p.path}: ${p.message}`);
    };
    expect(problems('x')).toEqual([
      '$.check: expected a condition: an object such as {"record": …}',
    ]);
    expect(problems({ record: 'a.b', summary: 'x' })).toEqual([
      '$.check: a condition has one kind; found "record" and "summary"',
    ]);
    expect(problems({ all: [{ record: 'a.b', atLeast: 0 }] })).toEqual([
      '$.check.all[0].atLeast: expected a whole number of at least 1',
    ]);
    expect(problems({ record: 'a.b', wher: {} })).toEqual(['$.check.wher: unknown key']);
    expect(problems({ record: 'no.such' }, new Set(['a.b']))).toEqual([
      '$.check.record: "no.such" is not a trace record type (docs/trace.md)',
    ]);
    expect(problems({ summary: 'a.b' })).toEqual([
      '$.check: expected a test: equals, atLeast, atMost, above or below',
    ]);
    expect(problems({ document: 'nodes/0', equals: 1 })).toEqual([
      '$.check.document: expected a JSON pointer such as "/nodes/1/apps/0/concurrency/model"',
    ]);
    expect(problems({ document: '/x', below: 'soon' })).toEqual([
      '$.check.below: expected a number or a duration such as "200ms"',
    ]);
    expect(problems({ not: { any: [] } })).toEqual([
      '$.check.not.any: expected a non-empty list of conditions',
    ]);
  });
});
