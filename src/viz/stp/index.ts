// A switch's spanning tree at time t (its root, port roles and states) and the ports blocked in
// the whole network, read from the trace for the node inspector and the topology picture. Its
// own topic, so the picture does not bring the neighbour tables into the embed's first chunk.
export {
  blockedPortsAt,
  spanningTreeAt,
  spanningTreeRecords,
  type SpanningTreeView,
  type StpPortRow,
} from './spanningTreeAt.ts';
