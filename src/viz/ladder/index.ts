// The ladder diagram of a conversation: its arrows from the trace, and where they are drawn at
// time t.
export { buildLadder, type LadderScope } from './ladder.ts';
export { AXIS_WIDTH, formatTimeTick, ladderView, type PlacedArrow } from './ladderView.ts';
