// A backend's health machine alone, on a simulated clock: `fall` failures in a row take it down,
// `rise` passes in a row bring it back, and a pass or failure between starts the count again.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Simulator } from '../../engine/simulator.ts';
import {
  backendHealthMachine,
  type BackendHealthEvent,
  type HealthCause,
} from './backendHealthMachine.ts';

function run(rise: number, fall: number, events: BackendHealthEvent['type'][]) {
  const sim = new Simulator({ seed: 1 });
  const changes: { healthy: boolean; cause: HealthCause }[] = [];
  const machine = backendHealthMachine.provide({
    actions: { changed: (_, change) => changes.push(change) },
  });
  const actor = createActor(machine, { clock: sim.clock, input: { rise, fall } });
  actor.start();
  const states: string[] = [];
  for (const type of events) {
    actor.send({ type });
    states.push(actor.getSnapshot().value as string);
  }
  return { states, changes };
}

describe('backendHealthMachine', () => {
  it('starts up and goes down at the fall-th failure in a row', () => {
    const { states, changes } = run(2, 3, ['check.fail', 'check.fail', 'check.fail']);
    expect(states).toEqual(['up', 'up', 'down']);
    expect(changes).toEqual([{ healthy: false, cause: 'check' }]);
  });

  it('counts failed requests (passive detection) with failed checks, and names the last', () => {
    const { states, changes } = run(2, 3, ['request.fail', 'check.fail', 'request.fail']);
    expect(states).toEqual(['up', 'up', 'down']);
    expect(changes).toEqual([{ healthy: false, cause: 'request' }]);
  });

  it('starts counting again after a pass', () => {
    const { states } = run(2, 2, ['check.fail', 'check.pass', 'check.fail', 'check.fail']);
    expect(states).toEqual(['up', 'up', 'up', 'down']);
  });

  it('comes back up at the rise-th pass in a row, and a failure between starts again', () => {
    const { states, changes } = run(2, 1, [
      'check.fail',
      'check.pass',
      'check.fail',
      'check.pass',
      'request.fail',
      'check.pass',
    ]);
    expect(states).toEqual(['down', 'down', 'down', 'down', 'down', 'up']);
    expect(changes).toEqual([
      { healthy: false, cause: 'check' },
      { healthy: true, cause: 'check' },
    ]);
  });

  it('ignores failed requests while down: no request is sent to it then', () => {
    const { states } = run(1, 1, ['check.fail', 'request.fail', 'check.pass']);
    expect(states).toEqual(['down', 'down', 'up']);
  });
});
