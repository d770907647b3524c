// The player's registry of the "be the machine" step's machines: for every machine of the lessons
// layer's registry (src/lessons/machineRegistry.ts), keyed by its name, the module beside this
// file that draws its parts of the step. The type asks for every machine, so a machine added
// there without a view here does not compile. MachineStep.svelte draws through it.

import {
  cpuStep,
  firewallStep,
  loadBalancerStep,
  routerStep,
  type MachineName,
  type MachineSpec,
} from '../../lessons/index.ts';
import { cpuView } from './cpuMachineView.ts';
import { firewallView } from './firewallMachineView.ts';
import { loadBalancerView } from './loadBalancerMachineView.ts';
import type { MachineView } from './machineView.ts';
import { routerView } from './routerMachineView.ts';

const VIEWS: { [N in MachineName]: MachineView<Extract<MachineSpec, { machine: N }>> } = {
  [cpuStep.name]: cpuView,
  [routerStep.name]: routerView,
  [firewallStep.name]: firewallView,
  [loadBalancerStep.name]: loadBalancerView,
};

/** The view of a step's machine. */
export function machineView(spec: MachineSpec): MachineView<MachineSpec> {
  // The view is looked up by the spec's own machine, so it takes this spec.
  return VIEWS[spec.machine] as MachineView<never> as MachineView<MachineSpec>;
}
