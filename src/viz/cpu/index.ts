// The CPU at time t (Gantt chart, ready queue, utilisation, job times), where the Gantt chart
// draws things, and the job-table exercise run under a chosen policy.
export {
  coreCount,
  coreStatesAt,
  type CoreAt,
  cpuRecords,
  fullGantt,
  ganttAt,
  jobRows,
  readyQueueSeries,
  stepValueAt,
  utilizationAt,
  type GanttSegment,
} from './cpuView.ts';
export { ganttLayout, ganttSummary } from './ganttView.ts';
export {
  choiceOf,
  jobReport,
  POLICY_LABELS,
  unitLabel,
  withChoice,
  type CpuChoice,
  type JobReport,
} from './jobTableView.ts';
