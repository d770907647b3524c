// The CPU views' words in every language the page speaks: the scheduling policies' names, the
// scheduler's conventions, the Gantt chart's rows, bar titles and screen-reader summary, the job
// table's units, summary lines and input errors, and the ready-queue chart's description. English
// is the source; the German is in cpuPhrases.de.ts.

import { ENGLISH, Phrasebook, type Language } from '../../engine/language.ts';
import { CPU_DE } from './cpuPhrases.de.ts';

export const CPU_EN = {
  'policy.fcfs': 'First come, first served (FCFS)',
  'policy.sjf': 'Shortest job first (SJF)',
  'policy.srtf': 'Shortest remaining time first (SRTF)',
  'policy.priority': 'Priority, non-preemptive',
  'policy.priorityPreemptive': 'Priority, preemptive',
  'policy.rr': 'Round robin (RR)',
  'convention.first-dispatch':
    'The first job a core runs costs no context switch: there is no earlier job whose state must be saved.',
  'convention.idle-gap':
    'After the CPU has been idle, a context switch is charged only if the next job is not the one that ran last.',
  'convention.zero-cost':
    'A context switch that costs 0 time still counts as a switch: it just takes no time on the chart.',
  'convention.switch-end':
    'With a preemptive policy (SRTF, preemptive priority), the scheduler decides again when a switch ends: a better job that arrived meanwhile takes the CPU at once, so no job ever appears on the chart for zero time.',
  'convention.ties':
    'Among jobs with equal priority or equal remaining time, the one that arrived first runs first (if they arrived together, the one higher in the table). A running job keeps the CPU on a tie.',
  'convention.rr-arrival':
    'Round robin: a job that arrives at the moment another job’s quantum ends joins the queue ahead of that job.',
  'convention.rr-alone':
    'Round robin: a quantum that ends while no other job waits does not stop the job (no switch).',
  'gantt.core': 'core {core}',
  'gantt.span': '{from} to {to}',
  'gantt.bar': '{job} on core {core}: {span}',
  'gantt.switchBar': 'context switch to {job} on core {core}: {span}',
  'gantt.switches': { one: '{count} context switch', other: '{count} context switches' },
  'gantt.slices':
    '{count} short slices on core {core} ({switches}): {span}; a shorter time span shows each',
  'gantt.job': '{job} {from}–{to}',
  'gantt.jobRunning': '{job} {from}–{to} (running)',
  'gantt.earlier': '{count} earlier, then {jobs}',
  'gantt.coreLine': 'core {core}: {jobs}',
  'gantt.idle': 'idle',
  'gantt.summary': '{title} up to {time}. {summary}',
  'unit.tick': 'tick',
  'unit.ticks': 'ticks',
  'jobs.notYet': 'not yet',
  'jobs.avgWaiting': 'Average waiting time',
  'jobs.avgTurnaround': 'Average turnaround time',
  'jobs.avgResponse': 'Average response time',
  'jobs.utilization': 'CPU utilization',
  'jobs.percent': '{percent}%',
  'jobs.throughput': 'Throughput',
  'jobs.perUnit': '{count} jobs/{unit}',
  'jobs.stoppedSlices': 'Stopped at (after {count} slices, the limit)',
  'jobs.stoppedSteps': 'Stopped at (after {count} steps, the limit)',
  'jobs.allDone': 'All done at',
  'jobs.switches': 'Context switches',
  'jobs.preemptions': 'Preemptions',
  'error.quantum': 'The quantum must be a number greater than 0 (in {unit}).',
  'error.contextSwitch': 'The context switch must be a number of at least 0 (in {unit}).',
  'queue.label': 'Ready queue length from 0 to {time}: {now} now, at most {max} so far.',
  'core.idle': 'idle',
  'core.running': 'running {job}',
  'core.switching': 'switching to {job}',
} as const;

export const cpuPhrases = new Phrasebook(CPU_EN, { de: CPU_DE });

/** The ready-queue chart in words: `Ready queue length from 0 to 5 ms: 2 now, at most 3 so far.` */
export function runQueueLabel(
  words: { time: string; now: number; max: number },
  language: Language = ENGLISH,
): string {
  return cpuPhrases.in(language).say('queue.label', words);
}

/** What a core is doing, in words: `idle`, `running P1`, `switching to P2`. */
export function coreWords(
  core: { state: 'idle' | 'running' | 'switching'; job: string | null },
  language: Language = ENGLISH,
): string {
  const { say } = cpuPhrases.in(language);
  if (core.state === 'idle') return say('core.idle');
  const job = core.job ?? '';
  return core.state === 'running' ? say('core.running', { job }) : say('core.switching', { job });
}
