// Server processes at time t: workers and their states, waiting and refused connections,
// counters, and request latency over time.
export {
  connectionsAt,
  requestLatencySeries,
  serverCountersAt,
  serverRecords,
  workersAt,
  type ConnectionState,
} from './serverView.ts';
