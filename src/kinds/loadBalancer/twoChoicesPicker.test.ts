// Tests of power of two random choices: scripted random numbers whose draws are worked out by hand
// in the comments, and the project's seeded streams for the shares over many picks.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random.ts';
import type { Backend } from './backendPicker.ts';
import { TwoChoicesPicker, drawTwo, type RandomSource } from './twoChoicesPicker.ts';

/** A random source that returns the given numbers in order, and fails if asked for more. */
function scripted(...values: number[]): RandomSource {
  return () => {
    const next = values.shift();
    if (next === undefined) throw new Error('asked for more random numbers than scripted');
    return next;
  };
}

/** Backends a, b, c, d with weight 1 and these active connections. */
function loaded(...active: number[]): Backend[] {
  return active.map((n, i) => ({ id: 'abcd'[i] as string, healthy: true, active: n }));
}

describe('power of two random choices', () => {
  it('draws two distinct healthy backends and picks the one with fewer active', () => {
    const list = loaded(4, 1, 2, 0);
    // 0.3 × 4 = 1.2 -> index 1 of [a,b,c,d] = b; 0.5 × 3 = 1.5 -> index 1 of [a,c,d] = c.
    // b has 1, c has 2: b.
    expect(drawTwo(list, scripted(0.3, 0.5))).toEqual({ first: 'b', second: 'c', chosen: 'b' });
    // 0 -> a; 0.99 × 3 = 2.97 -> index 2 of [b,c,d] = d. a has 4, d has 0: d.
    expect(drawTwo(list, scripted(0, 0.99))).toEqual({ first: 'a', second: 'd', chosen: 'd' });
    // 0 -> a; 0 -> index 0 of [b,c,d] = b: never a twice.
    expect(drawTwo(list, scripted(0, 0))).toEqual({ first: 'a', second: 'b', chosen: 'b' });
  });

  it('draws only among healthy backends', () => {
    const list = loaded(4, 1, 2, 0).map((b) => (b.id === 'b' ? { ...b, healthy: false } : b));
    // Healthy [a,c,d]: 0.4 × 3 = 1.2 -> c; then [a,d]: 0.6 × 2 = 1.2 -> d. c 2, d 0: d.
    const picker = new TwoChoicesPicker(scripted(0.4, 0.6));
    expect(picker.pick(list)).toBe('d');
    expect(picker.last).toEqual({ first: 'c', second: 'd', chosen: 'd' });
  });

  it('gives a tie to the second drawn, as nginx does', () => {
    const list = loaded(1, 1);
    // 0 -> a, then b: tie -> b.   0.5 × 2 = 1 -> b, then a: tie -> a.
    expect(drawTwo(list, scripted(0, 0))?.chosen).toBe('b');
    expect(drawTwo(list, scripted(0.5, 0))?.chosen).toBe('a');
  });

  it('draws in proportion to weight and compares active / weight', () => {
    const list: Backend[] = [
      { id: 'a', weight: 3, healthy: true, active: 5 },
      { id: 'b', weight: 1, healthy: true, active: 2 },
      { id: 'c', weight: 1, healthy: true, active: 9 },
    ];
    // Total weight 5: a covers 0..2, b 3, c 4. 0.5 × 5 = 2.5 -> 2 -> a; 0.65 × 5 = 3.25 -> b.
    expect(drawTwo(list, scripted(0.5, 0))?.first).toBe('a');
    expect(drawTwo(list, scripted(0.65, 0))?.first).toBe('b');
    // a then (from [b,c], total 2) 0.4 × 2 = 0.8 -> b. a: 5/3 = 1.67 per weight, b: 2: a,
    // though it has more connections.
    expect(drawTwo(list, scripted(0.5, 0.4))).toEqual({ first: 'a', second: 'b', chosen: 'a' });
  });

  it('draws nothing when a single backend is healthy, and refuses numbers outside [0, 1)', () => {
    const one = loaded(3, 0).map((b) => (b.id === 'b' ? { ...b, healthy: false } : b));
    expect(new TwoChoicesPicker(scripted()).pick(one)).toBe('a');
    expect(() => drawTwo(loaded(0, 0), scripted(1))).toThrow('in [0, 1), got 1');
  });

  it('never picks the most loaded, and shares as the pairs say, from a seeded stream', () => {
    // Loads 0 < 1 < 2 < 3, all six pairs equally likely. The pick is the less loaded of the pair:
    // a wins the 3 pairs with a (1/2), b wins {b,c} and {b,d} (1/3), c wins {c,d} (1/6), d none.
    const run = (seed: number): string[] => {
      const stream = new RandomStreams(seed).stream('lb:front');
      const picker = new TwoChoicesPicker(() => stream.float());
      return Array.from({ length: 600 }, () => picker.pick(loaded(0, 1, 2, 3)) as string);
    };
    const got = run(7);
    const count = (id: string): number => got.filter((x) => x === id).length;
    expect(count('d')).toBe(0);
    expect(count('a')).toBeGreaterThan(250); // about 300
    expect(count('b')).toBeGreaterThan(150); // about 200
    expect(count('c')).toBeGreaterThan(60); // about 100
    expect(count('a') + count('b') + count('c')).toBe(600);
    expect(run(7)).toEqual(got); // the same seed, the same picks
    expect(run(8)).not.toEqual(got);
  });
});
