// The lesson player's state on the page: which built-in lesson is open, the learner's progress
// (src/lessons/lessonProgress.ts, saved in localStorage per lesson and restored on reload), and
// the steps' actions on the workspace: opening the lesson's scenario, running it to a step's
// moment, and checking a task against the learner's own run of the document as it stands.
// LessonPanel.svelte draws it; the logic about lessons lives in src/lessons.

import {
  checkTask,
  choose,
  firstTime,
  goTo,
  holds,
  lessonDone,
  machineFeedback,
  machineNode,
  markDone,
  recordChange,
  pickMachine,
  replayPicks,
  resetStep,
  stepDecisions,
  restoreProgress,
  stepPacket,
  type AnswerNote,
  type Condition,
  type LessonProgress,
  type StepPacket,
  type TimedProgress,
} from '../lessons/index.ts';
import type { HandshakeApp } from './appState.svelte.ts';
import { builtInLessons, type BuiltInLesson } from './builtinLessons.ts';
import { machineWords } from './machineWords.ts';
import { locale, t } from './i18n/locale.svelte.ts';
import { pageStorage } from './editor/sessionStore.ts';
import { wallClock } from './lessonExport.ts';

const OPEN_KEY = 'handshake.lesson.open';
const progressKey = (key: string) => `handshake.lesson.progress.${key}`;

type Usable = Extract<BuiltInLesson, { ok: true }>;

/** What waits for the run the player started: playing to a step's moment, or checking a task. */
type Pending = { kind: 'moment'; until: Condition } | { kind: 'check' } | null;

export class LessonPlayer {
  /** The built-in lessons in the page's language (German where translated; keys in English). */
  get lessons(): readonly BuiltInLesson[] {
    return this.options.lessons?.() ?? builtInLessons(locale.language);
  }
  /** The open lesson's key; the lesson itself follows the language (`open`). */
  private openKey = $state<string | null>(null);
  get open(): Usable | null {
    const lesson = this.lessons.find((l) => l.key === this.openKey);
    return lesson?.ok ? lesson : null;
  }
  progress = $state.raw<TimedProgress | null>(null);
  /** The packet an encapsulation step opened its quiz on (LessonPanel shows PacketQuiz). */
  quizPacket = $state.raw<StepPacket | null>(null);
  /** What the last action said (feedback, a hint, a result): read out by the live region. */
  message = $state('');
  /** Said above the list of lessons: why a lesson asked for by the page's link did not open. */
  notice = $state('');
  /** An instructor's switch: every panel shown, whatever the lesson hides (learner mode off). */
  showAll = $state(false);

  /** The panels the open lesson hides from the learner (none once `showAll` is on). */
  get hidden(): readonly string[] {
    return this.open && !this.showAll ? this.open.lesson.hide : [];
  }

  /** The hint the last failed check brought out, if any. */
  hint = $state<string | null>(null);
  private pending: Pending = null;

  /**
   * `lessons`: the lessons offered, in the page's language (the built-in ones by default; an
   * embed offers the one it shows). `remember`: whether the open lesson is kept for the next
   * visit (the app's page does; an embed opens the lesson its attribute names). Progress is kept
   * either way.
   */
  constructor(
    private readonly app: HandshakeApp,
    private readonly options: {
      lessons?: () => readonly BuiltInLesson[];
      remember?: boolean;
    } = {},
  ) {
    if (options.remember === false) return;
    const key = pageStorage()?.getItem(OPEN_KEY);
    const lesson = this.lessons.find((l) => l.key === key);
    if (lesson?.ok) this.show(lesson, false);
  }

  /** Whether the lesson `key` was finished (read from its saved progress). */
  finished(key: string): boolean {
    const lesson = this.lessons.find((l) => l.key === key);
    if (!lesson?.ok) return false;
    return lessonDone(restoreProgress(key, lesson.lesson, this.saved(key)).progress);
  }

  /** Opens a lesson: its progress as saved, and its scenario in the workspace (asking first). */
  start(key: string): void {
    const lesson = this.lessons.find((l) => l.key === key);
    if (!lesson?.ok) return;
    this.app.replaceWith(t('lesson.theScenarioOf', { title: lesson.lesson.title }), () =>
      this.show(lesson, true),
    );
  }

  /**
   * Opens the lesson a link names (`?lesson=KEY`, the file name without .md), as a learner does
   * by picking it; a name that is no usable lesson is said above the list, as text.
   */
  startFromLink(key: string): void {
    const lesson = this.lessons.find((l) => l.key === key);
    if (lesson?.ok) {
      if (this.open?.key !== key) this.start(key);
      return;
    }
    const shown = key.length > 80 ? `${key.slice(0, 80)}…` : key;
    this.notice = lesson
      ? t('lesson.linkBroken', { key: shown, problem: lesson.problem })
      : t('lesson.linkUnknown', { key: shown });
  }

  /** Back to the list of lessons (progress stays saved). */
  close(): void {
    this.openKey = null;
    this.progress = null;
    this.pending = null;
    this.message = '';
    this.hint = null;
    this.quizPacket = null;
    if (this.options.remember !== false) pageStorage()?.removeItem(OPEN_KEY);
  }

  private show(lesson: Usable, openScenario: boolean): void {
    const restored = restoreProgress(lesson.key, lesson.lesson, this.saved(lesson.key));
    this.openKey = lesson.key;
    this.progress = restored.progress;
    this.message = restored.note === null ? '' : t('lesson.progressReset');
    this.hint = null;
    this.pending = null;
    this.quizPacket = null;
    if (this.options.remember !== false) pageStorage()?.setItem(OPEN_KEY, lesson.key);
    if (openScenario) this.app.openBuiltIn(lesson.scenario.file, lesson.scenario.text);
    this.pointOut();
  }

  /**
   * Whether the workspace shows the open lesson's scenario (by name: the learner's edits keep
   * it). After a reload it may show another, which `openScenario` brings back.
   */
  get scenarioShown(): boolean {
    return !this.open || this.app.scenario?.name === this.open.scenario.name;
  }

  /** Opens the lesson's scenario again (asking first when edits would be lost). */
  openScenario(): void {
    const lesson = this.open;
    if (!lesson) return;
    this.app.replaceWith(t('lesson.theScenarioOf', { title: lesson.lesson.title }), () =>
      this.app.openBuiltIn(lesson.scenario.file, lesson.scenario.text),
    );
  }

  private saved(key: string): unknown {
    try {
      const text = pageStorage()?.getItem(progressKey(key));
      return text ? JSON.parse(text) : null;
    } catch {
      return 'unreadable';
    }
  }

  /** Keeps and saves progress, with what changed stamped by the clock (progressHistory.ts). */
  private set(next: LessonProgress, note?: AnswerNote): void {
    const lesson = this.open?.lesson;
    const before = this.progress?.lesson === next.lesson ? this.progress : null;
    const progress = lesson ? recordChange(before, next, lesson, wallClock(), note) : next;
    this.progress = progress;
    try {
      pageStorage()?.setItem(progressKey(progress.lesson), JSON.stringify(progress));
    } catch {
      // storage full or not allowed: the lesson goes on, unsaved
    }
  }

  get step() {
    return this.open && this.progress ? this.open.lesson.steps[this.progress.current] : undefined;
  }

  go(offset: number): void {
    if (!this.progress) return;
    this.set(goTo(this.progress, this.progress.current + offset));
    this.message = '';
    this.hint = null;
    this.pending = null;
    this.quizPacket = null;
    this.pointOut();
  }

  /** A narrate step read. */
  understood(): void {
    if (!this.progress) return;
    this.set(markDone(this.progress));
    this.go(1);
  }

  /** Picks a choice of a predict or quiz step; a quiz answer says its feedback. */
  pick(choice: number): void {
    const step = this.step;
    if (!this.open || !this.progress || !step) return;
    this.set(choose(this.progress, this.open.lesson, choice));
    if (step.kind === 'quiz') this.message = step.choices[choice]?.feedback ?? '';
  }

  /** A pick in a machine step, checked against the real component; the rule is said either way. */
  machinePick(pick: string): void {
    const step = this.step;
    const open = this.open;
    if (!open || !this.progress || step?.kind !== 'machine') return;
    const words = machineWords();
    const decisions = stepDecisions(step, () => JSON.parse(open.scenario.text), words);
    if (typeof decisions === 'string') return void (this.message = decisions);
    const picks = [...(this.progress.steps[this.progress.current]?.picks ?? []), pick];
    const replay = replayPicks(decisions, picks);
    this.set(pickMachine(this.progress, open.lesson, pick, replay.done));
    this.message = machineFeedback(decisions, replay, words);
  }

  /** Plays the run to the moment the current run, predict or encapsulation step waits for. */
  playToMoment(): void {
    const step = this.step;
    if (step?.kind === 'encapsulation') this.pending = { kind: 'moment', until: step.packet };
    else if (step?.kind === 'run' || step?.kind === 'predict')
      this.pending = { kind: 'moment', until: step.until };
    else return;
    this.message = t('lesson.running');
    this.whenRun();
  }

  /** Checks the current task against a run of the document as it stands now. */
  check(): void {
    if (this.step?.kind !== 'task') return;
    this.pending = { kind: 'check' };
    this.message = t('lesson.checking');
    this.whenRun();
  }

  /** The current step as it was before the learner touched it. */
  reset(): void {
    if (!this.progress) return;
    this.set(resetStep(this.progress));
    this.message = '';
    this.hint = null;
    this.quizPacket = null;
  }

  /**
   * Does what waits for a run: at once when a run of the document is over, else it starts one
   * (LessonPanel calls this again when the run is over).
   */
  whenRun(): void {
    const app = this.app;
    const pending = this.pending;
    if (!pending || !this.open || !this.progress) return;
    const live = app.live;
    if (!app.run || !live || live.status !== 'done') {
      if (live?.status !== 'running') app.start();
      return;
    }
    this.pending = null;
    const facts = {
      records: live.records,
      summary: app.run.summary,
      document: JSON.parse(app.documentText) as unknown,
    };
    if (pending.kind === 'check') {
      const result = checkTask(this.progress, this.open.lesson, holds(this.stepCheck(), facts));
      this.set(result.progress);
      this.hint = result.hint;
      this.message = result.hint === null ? t('lesson.doneShows') : t('lesson.notYet');
      return;
    }
    if (this.step?.kind === 'encapsulation') return this.openQuiz(live.records);
    const until = pending.until;
    const at =
      'record' in until
        ? firstTime(until, live.records)
        : holds(until, facts)
          ? live.recorded
          : null;
    if (at === null) {
      this.message = t('lesson.noMoment');
      return;
    }
    app.player.pause();
    app.player.seek(at);
    this.set(markDone(this.progress));
    const step = this.step;
    this.message =
      step?.kind === 'predict'
        ? t('lesson.answer', { answer: step.choices[step.answer] ?? '' })
        : t('lesson.moment');
  }

  /**
   * An encapsulation step at its moment (its packet's, which an ARP frame matching the step's
   * record before it does not move): its packet selected and its quiz opened.
   */
  private openQuiz(records: Parameters<typeof stepPacket>[1]): void {
    const step = this.step;
    if (step?.kind !== 'encapsulation') return;
    const found = stepPacket(step.packet, records, locale.language);
    if (!found.ok) {
      this.message = t('lesson.packetMissing', { reason: found.reason });
      return;
    }
    this.app.player.pause();
    this.app.player.seek(found.packet.t);
    this.quizPacket = found.packet;
    this.app.select({ kind: 'packet', pkt: found.packet.pkt, link: found.packet.link });
    this.message = t('lesson.packetHere', { pkt: String(found.packet.pkt) });
  }

  /** The encapsulation quiz of the current step answered to its last layer. */
  quizFinished(score: { right: number; asked: number }): void {
    if (!this.progress || this.step?.kind !== 'encapsulation') return;
    this.set(markDone(this.progress), {
      response: `${score.right} of ${score.asked} right`,
      success: score.right === score.asked,
    });
  }

  private stepCheck(): Condition {
    const step = this.step;
    if (step?.kind !== 'task') throw new Error('not a task');
    return step.check;
  }

  /** Selects what a narrate or task step points at (the first node or link it names). */
  private pointOut(): void {
    const step = this.step;
    if (step?.kind === 'machine') {
      const id = machineNode(step);
      if (id && this.app.scenario?.nodes.some((n) => n.id === id))
        this.app.select({ kind: 'node', node: id });
      return;
    }
    if (step?.kind !== 'narrate' && step?.kind !== 'task') return;
    for (const h of step.highlight) {
      const [what, id = ''] = h.split(':');
      if (what === 'node' && this.app.scenario?.nodes.some((n) => n.id === id)) {
        this.app.select({ kind: 'node', node: id });
        return;
      }
      if (what === 'link' && this.app.scenario?.links.some((l) => l.id === id)) {
        this.app.select({ kind: 'link', link: id });
        return;
      }
    }
  }
}
