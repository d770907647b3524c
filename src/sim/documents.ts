// The simulation layer's surface for what reads documents and runs without running one: scenario
// documents and their checks, the kinds' registry and loaders, and the run summary folded from a
// trace. It brings none of the network stack, so a page that shows a run (the embed's element)
// does not download the simulator before it needs it; index.ts adds building and running.
export * from './scenario/scenarioSchema.ts';
export * from './scenario/validateScenario.ts';
export * from './scenario/scenarioWarnings.ts';
export {
  phrase,
  phrased,
  plainForPage,
  sayPhrase,
  spoken,
  withPhrase,
  type Phrase,
  type Phrased,
} from './schema/phrase.ts';
export * from './scenario/defaults.ts';
export * from './summary/runSummary.ts';
export * from './summary/summaryText.ts';
export * from './summary/figureMath.ts';
export type { CpuFigures } from './summary/cpuFigures.ts';
export type { NodeFailureFigures } from './summary/nodeFailureFigures.ts';
export type { FragmentFigures } from './summary/fragmentFigures.ts';
export type { LinkFigures, DirectionFigures } from './summary/linkFigures.ts';
export type { ServerFigures } from './summary/serverFigures.ts';
export type { RetryFigures } from './summary/retryFigures.ts';
export { addressResolver, appLabels, kindOf } from './kinds/appInstances.ts';
export { ACTION_KINDS, APP_KINDS, ROLE_KINDS, UPCOMING_ROLES } from './kinds/kindRegistry.ts';
export { kindsLoaded, loadEveryKind, loadKinds, loadedKinds } from './kinds/kindBehaviours.ts';
export { actionIndexOf, actionLabel } from './kinds/actionKind.ts';
