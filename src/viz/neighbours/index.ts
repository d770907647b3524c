// A node's link-layer tables at time t: a host's or router's ARP cache, a switch's MAC address
// table, and its spanning tree; read from the trace for the node inspector.
export {
  arpCacheAt,
  macOwners,
  macTableAt,
  neighbourRecords,
  type ArpRow,
  type MacTableRow,
} from './neighbourTables.ts';
export {
  blockedPortsAt,
  spanningTreeAt,
  spanningTreeRecords,
  type SpanningTreeView,
  type StpPortRow,
} from './spanningTreeAt.ts';
