// The packet link layer's public surface: point-to-point links with queues, the learning switch,
// the transmission-delay rule and the link trace record types.
export * from './linkEndpoint.ts';
export * from './dropTailQueue.ts';
export * from './transmissionDelay.ts';
export * from './linkTrace.ts';
export * from './pointToPointLink.ts';
export * from './learningSwitch.ts';
export * from './linkRecords.ts';
