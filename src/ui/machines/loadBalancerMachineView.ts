// The player's side of the "be the load balancer" step (src/lessons/loadBalancerStep.ts): the
// backends as the request waiting finds them above the decisions; each answer is a backend, or
// none when no backend is healthy.

import { NO_BACKEND, type LoadBalancerStepSpec } from '../../lessons/index.ts';
import { t } from '../i18n/locale.svelte.ts';
import LbMachineTable from './LbMachineTable.svelte';
import type { MachineView } from './machineView.ts';

export const loadBalancerView: MachineView<LoadBalancerStepSpec> = {
  Inputs: LbMachineTable,
  answer: (answer) =>
    answer === NO_BACKEND ? t('machine.noBackend') : t('machine.toBackend', { backend: answer }),
  question: () => t('machine.whichBackend'),
};
