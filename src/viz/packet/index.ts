// One packet in a line: its short label and kind, the application message it carries, and its
// journey through the trace. What the picture and the log need; the packet opened up field by
// field is src/viz/dissect.
export { appMessageName } from './appParts.ts';
export {
  icmpMessageName,
  isIcmpError,
  packetDestination,
  packetKind,
  packetLabel,
  quotedDatagram,
  relativeSeq,
  tcpFlagsLabel,
  tcpSegmentKind,
  tcpSegmentNumbers,
} from './packetLabel.ts';
export {
  appMessage,
  directionKey,
  dropReason,
  isnIndex,
  messageText,
  packetEnds,
  packetHops,
  packetJourney,
  packetVersion,
  retransmitReason,
  segmentIsns,
  type JourneyStep,
} from './packetTrace.ts';
export { hexBytes, isPrintable, payloadText } from './payloadBytes.ts';
export { arpInfo, arpLabel, bpduLabel, frameKind, frameLabel } from './arpLabel.ts';
