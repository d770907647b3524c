// The hook points of a node, as netfilter's IPv4 hooks: where packet filters (src/kinds/firewall)
// and translators (src/kinds/nat) see packets, and how a packet goes through the hooks of one
// point. NetNode calls them at each point of its packet path (netNodeHooks.test.ts).

import type { Packet } from '../wire/packet.ts';
import type { NetInterface } from './netInterface.ts';

/**
 * Where a hook sees packets, as netfilter's IPv4 hooks: `prerouting` every packet that arrives,
 * before the routing decision; then `input` those for this node, or `forward` those it routes on
 * (after the TTL check, with the TTL already decremented); `output` packets it originates, after
 * their route is chosen; `postrouting` every packet about to leave, forwarded or originated.
 * Packets a node sends to its own addresses pass no hook (as a usual `-i lo -j ACCEPT`).
 */
export type HookPoint = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';

/** The interfaces a hooked packet came in by and will leave by, where they are known. */
export interface HookContext {
  inIface?: NetInterface;
  outIface?: NetInterface;
}

/**
 * Sees a packet at a hook point: returns the packet to go on with (the same object, or a
 * rewritten one), or undefined when it took the packet (dropped it, having said why in the trace).
 */
export type PacketHook = (packet: Packet, context: HookContext) => Packet | undefined;

/** The hooks of one node, by point, each list in the order added. */
export class HookPoints {
  private readonly hooks: Record<HookPoint, PacketHook[]> = {
    prerouting: [],
    input: [],
    forward: [],
    output: [],
    postrouting: [],
  };

  add(point: HookPoint, hook: PacketHook): void {
    this.hooks[point].push(hook);
  }

  /** The packet after every hook at `point`, or undefined once one took it. */
  run(point: HookPoint, packet: Packet, context: HookContext): Packet | undefined {
    const hooks = this.hooks[point];
    if (hooks.length === 0) return packet;
    let current: Packet | undefined = packet;
    for (let i = 0; i < hooks.length && current; i++)
      current = (hooks[i] as PacketHook)(current, context);
    return current;
  }
}
