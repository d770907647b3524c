// Packets moving over the topology: where each link is drawn, where each dot is at time t,
// hit-testing, and batched drawing on a canvas.
export { drawPackets, nearestPackets, type DrawnPacket } from './packetDraw.ts';
export {
  hitTest,
  hopStatus,
  nodeAt,
  packetDots,
  receiverOf,
  shortLabel,
  type Dot,
  type LinkGeometry,
} from './packetMotion.ts';
export { linkGeometries, visibleArea } from './packetStage.ts';
export { motionPhrases, MOTION_EN } from './motionPhrases.ts';
