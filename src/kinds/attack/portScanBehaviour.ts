// What a SYN scan does (portScanActionKind.ts declares it): SYNs sent from the node's IP layer,
// one every 1/rate s, each port in ascending order from one random source port, as nmap's raw
// packets; the answers are read through a tap on the node's TCP (nmap reads them with libpcap)
// while the node's TCP still handles them, so a SYN-ACK for no socket gets its RST. Its figures:
// how many ports were open, closed and filtered, and which were open.

import type { EventId } from '../../engine/simulator.ts';
import { NS_PER_S } from '../../engine/time.ts';
import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { tcpFlags } from '../../net/wire/packet.ts';
import { defineActionBehaviour } from '../../sim/kinds/actionKind.ts';
import type { PortState } from './attackTrace.ts';
import { type PortScanAction } from './portScanActionKind.ts';
import { formatPortList, parsePortList } from './scanPorts.ts';
import './attackTrace.ts';

/** A port scan's figures after a run. */
export interface PortScanFigures {
  node: string;
  /** The scanned address. */
  target: string;
  /** The ports to scan, as the document wrote them. */
  ports: string;
  /** How many ports that is. */
  total: number;
  open: number;
  closed: number;
  filtered: number;
  /** The open ports, as ranges (`22,80,443`). */
  openPorts: string;
  /** Whether every port was decided before the run ended. */
  finished: boolean;
}

/** The MSS nmap's SYN probes announce. */
const PROBE_MSS = 1460;

export const portScanBehaviour = defineActionBehaviour<PortScanAction, PortScanFigures>({
  start({ sim, host, node, label, addressOf }, event) {
    const dst = addressOf(event.target);
    const parsed = parsePortList(event.ports);
    if (dst === undefined || !parsed.ok) return; // validation makes sure of both
    const ports = parsed.ports;
    const rate = event.rate ?? 100;
    const timeout = event.timeout ?? NS_PER_S;
    const retries = event.retries ?? 1;
    const random = sim.random.stream(`node:${node}/${label}/portScan`);
    // Below the ephemeral range (49152 up), so the node's own connections never share it.
    const srcPort = random.integer(32_768, 49_151);
    const target = formatIpv4(dst);
    const pending = new Map<number, { probes: number; timer: EventId }>();
    const open: number[] = [];
    const counts: Record<PortState, number> = { open: 0, closed: 0, filtered: 0 };
    let sentTo = 0;
    let stopTap: (() => void) | undefined;

    const probe = (port: number): void => {
      const entry = pending.get(port) ?? { probes: 0, timer: -1 };
      entry.probes++;
      entry.timer = sim.schedule(timeout, () => expire(port));
      pending.set(port, entry);
      host.net.send({
        dst,
        transport: {
          kind: 'tcp',
          srcPort,
          dstPort: port,
          seq: random.nextUint32(),
          ack: 0,
          flags: tcpFlags({ syn: true }),
          window: 1024,
          urgentPointer: 0,
          options: [{ kind: 'mss', value: PROBE_MSS }],
        },
      });
    };
    const expire = (port: number): void => {
      const entry = pending.get(port);
      if (!entry) return;
      if (entry.probes <= retries) probe(port);
      else decide(port, 'filtered');
    };
    const decide = (port: number, state: PortState): void => {
      const entry = pending.get(port);
      if (!entry) return; // decided already: a late answer
      sim.cancel(entry.timer);
      pending.delete(port);
      counts[state]++;
      if (state === 'open') open.push(port);
      const { probes } = entry;
      sim.record({
        t: sim.now(),
        type: 'scan.port',
        node,
        app: label,
        target,
        port,
        state,
        probes,
      });
      if (sentTo < ports.length || pending.size > 0) return;
      stopTap?.();
      open.sort((a, b) => a - b);
      sim.record({
        t: sim.now(),
        type: 'scan.end',
        node,
        app: label,
        target,
        ...counts,
        openPorts: formatPortList(open),
      });
    };
    const sendNext = (): void => {
      probe(ports[sentTo++] as number);
      if (sentTo < ports.length)
        sim.scheduleAt(event.at + Math.round((sentTo * NS_PER_S) / rate), sendNext);
    };
    sim.scheduleAt(event.at, () => {
      sim.record({
        t: sim.now(),
        type: 'scan.start',
        node,
        app: label,
        target,
        ports: event.ports,
      });
      stopTap = host.tcp.addTap({
        segment(packet) {
          const h = packet.transport;
          if (h.kind !== 'tcp' || packet.ip.src !== dst || h.dstPort !== srcPort) return;
          if (h.flags.syn && h.flags.ack) decide(h.srcPort, 'open');
          else if (h.flags.rst) decide(h.srcPort, 'closed');
        },
        icmpError({ header, quoted }) {
          if (header.kind !== 'icmp' || header.message !== 'destinationUnreachable') return;
          if (quoted.ip.dst !== dst || quoted.srcPort !== srcPort || quoted.dstPort === undefined)
            return;
          decide(quoted.dstPort, 'filtered');
        },
      });
      sendNext();
    });
  },
  figures: {
    fold({ node, label, event, addressOf }) {
      const address = addressOf(event.target);
      const parsed = parsePortList(event.ports);
      const open: number[] = [];
      const figures: PortScanFigures = {
        node,
        target: address === undefined ? event.target : formatIpv4(address),
        ports: event.ports,
        total: parsed.ok ? parsed.ports.length : 0,
        open: 0,
        closed: 0,
        filtered: 0,
        openPorts: '',
        finished: false,
      };
      return {
        types: ['scan.port', 'scan.end'],
        add(record) {
          if (record.type === 'scan.port' && record.node === node && record.app === label) {
            figures[record.state]++;
            if (record.state === 'open') open.push(record.port);
          } else if (record.type === 'scan.end' && record.node === node && record.app === label)
            figures.finished = true;
        },
        result: () => ({
          ...figures,
          openPorts: formatPortList([...open].sort((a, b) => a - b)),
        }),
      };
    },
    lines: (f) => [
      `portScan   ${f.node} -> ${f.target} ports ${f.ports}: ${f.open} open, ${f.closed} closed, ${f.filtered} filtered` +
        `${f.finished ? '' : ` (${f.total - f.open - f.closed - f.filtered} not yet decided)`}${f.openPorts ? `; open: ${f.openPorts}` : ''}`,
    ],
  },
});
