// Trace record types of packet links, queues and switches. `node`/`iface` name the sending end
// in txBegin, txEnd, queue and loss records, and the receiving end in `link.rx`. A link record's
// `packet` is the frame: an IPv4 packet (with its Ethernet addresses) or an ARP frame; `bytes`
// is the frame's size on the wire (frame.ts, `frameWireLength`).

import type { Frame } from '../wire/frame.ts';

/** Why a link or its queue dropped a packet. */
export type LinkDropReason = 'queueFull' | 'loss' | 'linkDown';

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /**
     * The first bit of a frame went onto the link; `packet` is exactly what this hop carries and
     * `bytes` the frame's size on the wire (header, payload padded to 46, FCS).
     */
    'link.txBegin': {
      link: string;
      node: string;
      iface: string;
      pkt: number;
      bytes: number;
      packet: Frame;
    };
    /** The last bit of the packet left the sender; the transmitter is free. */
    'link.txEnd': { link: string; node: string; iface: string; pkt: number };
    /** The packet arrived whole at the receiving end (`node`/`iface` are the receiver). */
    'link.rx': { link: string; node: string; iface: string; pkt: number; packet: Frame };
    /** A packet never entered transmission: its queue was full or the link was (or went) down. */
    'queue.drop': {
      link: string;
      node: string;
      iface: string;
      pkt: number;
      bytes: number;
      reason: LinkDropReason;
    };
    /**
     * A packet that began transmission never arrived: lost on the wire (recorded when it would
     * have arrived) or cut off when the link went down (recorded then). `node`/`iface`: sender.
     * (Named `link.lost` because `link.drop` belongs to the older message link in src/net/link.ts.)
     */
    'link.lost': { link: string; node: string; iface: string; pkt: number; reason: LinkDropReason };
    /** The packet will also arrive a second time, or late (behind packets sent after it). */
    'link.impair': {
      link: string;
      node: string;
      iface: string;
      pkt: number;
      effect: 'duplicate' | 'reorder';
    };
    /**
     * The link damages the packet (its `corrupt` setting): bit `bit` of its bytes (0: the first
     * byte's most significant bit) arrives flipped. The receiver's checksums catch it: `ip.drop`
     * badChecksum when the bit is in the IP header, else `transport.drop` at the destination.
     */
    'link.corrupt': { link: string; node: string; iface: string; pkt: number; bit: number };
    /** The queue at a link's sending end changed: packets and bytes now waiting. */
    'queue.length': { link: string; node: string; iface: string; packets: number; bytes: number };
    /** The link went up or down. */
    'link.state': { link: string; up: boolean };
    /**
     * The link's bandwidth (bit/s), latency (ns, one way) or loss changed; these are the values in
     * force from now, for packets that start transmission from now.
     */
    'link.change': { link: string; bandwidth: number; latency: number; loss: number };
    /** A switch learned (or re-learned) that MAC `address` (02:00:0a:00:00:01) is behind `port`. */
    'switch.learn': { node: string; port: string; address: string };
    /**
     * A switch sent a frame out of `toPort`; `flood` when its destination MAC was unknown, or the
     * broadcast.
     */
    'switch.forward': {
      node: string;
      pkt: number;
      fromPort: string;
      toPort: string;
      flood: boolean;
    };
    /** A switch discarded a frame whose destination MAC is behind the port it came in on. */
    'switch.filter': { node: string; pkt: number; port: string };
  }
}
