// Tests of the service-time distributions against their textbook moments.
// Source: exponential with mean m has variance m² (e.g. Ross, Introduction to Probability Models,
// 12th ed., §5.2); uniform on [a, b] has mean (a+b)/2 and variance (b-a)²/12 (Ross §2.3).

import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random.ts';
import {
  checkDistribution,
  distributionMean,
  distributionVariance,
  sample,
  type Distribution,
} from './distributions.ts';

function moments(dist: Distribution, n: number, name = 'svc'): { mean: number; variance: number } {
  const stream = new RandomStreams(42).stream(name);
  let sum = 0;
  let sumSq = 0;
  let integers = true;
  for (let i = 0; i < n; i++) {
    const x = sample(dist, stream);
    if (!Number.isInteger(x)) integers = false;
    sum += x;
    sumSq += x * x;
  }
  expect(integers).toBe(true);
  const mean = sum / n;
  return { mean, variance: sumSq / n - mean * mean };
}

describe('sample', () => {
  it('exponential: mean m and variance m² within 1% over 400k draws', () => {
    const dist: Distribution = { kind: 'exponential', mean: 1_000_000 };
    const { mean, variance } = moments(dist, 400_000);
    expect(Math.abs(mean / 1_000_000 - 1)).toBeLessThan(0.01);
    expect(Math.abs(variance / 1e12 - 1)).toBeLessThan(0.02);
    expect(distributionVariance(dist)).toBe(1e12);
  });

  it('uniform: mean (a+b)/2 and variance (b-a)²/12', () => {
    const dist: Distribution = { kind: 'uniform', min: 1000, max: 3000 };
    const { mean, variance } = moments(dist, 200_000);
    expect(Math.abs(mean / distributionMean(dist) - 1)).toBeLessThan(0.005);
    expect(Math.abs(variance / ((2000 * 2000) / 12) - 1)).toBeLessThan(0.02);
  });

  it('constant: always the value, and draws nothing from the stream', () => {
    const streams = new RandomStreams(1);
    const s = streams.stream('a');
    expect(sample({ kind: 'constant', value: 7 }, s)).toBe(7);
    expect(s.nextUint32()).toBe(new RandomStreams(1).stream('a').nextUint32());
  });

  it('is deterministic for a seed and stream name', () => {
    const d: Distribution = { kind: 'exponential', mean: 5000 };
    const a = new RandomStreams(9).stream('x');
    const b = new RandomStreams(9).stream('x');
    for (let i = 0; i < 100; i++) expect(sample(d, a)).toBe(sample(d, b));
  });

  it('checkDistribution names bad figures', () => {
    expect(checkDistribution({ kind: 'exponential', mean: 0 })).toMatch(/mean must be > 0/);
    expect(checkDistribution({ kind: 'uniform', min: 5, max: 1 })).toMatch(/min <= max/);
    expect(checkDistribution({ kind: 'constant', value: 3 })).toBeNull();
  });
});
