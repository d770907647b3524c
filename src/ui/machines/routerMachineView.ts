// The player's side of the "be the router" step (src/lessons/routerStep.ts): the routing table
// above the decisions; a packet leaves by an interface or is dropped.

import { DROP, type RouterStepSpec } from '../../lessons/index.ts';
import { t } from '../i18n/locale.svelte.ts';
import RouterMachineInputs from './RouterMachineInputs.svelte';
import type { MachineView } from './machineView.ts';

export const routerView: MachineView<RouterStepSpec> = {
  Inputs: RouterMachineInputs,
  answer: (answer) =>
    answer === DROP ? t('machine.dropped') : t('machine.outOf', { iface: answer }),
  question: () => t('machine.whichInterface'),
};
