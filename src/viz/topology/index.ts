// The topology picture: where nodes and links go, what a node's card lists, and the live
// figures at time t (ports, backlogs, queues, link use, busy CPUs, what has failed).
export {
  CARD_FIRST_LINE,
  CARD_LINE_STEP,
  cardHeight,
  cardLines,
  MAX_CARD_LINES,
} from './nodeCard.ts';
export {
  clip,
  byPosition,
  layoutTopology,
  NODE_HEIGHT,
  NODE_WIDTH,
  type PlacedLink,
  type PlacedNode,
  type TopologyLayout,
} from './topologyLayout.ts';
export {
  backlogFullAt,
  cpuBusyAt,
  liveIndex,
  portsAt,
  queueAt,
  utilizationAt,
  type LiveIndex,
} from './topologyLive.ts';
export {
  failureIndex,
  interfaceDownAt,
  linkAt,
  linkDownAt,
  nodeDownAt,
  type FailureIndex,
} from './topologyFailures.ts';
export { linkEndLabel, linkEndText, nodeTitle, topologyDescription } from './topologyText.ts';
export {
  backlogBadge,
  cpuBadge,
  crashedBadge,
  interfaceDownText,
  linkCountLines,
  linkDownWord,
  linkTitle,
  queueText,
} from './topologyWords.ts';
export { topologyPhrases, TOPOLOGY_EN } from './topologyPhrases.ts';
