// The registry of the "be the machine" step's machines: each one's descriptor (machineKind.ts) is
// in its own module, and reading a step, its decisions, `lesson check` and the player dispatch
// through this list by the step's `"machine"`. Adding a machine is its module and a line here (and
// one in the player's registry, src/ui/machines/machineViewRegistry.ts). Order matters: it is the
// order the machines are named in when a step names none of them.

import { cpuStep } from './cpuStep.ts';
import { firewallStep } from './firewallStep.ts';
import { loadBalancerStep } from './loadBalancerStep.ts';
import type { MachineKind } from './machineKind.ts';
import { routerStep } from './routerStep.ts';

const LIST = [cpuStep, routerStep, firewallStep, loadBalancerStep] as const;

/** A machine step's own fields, once read (the step's title, prose and line are the lesson's). */
export type MachineSpec = (typeof LIST)[number] extends infer K
  ? K extends MachineKind<infer S>
    ? S
    : never
  : never;

/** A machine's name, as a step's `"machine"` writes it. */
export type MachineName = MachineSpec['machine'];

/** Every machine, in the order they are named. */
export const MACHINES: readonly MachineKind<MachineSpec>[] = LIST;

/** The machine named `name`, if there is one. */
export function machineNamed(name: unknown): MachineKind<MachineSpec> | undefined {
  return MACHINES.find((m) => m.name === name);
}

/** The machine of a step that has been read. */
export function machineOf(spec: MachineSpec): MachineKind<MachineSpec> {
  const kind = machineNamed(spec.machine);
  if (!kind) throw new Error(`no machine named ${spec.machine}`);
  return kind;
}

/** The machines' names as a step may write them: `"cpu", "router", "firewall" or "loadBalancer"`. */
export function machineNames(): string {
  const names = MACHINES.map((m) => JSON.stringify(m.name));
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join('');
}
