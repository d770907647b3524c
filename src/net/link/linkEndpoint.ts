// The contract between a link and what is plugged into it (a node's interface, a switch port):
// the link hands each end a port to send on, and calls the far end's `receive` on arrival. What
// moves is a `Frame`: an IPv4 packet with its Ethernet addresses, or an ARP frame.

import type { Frame } from '../wire/frame.ts';

/** The sending side of one end of a link, given to whatever is plugged into that end. */
export interface LinkPort {
  /** The link's id, as it appears in trace records. */
  readonly link: string;
  /** Whether the link is up; sending on a down link drops the frame (reason `linkDown`). */
  readonly up: boolean;
  /** The link's bit rate now, bits per second (a switch derives its port's path cost from it). */
  readonly bandwidth: number;
  /** Queues the frame for transmission (or drops it, traced, if the queue is full or the link down). */
  send(frame: Frame): void;
}

/** Something with a place in the topology that a link can be plugged into. */
export interface Attachable {
  /** The node's name (`node` in trace records). */
  readonly node: string;
  /** The interface or port name on that node (`iface` in trace records). */
  readonly name: string;
  /** Called once, when a link is connected, with the port this end sends on. */
  plug(port: LinkPort): void;
  /** Called when a frame arrives over the link. */
  receive(frame: Frame): void;
  /**
   * Called when the link goes down or comes back up (the carrier a port sees; a switch running
   * the spanning tree reacts to it at once). Optional: hosts learn of it by what fails.
   */
  linkState?(up: boolean): void;
}
