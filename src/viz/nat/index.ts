// A NAT at time t: its rules (`iptables -t nat -S`) and its translation table, from the trace.
export { natRecords, natRules, natTableAt, type NatRow } from './natTableView.ts';
