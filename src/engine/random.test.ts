import { describe, expect, it } from 'vitest';
import { RandomStream, RandomStreams } from './random.ts';

describe('RandomStream (xoshiro128**)', () => {
  it('matches the reference C implementation (prng.di.unimi.it/xoshiro128starstar.c)', () => {
    // Outputs of the authors' C code for state [1, 2, 3, 4]: the same vector the Rust crate
    // rand_xoshiro checks against; reproduced here with the C code compiled by gcc.
    const fromOneToFour = new RandomStream([1, 2, 3, 4]);
    expect(Array.from({ length: 6 }, () => fromOneToFour.nextUint32())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492,
    ]);
    // Test data published with the 6502 port (edorfaus/xoshiro-6502), also from the C code.
    const published = new RandomStream([0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0]);
    expect(Array.from({ length: 4 }, () => published.nextUint32())).toEqual([
      0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70,
    ]);
  });

  it('draws floats in [0, 1) with the mean and variance of a uniform distribution', () => {
    const stream = new RandomStream([7, 8, 9, 10]);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let outOfRange = 0;
    for (let i = 0; i < n; i++) {
      const x = stream.float();
      if (!(x >= 0 && x < 1)) outOfRange++;
      sum += x;
      sumSq += x * x;
    }
    expect(outOfRange).toBe(0);
    const mean = sum / n;
    // Uniform(0,1): mean 1/2, variance 1/12; standard error of the mean is sqrt(1/12/n) ~ 0.00065.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.004);
    expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('draws exponentials with the requested mean and integers within bounds', () => {
    const stream = new RandomStream([1, 1, 1, 1]);
    const n = 200_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += stream.exponential(3);
    // Exponential(mean 3): standard error 3/sqrt(n) ~ 0.0067.
    expect(Math.abs(sum / n - 3)).toBeLessThan(0.04);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[stream.integer(1, 3) - 1]! += 1;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
});

describe('RandomStreams', () => {
  it('gives the same sequence for the same seed and name', () => {
    const a = new RandomStreams(42).stream('link:l1');
    const b = new RandomStreams(42).stream('link:l1');
    for (let i = 0; i < 100; i++) expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it('gives different sequences for different seeds and different names', () => {
    const first = (seed: number, name: string): number[] => {
      const s = new RandomStreams(seed).stream(name);
      return Array.from({ length: 8 }, () => s.nextUint32());
    };
    expect(first(1, 'a')).not.toEqual(first(2, 'a'));
    expect(first(1, 'a')).not.toEqual(first(1, 'b'));
    expect(first(0, 'x')).not.toEqual(first(2 ** 32, 'x'));
  });

  it('keeps substreams independent: creating or using one never shifts another', () => {
    const alone = new RandomStreams(7);
    const expected = Array.from({ length: 50 }, () => alone.stream('server').float());

    const busy = new RandomStreams(7);
    busy.stream('client').float(); // a new component appears first
    const got: number[] = [];
    for (let i = 0; i < 50; i++) {
      busy.stream('link').nextUint32(); // and another draws between every draw
      got.push(busy.stream('server').float());
    }
    expect(got).toEqual(expected);
  });

  it('gives uncorrelated substreams for neighbouring names', () => {
    const streams = new RandomStreams(1);
    const a = streams.stream('node:1');
    const b = streams.stream('node:2');
    const n = 50_000;
    let sa = 0;
    let sb = 0;
    let sab = 0;
    let saa = 0;
    let sbb = 0;
    for (let i = 0; i < n; i++) {
      const x = a.float();
      const y = b.float();
      sa += x;
      sb += y;
      sab += x * y;
      saa += x * x;
      sbb += y * y;
    }
    const cov = sab / n - (sa / n) * (sb / n);
    const corr = cov / Math.sqrt((saa / n - (sa / n) ** 2) * (sbb / n - (sb / n) ** 2));
    // For independent samples the correlation's standard error is 1/sqrt(n) ~ 0.0045.
    expect(Math.abs(corr)).toBeLessThan(0.02);
  });

  it('refuses a negative or fractional seed', () => {
    expect(() => new RandomStreams(-1)).toThrow(/non-negative integer/);
    expect(() => new RandomStreams(1.5)).toThrow(RangeError);
  });
});
