// What a device decided about a packet, layer by layer, with the table entry behind each step
// (issue 18's "what this device decided"): the steps at one node (nodeDecisions), the nodes a
// packet passed through (visitedNodes over packetRecords) and the words of the layers.
export { nodeDecisions, type DecisionInput, type VisitDecisions } from './nodeDecisions.ts';
export { packetRecords, visitedNodes } from './packetVisits.ts';
export type { DecisionLayer, DecisionStep, Indexed } from './decisionTypes.ts';
export { layerName } from './layerNames.ts';
