// The ladder diagram of a conversation: its arrows from the trace, runs of data segments as bars,
// and where arrows and labels are drawn at time t in a time window, no label over another: laid out
// once per time span (ladderLayout.ts), cut at each moment.
export { buildLadder, type LadderArrow, type LadderScope } from './ladder.ts';
export { collapseRuns, duplicateAcks, type LadderItem, type LadderRun } from './ladderRuns.ts';
export {
  arrowSpoken,
  denseWords,
  dropWords,
  focusWords,
  runLabel,
  runShortLabel,
  runSpoken,
  selectedWords,
} from './ladderWords.ts';
export { ladderPhrases, LADDER_EN } from './ladderPhrases.ts';
export { boxesIntersect, fitText, placeLabels, type Box } from './ladderLabels.ts';
export { layoutLadder, type LadderLayout } from './ladderLayout.ts';
export {
  AXIS_WIDTH,
  arrowTexts,
  brushWindow,
  formatTimeTick,
  crowding,
  densePaths,
  type DensePaths,
  itemsWithin,
  ladderDomain,
  ladderEnd,
  ladderView,
  LadderLayouts,
  layoutOptions,
  lossText,
  viewAt,
  type LadderView,
  type PlacedArrow,
  type PlacedBand,
  type PlacedItem,
  type PlacedRun,
} from './ladderView.ts';
