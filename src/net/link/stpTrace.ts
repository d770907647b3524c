// Trace record types of the spanning tree (spanningTree.ts): a port's role or state changing, a
// bridge's view of the root changing, MAC table flushes after a topology change, and data frames
// a port that is not forwarding drops. BPDUs themselves are frames on links (`link.txBegin`).

/** A port's role in the tree (IEEE 802.1D-2004 clause 17.7). */
export type StpPortRole = 'root' | 'designated' | 'alternate' | 'backup' | 'disabled';
/** A port's state: what it does with data frames (clause 17.5; RSTP merges blocking and listening). */
export type StpPortState = 'discarding' | 'learning' | 'forwarding';
/** Why a switch flushed learned MAC addresses. */
export type StpFlushReason = 'portDown' | 'tcDetected' | 'tcReceived';

declare module '../../engine/trace.ts' {
  interface TraceRecordTypes {
    /** A switch port's spanning tree role or state changed (both given as they are now). */
    'stp.port': { node: string; port: string; role: StpPortRole; state: StpPortState };
    /**
     * A switch's view of the root changed: the root bridge's ID (as Linux prints it,
     * 8000.02000a000001), its cost to reach it, and the port towards it (null at the root).
     */
    'stp.root': {
      node: string;
      bridge: string;
      root: string;
      cost: number;
      rootPort: string | null;
    };
    /**
     * A switch forgot the MAC addresses learned on `ports`: `port` went down (portDown), began
     * forwarding (tcDetected) or brought a topology change BPDU (tcReceived).
     */
    'stp.flush': { node: string; port: string; reason: StpFlushReason; ports: string[] };
    /** A data frame arrived at a port that does not forward (`state`) and was dropped there. */
    'stp.discard': { node: string; pkt: number; port: string; state: StpPortState };
  }
}
