// The event log: trace records told as sentences (with their time), tagged by node, protocol,
// group and conversation for filtering, and stepped through for the live-region narration.
export {
  countUntil,
  entryList,
  filterEntries,
  GROUP_LABELS,
  groupLabel,
  linksOfNode,
  logConnections,
  LOG_GROUPS,
  LOG_PROTOCOLS,
  narrationStep,
  PROTOCOL_LABELS,
  protocolLabel,
  type LogFilter,
  type LogGroup,
  type LogProtocol,
  type Narrated,
  type TimedEntries,
} from './logFilter.ts';
export {
  DETAIL_KINDS,
  ENTRY_MARKS,
  formatTime,
  narrate,
  Narration,
  type EntryKind,
  type LogEntry,
} from './narrate.ts';
export { ENTRY_KINDS, LogStore } from './logStore.ts';
export { FilteredLog, type LogQuery } from './logView.ts';
export { type LogConnection } from './logConnections.ts';
export {
  connectionChoices,
  connectionLabel,
  selectedConnection,
  type ConnectionChoice,
  type ConnectionChoices,
} from './connectionChoices.ts';
