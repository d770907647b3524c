// The segment shapes the TCP byte-stream objects exchange with the socket: what to send, the
// fields an incoming ACK is judged by, and what an ACK did.

/** A segment to send: its first sequence number, payload and the flags that use sequence space. */
export interface OutgoingSegment {
  seq: number;
  data: Uint8Array;
  syn: boolean;
  fin: boolean;
}

/** The fields of an incoming segment that ACK processing needs. */
export interface AckSegment {
  /** SEG.SEQ (for the window-update rule). */
  seq: number;
  /** SEG.ACK. */
  ack: number;
  /** SEG.WND, in bytes. */
  window: number;
  /** Payload bytes the segment carries (a segment with data is never a duplicate ACK). */
  dataLength?: number;
  syn?: boolean;
  fin?: boolean;
}

/**
 * What an ACK did: `advanced` SND.UNA; `duplicate` by RFC 5681's definition (feed it to the
 * congestion controller); `nothingNew` (an old ACK, or SEG.ACK = SND.UNA but not a duplicate, e.g.
 * a window update or an ACK riding on data); `unsent` acknowledges something never sent (RFC 9293:
 * send an ACK and drop the segment).
 */
export type AckKind = 'advanced' | 'duplicate' | 'nothingNew' | 'unsent';

/** The outcome of `SendBuffer.onAck`. */
export interface AckResult {
  kind: AckKind;
  /** Sequence numbers newly acknowledged (SEG.ACK - old SND.UNA; SYN and FIN count one each). */
  newlyAcked: number;
  /** Data bytes newly acknowledged, now freed from the buffer. */
  dataBytesAcked: number;
  synAcked: boolean;
  finAcked: boolean;
  /** SND.WND changed (the caller may be able to send more, or must start a persist timer). */
  windowChanged: boolean;
}

/** Sequence numbers a segment occupies (SEG.LEN): its payload plus one for SYN and one for FIN. */
export function segmentLength(segment: OutgoingSegment): number {
  return segment.data.length + (segment.syn ? 1 : 0) + (segment.fin ? 1 : 0);
}
