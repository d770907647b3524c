// Server processes at time t: workers and their states, waiting and refused connections,
// counters, and request latency over time.
export { requestLatencySeries, serverCountersAt, serverRecords, workersAt } from './serverView.ts';
