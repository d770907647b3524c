// The engine's public surface: time, the simulator, random streams, the trace, the XState clock.
export * from './time.ts';
export * from './simulator.ts';
export * from './random.ts';
export * from './trace.ts';
export * from './xstateClock.ts';
export { EventQueue } from './eventQueue.ts';
export * from './traceFold.ts';
export * from './traceRecords.ts';
export * from './traceStoreDelta.ts';
