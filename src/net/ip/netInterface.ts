// A node's network interface: a name, a MAC address, an IPv4 address with its prefix, its MTU,
// and the link plugged in.

import type { Attachable, LinkPort } from '../link/linkEndpoint.ts';
import type { Ipv4Address, Ipv4Prefix } from '../wire/ipv4Address.ts';
import type { MacAddress } from '../wire/mac.ts';
import type { Frame } from '../wire/frame.ts';

/** The MTU an interface has unless its scenario says otherwise: Ethernet's 1500 bytes. */
export const DEFAULT_MTU = 1500;

/** What an interface needs from its node: a name and somewhere to hand arriving frames. */
export interface InterfaceOwner {
  readonly name: string;
  receive(frame: Frame, iface: NetInterface): void;
}

/** An interface of a host or router (`eth0` with 10.0.0.2/24). Plug a link in with `connect`. */
export class NetInterface implements Attachable {
  /** The link port packets leave by, once a link is connected. */
  link: LinkPort | undefined = undefined;
  /** Whether the interface is up (`ip link set dev eth0 up`); its node sets it. */
  up = true;
  /**
   * Whether packets pass through it: it is up and its node is running (not crashed). Kept by
   * the node so that each packet costs one check.
   */
  passes = true;

  constructor(
    private readonly owner: InterfaceOwner,
    readonly name: string,
    /**
     * The interface's own address; 0.0.0.0 while it has none (an interface waiting for DHCP,
     * which its node configures later: NodeInterfaces.configureInterface).
     */
    public address: Ipv4Address,
    /** The on-link prefix (the address with its host bits cleared, and the length); /0 with none. */
    public prefix: Ipv4Prefix,
    /** The interface's MAC address: the source of every frame it sends. */
    readonly mac: MacAddress,
    /**
     * The largest IP datagram it sends, in bytes (the IPv4 total length): a bigger one is cut
     * into fragments, or dropped with ICMP "fragmentation needed" when Don't Fragment is set.
     */
    readonly mtu: number = DEFAULT_MTU,
  ) {}

  /** The owning node's name. */
  get node(): string {
    return this.owner.name;
  }

  /** Called by the link when it is connected. */
  plug(port: LinkPort): void {
    if (this.link) throw new Error(`interface ${this.node}/${this.name} already has a link`);
    this.link = port;
  }

  /** Called by the link when a frame arrives. */
  receive(frame: Frame): void {
    this.owner.receive(frame, this);
  }
}
