import { describe, expect, it } from 'vitest';
import { ArpCache, ARP_DEFAULTS, randomizedReachableTime } from './arpCache.ts';
import { macFromNumber } from './mac.ts';

const S = 1_000_000_000;
const MS = 1_000_000;
const ROUTER = 0x0a000001;
const SERVER = 0x0a000003;
const ROUTER_MAC = macFromNumber(0x02000a000001);
const NEW_MAC = macFromNumber(0x02000a0000fe);

describe('ARP cache', () => {
  it("has Linux's defaults: 30 s reachable, 3 requests 1 s apart, 101 queued, 60 s stale", () => {
    expect(ARP_DEFAULTS).toEqual({
      reachableNs: 30 * S,
      retransNs: 1 * S,
      maxProbes: 3,
      queueLimit: 101,
      staleNs: 60 * S,
    });
  });

  it('queues packets for an unknown next hop, asks once, and releases them in order on reply', () => {
    const cache = new ArpCache<string>();
    expect(cache.lookup(ROUTER, 0)).toEqual({ state: 'none' });
    expect(cache.resolve(ROUTER, 'p1', 0)).toEqual({ action: 'request' });
    expect(cache.resolve(ROUTER, 'p2', 100)).toEqual({ action: 'queued' });
    expect(cache.lookup(ROUTER, 100)).toEqual({ state: 'incomplete', probes: 1, queued: 2 });
    expect(cache.learn(ROUTER, ROUTER_MAC, 300 * MS)).toEqual({
      stored: true,
      released: ['p1', 'p2'],
    });
    expect(cache.resolve(ROUTER, 'p3', 400 * MS)).toEqual({ action: 'send', mac: ROUTER_MAC });
  });

  it('expires an entry after its timeout, reports it expired, and resolves it again', () => {
    const cache = new ArpCache<string>();
    cache.learn(ROUTER, ROUTER_MAC, 5 * S);
    expect(cache.lookup(ROUTER, 35 * S - 1)).toMatchObject({
      state: 'reachable',
      expiresNs: 35 * S,
    });
    expect(cache.nextDeadline()).toBe(35 * S);
    expect(cache.tick(35 * S)).toEqual([{ kind: 'expired', ip: ROUTER, mac: ROUTER_MAC }]);
    expect(cache.lookup(ROUTER, 35 * S)).toEqual({
      state: 'expired',
      mac: ROUTER_MAC,
      learnedNs: 5 * S,
      expiresNs: 35 * S,
    });
    // The next packet does not go to the old MAC: it waits for a fresh request's answer.
    expect(cache.resolve(ROUTER, 'late', 40 * S)).toEqual({ action: 'request' });
    expect(cache.learn(ROUTER, NEW_MAC, 40 * S + MS).released).toEqual(['late']);
    expect(cache.resolve(ROUTER, 'next', 41 * S)).toEqual({ action: 'send', mac: NEW_MAC });
  });

  it('forgets an expired entry left unused for 60 s', () => {
    const cache = new ArpCache<string>();
    cache.learn(ROUTER, ROUTER_MAC, 0);
    cache.tick(30 * S);
    expect(cache.nextDeadline()).toBe(90 * S);
    expect(cache.tick(90 * S - 1)).toEqual([]);
    expect(cache.tick(90 * S)).toEqual([{ kind: 'forgotten', ip: ROUTER, mac: ROUTER_MAC }]);
    expect(cache.lookup(ROUTER, 90 * S)).toEqual({ state: 'none' });
    expect(cache.nextDeadline()).toBeUndefined();
  });

  it('retries at 1 s and 2 s, then fails at 3 s and drops what waited', () => {
    const cache = new ArpCache<string>();
    cache.resolve(SERVER, 'a', 10 * S);
    cache.resolve(SERVER, 'b', 10 * S + 500 * MS);
    const timeline: unknown[] = [];
    for (
      let deadline = cache.nextDeadline();
      deadline !== undefined;
      deadline = cache.nextDeadline()
    ) {
      timeline.push([deadline / S, ...cache.tick(deadline)]);
    }
    expect(timeline).toEqual([
      [11, { kind: 'retry', ip: SERVER, probe: 2 }],
      [12, { kind: 'retry', ip: SERVER, probe: 3 }],
      [13, { kind: 'failed', ip: SERVER, dropped: ['a', 'b'] }],
    ]);
    expect(cache.size).toBe(0);
    // A later packet starts over with a new first request.
    expect(cache.resolve(SERVER, 'c', 20 * S)).toEqual({ action: 'request' });
  });

  it('drops the oldest waiting packet when the queue is full, as Linux does', () => {
    const cache = new ArpCache<number>({ queueLimit: 3 });
    cache.resolve(SERVER, 1, 0);
    cache.resolve(SERVER, 2, 0);
    expect(cache.resolve(SERVER, 3, 0)).toEqual({ action: 'queued' });
    expect(cache.resolve(SERVER, 4, 0)).toEqual({ action: 'queued', dropped: 1 });
    expect(cache.learn(SERVER, NEW_MAC, 1).released).toEqual([2, 3, 4]);
  });

  it('keeps 101 packets by default and drops the 102nd oldest', () => {
    const cache = new ArpCache<number>();
    for (let i = 1; i <= 101; i++)
      expect(cache.resolve(SERVER, i, 0)).not.toHaveProperty('dropped');
    expect(cache.resolve(SERVER, 102, 0)).toEqual({ action: 'queued', dropped: 1 });
  });

  it('updates but does not create an entry when told not to (gratuitous ARP, arp_accept 0)', () => {
    const cache = new ArpCache<string>();
    expect(cache.learn(SERVER, NEW_MAC, 0, { create: false })).toEqual({
      stored: false,
      released: [],
    });
    expect(cache.size).toBe(0);
    cache.learn(ROUTER, ROUTER_MAC, 0);
    expect(cache.learn(ROUTER, NEW_MAC, 2 * S, { create: false }).stored).toBe(true);
    expect(cache.lookup(ROUTER, 2 * S)).toMatchObject({ mac: NEW_MAC, expiresNs: 32 * S });
  });

  it('draws reachable times as Linux does when given a seeded draw', () => {
    expect(randomizedReachableTime(30 * S, 0)).toBe(15 * S);
    expect(randomizedReachableTime(30 * S, 0.5)).toBe(30 * S);
    expect(randomizedReachableTime(30 * S, 0.999999)).toBeLessThan(45 * S);
    const draws = [0.1, 0.9];
    const cache = new ArpCache<string>({ randomUnit: () => draws.shift() ?? 0 });
    cache.learn(ROUTER, ROUTER_MAC, 0);
    cache.learn(SERVER, NEW_MAC, 0);
    expect(cache.lookup(ROUTER, 0)).toMatchObject({ expiresNs: 18 * S });
    expect(cache.lookup(SERVER, 0)).toMatchObject({ expiresNs: 42 * S });
  });

  it('lists its entries by address for an inspector, and forgets on request', () => {
    const cache = new ArpCache<string>();
    cache.resolve(SERVER, 'x', 0);
    cache.learn(ROUTER, ROUTER_MAC, 0);
    expect(cache.entriesAt(31 * S)).toEqual([
      { ip: ROUTER, state: 'expired', mac: ROUTER_MAC, learnedNs: 0, expiresNs: 30 * S },
      { ip: SERVER, state: 'incomplete', probes: 1, queued: 1 },
    ]);
    expect(cache.forget(SERVER)).toEqual(['x']);
    expect(cache.forget(ROUTER)).toEqual([]);
    expect(cache.size).toBe(0);
  });

  it('refuses impossible settings', () => {
    expect(() => new ArpCache({ reachableNs: 0 })).toThrow(/reachableNs/);
    expect(() => new ArpCache({ retransNs: 0.5 })).toThrow(/retransNs/);
    expect(() => new ArpCache({ maxProbes: 0 })).toThrow(/maxProbes/);
    expect(() => new ArpCache({ queueLimit: 0 })).toThrow(/queueLimit/);
  });
});
