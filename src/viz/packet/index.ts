// One packet, as the inspector shows it: fields with byte ranges, short labels, the application
// message it carries, TLS opened with a key log, and its journey through the trace.
export { appMessageName, decodeApp, dnsKindText, type AppPart } from './appMessage.ts';
export {
  byteAscii,
  byteHex,
  dissectPacket,
  fieldAtByte,
  flattenFields,
  hexRows,
  relativeSeq,
  type FieldRow,
  type PacketLayer,
} from './packetFields.ts';
export {
  icmpMessageName,
  isIcmpError,
  packetDestination,
  packetKind,
  packetLabel,
  quotedDatagram,
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
export { decryptSegment, tlsKeysAt, type TlsRole } from './tlsView.ts';
