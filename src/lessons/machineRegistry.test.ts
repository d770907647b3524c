// The registry of the machine step's machines: a step is read by the machine its "machine" names
// (each name once), and a name the registry does not hold is refused with every name it holds, in
// its order, so a machine added there is offered in the message with no other change.

import { describe, expect, it } from 'vitest';
import { MACHINES, machineNamed, machineNames } from './machineRegistry.ts';
import { readMachine } from './machineStep.ts';

/** What readMachine says of `step`. */
function said(step: Record<string, unknown>): string[] {
  const out: string[] = [];
  readMachine({ kind: 'machine', ...step }, (message) => {
    out.push(message);
    return null;
  });
  return out;
}

describe('the registry of machines', () => {
  it('holds each name once and finds each machine by it', () => {
    const names = MACHINES.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    for (const m of MACHINES) expect(machineNamed(m.name)).toBe(m);
    expect(machineNamed('switch')).toBeUndefined();
  });

  it('reads a step by the machine it names: its own problems, not an unknown machine', () => {
    for (const m of MACHINES) {
      const problems = said({ machine: m.name, unknownKey: 1 });
      expect(problems[0]).toMatch(
        new RegExp(`^unknown key "unknownKey" for a ${m.name} machine \\(expected machine, `),
      );
      expect(problems.join('\n')).not.toMatch(/"machine" must be/);
    }
  });

  it('refuses a name it does not hold, naming every machine it holds in order', () => {
    const list = MACHINES.map((m) => `"${m.name}"`);
    const expected = `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`;
    expect(machineNames()).toBe(expected);
    expect(said({ machine: 'switch' })).toEqual([`"machine" must be ${expected}; found "switch"`]);
    expect(said({})).toEqual([`"machine" must be ${expected}; found undefined`]);
  });
});
