// The server pieces' messages: a uniform distribution whose max is below its min says both.
import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../schema/schema.ts';
import { distribution } from './serverSchemas.ts';

describe('distribution', () => {
  it('refuses a uniform max below its min, saying the min and the max found', () => {
    const issues: ValidationIssue[] = [];
    const parsed = distribution('x').parse(
      { kind: 'uniform', min: '5ms', max: '2ms' },
      '$.cpu',
      issues,
    );
    expect(parsed).toBeUndefined();
    expect(issues).toEqual([
      { path: '$.cpu.max', message: 'expected a duration of at least min ("5ms"), got "2ms"' },
    ]);
  });
});
