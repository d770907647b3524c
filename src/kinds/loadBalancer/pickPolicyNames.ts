// The load balancer's policies by name, as a scenario writes them: apart from the pickers
// themselves (pickPolicy.ts), so that the schema, always loaded, does not bring their code.

/** Every policy's name, in the order a menu offers them. */
export const PICK_POLICIES = [
  'roundRobin',
  'weightedRoundRobin',
  'leastConnections',
  'ipHash',
  'twoChoices',
] as const;

export type PickPolicy = (typeof PICK_POLICIES)[number];
