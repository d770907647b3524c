// The scheduler's conventions in plain words for learners, shown beside the Gantt chart of the
// CPU scheduling view (and stated for teachers in docs/model.md). The rules themselves live in
// src/machines/cpu (cpuScheduler.ts, schedulingPolicy.ts); the tests there work each one by hand.
// The sentences are in cpuPhrases.ts; `schedulingConventions(language)` gives them in a language.

import { ENGLISH, type Language } from '../../engine/language.ts';
import { CPU_EN, cpuPhrases } from './cpuPhrases.ts';

/** One convention: a key for tests and lists, and the sentence a learner reads. */
export interface SchedulingConvention {
  key: string;
  text: string;
}

/** How the scheduler decides where textbooks leave a choice, in the order a learner meets them. */
export const SCHEDULING_CONVENTIONS: readonly SchedulingConvention[] = [
  {
    key: 'first-dispatch',
    text: 'The first job a core runs costs no context switch: there is no earlier job whose state must be saved.',
  },
  {
    key: 'idle-gap',
    text: 'After the CPU has been idle, a context switch is charged only if the next job is not the one that ran last.',
  },
  {
    key: 'zero-cost',
    text: 'A context switch that costs 0 time still counts as a switch: it just takes no time on the chart.',
  },
  {
    key: 'switch-end',
    text: 'With a preemptive policy (SRTF, preemptive priority), the scheduler decides again when a switch ends: a better job that arrived meanwhile takes the CPU at once, so no job ever appears on the chart for zero time.',
  },
  {
    key: 'ties',
    text: 'Among jobs with equal priority or equal remaining time, the one that arrived first runs first (if they arrived together, the one higher in the table). A running job keeps the CPU on a tie.',
  },
  {
    key: 'rr-arrival',
    text: 'Round robin: a job that arrives at the moment another job’s quantum ends joins the queue ahead of that job.',
  },
  {
    key: 'rr-alone',
    text: 'Round robin: a quantum that ends while no other job waits does not stop the job (no switch).',
  },
];

/** The conventions in `language` (English when it has no translation), in the same order. */
export function schedulingConventions(language: Language = ENGLISH): SchedulingConvention[] {
  const { say } = cpuPhrases.in(language);
  return SCHEDULING_CONVENTIONS.map((c) => {
    // Every key has a sentence without parameters (the phrasebook's test checks them all).
    const key = `convention.${c.key}` as 'convention.ties';
    return { key: c.key, text: Object.hasOwn(CPU_EN, key) ? say(key) : c.text };
  });
}
