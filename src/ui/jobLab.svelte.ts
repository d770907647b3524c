// The CPU scheduling view's state: the job table's text as the learner typed or loaded it (kept
// as it is when it does not validate), its problems, the policy / quantum / context switch chosen,
// and the report of the same jobs re-run under that choice.

import type { ValidationIssue } from '../sim/schema/schema.ts';
import { parseJobTableText, type JobTable } from '../sim/jobs/jobTable.ts';
import {
  choiceOf,
  jobReport,
  jobTableTitle,
  tableNameOf,
  withChoice,
  type CpuChoice,
  type JobReport,
} from '../viz/cpu/index.ts';
import { BUILT_IN_JOBS } from './builtinJobs.ts';
import { locale } from './i18n/locale.svelte.ts';
import { MAX_FILE_BYTES } from './appState.svelte.ts';

/** All state of the CPU scheduling view. */
export class JobLab {
  /** The table being edited, as text. */
  text = $state('');
  /** Where the text came from: a built-in file name, a loaded file, or "your table". */
  source = $state('');
  /**
   * The name of the table opened or run last, valid or not: the view's title. (The results stay
   * those of `table` when the last one did not validate; the view says so.)
   */
  title = $state('');
  /** The problems of the last table that did not validate (the text stays as typed). */
  issues = $state.raw<ValidationIssue[] | null>(null);
  /** The table last run, before the learner's CPU choice. */
  table = $state.raw<JobTable | null>(null);
  choice = $state<CpuChoice>({ policy: 'fcfs', quantum: '10', contextSwitch: '0' });

  /** The table with the choice applied, or the choice's problem. */
  readonly chosen = $derived(
    this.table ? withChoice(this.table, this.choice, locale.language) : null,
  );
  /** The run of the chosen table, or its error. */
  readonly report: JobReport | null = $derived.by(() => {
    const chosen = this.chosen;
    return chosen?.ok ? jobReport(chosen.table, {}, locale.language) : null;
  });

  constructor(initial = BUILT_IN_JOBS.find((j) => j.file === 'silberschatz-rr.json')) {
    if (initial) this.openBuiltIn(initial.file);
  }

  /** Opens a built-in table and runs it with its own CPU settings. */
  openBuiltIn(file: string): void {
    const found = BUILT_IN_JOBS.find((j) => j.file === file);
    if (!found) return;
    this.text = found.text;
    this.source = found.file;
    this.run();
  }

  /** Reads a file into the text box and runs it. */
  async openFile(file: File): Promise<void> {
    if (file.size > MAX_FILE_BYTES) {
      this.title = tableNameOf(file.name);
      this.issues = [
        {
          path: file.name,
          message: `the file is ${file.size} bytes; the limit is ${MAX_FILE_BYTES}`,
        },
      ];
      return;
    }
    this.text = await file.text();
    this.source = file.name;
    this.run();
  }

  /** Validates the text; a good table replaces the one shown and resets the CPU choice to its own. */
  run(): void {
    const result = parseJobTableText(this.text, tableNameOf(this.source));
    this.title = result.ok ? result.table.name : jobTableTitle(this.text, this.source);
    if (!result.ok) {
      this.issues = result.issues;
      return;
    }
    this.issues = null;
    this.table = result.table;
    this.choice = choiceOf(result.table);
  }
}
