// Tests of IP hash (nginx's ip_hash): each expected backend is worked out by hand in the comments
// from nginx's arithmetic, hash = (hash × 113 + octet) mod 6271 starting at 89.
import { describe, expect, it } from 'vitest';
import type { Backend } from './backendPicker.ts';
import { IpHashPicker, stirHash } from './ipHashPicker.ts';

const addr = (a: number, b: number, c: number, d: number): number =>
  ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
const clientB = addr(192, 168, 1, 10);
const clientA = addr(10, 0, 0, 7);

/** a, b, c, healthy and idle, weight 1 unless given. */
function abc(weights: [number, number, number] = [1, 1, 1]): Backend[] {
  return ['a', 'b', 'c'].map((id, i) => ({ id, weight: weights[i], healthy: true, active: 0 }));
}

function withHealth(list: readonly Backend[], id: string, healthy: boolean): Backend[] {
  return list.map((b) => (b.id === id ? { ...b, healthy } : b));
}

describe('IP hash', () => {
  it('stirs the first three octets as nginx does (192.168.1.x: 154, then 5654)', () => {
    // From 89, octets 192, 168, 1:
    //   (89 × 113 + 192) mod 6271 = 10249 mod 6271 = 3978
    //   (3978 × 113 + 168) mod 6271 = 449682 mod 6271 = 449682 − 71 × 6271 = 4441
    //   (4441 × 113 + 1) mod 6271 = 501834 mod 6271 = 501834 − 80 × 6271 = 154
    // Again from 154 (a rehash):
    //   (154 × 113 + 192) mod 6271 = 17594 − 2 × 6271 = 5052
    //   (5052 × 113 + 168) mod 6271 = 571044 − 91 × 6271 = 383
    //   (383 × 113 + 1) mod 6271 = 43280 − 6 × 6271 = 5654
    expect(stirHash(89, [192, 168, 1])).toBe(154);
    expect(stirHash(154, [192, 168, 1])).toBe(5654);
  });

  it('sends a client to the same backend every time, and other clients elsewhere', () => {
    // 192.168.1.10: hash 154, 154 mod 3 (total weight) = 1 -> the second backend, b.
    // 10.0.0.7: (89 × 113 + 10) mod 6271 = 3796; (3796 × 113 + 0) mod 6271 = 428948 − 68 × 6271
    //   = 2520; (2520 × 113 + 0) mod 6271 = 284760 − 45 × 6271 = 2565; 2565 mod 3 = 0 -> a.
    const picker = new IpHashPicker();
    for (let i = 0; i < 5; i++) {
      expect(picker.pick(abc(), { client: clientB })).toBe('b');
      expect(picker.pick(abc(), { client: clientA })).toBe('a');
    }
  });

  it('moves a client off its unhealthy backend and brings it back when healthy', () => {
    // b down: 192.168.1.10 rehashes from 154 to 5654 (above); 5654 mod 3 = 2 -> c.
    const picker = new IpHashPicker();
    const bDown = withHealth(abc(), 'b', false);
    expect(picker.pick(abc(), { client: clientB })).toBe('b');
    expect(picker.pick(bDown, { client: clientB })).toBe('c');
    expect(picker.pick(bDown, { client: clientB })).toBe('c');
    expect(picker.pick(abc(), { client: clientB })).toBe('b');
  });

  it("moves only the unhealthy backend's clients: the total weight still counts it", () => {
    // 10.0.0.7 lands on a (2565 mod 3 = 0) whether b is up or not. Had b's weight been left out,
    // 2565 mod 2 = 1 would have moved it to c.
    const picker = new IpHashPicker();
    expect(picker.pick(withHealth(abc(), 'b', false), { client: clientA })).toBe('a');
  });

  it('follows the weights: the hash is taken modulo the total weight', () => {
    // Weights 1, 1, 2 (total 4): 154 mod 4 = 2; a covers 0, b covers 1, c covers 2 and 3 -> c.
    expect(new IpHashPicker().pick(abc([1, 1, 2]), { client: clientB })).toBe('c');
  });

  it('keeps a /24 together by default, and spreads it when hashing all four octets', () => {
    // Three octets: 192.168.1.10 and 192.168.1.11 both hash to 154 -> b.
    // Four octets: one more stir of 154 by the last octet:
    //   (154 × 113 + 10) mod 6271 = 17412 − 2 × 6271 = 4870; 4870 mod 3 = 1 -> b
    //   (154 × 113 + 11) mod 6271 = 4871; 4871 mod 3 = 2 -> c
    const clientB2 = addr(192, 168, 1, 11);
    const nginxLike = new IpHashPicker();
    expect(nginxLike.pick(abc(), { client: clientB })).toBe('b');
    expect(nginxLike.pick(abc(), { client: clientB2 })).toBe('b');
    const whole = new IpHashPicker(4);
    expect(whole.pick(abc(), { client: clientB })).toBe('b');
    expect(whole.pick(abc(), { client: clientB2 })).toBe('c');
  });

  it('after 21 landings on unhealthy backends, takes the next healthy one after the last', () => {
    // a (weight 1) healthy, b (weight 1000) down, c (weight 1) healthy: total 1002, so a hash
    // lands on a only when it is 0 mod 1002 and on c only when it is 1001 mod 1002.
    const list: Backend[] = [
      { id: 'a', weight: 1, healthy: true, active: 0 },
      { id: 'b', weight: 1000, healthy: false, active: 0 },
      { id: 'c', weight: 1, healthy: true, active: 0 },
    ];
    // 192.168.1.10's first 21 hashes all land on b (checked with the stirring verified above),
    let hash = 89;
    for (let i = 0; i < 21; i++) {
      hash = stirHash(hash, [192, 168, 1]);
      expect([0, 1001]).not.toContain(hash % 1002);
    }
    // so nginx would give up on the hash; here the next healthy backend after b is taken: c.
    expect(new IpHashPicker().pick(list, { client: clientB })).toBe('c');
  });
});
