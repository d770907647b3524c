// One connection's optional extensions (RFC 7323 window scaling and timestamps, RFC 2018 SACK):
// what its SYN offers, what the SYNs agreed, the window field both ways, TS.Recent and the RTT
// samples timestamps give. A connection whose node offers none has no such object at all.

import type { Nanos } from '../../engine/time.ts';
import {
  MAX_UNSCALED_WINDOW,
  negotiate,
  nextTsRecent,
  ourOffer,
  PLAIN_TCP,
  segmentOptions,
  synOfferOf,
  synOptions,
  maxSackBlocks,
  tsClock,
  TS_TICK_NS,
  type ExtensionSettings,
  type Negotiated,
  type SynOffer,
} from '../../net/tcp/tcpExtensions.ts';
import type { ReceiveBuffer } from '../../net/tcp/receiveBuffer.ts';
import { SackReporter } from '../../net/tcp/sackBlocks.ts';
import type { TcpHeader } from '../../net/wire/packet.ts';
import { tcpOptionsLength, type SackBlock, type TcpOption } from '../../net/wire/tcpOptions.ts';

/** The extension state of a connection whose node offers at least one extension. */
export class TcpExtensionState {
  /** What the SYNs agreed (plain TCP until the peer's SYN arrives). */
  agreed: Negotiated = PLAIN_TCP;
  /** TS.Recent (RFC 7323 4.3): the TSval we echo in TSecr. */
  tsRecent = 0;
  private peer: SynOffer | undefined = undefined;
  /** The SACK blocks we report as a data receiver, once SACK is agreed. */
  private reporter: SackReporter | undefined = undefined;

  constructor(private readonly settings: ExtensionSettings) {}

  /** The options of our SYN (`withAck` false) or SYN+ACK, sent at `now`, after the MSS. */
  synOptions(mss: number, withAck: boolean, now: Nanos): TcpOption[] {
    const offer = ourOffer(this.settings, withAck ? this.peer : undefined);
    return synOptions(mss, offer, { value: tsClock(now), echoReply: withAck ? this.tsRecent : 0 });
  }

  /** The peer's SYN (or SYN+ACK) arrived: agree on what both offered. */
  takeSyn(options: readonly TcpOption[]): Negotiated {
    const peer = synOfferOf(options);
    this.peer = peer;
    this.agreed = negotiate(ourOffer(this.settings), peer);
    if (this.agreed.timestamps) this.tsRecent = peer.tsVal ?? 0;
    if (this.agreed.sack) this.reporter = new SackReporter();
    return this.agreed;
  }

  /** The window field for a receive window: never scaled in a SYN (RFC 7323 2.2). */
  windowField(window: number, syn: boolean): number {
    return syn
      ? Math.min(window, MAX_UNSCALED_WINDOW)
      : Math.floor(window / 2 ** this.agreed.rcvShift);
  }

  /** The peer's window in bytes from its window field (SEG.WND << Snd.Wind.Shift). */
  peerWindow(field: number, syn: boolean): number {
    return syn ? field : field * 2 ** this.agreed.sndShift;
  }

  /**
   * The options of a segment after the SYNs, sent at `now`: timestamps, and SACK blocks for what
   * `receive` holds out of order (RFC 2018: on every ACK while a hole remains).
   */
  segmentOptions(now: Nanos, receive: ReceiveBuffer | undefined): TcpOption[] {
    const timestamp = { value: tsClock(now), echoReply: this.tsRecent };
    return segmentOptions(this.agreed, timestamp, this.sackBlocks(receive));
  }

  /** Option bytes our segments carry now (the data they carry is that much shorter). */
  optionBytes(receive: ReceiveBuffer | undefined): number {
    const blocks = this.sackBlocks(receive);
    if (!this.agreed.timestamps && blocks.length === 0) return 0;
    return tcpOptionsLength(segmentOptions(this.agreed, { value: 0, echoReply: 0 }, blocks));
  }

  /** A data segment from `seq` arrived out of order: its block goes first in the next SACK. */
  onOutOfOrder(seq: number, receive: ReceiveBuffer): void {
    this.reporter?.onOutOfOrder(seq, receive.outOfOrderRanges());
  }

  private sackBlocks(receive: ReceiveBuffer | undefined): SackBlock[] {
    const reporter = this.reporter;
    if (!reporter || !receive) return [];
    if (!receive.hasOutOfOrder) {
      reporter.clear();
      return [];
    }
    return reporter.blocks(receive.outOfOrderRanges(), maxSackBlocks(this.agreed.timestamps));
  }

  /** An acceptable segment arrived: its TSval may become TS.Recent (RFC 7323 4.3). */
  onSegment(h: TcpHeader, lastAckSent: number): void {
    if (!this.agreed.timestamps) return;
    const ts = timestampOf(h);
    if (ts)
      this.tsRecent = nextTsRecent(this.tsRecent, { seq: h.seq, tsVal: ts.value }, lastAckSent);
  }

  /**
   * RTT from an ACK of new data (RFC 7323 4.1): the timestamp clock now minus the TSecr it
   * echoes, in whole milliseconds; undefined without timestamps.
   */
  rttSample(h: TcpHeader, now: Nanos): Nanos | undefined {
    if (!this.agreed.timestamps) return undefined;
    const ts = timestampOf(h);
    if (!ts) return undefined;
    const ticks = (tsClock(now) - ts.echoReply + 2 ** 32) % 2 ** 32;
    return ticks * TS_TICK_NS;
  }
}

function timestampOf(h: TcpHeader): { value: number; echoReply: number } | undefined {
  for (const option of h.options) if (option.kind === 'timestamps') return option;
  return undefined;
}
