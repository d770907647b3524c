// A switch's Rapid Spanning Tree Protocol (IEEE 802.1D-2004 clause 17), simplified: the switch
// sends BPDUs out of its designated ports every hello time, keeps the best information each port
// hears, chooses port roles from it (stpVectors.ts), and moves ports between discarding, learning
// and forwarding. A designated port forwards at once when the port across the link agrees
// (proposal/agreement, clause 17.10), else after two forward delays; a root port forwards at
// once; alternate and backup ports discard. A port that starts forwarding is a topology change:
// the switch flushes learned addresses and tells the others (TC flag). Plain code driven by
// engine timers (the per-port machines of clause 17.29 folded into a few methods).

import type { Simulator } from '../../engine/simulator.ts';
import type { EventId } from '../../engine/eventQueue.ts';
import { NS_PER_S } from '../../engine/time.ts';
import { packetIdsOf } from '../ip/packetIds.ts';
import { formatBridgeId, portIdOf, STP_GROUP_MAC, type Bpdu, type BridgeId } from '../wire/bpdu.ts';
import type { BpduFrame } from '../wire/frame.ts';
import type { MacAddress } from '../wire/mac.ts';
import type { LinkPort } from './linkEndpoint.ts';
import type { StpFlushReason, StpPortRole, StpPortState } from './stpTrace.ts';
import {
  compareVectors,
  designatedVector,
  pathCostOf,
  sameSender,
  selectRoles,
} from './stpVectors.ts';
import type { PriorityVector } from './stpVectors.ts';
import './stpTrace.ts';

/** The protocol's timers, in seconds (clause 17.14's defaults). */
export const STP_TIMES = { helloTime: 2, maxAge: 20, forwardDelay: 15 } as const;
/** The default bridge priority (clause 17.14): the middle of 0..61440. */
export const STP_DEFAULT_PRIORITY = 32768;

/** A switch port as the spanning tree drives it. */
export interface BridgedPort {
  readonly name: string;
  readonly link: LinkPort | undefined;
  /** Learns source addresses of data frames (learning or forwarding state). */
  learning: boolean;
  /** Passes data frames in and out (forwarding state). */
  forwarding: boolean;
}

/** The switch a spanning tree runs on. */
export interface Bridge {
  readonly name: string;
  readonly ports: readonly BridgedPort[];
  /** Its learned addresses, each with the port it is behind (the tree flushes them). */
  readonly table: Map<unknown, { port: BridgedPort }>;
}

export interface SpanningTreeOptions {
  /** The bridge's own address (the low 48 bits of its bridge ID). */
  mac: MacAddress;
  /** Bridge priority, a multiple of 4096 (default 32768). */
  priority?: number;
  /** The source address of BPDUs a port sends (default: the bridge's). */
  portMac?: (port: string) => MacAddress;
  /** Ports where no switch can be (cabled to hosts and routers): forward at once (edge ports). */
  edgePorts?: ReadonlySet<string>;
}

interface PortInfo {
  port: BridgedPort;
  portId: number;
  mac: MacAddress;
  edge: boolean;
  role: StpPortRole;
  state: StpPortState;
  received: PriorityVector | undefined;
  messageAge: number;
  infoTimer: EventId;
  fdTimer: EventId;
  /** The far port agreed to this designated port forwarding (clause 17.19.2). */
  agreed: boolean;
  /** BPDUs from this port carry the TC flag until then (tcWhile, ns). */
  tcUntil: number;
  /** A BPDU is due out of this port at the end of this instant (newInfo, clause 17.19.26). */
  txPending: boolean;
  /** ... and it agrees to the far port's proposal. */
  agree: boolean;
}

const NO_EVENT = -1 as EventId;

/** The spanning tree of one switch. Call `start()` once its links are connected. */
export class SpanningTree {
  readonly id: BridgeId;
  private readonly ports: PortInfo[];
  private rootId: BridgeId;
  private rootPathCost = 0;
  private rootPort: PortInfo | undefined = undefined;
  private readonly hello = STP_TIMES.helloTime * NS_PER_S;

  constructor(
    private readonly sim: Simulator,
    private readonly bridge: Bridge,
    options: SpanningTreeOptions,
  ) {
    this.id = { priority: options.priority ?? STP_DEFAULT_PRIORITY, mac: options.mac };
    this.rootId = this.id;
    this.ports = bridge.ports.map((port, i) => ({
      port,
      portId: portIdOf(i + 1),
      mac: options.portMac?.(port.name) ?? options.mac,
      edge: options.edgePorts?.has(port.name) ?? false,
      role: 'disabled',
      state: 'discarding',
      received: undefined,
      messageAge: 0,
      infoTimer: NO_EVENT,
      fdTimer: NO_EVENT,
      agreed: false,
      tcUntil: 0,
      txPending: false,
      agree: false,
    }));
    for (const info of this.ports) info.port.learning = info.port.forwarding = false;
  }

  /** Begins: every port with a link up takes a role, and hello BPDUs go out every 2 s. */
  start(): void {
    this.recordRoot();
    this.reselect();
    const tick = (): void => {
      for (const info of this.ports) if (info.role === 'designated') this.send(info);
      this.sim.schedule(this.hello, tick);
    };
    tick();
  }

  /** The port's link went down or came up (the carrier, seen at once). */
  linkState(port: BridgedPort, up: boolean): void {
    const info = this.infoOf(port);
    if (!up) {
      this.forget(info);
      this.flush(info, 'portDown', [port]);
    }
    this.reselect();
  }

  /** A BPDU arrived on `port` (on any port state: BPDUs are the bridge's own, never forwarded). */
  receive(port: BridgedPort, frame: BpduFrame): void {
    const info = this.infoOf(port);
    const bpdu = frame.bpdu;
    if (info.role === 'disabled' || bpdu.messageAge >= bpdu.maxAge) return;
    if (info.edge) info.edge = false; // a switch is there after all (clause 17.19.17, operEdge)
    // Only the active topology carries news of a change (an alternate port's would go round).
    if (bpdu.tc && (info.role === 'root' || info.role === 'designated')) {
      this.topologyChangeFrom(info);
    }
    if (bpdu.role === 'designated') this.heard(info, bpdu);
    else if (bpdu.agreement && info.role === 'designated' && info.state !== 'forwarding') {
      if (sameBridge(bpdu.rootId, this.rootId)) {
        info.agreed = true;
        this.setState(info, 'forwarding');
      }
    }
  }

  private heard(info: PortInfo, bpdu: Bpdu): void {
    const vector = vectorOf(bpdu);
    const stored = info.received;
    const update = stored !== undefined && sameSender(vector, stored);
    const better = compareVectors(vector, stored ?? this.mine(info)) < 0;
    if (!update && !better) {
      // Inferior news from a designated port across the link: tell it ours at once.
      if (info.role === 'designated') this.send(info);
      return;
    }
    info.received = vector;
    info.messageAge = bpdu.messageAge;
    this.sim.cancel(info.infoTimer);
    info.infoTimer = this.sim.schedule(3 * this.hello, () => {
      info.infoTimer = NO_EVENT;
      info.received = undefined; // nothing heard for 3 hello times: the far bridge is gone
      this.reselect();
    });
    this.reselect();
    if (bpdu.proposal && (info.role === 'root' || info.role === 'alternate')) {
      if (info.role === 'root') this.sync();
      this.send(info, true);
    }
  }

  /** Before agreeing on its root port, a bridge stops its designated ports that nobody agreed to. */
  private sync(): void {
    for (const info of this.ports) {
      if (info.role !== 'designated' || info.edge || info.agreed) continue;
      if (info.state !== 'discarding') {
        this.setState(info, 'discarding');
        this.startForwardDelay(info);
      }
      this.send(info);
    }
  }

  /** Chooses every port's role again from what the ports have heard. */
  private reselect(): void {
    const before = { root: this.rootId, cost: this.rootPathCost, port: this.rootPort };
    const roles = selectRoles(
      this.id,
      this.ports.map((p) => ({
        portId: p.portId,
        enabled: p.port.link?.up === true,
        pathCost: pathCostOf(p.port.link?.bandwidth ?? Infinity),
        received: p.received,
      })),
    );
    this.rootId = roles.rootId;
    this.rootPathCost = roles.rootPathCost;
    this.rootPort = this.ports[roles.rootPort];
    const rootChanged =
      !sameBridge(before.root, this.rootId) ||
      before.cost !== this.rootPathCost ||
      before.port !== this.rootPort;
    if (rootChanged) {
      for (const info of this.ports) info.agreed = false;
      this.recordRoot();
    }
    let changed = false;
    // Ports that stop forwarding first, so no new root port forwards while the old one does.
    const order = (role: StpPortRole): number => (role === 'root' ? 1 : 0);
    const next = this.ports.map((info, i) => ({ info, role: roles.roles[i] as StpPortRole }));
    next.sort((a, b) => order(a.role) - order(b.role));
    for (const { info, role } of next) {
      if (role === 'designated' && info.received) {
        info.received = undefined; // it sends its own information now, never what it heard
        this.sim.cancel(info.infoTimer);
        info.infoTimer = NO_EVENT;
      }
      if (role === info.role) continue;
      changed = true;
      this.setRole(info, role);
    }
    if (rootChanged || changed) {
      for (const info of this.ports) if (info.role === 'designated') this.send(info);
    }
  }

  private setRole(info: PortInfo, role: StpPortRole): void {
    const was = info.role;
    if (role === was) return;
    info.role = role;
    this.sim.cancel(info.fdTimer);
    info.fdTimer = NO_EVENT;
    switch (role) {
      case 'root':
        this.setState(info, 'forwarding', true);
        break;
      case 'designated':
        if (info.edge) this.setState(info, 'forwarding', true);
        else {
          this.setState(info, 'discarding', true);
          this.startForwardDelay(info);
        }
        break;
      default:
        this.setState(info, 'discarding', true);
    }
  }

  /** Without an agreement, a designated port learns after one forward delay, forwards after two. */
  private startForwardDelay(info: PortInfo): void {
    this.sim.cancel(info.fdTimer);
    const delay = STP_TIMES.forwardDelay * NS_PER_S;
    info.fdTimer = this.sim.schedule(delay, () => {
      this.setState(info, 'learning');
      info.fdTimer = this.sim.schedule(delay, () => {
        info.fdTimer = NO_EVENT;
        this.setState(info, 'forwarding');
      });
    });
  }

  private setState(info: PortInfo, state: StpPortState, roleChanged = false): void {
    if (state === info.state && !roleChanged) return;
    const starts = state === 'forwarding' && info.state !== 'forwarding';
    info.state = state;
    info.port.learning = state !== 'discarding';
    info.port.forwarding = state === 'forwarding';
    if (state === 'forwarding') {
      this.sim.cancel(info.fdTimer);
      info.fdTimer = NO_EVENT;
    }
    this.sim.record({
      t: this.sim.now(),
      type: 'stp.port',
      node: this.bridge.name,
      port: info.port.name,
      role: info.role,
      state,
    });
    if (starts && !info.edge) this.topologyChangeFrom(info, 'tcDetected');
  }

  /**
   * A topology change seen on `from` (it began forwarding, or a BPDU with TC came in there):
   * forget the addresses learned on the other ports that face switches, and pass the news on.
   */
  private topologyChangeFrom(from: PortInfo, reason: StpFlushReason = 'tcReceived'): void {
    const others = this.ports.filter((p) => p !== from && !p.edge && p.role !== 'disabled');
    this.flush(
      from,
      reason,
      others.map((p) => p.port),
    );
    const until = this.sim.now() + 2 * this.hello;
    // A port that began forwarding tells its own link too (clause 17.29, DETECTED: newTcWhile).
    const tell = reason === 'tcDetected' ? [from, ...others] : others;
    for (const info of tell) {
      // newTcWhile (clause 17.21.7) starts the timer only when it is not running already.
      if ((info.role !== 'root' && info.role !== 'designated') || info.tcUntil > this.sim.now()) {
        continue;
      }
      info.tcUntil = until;
      this.send(info);
    }
  }

  private forget(info: PortInfo): void {
    info.received = undefined;
    info.agreed = false;
    this.sim.cancel(info.infoTimer);
    info.infoTimer = NO_EVENT;
  }

  private mine(info: PortInfo): PriorityVector {
    return designatedVector(this.rootId, this.rootPathCost, this.id, info.portId);
  }

  /**
   * Sends a BPDU out of `info`'s port once everything happening at this instant is done, so
   * several changes at one moment make one BPDU, as the standard's newInfo flag does.
   */
  private send(info: PortInfo, agreement = false): void {
    info.agree ||= agreement;
    if (info.txPending) return;
    info.txPending = true;
    this.sim.schedule(0, () => this.transmit(info));
  }

  /** Puts the BPDU on the wire: the port's role and state and the bridge's root as they are now. */
  private transmit(info: PortInfo): void {
    const agreement = info.agree;
    info.txPending = info.agree = false;
    const link = info.port.link;
    // Edge ports send none: as a managed switch's access ports with BPDU filtering, so hosts see
    // no BPDUs (a BPDU that does come in still makes the port an ordinary one).
    if (!link?.up || info.edge) return;
    const age = this.rootPort ? this.rootPort.messageAge + 1 : 0;
    const frame: BpduFrame = {
      id: packetIdsOf(this.sim).next(),
      eth: { dst: STP_GROUP_MAC, src: info.mac },
      bpdu: {
        tc: this.sim.now() < info.tcUntil,
        proposal: info.role === 'designated' && info.state !== 'forwarding' && !info.edge,
        role: info.role === 'root' || info.role === 'designated' ? info.role : 'alternate',
        learning: info.state !== 'discarding',
        forwarding: info.state === 'forwarding',
        agreement,
        rootId: this.rootId,
        rootPathCost: this.rootPathCost,
        bridgeId: this.id,
        portId: info.portId,
        messageAge: age,
        ...STP_TIMES,
      },
    };
    link.send(frame);
  }

  private infoOf(port: BridgedPort): PortInfo {
    const info = this.ports.find((p) => p.port === port);
    if (!info) throw new RangeError(`${this.bridge.name} has no port ${port.name}`);
    return info;
  }

  private recordRoot(): void {
    this.sim.record({
      t: this.sim.now(),
      type: 'stp.root',
      node: this.bridge.name,
      bridge: formatBridgeId(this.id),
      root: formatBridgeId(this.rootId),
      cost: this.rootPathCost,
      rootPort: this.rootPort?.port.name ?? null,
    });
  }

  /** Flushes the ports' learned addresses, and records it when there were any. */
  private flush(from: PortInfo, reason: StpFlushReason, ports: readonly BridgedPort[]): void {
    let removed = 0;
    for (const [address, entry] of this.bridge.table) {
      if (ports.includes(entry.port)) removed += Number(this.bridge.table.delete(address));
    }
    if (removed === 0) return;
    this.sim.record({
      t: this.sim.now(),
      type: 'stp.flush',
      node: this.bridge.name,
      port: from.port.name,
      reason,
      ports: ports.map((p) => p.name),
    });
  }
}

function vectorOf(bpdu: Bpdu): PriorityVector {
  const { rootId, rootPathCost, bridgeId, portId } = bpdu;
  return { rootId, rootPathCost, bridgeId, portId };
}

function sameBridge(a: BridgeId, b: BridgeId): boolean {
  return a.priority === b.priority && a.mac === b.mac;
}
