// A node's link-layer tables at time t: a host's or router's ARP cache, a switch's MAC address
// table; read from the trace for the node inspector.
export {
  arpCacheAt,
  macOwners,
  macTableAt,
  neighbourRecords,
  type ArpRow,
  type MacTableRow,
} from './neighbourTables.ts';
