// The player's side of the "be the CPU" step (src/lessons/cpuStep.ts): the job table above the
// decisions, the schedule so far and the comparison of policies below the result.

import type { CpuStepSpec } from '../../lessons/index.ts';
import { t } from '../i18n/locale.svelte.ts';
import CpuMachineInputs from './CpuMachineInputs.svelte';
import CpuMachineSchedule from './CpuMachineSchedule.svelte';
import type { MachineView } from './machineView.ts';

export const cpuView: MachineView<CpuStepSpec> = {
  Inputs: CpuMachineInputs,
  Below: CpuMachineSchedule,
  answer: (answer) => t('machine.runs', { process: answer }),
  question: () => t('machine.whichProcess'),
};
