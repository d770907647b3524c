// TCP's optional extensions agreed in the SYNs: window scaling and timestamps (RFC 7323) and
// SACK-permitted (RFC 2018). What a SYN offers, laid out as Linux lays it out; what both SYNs
// agreed; the options every later segment carries; the timestamp clock and TS.Recent.

import type { SackBlock, TcpOption } from '../wire/tcpOptions.ts';
import { seqGe, seqLe } from './seq.ts';

/** RFC 7323 2.3: the largest shift count; a larger one received is taken as 14. */
export const MAX_WINDOW_SHIFT = 14;
/** The largest receive window window scaling can advertise: 65535 * 2^14 bytes (about 1 GiB). */
export const MAX_SCALED_WINDOW = 65_535 * 2 ** MAX_WINDOW_SHIFT;
/** The window field's largest value, and the window a SYN can advertise (never scaled). */
export const MAX_UNSCALED_WINDOW = 65_535;

/** The smallest shift count that lets a `buffer`-byte window be advertised (at most 14). */
export function windowShiftFor(buffer: number): number {
  let shift = 0;
  while (shift < MAX_WINDOW_SHIFT && buffer > MAX_UNSCALED_WINDOW * 2 ** shift) shift++;
  return shift;
}

/** The extensions a side is willing to use (its node's settings). */
export interface ExtensionSettings {
  windowScaling: boolean;
  timestamps: boolean;
  sack: boolean;
  /** The receive buffer, which sets our shift count. */
  receiveBuffer: number;
}

/** What a SYN carried beyond the MSS. */
export interface SynOffer {
  /** The window scale option's shift count, if present. */
  windowShift?: number;
  /** The timestamps option's TSval, if present. */
  tsVal?: number;
  sackPermitted: boolean;
}

/** Reads the extensions a received SYN offers. */
export function synOfferOf(options: readonly TcpOption[]): SynOffer {
  const offer: SynOffer = { sackPermitted: false };
  for (const option of options) {
    if (option.kind === 'windowScale') offer.windowShift = option.shift;
    else if (option.kind === 'timestamps') offer.tsVal = option.value;
    else if (option.kind === 'sackPermitted') offer.sackPermitted = true;
  }
  return offer;
}

/** What both SYNs agreed: each extension is used only when both sides sent its option. */
export interface Negotiated {
  /** Rcv.Wind.Shift: our window fields are the window >> this (0 without scaling). */
  rcvShift: number;
  /** Snd.Wind.Shift: the peer's window fields are multiplied by 2^this. */
  sndShift: number;
  timestamps: boolean;
  sack: boolean;
}

/** Nothing agreed: plain RFC 9293 TCP, as when every extension is off. */
export const PLAIN_TCP: Readonly<Negotiated> = Object.freeze({
  rcvShift: 0,
  sndShift: 0,
  timestamps: false,
  sack: false,
});

/** Whether the settings use any extension at all (if not, segments are plain RFC 9293 TCP). */
export function anyExtension(settings: ExtensionSettings): boolean {
  return settings.windowScaling || settings.timestamps || settings.sack;
}

/**
 * What our own SYN offers: every extension the settings allow for an active open (`peer`
 * undefined); for a SYN+ACK only those the peer's SYN offered too (RFC 7323 2.2, 3.2; RFC 2018).
 */
export function ourOffer(settings: ExtensionSettings, peer?: SynOffer): SynOffer {
  const offer: SynOffer = {
    sackPermitted: settings.sack && (peer?.sackPermitted ?? true),
  };
  if (settings.windowScaling && (!peer || peer.windowShift !== undefined)) {
    offer.windowShift = windowShiftFor(settings.receiveBuffer);
  }
  if (settings.timestamps && (!peer || peer.tsVal !== undefined)) offer.tsVal = 0;
  return offer;
}

/** What our offer and the peer's agree on. */
export function negotiate(ours: SynOffer, peer: SynOffer): Negotiated {
  const scaling = ours.windowShift !== undefined && peer.windowShift !== undefined;
  return {
    rcvShift: scaling ? (ours.windowShift as number) : 0,
    sndShift: scaling ? Math.min(peer.windowShift as number, MAX_WINDOW_SHIFT) : 0,
    timestamps: ours.tsVal !== undefined && peer.tsVal !== undefined,
    sack: ours.sackPermitted && peer.sackPermitted,
  };
}

const NOP: TcpOption = Object.freeze({ kind: 'nop' });
const SACK_PERMITTED: TcpOption = Object.freeze({ kind: 'sackPermitted' });

/**
 * A SYN's options in Linux's order (net/ipv4/tcp_output.c, tcp_options_write): MSS; then
 * SACK-permitted and timestamps sharing a word (or NOP, NOP, timestamps; or NOP, NOP,
 * SACK-permitted); then NOP, window scale. `tsEcr` is 0 in a SYN and TS.Recent in a SYN+ACK.
 */
export function synOptions(
  mss: number,
  offer: SynOffer,
  timestamp?: { value: number; echoReply: number },
): TcpOption[] {
  const options: TcpOption[] = [{ kind: 'mss', value: mss }];
  if (offer.tsVal !== undefined && timestamp) {
    if (offer.sackPermitted) options.push(SACK_PERMITTED);
    else options.push(NOP, NOP);
    options.push({ kind: 'timestamps', value: timestamp.value, echoReply: timestamp.echoReply });
  } else if (offer.sackPermitted) {
    options.push(NOP, NOP, SACK_PERMITTED);
  }
  if (offer.windowShift !== undefined) {
    options.push(NOP, { kind: 'windowScale', shift: offer.windowShift });
  }
  return options;
}

/** SACK blocks that fit beside the timestamps option (3) or alone (4), RFC 2018 section 3. */
export function maxSackBlocks(timestamps: boolean): number {
  return timestamps ? 3 : 4;
}

/**
 * The options of a segment after the SYNs: NOP, NOP, timestamps when agreed; then NOP, NOP and
 * the SACK blocks (as many as fit), as Linux pads them. Empty for plain TCP.
 */
export function segmentOptions(
  negotiated: Negotiated,
  timestamp: { value: number; echoReply: number } | undefined,
  sackBlocks: readonly SackBlock[] = [],
): TcpOption[] {
  const options: TcpOption[] = [];
  if (negotiated.timestamps && timestamp) {
    options.push(NOP, NOP, {
      kind: 'timestamps',
      value: timestamp.value,
      echoReply: timestamp.echoReply,
    });
  }
  if (negotiated.sack && sackBlocks.length > 0) {
    const blocks = sackBlocks.slice(0, maxSackBlocks(negotiated.timestamps));
    options.push(NOP, NOP, { kind: 'sack', blocks });
  }
  return options;
}

/** Nanoseconds per tick of the timestamp clock: 1 ms, as Linux (RFC 7323 5.4 allows 1 ms to 1 s). */
export const TS_TICK_NS = 1_000_000;

/** The timestamp clock at simulated time `now`: whole milliseconds since the run began, mod 2^32. */
export function tsClock(now: number): number {
  return Math.floor(now / TS_TICK_NS) % 2 ** 32;
}

/**
 * TS.Recent (RFC 7323 4.3): the TSval to echo. An arriving segment's TSval is kept when it is
 * not older than TS.Recent and the segment starts at or before Last.ACK.sent, so that with delayed
 * ACKs the echo is that of the earliest segment the ACK covers, and RTT includes the delay.
 */
export function nextTsRecent(
  tsRecent: number,
  segment: { seq: number; tsVal: number },
  lastAckSent: number,
): number {
  return seqGe(segment.tsVal, tsRecent) && seqLe(segment.seq, lastAckSent)
    ? segment.tsVal
    : tsRecent;
}
