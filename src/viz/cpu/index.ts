// The CPU at time t (Gantt chart, ready queue, utilisation, job times), where the Gantt chart
// draws things, the job-table exercise run under a chosen policy, and the scheduler's conventions.
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
export { ganttBarTitle, ganttLayout, ganttSummary } from './ganttView.ts';
export {
  choiceOf,
  formatIn,
  jobReport,
  POLICY_LABELS,
  policyLabel,
  unitLabel,
  unitTickFormat,
  withChoice,
  type CpuChoice,
  type JobReport,
} from './jobTableView.ts';
export { jobTableTitle, tableNameOf } from './jobTableTitle.ts';
export {
  SCHEDULING_CONVENTIONS,
  schedulingConventions,
  type SchedulingConvention,
} from './schedulingConventions.ts';
export { coreWords, cpuPhrases, CPU_EN, runQueueLabel } from './cpuPhrases.ts';
