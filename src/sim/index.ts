// The simulation layer's public surface: scenario documents, building and running them.
export * from './scenario/scenarioSchema.ts';
export * from './scenario/defaults.ts';
export * from './scenario/validateScenario.ts';
export * from './buildSimulation.ts';
export * from './build/clientLabels.ts';
export * from './runScenario.ts';
export * from './summary.ts';
export * from './serviceSummary.ts';
