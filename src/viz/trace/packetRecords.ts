// The records a run "with less detail" keeps: what the packet animation and the topology picture
// need (TraceIndex's hops, drops and retransmission marks; each link's queue and busy time), and
// the run's start and end. Everything else (sockets, servers, CPUs, apps) is left out, so a run
// can go about twice as far within the page's record budget.

import type { TraceType } from '../../engine/trace.ts';
import '../../net/link/linkTrace.ts';
import '../../machines/tcp/tcpTrace.ts';

/** The record types a run with less detail keeps. */
export const PACKET_RECORD_TYPES: readonly TraceType[] = [
  'sim.start',
  'sim.end',
  // Packets on links: TraceIndex's hops, and each link's busy time on the topology.
  'link.txBegin',
  'link.txEnd',
  'link.rx',
  'link.lost',
  'link.impair',
  'link.state',
  // The queue in front of each link: drops (hops and markers) and its length (topology badges).
  'queue.drop',
  'queue.length',
  // Marks a packet as a TCP retransmission (its dot and the timeline).
  'tcp.retransmit',
];

/** How the page tells people what a run with less detail kept. */
export const PACKET_RECORDS_TEXT =
  'packets on links, queues and retransmissions; no sockets, servers, CPUs or applications';
