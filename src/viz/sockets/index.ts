// A node seen from its own shell at time t: sockets like `ss`, interfaces, routes, its path MTU
// cache, and the state of each app and connection.
export {
  appStatesAt,
  connectionStateAt,
  interfaceLines,
  withLeases,
  nodeRecords,
  routeTable,
  socketTable,
  type SocketRow,
} from './socketTable.ts';
export { learnsPathMtus, pathMtuCache, pathMtuRecords, type PathMtuLine } from './pathMtuCache.ts';
