import { describe, expect, it } from 'vitest';
import { createActor, setup } from 'xstate';
import { Simulator } from './simulator.ts';
import { rootSimulator, SimulatorScope } from './simulatorScope.ts';

describe('SimulatorScope', () => {
  it('is the simulator seen through a view: same time, trace and events', () => {
    const sim = new Simulator({ seed: 3 });
    const scope = new SimulatorScope(sim);
    const seen: string[] = [];
    scope.sim.schedule(10, () => seen.push(`scoped@${scope.sim.now()}`));
    sim.schedule(5, () => seen.push(`root@${sim.now()}`));
    scope.sim.record({ t: 0, type: 'sim.end', reason: 'x', events: 0 });
    expect(scope.sim.run()).toEqual({ reason: 'empty', events: 2, now: 10 });
    expect(seen).toEqual(['root@5', 'scoped@10']);
    expect(sim.now()).toBe(10);
    expect(scope.sim.now()).toBe(10);
    expect(sim.trace.records.map((r) => r.type)).toEqual(['sim.end']);
    expect(scope.sim.random).toBe(sim.random);
    expect(rootSimulator(scope.sim)).toBe(sim);
    expect(rootSimulator(sim)).toBe(sim);
  });

  it('cancels what it scheduled, and only that, at once', () => {
    const sim = new Simulator();
    const scope = new SimulatorScope(sim);
    const seen: string[] = [];
    scope.sim.schedule(10, () => seen.push('scoped'));
    scope.sim.scheduleAt(20, () => seen.push('scoped at'));
    const ran = scope.sim.schedule(1, () => seen.push('ran'));
    sim.schedule(30, () => seen.push('root'));
    sim.run({ until: 5 });
    expect(sim.isPending(ran)).toBe(false);
    expect(scope.pending).toBe(2);
    expect(scope.cancelAll()).toBe(2);
    scope.sim.schedule(1, () => seen.push('after'));
    sim.run();
    expect(seen).toEqual(['ran', 'after', 'root']);
  });

  it('voids XState timers set through its clock', () => {
    const machine = setup({}).createMachine({
      initial: 'a',
      states: { a: { after: { 1000: 'b' } }, b: {} },
    });
    const sim = new Simulator();
    const scope = new SimulatorScope(sim);
    const kept = createActor(machine, { clock: sim.clock }).start();
    const voided = createActor(machine, { clock: scope.sim.clock }).start();
    scope.cancelAll();
    sim.run();
    expect(kept.getSnapshot().value).toBe('b');
    expect(voided.getSnapshot().value).toBe('a');
  });

  it('forgets events that ran, so a long run does not keep every handle', () => {
    const sim = new Simulator();
    const scope = new SimulatorScope(sim);
    let count = 0;
    const tick = (): void => {
      count++;
      if (count < 10_000) scope.sim.schedule(1, tick);
    };
    scope.sim.schedule(1, tick);
    sim.run();
    expect(count).toBe(10_000);
    expect(scope.pending).toBe(0);
    expect((scope as unknown as { ids: number[] }).ids.length).toBeLessThan(1024);
  });
});
