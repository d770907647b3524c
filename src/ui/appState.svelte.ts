// The app's state: the loaded scenario, the seed and limits being typed, the run (streamed in from
// the simulation worker, then its summary, narrated log and trace fingerprint; or again with less
// detail after a limit), the moment shown and what is selected, and the problems of a file that
// failed to load. Big data is $state.raw.

import { ENGLISH, type Language } from '../engine/language.ts';
import type { StopReason } from '../engine/simulator.ts';
import type { Trace, TraceRecords } from '../engine/trace.ts';
import {
  DEFAULT_MAX_EVENTS,
  formatSummaryLines,
  parseScenarioText,
  validateScenario,
  type RunSummary,
  type Scenario,
  type ValidationIssue,
} from '../sim/documents.ts';
import { packedRecords, TraceIndex } from '../viz/trace/index.ts';
import defaultScenarioJson from '../../simulations/ping-over-a-link.json';
/** The file of the scenario the page opens with. */
const DEFAULT_SCENARIO_FILE = 'ping-over-a-link.json';
import type { Narration } from '../viz/log/index.ts';
import { networkNames, type NetworkNames } from '../viz/names/index.ts';
import { locale } from './i18n/locale.svelte.ts';
import { Player } from './player.svelte.ts';
import type { EditTarget, ScenarioEdits } from './scenarioEdits.svelte.ts';
import type { SavedSession } from './editor/sessionStore.ts';
import type { Selection } from '../viz/view/index.ts';
import type { WorkerMessage } from './worker/messages.ts';
import type { CancelRun, RunOptions, RunListener } from './worker/simClient.ts';
import { DEFAULT_MAX_RECORDS, type RunDetail } from './worker/runLimits.ts';
import {
  DEFAULT_TIME_LIMIT_S,
  parseMaxEvents,
  parseMaxRecords,
  parseSeed,
  parseTimeLimit,
} from './runFields.ts';

export {
  parseMaxEvents,
  parseMaxRecords,
  parseSeed,
  parseTimeLimit,
  DEFAULT_TIME_LIMIT_S,
} from './runFields.ts';

/** Largest scenario file the page reads; bigger ones are refused with a message. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Records narrated at once when a run ends; the rest are told a few milliseconds at a time. */
const FIRST_NARRATED = 2000;

/** A finished run as the view shows it. */
export interface RunView {
  seed: number;
  summary: RunSummary;
  /** The summary as the CLI prints it (formatSummaryLines). */
  summaryLines: string[];
  /**
   * The run told as sentences, one entry per record; for a long run it is still being told,
   * a slice at a time (HandshakeApp.logVersion counts the slices). Null while the app has no
   * narrator (an embed, until its log is opened).
   */
  narration: Narration | null;
  /** Records in the whole trace. */
  traceRecords: number;
  /** Wall-clock time the run took in this browser, in ms. */
  wallMs: number;
  /** Every record, or only packet records (then the summary is the worker's, the log thinner). */
  detail: RunDetail;
}

/** A document that could not be loaded, and why. */
export interface LoadProblem {
  source: string;
  issues: ValidationIssue[];
}

/**
 * The run being recorded or last recorded: its records so far (one packed trace that grows in
 * place, read by position; `HandshakeApp.liveVersion` counts the batches) and their index for
 * the animation.
 */
export interface LiveRun {
  seed: number;
  maxEvents: number;
  maxRecords: number;
  /** The time limit: real time the run may take, in ms. */
  maxWallMs: number;
  detail: RunDetail;
  records: Trace;
  index: TraceIndex;
  /** Simulated time recorded so far, and the run's time limit (ns). */
  recorded: number;
  until: number;
  events: number;
  status: 'running' | 'done' | 'failed';
  /** Why the run stopped, once it has. */
  reason: StopReason | null;
}

/** Tells a run's records as sentences (src/ui/narrateRun.ts): given, so a page that shows no
 * log need not load the narration. */
export type Narrator = (
  records: TraceRecords,
  names: NetworkNames,
  language: Language,
) => Narration;

/** Makes the edits of a document (src/ui/scenarioEdits.svelte.ts's ScenarioEdits): given, so a
 * page that never edits need not load the editor. */
export type Editor = new (target: EditTarget) => ScenarioEdits;

/** Keeps the edited document where the page's next visit finds it (src/ui/editor/sessionStore.ts):
 * given by the app's page; an embed, on someone else's page, keeps nothing. */
export type SessionKeeper = (session: SavedSession) => void;

/** A run with its narration, as the event log shows it. */
export type NarratedRun = RunView & { narration: Narration };

/** Starts a run and delivers its messages (the worker client; tests may pass their own). */
export type Runner = (options: RunOptions, listener: RunListener) => CancelRun;

export type Fingerprint =
  { status: 'none' } | { status: 'pending' } | { status: 'done'; hex: string | null };

function loadBuiltIn(): { scenario: Scenario | null; problem: LoadProblem | null } {
  const result = validateScenario(defaultScenarioJson);
  return result.ok
    ? { scenario: result.scenario, problem: null }
    : { scenario: null, problem: { source: 'the built-in scenario', issues: result.issues } };
}

/** All state of the page. Components read its fields and call its methods. */
export class HandshakeApp {
  scenario = $state.raw<Scenario | null>(null);
  /** Where the scenario came from: "built-in" or a file name. */
  source = $state('built-in');
  /** The built-in example's file (in simulations/) when one is open, else null. */
  builtInFile = $state<string | null>(null);
  seedText = $state('');
  seedError = $state<string | null>(null);
  problem = $state.raw<LoadProblem | null>(null);
  run = $state.raw<RunView | null>(null);
  runError = $state<string | null>(null);
  fingerprint = $state.raw<Fingerprint>({ status: 'none' });
  maxEventsText = $state(String(DEFAULT_MAX_EVENTS));
  maxEventsError = $state<string | null>(null);
  maxRecordsText = $state(String(DEFAULT_MAX_RECORDS));
  maxRecordsError = $state<string | null>(null);
  timeLimitText = $state(String(DEFAULT_TIME_LIMIT_S));
  timeLimitError = $state<string | null>(null);
  live = $state.raw<LiveRun | null>(null);
  /** Goes up with every batch of records added to `live`. */
  liveVersion = $state(0);
  /** Goes up with every slice of the last run's narration. */
  logVersion = $state(0);
  /** The language the log is told in (the page's: App.svelte keeps it with `tellIn`). */
  language: Language = ENGLISH;
  selection = $state.raw<Selection>(null);
  readonly player = new Player(() =>
    this.live
      ? {
          index: this.live.index,
          end: this.live.recorded,
          finished: this.live.status !== 'running',
        }
      : null,
  );
  /** The scenario document as text: what the worker validates and runs. */
  private text = JSON.stringify(defaultScenarioJson);
  private runs = 0;
  private cancel: CancelRun = () => {};
  private readonly runner: Runner;
  /** Where each edited document is kept (the app's page storage); none: nowhere (an embed). */
  private readonly keep: SessionKeeper | null;

  /** How runs are told as sentences; none until given (useNarrator). */
  private narrator: Narrator | null;

  /** The edits of the document; none until the editor is given (useEditor). */
  private editing = $state.raw<ScenarioEdits | null>(null);

  constructor(options: {
    runner: Runner;
    keep?: SessionKeeper;
    narrator?: Narrator;
    editor?: Editor;
  }) {
    this.runner = options.runner;
    this.keep = options.keep ?? null;
    this.narrator = options.narrator ?? null;
    if (options.editor) this.useEditor(options.editor);
    const { scenario, problem } = loadBuiltIn();
    this.problem = problem;
    if (scenario) this.use(scenario, 'built-in', this.text);
    this.builtInFile = scenario ? DEFAULT_SCENARIO_FILE : null;
  }

  /**
   * Edits of the document from the property panel and the canvas, with undo and redo. Only a page
   * that gave the editor edits (the app's page at once, an embed once its Edit panel is opened):
   * asked for before, this throws.
   */
  get edits(): ScenarioEdits {
    if (!this.editing) throw new Error('HandshakeApp: no editor yet (useEditor)');
    return this.editing;
  }

  /** Edits the document with `editor` from now on (once: later calls keep the first). */
  useEditor(editor: Editor): void {
    this.editing ??= new editor(this);
  }

  /** Whether the document was changed here since it was opened. */
  edited = $state(false);
  /** The text last opened, saved or shared (null: none, as for a restored session). */
  private savedText = $state<string | null>(null);

  /** Whether the document has edits not yet saved, shared or opened as they stand (layout aside). */
  get unsaved(): boolean {
    if (!this.edited || this.text === this.savedText) return false;
    if (this.savedText === null) return true;
    try {
      return JSON.stringify(JSON.parse(this.text)) !== JSON.stringify(JSON.parse(this.savedText));
    } catch {
      return true;
    }
  }

  /** The document as it stands was saved (downloaded) or shared. */
  markSaved(): void {
    this.savedText = this.text;
  }

  /** A replacement of the document waiting for the learner's answer (ReplaceDialog). */
  replacing = $state<{ readonly what: string; readonly proceed: () => void } | null>(null);

  /**
   * Replaces the document with `what` (a template, an example, a file) through `proceed`: at once
   * when nothing would be lost, else only once the learner says so in the dialog. Cancel keeps
   * the edits as they are.
   */
  replaceWith(what: string, proceed: () => void): void {
    if (this.unsaved) this.replacing = { what, proceed };
    else proceed();
  }

  /** The learner's answer to the dialog: replace (true) or keep the edits (false). */
  answerReplace(replace: boolean): void {
    const pending = this.replacing;
    this.replacing = null;
    if (replace) pending?.proceed();
  }

  /** The scenario document as text: what the worker runs and what an edit changes. */
  get documentText(): string {
    return this.text;
  }

  /**
   * Takes an edited document (already validated): its run, of the old document, goes; the
   * selection stays while what it names is still there, and so does the seed the learner typed.
   */
  adoptEdit(scenario: Scenario, text: string): void {
    this.cancel();
    this.scenario = scenario;
    this.text = text;
    this.edited = true;
    this.keep?.({ text, name: scenario.name, source: this.source, savedAt: Date.now() });
    this.live = null;
    this.run = null;
    this.runError = null;
    this.fingerprint = { status: 'none' };
    this.player.reset(false);
    this.runs++;
    const selection = this.selection;
    const stays =
      (selection?.kind === 'node' && scenario.nodes.some((n) => n.id === selection.node)) ||
      (selection?.kind === 'link' && scenario.links.some((l) => l.id === selection.link));
    if (!stays) this.selection = null;
  }

  /** How the log and the summary name nodes and addresses: labels, roles, owners of addresses. */
  names: NetworkNames = $derived(
    networkNames(this.scenario?.nodes ?? [], this.scenario?.events, locale.language),
  );

  private use(scenario: Scenario, source: string, text: string): void {
    this.cancel();
    this.scenario = scenario;
    this.source = source;
    this.text = text;
    this.live = null;
    this.selection = null;
    this.player.reset(false);
    this.seedText = String(scenario.seed ?? 1);
    this.seedError = null;
    this.run = null;
    this.runError = null;
    this.fingerprint = { status: 'none' };
    this.runs++;
    this.edited = false;
    this.savedText = text;
    this.builtInFile = null;
    this.editing?.reset();
  }

  /** Reads a scenario file; a bad one leaves the current scenario loaded and lists its issues. */
  async open(file: File): Promise<void> {
    if (file.size > MAX_FILE_BYTES) {
      this.problem = {
        source: file.name,
        issues: [
          { path: '$', message: `the file is ${file.size} bytes; the limit is ${MAX_FILE_BYTES}` },
        ],
      };
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.problem = {
        source: file.name,
        issues: [{ path: '$', message: `cannot read the file: ${reason}` }],
      };
      return;
    }
    this.openText(text, file.name, file.name);
  }

  /** Opens one of the scenarios shipped with the app (src/ui/builtinScenarios.ts). */
  openBuiltIn(file: string, text: string): void {
    if (this.openText(text, file, 'built-in')) this.builtInFile = file;
  }

  /** Opens a document from a share link (already unpacked), or lists why it cannot be opened. */
  openShared(text: string | { problem: string }): void {
    if (typeof text === 'string') this.openText(text, 'the share link', 'share link');
    else
      this.problem = { source: 'the share link', issues: [{ path: '$', message: text.problem }] };
  }

  /** Starts a new scenario from a template (src/ui/scenarioTemplates.ts). */
  openTemplate(file: string, text: string): void {
    this.openText(text, `the template ${file}`, 'a template');
  }

  /** Opens the edited scenario kept from an earlier visit; a damaged one is refused like a file. */
  restore(session: SavedSession): void {
    if (this.openText(session.text, 'the scenario kept from your last visit', session.source)) {
      this.edited = true;
      this.savedText = null;
    }
  }

  /**
   * Opens a document's text as `source`, or lists its problems under `named` and leaves the
   * current scenario loaded; true when it opened.
   */
  openText(text: string, named: string, source: string): boolean {
    const result = parseScenarioText(text);
    if (!result.ok) {
      this.problem = { source: named, issues: result.issues };
      return false;
    }
    this.problem = null;
    this.use(result.scenario, source, text);
    return true;
  }

  dismissProblem(): void {
    this.problem = null;
  }

  /** What the learner selected in any panel (null to clear). */
  select(selection: Selection): void {
    this.selection = selection;
  }

  /**
   * Runs the scenario with the seed and limits in the fields: in the simulation worker,
   * records streaming into `live` as they come; then the summary, the log and the fingerprint.
   */
  start(): void {
    if (!this.scenario) return;
    const parsed = parseSeed(this.seedText);
    this.seedError = parsed.ok ? null : parsed.error;
    const limit = parseMaxEvents(this.maxEventsText);
    this.maxEventsError = limit.ok ? null : limit.error;
    const budget = parseMaxRecords(this.maxRecordsText);
    this.maxRecordsError = budget.ok ? null : budget.error;
    const time = parseTimeLimit(this.timeLimitText);
    this.timeLimitError = time.ok ? null : time.error;
    if (!parsed.ok || !limit.ok || !budget.ok || !time.ok) return;
    this.launch({
      seed: parsed.seed,
      maxEvents: limit.maxEvents,
      maxRecords: budget.maxRecords,
      maxWallMs: time.maxWallMs,
      detail: 'full',
    });
  }

  /**
   * Runs the last run's scenario, seed and limits again keeping only packet records, so it goes
   * further within the record budget (offered when a run stopped at the budget or time limit).
   */
  rerunWithLessDetail(): void {
    const live = this.live;
    if (!this.scenario || !live) return;
    const { seed, maxEvents, maxRecords, maxWallMs } = live;
    this.launch({ seed, maxEvents, maxRecords, maxWallMs, detail: 'packets' });
  }

  // ---- Actions at a moment (issue 14): an edit at t is a new run replayed to t (DESIGN.md §3).
  /** A moment to show, paused, once the run now starting has recorded it. */
  private showWhenRecorded: number | null = null;

  /**
   * Runs the (edited) document again with the seed in the field, the last run's unless the
   * learner changed it, and shows moment `t`, paused, as soon as the run has recorded it.
   */
  replayAt(t: number): void {
    this.start();
    if (this.live?.status !== 'running') return;
    this.player.reset(false);
    this.showWhenRecorded = t;
  }

  private showPending(live: LiveRun): void {
    const t = this.showWhenRecorded;
    if (t === null || (live.status === 'running' && live.recorded < t)) return;
    this.showWhenRecorded = null;
    this.player.seek(t);
  }
  // ---- end of actions at a moment

  private launch(limits: Omit<RunOptions, 'text'> & Pick<LiveRun, 'maxWallMs' | 'detail'>): void {
    const scenario = this.scenario;
    if (!scenario) return;
    this.cancel();
    this.showWhenRecorded = null;
    const token = ++this.runs;
    const began = performance.now();
    const live: LiveRun = {
      ...limits,
      records: packedRecords(),
      index: new TraceIndex(),
      recorded: 0,
      until: scenario.until ?? 0,
      events: 0,
      status: 'running',
      reason: null,
    };
    this.live = live;
    this.run = null;
    this.runError = null;
    // A node or a link stays selected (the scenario is the same); a packet or connection of the
    // old run does not.
    if (this.selection?.kind !== 'node' && this.selection?.kind !== 'link') this.selection = null;
    this.fingerprint = { status: 'none' };
    this.player.reset();
    this.cancel = this.runner({ text: this.text, ...limits }, (message) => {
      if (token === this.runs) this.receive(scenario, live, message, began, token);
    });
  }

  private receive(
    scenario: Scenario,
    live: LiveRun,
    message: WorkerMessage,
    began: number,
    token: number,
  ): void {
    switch (message.type) {
      case 'progress': {
        const records = live.records;
        const from = records.length;
        records.applyDelta(message.delta);
        live.index.appendFrom(records, from);
        live.recorded = message.now;
        live.until = message.until;
        live.events = message.events;
        this.liveVersion++;
        this.showPending(live);
        break;
      }
      case 'done':
        this.finish(live, began, token, message.summary);
        break;
      case 'fingerprint':
        this.fingerprint = { status: 'done', hex: message.hex };
        break;
      case 'invalid':
        this.live = null;
        this.problem = { source: this.source, issues: message.issues };
        break;
      case 'error':
        this.live = { ...live, status: 'failed' };
        this.runError = message.message;
        break;
    }
  }

  /** The run shown, if it is told as sentences (what the event log shows). */
  get narratedRun(): NarratedRun | null {
    const run = this.run;
    return run?.narration ? (run as NarratedRun) : null;
  }

  /** Tells runs with `narrator` from now on, starting with the run shown. */
  useNarrator(narrator: Narrator): void {
    if (this.narrator) return;
    this.narrator = narrator;
    const run = this.run;
    const live = this.live;
    if (!run || !live || run.narration) return;
    const narration = this.narrate(live.records, this.language);
    if (!narration) return;
    this.run = { ...run, narration };
    this.tellRest(narration, this.runs);
  }

  /** A new narration of `records` in `language`, its first stretch told; null without a narrator. */
  private narrate(records: TraceRecords, language: Language): Narration | null {
    if (!this.narrator) return null;
    const narration = this.narrator(records, this.namesIn(language), language);
    narration.advance(FIRST_NARRATED);
    return narration;
  }

  /** How the log names nodes and addresses in `language` (a device's role word: Router r1). */
  private namesIn(language: Language): NetworkNames {
    return networkNames(this.scenario?.nodes ?? [], this.scenario?.events, language);
  }

  /** The narration being told in slices now: the run's, or the run's in a new language. */
  private telling: Narration | null = null;

  /**
   * Tells the rest of a long run a few milliseconds per task, so the page never stalls, and lets
   * the log redraw about ten times a second while it does (every slice would cost frames). A
   * narration in a new language (tellIn) takes the run's place once it has told as much.
   */
  private tellRest(narration: Narration, token: number): void {
    this.telling = narration;
    let shown = performance.now();
    const slice = () => {
      if (token !== this.runs || this.telling !== narration) return;
      if (narration.done) return;
      const stop = performance.now() + (this.player.busy() ? 3 : 8);
      while (!narration.done && performance.now() < stop) narration.advance(250);
      this.adoptIfCaughtUp(narration);
      if (narration.done || performance.now() - shown > 100) {
        this.logVersion++;
        shown = performance.now();
      }
      if (!narration.done) setTimeout(slice, 0);
    };
    if (!narration.done) setTimeout(slice, 0);
  }

  /** Shows `narration` (of the run shown, in another language) once it has told as much. */
  private adoptIfCaughtUp(narration: Narration): void {
    const run = this.run;
    if (!run?.narration || run.narration === narration) return;
    if (narration.done || narration.told >= run.narration.told) this.run = { ...run, narration };
  }

  /**
   * Tells the log in `language` from now on (the page's language changed). The run shown is
   * told again in it, in slices as after a run: the log keeps the old sentences until the new
   * ones have caught up with them (at once for a short run), so the list keeps its length and
   * the reader's place; entries stay one per record, so what is selected stays too.
   */
  tellIn(language: Language): void {
    if (language === this.language) return;
    this.language = language;
    const run = this.run;
    const old = run?.narration;
    if (!old) return;
    // Back to the language shown before the new one caught up: go on telling the one shown.
    if (old.language === language) return this.tellRest(old, this.runs);
    const narration = this.narrate(old.records, language);
    if (!narration) return;
    this.adoptIfCaughtUp(narration);
    this.tellRest(narration, this.runs);
  }

  private finish(live: LiveRun, began: number, token: number, summary: RunSummary): void {
    const records = live.records;
    // Every figure as the worker folded it while the run went, with the CLI's own folds.
    this.live = { ...live, status: 'done', reason: summary.reason, recorded: summary.simulatedNs };
    const narration = this.narrate(records, this.language);
    if (narration) this.tellRest(narration, token);
    this.run = {
      seed: live.seed,
      summary,
      summaryLines: formatSummaryLines(summary),
      narration,
      traceRecords: records.length,
      wallMs: performance.now() - began,
      detail: live.detail,
    };
    // The fingerprint is of the whole trace, to compare with the CLI's: the worker hashes its
    // packed trace and sends it next. A run with less detail has none.
    if (live.detail === 'full') this.fingerprint = { status: 'pending' };
    this.showPending(this.live);
  }
}
