// The load balancer's policies by name, as a scenario will write them, and the picker for each.
import {
  LeastConnectionsPicker,
  RoundRobinPicker,
  SmoothWeightedPicker,
  type BackendPicker,
} from './backendPicker.ts';
import { IpHashPicker, type IpHashOctets } from './ipHashPicker.ts';
import { TwoChoicesPicker, type RandomSource } from './twoChoicesPicker.ts';

/** Every policy's name, in the order a menu offers them. */
export const PICK_POLICIES = [
  'roundRobin',
  'weightedRoundRobin',
  'leastConnections',
  'ipHash',
  'twoChoices',
] as const;

export type PickPolicy = (typeof PICK_POLICIES)[number];

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
