// The player's side of the "be the firewall" step (src/lessons/firewallStep.ts): the chain's
// numbered rules and policy above the decisions; each answer is a verdict.

import type { FirewallStepSpec } from '../../lessons/index.ts';
import { t } from '../i18n/locale.svelte.ts';
import FirewallMachineInputs from './FirewallMachineInputs.svelte';
import type { MachineView } from './machineView.ts';

export const firewallView: MachineView<FirewallStepSpec> = {
  Inputs: FirewallMachineInputs,
  answer: (answer) => t('machine.verdict', { verdict: answer }),
  question: () => t('machine.whichVerdict'),
};
