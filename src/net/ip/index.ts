// The IP layer's public surface: hosts and routers (NetNode), interfaces, routing tables,
// packet ids, the ICMP-error policy, path MTUs, reassembly and the IP trace record types.
export * from './packetIds.ts';
export * from './ipTrace.ts';
export * from './arpTrace.ts';
export * from './routingTable.ts';
export * from './netInterface.ts';
export * from './icmpPolicy.ts';
export * from './netNode.ts';
export * from './pathMtu.ts';
export * from './reassembly.ts';
