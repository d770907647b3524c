// The lookup machine alone on a simulated clock: idle -> querying -> answered / failed, a query
// again after each timeout, ETIMEDOUT after the last retry (resolv.conf(5)'s timeout/attempts).
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Simulator } from '../../engine/simulator.ts';
import { dnsLookupMachine } from './dnsLookupMachine.ts';

function start(retries: number) {
  const sim = new Simulator();
  const log: string[] = [];
  const note = (what: string) => log.push(`${sim.now() / 1e6}ms ${what}`);
  const machine = dnsLookupMachine.provide({
    actions: {
      sendQuery: (_, attempt) => note(`query ${attempt}`),
      answered: (_, a) =>
        note(`answered ${'address' in a ? a.address : a.exchanges[0]?.exchange} ttl ${a.ttl}`),
      failed: (_, f) => note(`failed ${f.error}`),
    },
  });
  const actor = createActor(machine, { clock: sim.clock, input: { timeoutMs: 100, retries } });
  actor.start();
  return { sim, actor, log };
}

describe('dnsLookupMachine', () => {
  it('waits idle, queries, and ends answered', () => {
    const { sim, actor, log } = start(2);
    expect(actor.getSnapshot().value).toBe('idle');
    actor.send({ type: 'dns.lookup' });
    expect(actor.getSnapshot().value).toBe('querying');
    sim.schedule(30_000_000, () =>
      actor.send({ type: 'dns.answer', address: 7, ttl: 60, rcode: 0 }),
    );
    sim.run();
    expect(actor.getSnapshot().value).toBe('answered');
    expect(log).toEqual(['0ms query 0', '30ms answered 7 ttl 60']);
  });

  it('queries again after each timeout and fails with ETIMEDOUT after the last retry', () => {
    const { sim, actor, log } = start(2);
    actor.send({ type: 'dns.lookup' });
    sim.run();
    expect(actor.getSnapshot().value).toBe('failed');
    expect(log).toEqual([
      '0ms query 0',
      '100ms query 1',
      '200ms query 2',
      '300ms failed ETIMEDOUT',
    ]);
  });

  it('fails at once on an error response (no retry)', () => {
    const { sim, actor, log } = start(2);
    actor.send({ type: 'dns.lookup' });
    actor.send({ type: 'dns.error', error: 'NXDOMAIN', rcode: 3 });
    sim.run();
    expect(log).toEqual(['0ms query 0', '0ms failed NXDOMAIN']);
  });
});
