// The contract between a link and what is plugged into it (a node's interface, a switch port):
// the link hands each end a port to send on, and calls the far end's `receive` on arrival.

import type { Packet } from '../wire/packet.ts';

/** The sending side of one end of a link, given to whatever is plugged into that end. */
export interface LinkPort {
  /** The link's id, as it appears in trace records. */
  readonly link: string;
  /** Whether the link is up; sending on a down link drops the packet (reason `linkDown`). */
  readonly up: boolean;
  /** Queues the packet for transmission (or drops it, traced, if the queue is full or the link down). */
  send(packet: Packet): void;
}

/** Something with a place in the topology that a link can be plugged into. */
export interface Attachable {
  /** The node's name (`node` in trace records). */
  readonly node: string;
  /** The interface or port name on that node (`iface` in trace records). */
  readonly name: string;
  /** Called once, when a link is connected, with the port this end sends on. */
  plug(port: LinkPort): void;
  /** Called when a packet arrives over the link. */
  receive(packet: Packet): void;
}
