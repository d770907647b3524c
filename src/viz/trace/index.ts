// The trace as the picture reads it: an incremental index of packet hops, drops and timeline
// markers, the playback clock that turns wall time into simulated time, and the scenario's timed
// events in words as the timeline marks them.
export {
  advance,
  formatClock,
  formatExactTime,
  formatMoment,
  initialPlayback,
  pause,
  play,
  quietSkip,
  seek,
  setSpeed,
  speedLabel,
  SPEEDS,
  stepBack,
  stepEvent,
  stepPacket,
  stepPacketBack,
  type Playback,
  type Speed,
} from './playback.ts';
export { TraceIndex, type Hop, type HopProtocol, type TimelineMarker } from './traceIndex.ts';
export { PACKET_RECORD_TYPES, PACKET_RECORDS_TEXT } from './packetRecords.ts';
export { packedRecords } from './packedRecords.ts';
export { playbackPhrases, PLAYBACK_EN } from './playbackPhrases.ts';
export { describeEvent, timedEvents, type TimedEventItem } from './timedEvents.ts';
