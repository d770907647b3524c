import { describe, expect, it } from 'vitest';
import { Simulator } from './simulator.ts';

describe('Simulator', () => {
  it('runs events in (time, insertion) order and advances the clock to each', () => {
    const sim = new Simulator();
    const seen: string[] = [];
    const log = (name: string) => () => seen.push(`${name}@${sim.now()}`);
    sim.schedule(20, log('b'));
    sim.schedule(10, log('a1'));
    sim.schedule(10, log('a2'));
    sim.schedule(0, log('zero'));
    const result = sim.run();
    expect(seen).toEqual(['zero@0', 'a1@10', 'a2@10', 'b@20']);
    expect(result).toEqual({ reason: 'empty', events: 4, now: 20 });
  });

  it('runs an event scheduled at the current time after those already due then (FIFO ties)', () => {
    const sim = new Simulator();
    const seen: string[] = [];
    sim.schedule(5, () => {
      seen.push('first');
      sim.schedule(0, () => seen.push('scheduled-by-first'));
    });
    sim.schedule(5, () => seen.push('second'));
    sim.run();
    expect(seen).toEqual(['first', 'second', 'scheduled-by-first']);
  });

  it('cancels pending events, including from inside another event', () => {
    const sim = new Simulator();
    const seen: string[] = [];
    const late = sim.schedule(100, () => seen.push('late'));
    sim.schedule(50, () => {
      seen.push('canceller');
      expect(sim.cancel(late)).toBe(true);
    });
    const removed = sim.schedule(10, () => seen.push('removed'));
    expect(sim.cancel(removed)).toBe(true);
    expect(sim.isPending(late)).toBe(true);
    sim.run();
    expect(seen).toEqual(['canceller']);
    expect(sim.cancel(late)).toBe(false);
  });

  it('run({ until }) processes events at or before until, then sets the clock to until', () => {
    const sim = new Simulator();
    const seen: number[] = [];
    for (const t of [5, 10, 15]) sim.schedule(t, () => seen.push(t));
    expect(sim.run({ until: 10 })).toEqual({ reason: 'until', events: 2, now: 10 });
    expect(seen).toEqual([5, 10]);
    expect(sim.pending).toBe(1);
    // Resuming continues where it left off; an empty queue still reaches the bound.
    expect(sim.run({ until: 100 })).toEqual({ reason: 'until', events: 1, now: 100 });
    expect(seen).toEqual([5, 10, 15]);
  });

  it('run({ maxEvents }) stops after that many events and can resume', () => {
    const sim = new Simulator();
    let ticks = 0;
    const tick = (): void => {
      ticks++;
      sim.schedule(1, tick);
    };
    sim.schedule(0, tick);
    expect(sim.run({ maxEvents: 1000 })).toEqual({ reason: 'maxEvents', events: 1000, now: 999 });
    expect(ticks).toBe(1000);
    expect(sim.run({ maxEvents: 10 }).events).toBe(10);
    expect(sim.eventsProcessed).toBe(1010);
  });

  it('stop() ends a run after the current event', () => {
    const sim = new Simulator();
    sim.schedule(1, () => sim.stop());
    sim.schedule(2, () => {
      throw new Error('must not run');
    });
    expect(sim.run()).toEqual({ reason: 'stopped', events: 1, now: 1 });
  });

  it('step() runs one event at a time', () => {
    const sim = new Simulator();
    const seen: number[] = [];
    sim.schedule(3, () => seen.push(3));
    sim.schedule(7, () => seen.push(7));
    expect(sim.step()).toBe(true);
    expect(sim.now()).toBe(3);
    expect(seen).toEqual([3]);
    expect(sim.step()).toBe(true);
    expect(sim.step()).toBe(false);
    expect(sim.now()).toBe(7);
  });

  it('passes the scheduled argument to the handler', () => {
    const sim = new Simulator();
    const got: string[] = [];
    sim.schedule(1, (packet: string) => got.push(packet), 'SYN');
    sim.run();
    expect(got).toEqual(['SYN']);
  });

  it('refuses non-integer, negative and past times with a RangeError', () => {
    const sim = new Simulator();
    expect(() => sim.schedule(1.5, () => {})).toThrow(RangeError);
    expect(() => sim.schedule(-1, () => {})).toThrow(/non-negative integer/);
    sim.run({ until: 10 });
    expect(() => sim.scheduleAt(5, () => {})).toThrow(/>= now \(10\)/);
    expect(() => sim.run({ until: 5 })).toThrow(RangeError);
  });

  it('keeps time exact in integer nanoseconds near 2^53', () => {
    const sim = new Simulator();
    const big = Number.MAX_SAFE_INTEGER - 1;
    sim.scheduleAt(big, () => {});
    sim.scheduleAt(big + 1, () => {});
    sim.run();
    expect(sim.now()).toBe(Number.MAX_SAFE_INTEGER);
  });
});
