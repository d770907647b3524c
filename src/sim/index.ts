// The simulation layer's public surface: scenario documents, building and running them, and the
// run summary computed from the trace (documents.ts is this without building and running).
export * from './documents.ts';
export * from './scenario/scenarioMacs.ts';
export * from './buildSimulation.ts';
export * from './runScenario.ts';
