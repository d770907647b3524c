// The interfaces and routing table of a host or router (NetNode extends it): adding interfaces
// with their addresses and MTUs, static routes and the default gateway, taking an interface down
// and up (its routes leave the table meanwhile), and what the table says of a destination. An
// interface may start with no address (0.0.0.0, waiting for DHCP) and be configured later, and
// lose its address again when a lease runs out.

import type { Simulator } from '../../engine/simulator.ts';
import type { Frame } from '../wire/frame.ts';
import { MAX_IPV4_DATAGRAM, MIN_IPV4_MTU } from '../wire/ipFragments.ts';
import { contains, formatIpv4, parseIpv4, parsePrefix } from '../wire/ipv4Address.ts';
import type { Ipv4Address, Ipv4Prefix } from '../wire/ipv4Address.ts';
import { deriveMac, interfaceKey, type MacAddress } from '../wire/mac.ts';
import { DEFAULT_MTU, NetInterface, type InterfaceOwner } from './netInterface.ts';
import { RoutingTable, type Route } from './routingTable.ts';
import './ipTrace.ts';

/** A node's interfaces and routes; the packet path is NetNode's. */
export abstract class NodeInterfaces implements InterfaceOwner {
  readonly routes = new RoutingTable();
  protected readonly ifaces: NetInterface[] = [];
  protected readonly byName = new Map<string, NetInterface>();
  protected readonly byAddress = new Map<Ipv4Address, NetInterface>();
  /** The node is running (not crashed). */
  protected running = true;
  /** Routes taken out while their interface is down, by interface name. */
  private readonly routesOfDown = new Map<string, Route[]>();

  constructor(
    protected readonly sim: Simulator,
    readonly name: string,
  ) {}

  /** A frame arrived on `iface`. */
  abstract receive(frame: Frame, iface: NetInterface): void;

  /** The interface `iface` has just gone down: the node forgets what it knew through it. */
  protected abstract interfaceWentDown(iface: NetInterface): void;

  /**
   * Adds an interface with an address in CIDR form (`10.0.0.1/24`) and its connected route, its
   * MTU (default 1500, at least 68 as RFC 791 requires) and its MAC address (default derived
   * from the node's and the interface's names, `deriveMac`). With `cidr` undefined it has no
   * address yet (0.0.0.0/0, no route): it sends and takes only broadcasts until configured.
   */
  addInterface(
    name: string,
    cidr: string | undefined,
    options: { mtu?: number; mac?: MacAddress } = {},
  ): NetInterface {
    const parsed =
      cidr === undefined
        ? { ok: true as const, address: 0, prefix: { network: 0, length: 0 } }
        : parsePrefix(cidr, { strict: false });
    if (!parsed.ok) throw new RangeError(`${this.name}/${name}: ${parsed.error}`);
    const mtu = options.mtu ?? DEFAULT_MTU;
    if (!Number.isInteger(mtu) || mtu < MIN_IPV4_MTU || mtu > MAX_IPV4_DATAGRAM) {
      throw new RangeError(
        `${this.name}/${name}: an MTU is a whole number of bytes from 68 to 65535, got ${mtu}`,
      );
    }
    if (this.byName.has(name))
      throw new RangeError(`${this.name} already has an interface ${name}`);
    if (this.byAddress.has(parsed.address)) {
      throw new RangeError(`${this.name} already has the address ${formatIpv4(parsed.address)}`);
    }
    const mac = options.mac ?? deriveMac(interfaceKey(this.name, name));
    const iface = new NetInterface(this, name, parsed.address, parsed.prefix, mac, mtu);
    this.ifaces.push(iface);
    this.byName.set(name, iface);
    if (cidr === undefined) return iface;
    this.byAddress.set(parsed.address, iface);
    this.routes.add({ prefix: parsed.prefix, iface: name, source: 'connected' });
    return iface;
  }

  /**
   * Gives an interface an address (as `ip addr add` after a DHCP ACK): its old one, if any, is
   * removed first with the routes through it; the connected route of the new one is added.
   */
  configureInterface(name: string, address: Ipv4Address, prefixLength: number): void {
    const iface = this.iface(name);
    if (iface.address !== 0) this.unconfigureInterface(name);
    const owner = this.byAddress.get(address);
    if (owner) throw new RangeError(`${this.name} already has the address ${formatIpv4(address)}`);
    const mask = prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
    iface.address = address;
    iface.prefix = { network: (address & mask) >>> 0, length: prefixLength };
    this.byAddress.set(address, iface);
    this.addressChanged(iface);
    const route = { prefix: iface.prefix, iface: name, source: 'connected' as const };
    if (iface.up) this.routes.add(route);
    else this.routesOfDown.set(name, [...(this.routesOfDown.get(name) ?? []), route]);
  }

  /**
   * Takes an interface's address away (its DHCP lease ran out): the address, its connected route
   * and every route through the interface go; it is left with 0.0.0.0, as before DHCP.
   */
  unconfigureInterface(name: string): void {
    const iface = this.iface(name);
    if (iface.address === 0) return;
    this.byAddress.delete(iface.address);
    for (const route of this.routes.routes().filter((r) => r.iface === name))
      this.routes.remove(route.prefix);
    this.routesOfDown.delete(name);
    iface.address = 0;
    iface.prefix = { network: 0, length: 0 };
    this.addressChanged(iface);
  }

  /** The interface's address or prefix changed: what was learned through it is stale. */
  protected abstract addressChanged(iface: NetInterface): void;

  /** The interface called `name`. */
  iface(name: string): NetInterface {
    const iface = this.byName.get(name);
    if (!iface) throw new RangeError(`${this.name} has no interface "${name}"`);
    return iface;
  }

  /** All interfaces, in the order added. */
  get interfaces(): readonly NetInterface[] {
    return this.ifaces;
  }

  /**
   * Adds a static route: through `gateway` (its interface found from the connected routes unless
   * given), or on-link out of `iface` when there is no gateway.
   */
  addRoute(
    prefix: string | Ipv4Prefix,
    via: { gateway?: string | Ipv4Address; iface?: string },
  ): void {
    const parsed = typeof prefix === 'string' ? parsePrefix(prefix) : { ok: true as const, prefix };
    if (!parsed.ok) throw new RangeError(`${this.name}: ${parsed.error}`);
    const gateway = via.gateway === undefined ? undefined : address(via.gateway);
    let iface = via.iface;
    if (iface === undefined && gateway !== undefined) {
      const onLink = this.routes
        .routes()
        .find((r) => r.source === 'connected' && contains(r.prefix, gateway));
      iface = onLink?.iface;
    }
    if (iface === undefined) {
      throw new RangeError(
        `${this.name}: a route needs an interface or a gateway on a connected prefix`,
      );
    }
    this.iface(iface);
    this.routes.add({ prefix: parsed.prefix, iface, gateway, source: 'static' });
  }

  /** Adds the default route 0.0.0.0/0 through `gateway`. */
  setDefaultGateway(gateway: string | Ipv4Address, iface?: string): void {
    this.addRoute({ network: 0, length: 0 }, { gateway, iface });
  }

  /**
   * Takes an interface down or brings it back up (`iface.state`). While it is down nothing passes
   * through it and its routes (the connected one and those through it) are out of the table, as
   * Linux takes them out, so traffic takes another route or finds none; they come back with it.
   * Returns false when it already was so.
   */
  setInterfaceUp(name: string, up: boolean): boolean {
    const iface = this.iface(name);
    if (iface.up === up) return false;
    iface.up = up;
    iface.passes = up && this.running;
    if (!up) {
      this.interfaceWentDown(iface);
      const through = this.routes.routes().filter((r) => r.iface === name);
      for (const route of through) this.routes.remove(route.prefix);
      this.routesOfDown.set(name, through);
    } else {
      for (const route of this.routesOfDown.get(name) ?? []) this.routes.add(route);
      this.routesOfDown.delete(name);
    }
    const t = this.sim.now();
    this.sim.record({ t, type: 'iface.state', node: this.name, iface: name, up });
    return true;
  }

  /** Whether `address` belongs to one of this node's interfaces. */
  isLocal(address: Ipv4Address): boolean {
    return this.byAddress.has(address);
  }

  /** The source address a packet to `dst` would carry (its outgoing interface's), if routable. */
  sourceAddressFor(dst: Ipv4Address): Ipv4Address | undefined {
    if (this.byAddress.has(dst)) return dst;
    const route = this.routes.lookup(dst);
    return route && this.byName.get(route.iface)?.address;
  }

  /** The MTU of the interface a packet to `dst` leaves by; undefined with no route (or local). */
  interfaceMtu(dst: Ipv4Address): number | undefined {
    const route = this.byAddress.has(dst) ? undefined : this.routes.lookup(dst);
    return route && this.byName.get(route.iface)?.mtu;
  }
}

function address(value: string | Ipv4Address): Ipv4Address {
  if (typeof value === 'number') return value;
  const parsed = parseIpv4(value);
  if (!parsed.ok) throw new RangeError(parsed.error);
  return parsed.address;
}
