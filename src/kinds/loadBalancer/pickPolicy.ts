// The picker for each of the load balancer's policies (their names: pickPolicyNames.ts).
import {
  LeastConnectionsPicker,
  RoundRobinPicker,
  SmoothWeightedPicker,
  type BackendPicker,
} from './backendPicker.ts';
import { IpHashPicker, type IpHashOctets } from './ipHashPicker.ts';
import type { PickPolicy } from './pickPolicyNames.ts';
import { TwoChoicesPicker, type RandomSource } from './twoChoicesPicker.ts';

export { PICK_POLICIES, type PickPolicy } from './pickPolicyNames.ts';

/** What some policies need: random numbers (two choices) and how much of an address to hash. */
export interface PickerOptions {
  readonly random: RandomSource;
  readonly ipHashOctets?: IpHashOctets;
}

/** A fresh picker for a policy (each load balancer keeps its own). */
export function createPicker(policy: PickPolicy, options: PickerOptions): BackendPicker {
  switch (policy) {
    case 'roundRobin':
      return new RoundRobinPicker();
    case 'weightedRoundRobin':
      return new SmoothWeightedPicker();
    case 'leastConnections':
      return new LeastConnectionsPicker();
    case 'ipHash':
      return new IpHashPicker(options.ipHashOctets);
    case 'twoChoices':
      return new TwoChoicesPicker(options.random);
  }
}
