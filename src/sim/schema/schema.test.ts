import { describe, expect, it } from 'vitest';
import {
  array,
  duration,
  literal,
  number,
  object,
  oneOf,
  string,
  tagged,
  type ValidationIssue,
} from './schema.ts';

function check<T>(
  schema: { parse: (v: unknown, p: string, i: ValidationIssue[]) => T | undefined },
  value: unknown,
) {
  const issues: ValidationIssue[] = [];
  const parsed = schema.parse(value, '$', issues);
  return { parsed, issues };
}

describe('schema', () => {
  it('reports the path and the expectation for wrong types', () => {
    const schema = object({ links: array(object({ latency: duration() })) });
    const { parsed, issues } = check(schema, { links: [{ latency: '1ms' }, { latency: 20 }] });
    expect(parsed).toBeUndefined();
    expect(issues).toEqual([
      {
        path: '$.links[1].latency',
        message: 'expected a duration string such as "20ms", "2s" or "250us", got a number (20)',
      },
    ]);
  });

  it('reports missing and unknown fields, all of them at once', () => {
    const schema = object({ id: string(), a: string() }, { loss: number() });
    const { issues } = check(schema, { id: 'l1', lose: 0.1 });
    expect(issues).toEqual([
      { path: '$.a', message: 'is required but missing' },
      { path: '$.lose', message: 'is not a known field (expected one of: id, a, loss)' },
    ]);
  });

  it('checks number bounds, integers and enums', () => {
    expect(check(number({ min: 0, exclusiveMax: 1 }), 1).issues[0]?.message).toBe(
      'expected a number >= 0 < 1, got a number (1)',
    );
    expect(check(number({ integer: true }), 1.5).issues[0]?.message).toBe(
      'expected an integer, got a number (1.5)',
    );
    expect(check(number(), Number.NaN).issues).toHaveLength(1);
    expect(check(oneOf(['a', 'b']), 'c').issues[0]?.message).toBe(
      'expected one of "a", "b", got a string ("c")',
    );
    expect(check(literal('x@1'), 'x@2').issues[0]?.message).toBe(
      'expected "x@1", got a string ("x@2")',
    );
  });

  it('says how long a string was, and refuses an array with too few items', () => {
    expect(check(string({ maxLength: 3 }), 'abcde').issues).toEqual([
      { path: '$', message: 'expected at most 3 characters, got 5' },
    ]);
    const { parsed, issues } = check(array(number(), { minItems: 2 }), [1]);
    expect(parsed).toBeUndefined();
    expect(issues).toEqual([{ path: '$', message: 'expected at least 2 item(s), got 1' }]);
  });

  it('describes durations with a positive minimum by a pattern that refuses zero', () => {
    const pattern = new RegExp(duration({ min: 1 }).jsonSchema().pattern as string, 'u');
    expect(['0s', ' 0.00ms ', '00ns'].filter((t) => pattern.test(t))).toEqual([]);
    expect(['1ns', '0.5s', ' 20 ms ', '10ms'].every((t) => pattern.test(t))).toBe(true);
    const any = new RegExp(duration().jsonSchema().pattern as string, 'u');
    expect(any.test('0s')).toBe(true);
  });

  it('parses durations to nanoseconds', () => {
    expect(check(duration(), '20ms').parsed).toBe(20_000_000);
    expect(check(duration({ min: 1 }), '0s').issues[0]?.message).toMatch(/at least 1 ns/);
    // Bounds are inclusive and said in people's units: 60e9 ns is "60 s".
    const bounded = duration({ min: 60e9, max: 3600e9 });
    expect(check(bounded, '1m').parsed).toBe(60e9);
    expect(check(bounded, '1h').parsed).toBe(3600e9);
    expect(check(bounded, '59s').issues[0]?.message).toBe(
      'expected a duration of at least 60 s, got "59s"',
    );
    expect(check(bounded, '3601s').issues[0]?.message).toBe(
      'expected a duration of at most 3600 s, got "3601s"',
    );
  });

  it('tells tagged variants apart by their tag and names the allowed tags', () => {
    const schema = tagged('type', {
      a: object({ type: literal('a'), x: number() }),
      b: object({ type: literal('b') }),
    });
    expect(check(schema, { type: 'a', x: 1 }).parsed).toEqual({ type: 'a', x: 1 });
    expect(check(schema, { type: 'c' }).issues).toEqual([
      { path: '$.type', message: 'expected one of "a", "b", got a string ("c")' },
    ]);
  });

  it('does not let a document set prototype fields', () => {
    const schema = object({ id: string() });
    const { parsed } = check(schema, JSON.parse('{"id": "n", "__proto__": {"polluted": true}}'));
    expect(parsed).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('describes itself as JSON Schema', () => {
    const schema = object(
      { id: string({ pattern: /^a/ }) },
      { n: number({ min: 1, integer: true }) },
    );
    expect(schema.jsonSchema()).toEqual({
      type: 'object',
      properties: { id: { type: 'string', pattern: '^a' }, n: { type: 'integer', minimum: 1 } },
      required: ['id'],
      additionalProperties: false,
    });
  });
});
