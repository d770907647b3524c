// A node's firewall in a running simulation: its filter table on the node's INPUT, FORWARD and
// OUTPUT hooks, its life as the firewall machine (an actor on simulated time), its connection
// table with a machine per tracked flow, a trace record for every verdict, and REJECT's answers
// sent. The verdict itself is the pure function over the machine's snapshot (firewallMachine.ts):
// no actor hears a packet. Loaded only for scenarios with a firewall (kindBehaviours.ts).

import { createActor, type Actor } from 'xstate';
import type { Simulator } from '../../engine/simulator.ts';
import { packetIdsOf } from '../../net/ip/packetIds.ts';
import type { HookContext, NetNode } from '../../net/ip/netNode.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { wireSize, type Packet } from '../../net/wire/packet.ts';
import { ConnectionTable } from './connectionTracking.ts';
import type { ConntrackReport } from './connectionTracking.ts';
import { ConntrackEntryActors } from './conntrackEntryActors.ts';
import { firewallFilter, firewallMachine } from './firewallMachine.ts';
import type { ChainName, FirewallRules } from './firewallRules.ts';
import { rejectAnswer } from './rejectAnswer.ts';
import { firewallFigures, firewallLines } from './firewallFigures.ts';
import './firewallTrace.ts';

/** A node's running firewall: its machine (whose snapshot holds rules, table and counters). */
export interface NodeFirewall {
  readonly node: string;
  readonly actor: Actor<typeof firewallMachine>;
  /** The machines of the tracked flows. */
  readonly entries: ConntrackEntryActors;
}

/** Puts a firewall with `rules` on `net` (the node of `sim` called `net.name`). */
export function installFirewall(sim: Simulator, net: NetNode, rules: FirewallRules): NodeFirewall {
  const node = net.name;
  const ids = packetIdsOf(sim);
  let table: ConnectionTable | undefined;
  const entries: ConntrackEntryActors = new ConntrackEntryActors({
    clock: sim.clock,
    onEnd: (entry, endedBy) => {
      if (endedBy === 'timeout') table?.expireEntry(entry, sim.now());
    },
  });
  const report = (r: ConntrackReport): void => {
    entries.onReport(r);
    const { original } = r.entry;
    sim.record({
      t: sim.now(),
      type: 'fw.conntrack',
      node,
      entry: r.entry.id,
      event: r.event.type.slice('conntrack.'.length),
      protocol: original.protocol,
      src: formatIpv4(original.src),
      srcPort: original.srcPort,
      dst: formatIpv4(original.dst),
      dstPort: original.dstPort,
    });
  };
  const newTable = (): ConnectionTable => (table = new ConnectionTable({}, report));
  const machine = firewallMachine.provide({
    actions: { tableEmptied: () => entries.stopAll() },
  });
  const actor = createActor(machine, { clock: sim.clock, input: { rules, newTable } });
  actor.start();

  const judge = (chain: ChainName, packet: Packet, context: HookContext): Packet | undefined => {
    const t = sim.now();
    const snapshot = actor.getSnapshot();
    const result = firewallFilter(snapshot, chain, packet, t);
    const { verdict } = result;
    const decided = 'stopped' in result ? 0 : result.verdict.decidedBy;
    const state = 'stopped' in result ? 'STOPPED' : result.tracked.state;
    if (!('stopped' in result)) {
      for (const index of result.verdict.logged) {
        const prefix = snapshot.context.rules[chain].rules[index]?.logPrefix ?? '';
        sim.record({ t, type: 'fw.log', node, chain, pkt: packet.id, rule: index + 1, prefix });
      }
    }
    sim.record({
      t,
      type: 'fw.verdict',
      node,
      chain,
      pkt: packet.id,
      verdict: verdict.action,
      rule: decided === 'policy' ? 0 : decided + 1,
      state,
      bytes: wireSize(packet),
    });
    if (verdict.action === 'ACCEPT') return packet;
    sim.record({ t, type: 'ip.drop', node, pkt: packet.id, reason: 'filtered' });
    if (verdict.action === 'REJECT' && !('stopped' in result)) {
      const rejectWith = result.verdict.rejectWith ?? 'icmp-port-unreachable';
      const src = net.isLocal(packet.ip.dst)
        ? packet.ip.dst
        : (net.sourceAddressFor(packet.ip.src) ?? context.inIface?.address);
      const answer = rejectAnswer(packet, rejectWith, { id: ids.next(), src });
      if (answer) net.sendPacket(answer, { skipOutputHooks: true });
    }
    return undefined;
  };
  net.addHook('input', (packet, context) => judge('INPUT', packet, context));
  net.addHook('forward', (packet, context) => judge('FORWARD', packet, context));
  net.addHook('output', (packet, context) => judge('OUTPUT', packet, context));
  return { node, actor, entries };
}

/** The firewall's behaviour, as the registry loads it (NODE_FIREWALL in kindRegistry.ts). */
export const firewallBehaviour = {
  install: installFirewall,
  figures: firewallFigures,
  lines: firewallLines,
};
