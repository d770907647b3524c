// Tests of the load balancer's backend checks and of round robin, nginx's smooth weighted round
// robin and least connections. Every expected pick is worked out by hand in the comments, from
// the algorithm as nginx describes it, never copied from the code's output.
import { describe, expect, it } from 'vitest';
import {
  LeastConnectionsPicker,
  RoundRobinPicker,
  SmoothWeightedPicker,
  backendProblems,
  type Backend,
  type BackendPicker,
} from './backendPicker.ts';
import { IpHashPicker } from './ipHashPicker.ts';
import { PICK_POLICIES, createPicker } from './pickPolicy.ts';
import { TwoChoicesPicker } from './twoChoicesPicker.ts';

const request = { client: 0x0a000002 }; // 10.0.0.2; only IP hash reads it

/** Healthy, idle backends with the given weights, named a, b, c, ... */
function backends(...weights: number[]): Backend[] {
  return weights.map((weight, i) => ({
    id: String.fromCharCode(97 + i),
    weight,
    healthy: true,
    active: 0,
  }));
}

/** `n` picks in a row over the same backends. */
function picks(picker: BackendPicker, list: readonly Backend[], n: number): (string | null)[] {
  return Array.from({ length: n }, () => picker.pick(list, request));
}

function withHealth(list: readonly Backend[], id: string, healthy: boolean): Backend[] {
  return list.map((b) => (b.id === id ? { ...b, healthy } : b));
}

describe('the backends a policy is given', () => {
  it('are accepted with whole weights of 1 or more, a missing weight counting as 1', () => {
    expect(backendProblems([...backends(5, 1), { id: 'c', healthy: true, active: 3 }])).toEqual([]);
  });

  it('are refused, naming the backend, when a weight is below 1 or not whole', () => {
    expect(backendProblems(backends(1, 0, 1))).toEqual([
      'backend "b" has weight 0; a weight must be a whole number, 1 or more',
    ]);
    expect(backendProblems(backends(1.5, 1))).toEqual([
      'backend "a" has weight 1.5; a weight must be a whole number, 1 or more',
    ]);
    expect(backendProblems(backends(1, 1, -2))[0]).toContain('backend "c" has weight -2');
  });

  it('are refused when a count of connections is negative or an id repeats', () => {
    const list: Backend[] = [
      { id: 'a', healthy: true, active: -1 },
      { id: 'a', healthy: true, active: 0 },
    ];
    expect(backendProblems(list)).toEqual([
      'backend "a" has -1 active connections; expected a whole number, 0 or more',
      'backend "a" is listed twice',
    ]);
  });

  it('make every policy throw the message when they are bad', () => {
    for (const policy of PICK_POLICIES) {
      const picker = createPicker(policy, { random: () => 0.5 });
      expect(() => picker.pick(backends(1, 0), request), policy).toThrow(
        'backend "b" has weight 0',
      );
    }
  });

  it('give null under every policy when none is healthy, or there are none', () => {
    const down = backends(1, 2, 3).map((b) => ({ ...b, healthy: false }));
    for (const policy of PICK_POLICIES) {
      const picker = createPicker(policy, { random: () => 0.5 });
      expect(picker.pick(down, request), policy).toBeNull();
      expect(picker.pick([], request), policy).toBeNull();
      // and a backend that comes back is picked at once
      expect(picker.pick(withHealth(down, 'b', true), request), policy).toBe('b');
    }
  });
});

describe('round robin', () => {
  it('takes the backends in turn, ignoring weights', () => {
    expect(picks(new RoundRobinPicker(), backends(5, 1, 1), 5)).toEqual(['a', 'b', 'c', 'a', 'b']);
  });

  it('skips an unhealthy backend and keeps its place', () => {
    const picker = new RoundRobinPicker();
    const all = backends(1, 1, 1);
    expect(picker.pick(all)).toBe('a'); // the turn is now at b
    const bDown = withHealth(all, 'b', false);
    expect(picker.pick(bDown)).toBe('c'); // b skipped: c
    expect(picker.pick(bDown)).toBe('a'); // after c comes a, not a restart at the top
    expect(picker.pick(all)).toBe('b'); // b is back and it is its turn
    expect(picker.pick(all)).toBe('c');
  });
});

describe("nginx's smooth weighted round robin", () => {
  it('picks a a b a c a a for weights 5, 1, 1, and repeats that cycle', () => {
    // Each pick: current += weight for each (a +5, b +1, c +1, total 7); the largest current
    // wins (ties to the first listed); the winner's current drops by the total, 7.
    //   pick  current after adding   winner   current after subtracting
    //   1     ( 5,  1,  1)           a        (-2,  1,  1)
    //   2     ( 3,  2,  2)           a        (-4,  2,  2)
    //   3     ( 1,  3,  3)           b (tie with c: the first)   ( 1, -4,  3)
    //   4     ( 6, -3,  4)           a        (-1, -3,  4)
    //   5     ( 4, -2,  5)           c        ( 4, -2, -2)
    //   6     ( 9, -1, -1)           a        ( 2, -1, -1)
    //   7     ( 7,  0,  0)           a        ( 0,  0,  0)
    // After 7 picks every current is 0 again, the state it started from, so the cycle repeats.
    const picker = new SmoothWeightedPicker();
    const list = backends(5, 1, 1);
    const cycle = ['a', 'a', 'b', 'a', 'c', 'a', 'a'];
    expect(picks(picker, list, 7)).toEqual(cycle);
    expect(['a', 'b', 'c'].map((id) => picker.currentWeight(id))).toEqual([0, 0, 0]);
    expect(picks(picker, list, 14)).toEqual([...cycle, ...cycle]);
  });

  it('drops an unhealthy backend, giving its share to the others, and takes it back', () => {
    const picker = new SmoothWeightedPicker();
    const list = backends(5, 1, 1);
    picks(picker, list, 7); // one whole cycle: every current weight is 0 again
    // b goes down. Only a (+5) and c (+1) take part, total 6; b's current stays 0.
    //   pick  after adding   winner               after subtracting
    //   1     (5, 1)         a                    (-1, 1)
    //   2     (4, 2)         a                    (-2, 2)
    //   3     (3, 3)         a (tie: the first)   (-3, 3)
    //   4     (2, 4)         c                    ( 2,-2)
    //   5     (7,-1)         a                    ( 1,-1)
    //   6     (6, 0)         a                    ( 0, 0)
    // So a gets 5 of 6 and c 1 of 6: b's seventh went to a and c in proportion to their weights.
    const bDown = withHealth(list, 'b', false);
    const lap = ['a', 'a', 'a', 'c', 'a', 'a'];
    expect(picks(picker, bDown, 6)).toEqual(lap);
    const many = picks(picker, bDown, 6 * 7);
    expect(many.filter((id) => id === 'a')).toHaveLength(35);
    expect(many.filter((id) => id === 'c')).toHaveLength(7);
    expect(many).not.toContain('b');
    // All currents are 0 again (a and c after whole laps, b untouched), so with b back the
    // original cycle resumes.
    expect(picks(picker, list, 7)).toEqual(['a', 'a', 'b', 'a', 'c', 'a', 'a']);
  });
});

describe('least connections', () => {
  it('picks the backend with the fewest active connections', () => {
    const list: Backend[] = [
      { id: 'a', healthy: true, active: 3 },
      { id: 'b', healthy: true, active: 1 },
      { id: 'c', healthy: true, active: 2 },
    ];
    expect(new LeastConnectionsPicker().pick(list)).toBe('b');
    // b unhealthy: the least loaded of a (3) and c (2) is c
    expect(new LeastConnectionsPicker().pick(withHealth(list, 'b', false))).toBe('c');
  });

  it('weighs the connections: active / weight', () => {
    // a: 5 connections over weight 3 = 1.67 each; b: 2 over weight 1 = 2. a is less loaded
    // though it has more connections (compared as 5 × 1 = 5 < 2 × 3 = 6).
    const list: Backend[] = [
      { id: 'a', weight: 3, healthy: true, active: 5 },
      { id: 'b', weight: 1, healthy: true, active: 2 },
    ];
    expect(new LeastConnectionsPicker().pick(list)).toBe('a');
  });

  it('takes turns among tied backends (round robin among them)', () => {
    // All idle, weights 1: all tied. Smooth weighted round robin among the three (total 3):
    //   (1,1,1) -> a -> (-2,1,1);  (-1,2,2) -> b -> (-1,-1,2);  (0,0,3) -> c -> (0,0,0); then a.
    expect(picks(new LeastConnectionsPicker(), backends(1, 1, 1), 4)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('breaks ties by weight and leaves the more loaded out', () => {
    // a: 2 over weight 2 = 1; b: 1 over 1 = 1; c: 3 over 1 = 3. a and b tie, c is out.
    // Smooth weighted round robin over a (2) and b (1), total 3:
    //   (2,1) -> a -> (-1,1);  (1,2) -> b -> (1,-1);  (3,0) -> a -> (0,0).
    const list: Backend[] = [
      { id: 'a', weight: 2, healthy: true, active: 2 },
      { id: 'b', weight: 1, healthy: true, active: 1 },
      { id: 'c', weight: 1, healthy: true, active: 3 },
    ];
    expect(picks(new LeastConnectionsPicker(), list, 3)).toEqual(['a', 'b', 'a']);
  });
});

describe('the policies by name', () => {
  it('are five, each making its own kind of picker', () => {
    const made = PICK_POLICIES.map((p) => createPicker(p, { random: () => 0 }));
    expect(PICK_POLICIES).toHaveLength(5);
    expect(made[0]).toBeInstanceOf(RoundRobinPicker);
    expect(made[1]).toBeInstanceOf(SmoothWeightedPicker);
    expect(made[2]).toBeInstanceOf(LeastConnectionsPicker);
    expect(made[3]).toBeInstanceOf(IpHashPicker);
    expect(made[4]).toBeInstanceOf(TwoChoicesPicker);
  });
});
