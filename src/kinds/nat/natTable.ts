// A NAT's translation table as Linux's nf_nat keeps it on a conntrack entry: each flow's original
// tuple (as the initiator sent it) and reply tuple (as the answer reaches the NAT), so a packet is
// found by either. Masquerade (SNAT) gives an outbound flow a public address and port, keeping the
// source port when that leaves the reply tuple unique; port forwards (DNAT) send a public port to
// a private address. Entries expire on simulated time passed in (ns), never a clock.

import { contains } from '../../net/wire/ipv4Address.ts';
import type { Ipv4Address, Ipv4Prefix } from '../../net/wire/ipv4Address.ts';
import { IP_PROTOCOL } from '../../net/wire/packet.ts';
import type { Packet } from '../../net/wire/packet.ts';
import { CONNTRACK_DEFAULTS } from '../firewall/connectionTracking.ts';
import type { PortRange } from '../firewall/firewallRules.ts';
import { flowKey, invert } from '../firewall/flowTuple.ts';
import type { FlowTuple } from '../firewall/flowTuple.ts';
import { openTcpClose, tcpCloseStep, type TcpCloseState } from '../firewall/tcpClose.ts';

/** A port forward (iptables `-t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to 10.0.0.5:80`). */
export interface PortForward {
  protocol: 'tcp' | 'udp';
  /** The public port or ports it takes, on the NAT's public address. */
  publicPorts: PortRange;
  privateAddress: Ipv4Address;
  /** The private port; absent keeps the port the packet was sent to, as DNAT without a port does. */
  privatePort?: number;
}

/** Timeouts in ns; UDP and ICMP as conntrack's defaults, TCP as its SYN_SENT and ESTABLISHED. */
export interface NatTimeouts {
  udpTimeoutNs: number;
  udpStreamTimeoutNs: number;
  icmpTimeoutNs: number;
  /** A TCP flow with no reply yet (nf_conntrack_tcp_timeout_syn_sent, 120 s). */
  tcpUnrepliedTimeoutNs: number;
  /** An idle TCP flow (nf_conntrack_tcp_timeout_established, 5 days). */
  tcpIdleTimeoutNs: number;
}

const S = 1_000_000_000;
export const NAT_TIMEOUT_DEFAULTS: Readonly<NatTimeouts> = Object.freeze({
  udpTimeoutNs: CONNTRACK_DEFAULTS.udpTimeoutNs,
  udpStreamTimeoutNs: CONNTRACK_DEFAULTS.udpStreamTimeoutNs,
  icmpTimeoutNs: CONNTRACK_DEFAULTS.icmpTimeoutNs,
  tcpUnrepliedTimeoutNs: 120 * S,
  tcpIdleTimeoutNs: 432_000 * S,
});

/** What the NAT does: its public address, which sources it masquerades, its port forwards. */
export interface NatConfig {
  publicAddress: Ipv4Address;
  /** Sources whose outbound flows are masqueraded; none means no SNAT. */
  privateNetworks?: readonly Ipv4Prefix[];
  /**
   * Public ports SNAT may use (iptables --to-ports). Absent, as Linux: any free source port is
   * kept, and a taken one is replaced from its class: 1-511, 600-1023 or 1024-65535.
   */
  portRange?: PortRange;
  forwards?: readonly PortForward[];
  timeouts?: Partial<NatTimeouts>;
}

/** Where a flow is in its life; a closed or expired entry leaves the table. */
export type NatPhase = 'unreplied' | 'established' | 'closing';

/** One translated flow: plain data, changed only by the table (a TCP flow's close: tcpClose.ts). */
export interface NatEntry extends TcpCloseState {
  /** 1, 2, 3, ... in the order entries were made. */
  id: number;
  kind: 'snat' | 'dnat';
  /** The flow as its first packet was sent, before translation. */
  original: FlowTuple;
  /** The answer as it reaches the NAT, before translation back. */
  reply: FlowTuple;
  phase: NatPhase;
  createdAt: number;
  expiresAt: number;
}

export type NatDirection = 'original' | 'reply';

/** What a packet did to its entry, for a per-entry machine and the trace later. */
export type NatEvent = 'reply' | 'fin' | 'close';

/** No public port left for a new flow: Linux drops its packet. */
export const NO_FREE_PORT = 'no-free-port';

/** The translation table of one NAT. */
export class NatTable {
  readonly config: NatConfig;
  private readonly timeouts: NatTimeouts;
  private readonly byTuple = new Map<string, NatEntry>();
  private lastId = 0;

  constructor(config: NatConfig) {
    this.config = config;
    this.timeouts = { ...NAT_TIMEOUT_DEFAULTS, ...config.timeouts };
  }

  /** The entry a tuple belongs to and its direction; an entry timed out at `now` is removed. */
  lookup(tuple: FlowTuple, now: number): { entry: NatEntry; direction: NatDirection } | undefined {
    const entry = this.byTuple.get(flowKey(tuple));
    if (!entry) return undefined;
    if (now >= entry.expiresAt) {
      this.remove(entry);
      return undefined;
    }
    const direction = flowKey(entry.original) === flowKey(tuple) ? 'original' : 'reply';
    return { entry, direction };
  }

  /** Whether an outbound flow's source is one this NAT masquerades. */
  masquerades(tuple: FlowTuple): boolean {
    if (tuple.src === this.config.publicAddress) return false;
    return (this.config.privateNetworks ?? []).some((prefix) => contains(prefix, tuple.src));
  }

  /** The port forward an inbound flow hits, if any. */
  forwardFor(tuple: FlowTuple): PortForward | undefined {
    if (tuple.dst !== this.config.publicAddress) return undefined;
    return this.config.forwards?.find(
      (f) =>
        IP_PROTOCOL[f.protocol] === tuple.protocol &&
        tuple.dstPort >= f.publicPorts.low &&
        tuple.dstPort <= f.publicPorts.high,
    );
  }

  /** A masqueraded flow: its source becomes the public address and a port that keeps it unique. */
  addSnat(original: FlowTuple, now: number): NatEntry | typeof NO_FREE_PORT {
    const icmp = original.protocol === IP_PROTOCOL.icmp;
    const range = this.config.portRange ?? (icmp ? { low: 0, high: 65535 } : undefined);
    const port = this.freePort(original, range);
    if (port === undefined) return NO_FREE_PORT;
    const translated = { ...original, src: this.config.publicAddress, srcPort: port };
    return this.add('snat', original, invert(translated), now);
  }

  /** A forwarded flow: its destination becomes the private address and port. */
  addDnat(original: FlowTuple, forward: PortForward, now: number): NatEntry | typeof NO_FREE_PORT {
    const translated = {
      ...original,
      dst: forward.privateAddress,
      dstPort: forward.privatePort ?? original.dstPort,
    };
    const reply = invert(translated);
    if (this.byTuple.has(flowKey(reply))) return NO_FREE_PORT;
    return this.add('dnat', original, reply, now);
  }

  /** Updates an entry for a packet that matched it: timers, TCP's FINs and RST; an ended entry is removed. */
  touch(
    entry: NatEntry,
    direction: NatDirection,
    packet: Packet,
    now: number,
  ): NatEvent | undefined {
    let event: NatEvent | undefined;
    if (direction === 'reply' && entry.phase === 'unreplied') {
      entry.phase = 'established';
      event = 'reply';
    }
    const step = tcpCloseStep(entry, direction, packet);
    if (step === 'reset' || step === 'closed') return this.close(entry);
    if (step === 'fin') {
      entry.phase = 'closing';
      event = 'fin';
    }
    entry.expiresAt = now + this.timeout(entry);
    return event;
  }

  /** Removes and returns the entries whose timeout has passed at `now`. */
  expire(now: number): NatEntry[] {
    const gone = this.entries().filter((e) => now >= e.expiresAt);
    for (const entry of gone) this.remove(entry);
    return gone;
  }

  /** The translation table, oldest entry first (what `conntrack -L` lists for NATed flows). */
  entries(): NatEntry[] {
    return [...new Set(this.byTuple.values())].sort((a, b) => a.id - b.id);
  }

  get size(): number {
    return new Set(this.byTuple.values()).size;
  }

  private add(
    kind: NatEntry['kind'],
    original: FlowTuple,
    reply: FlowTuple,
    now: number,
  ): NatEntry {
    const entry: NatEntry = {
      id: ++this.lastId,
      kind,
      original,
      reply,
      phase: 'unreplied',
      createdAt: now,
      expiresAt: now,
      ...openTcpClose(),
    };
    entry.expiresAt = now + this.timeout(entry);
    this.byTuple.set(flowKey(original), entry);
    this.byTuple.set(flowKey(reply), entry);
    return entry;
  }

  /**
   * The public port (ICMP: echo identifier) for a flow, as nf_nat's get_unique_tuple picks it:
   * its own if in range and the reply tuple it gives is free, else the next free one in the range,
   * wrapping (Linux starts the search at a random offset; the simulation stays deterministic).
   */
  private freePort(original: FlowTuple, configured: PortRange | undefined): number | undefined {
    const own = original.srcPort;
    const range = configured ?? linuxPortClass(own);
    const taken = (port: number): boolean => {
      const translated = { ...original, src: this.config.publicAddress, srcPort: port };
      return this.byTuple.has(flowKey(invert(translated)));
    };
    const inRange = own >= range.low && own <= range.high;
    if ((configured === undefined || inRange) && !taken(own)) return own;
    const size = range.high - range.low + 1;
    const start = inRange ? own + 1 - range.low : 0;
    for (let i = 0; i < size; i++) {
      const port = range.low + ((start + i) % size);
      if (!taken(port)) return port;
    }
    return undefined;
  }

  private timeout(entry: NatEntry): number {
    const o = this.timeouts;
    const replied = entry.phase !== 'unreplied';
    switch (entry.original.protocol) {
      case IP_PROTOCOL.tcp:
        return replied ? o.tcpIdleTimeoutNs : o.tcpUnrepliedTimeoutNs;
      case IP_PROTOCOL.udp:
        return replied ? o.udpStreamTimeoutNs : o.udpTimeoutNs;
      default:
        return o.icmpTimeoutNs;
    }
  }

  private close(entry: NatEntry): NatEvent {
    this.remove(entry);
    return 'close';
  }

  private remove(entry: NatEntry): void {
    this.byTuple.delete(flowKey(entry.original));
    this.byTuple.delete(flowKey(entry.reply));
  }
}

/** Linux's default source-port classes for a port that must change (nf_nat_l4proto_unique_tuple). */
function linuxPortClass(port: number): PortRange {
  if (port < 512) return { low: 1, high: 511 };
  if (port < 1024) return { low: 600, high: 1023 };
  return { low: 1024, high: 65535 };
}
