// One embed's state, behind its element or iframe: the HandshakeApp it shows (run in the page in
// slices, nothing remembered in the host page's storage), the options its attributes ask for, the
// lesson it plays if any, and what went wrong in words. It loads documents, runs them once they
// are open, plays only while visible, and tells its host what happens (ready, step, complete,
// error) through the callbacks the element turns into DOM events. EmbedApp.svelte draws it.

import { parseDuration } from '../engine/time.ts';
import { spoken } from '../sim/documents.ts';
import { HandshakeApp } from '../ui/appState.svelte.ts';
import { locale, t } from '../ui/i18n/locale.svelte.ts';
import type { LessonPlayer } from '../ui/lessonPlayer.svelte.ts';
import { loadDocument, type DocumentContext } from './embedDocuments.ts';
import { readEmbedOptions, type AttributeReader, type EmbedOptions } from './embedOptions.ts';
import type { LiveRun, Runner } from '../ui/appState.svelte.ts';

/** What an embed tells its host; the element dispatches each as a DOM event (hs-ready, ...). */
export interface EmbedCallbacks {
  ready(detail: { name: string; duration: number }): void;
  step(detail: { time: number; playing: boolean }): void;
  complete(detail: { time: number; lesson: boolean }): void;
  error(detail: { message: string; where: string }): void;
}

/** Why the box shows no simulation: where it went wrong and the sentences that say so. */
export interface EmbedProblem {
  where: string;
  lines: string[];
}

/**
 * Runs a document in the page with the simulator fetched on the first run: the element shows its
 * picture and controls without waiting for the engine, TCP and the rest of the core, which come
 * in a chunk of their own (beside the kinds the scenario needs). A failed fetch is the run's error.
 */
const runInPage: Runner = (options, listener) => {
  let cancel: (() => void) | null = null;
  let cancelled = false;
  import('../ui/worker/pageRun.ts').then(
    ({ startPageRun }) => {
      if (!cancelled) cancel = startPageRun(options, listener);
    },
    (error: unknown) => {
      if (!cancelled)
        listener({
          type: 'error',
          message: error instanceof Error ? error.message : String(error),
        });
    },
  );
  return () => {
    cancelled = true;
    cancel?.();
  };
};

/** The fewest ms between two hs-step events while playing (seeks and steps always tell). */
export const STEP_EVENT_MS = 250;

export class EmbedSession {
  // Nothing kept in the host page's storage; no narrator nor editor until a panel needs one.
  readonly app = new HandshakeApp({ runner: runInPage });
  options = $state.raw<EmbedOptions>(readEmbedOptions(() => null).options);
  problem = $state.raw<EmbedProblem | null>(null);
  /** True while documents are being fetched. */
  loading = $state(false);
  lessons = $state.raw<LessonPlayer | null>(null);
  /** Where "Open in Handshake" goes: the app, with this document or lesson. */
  openUrl = $state<string | null>(null);
  /** Whether the element is on screen (an IntersectionObserver says). */
  visible = $state(false);
  /** The colour scheme the picture draws in (the element's data-theme, else the system's). */
  scheme = $state<'light' | 'dark'>('light');
  private lessonDone: (() => boolean) | null = null;
  private lessonTold = false;
  private readyTold: LiveRun | null = null;
  private playWhenVisible = false;
  private loads = 0;
  private told = { time: -1, at: -Infinity, complete: false };

  /** `appUrl`: the app's own page (index.html next to the module), for "Open in Handshake". */
  constructor(
    private readonly callbacks: EmbedCallbacks,
    private readonly context: DocumentContext,
    private readonly appUrl: URL,
  ) {}

  /** Reads the attributes and loads what they name; a problem is shown and told as hs-error. */
  async configure(read: AttributeReader, controlsByDefault = false): Promise<void> {
    const load = ++this.loads;
    const { options, problems } = readEmbedOptions(read, controlsByDefault);
    this.options = options;
    if (problems.length > 0) {
      const first = problems[0]!;
      return this.fail(
        first.where,
        problems.map((p) => `The attribute ${p.where} ${p.message}.`),
      );
    }
    this.loading = true;
    try {
      let scenarioText: string | null = null;
      let scenarioFrom = 'the built-in example';
      if (options.scenario) {
        const loaded = await loadDocument(options.scenario, 'the scenario', this.context);
        if (load !== this.loads) return;
        if (!loaded.ok) return this.fail('scenario', [loaded.message]);
        scenarioText = loaded.text;
        scenarioFrom = loaded.from;
      }
      if (options.lesson) {
        const { openLesson } = await import('./embedLesson.ts');
        const opened = await openLesson(this.app, options.lesson, scenarioText, this.context);
        if (load !== this.loads) return;
        if (!opened.ok) return this.fail('lesson', opened.lines);
        this.lessons = opened.player;
        this.lessonDone = opened.done;
        this.lessonTold = false;
        this.openUrl = opened.openUrl(this.appUrl);
        if (this.openUrl === null) void this.shareUrl(load);
      } else {
        this.lessons = null;
        if (scenarioText !== null && !this.open(scenarioText, scenarioFrom)) return;
        this.openUrl = null;
        void this.shareUrl(load);
      }
      this.problem = null;
      this.opened();
    } finally {
      if (load === this.loads) this.loading = false;
    }
  }

  /** Opens a document given by the host's script (load()) and runs it; rejects, the problem shown, if bad. */
  async load(document: unknown): Promise<void> {
    const load = ++this.loads;
    let text: string;
    try {
      text = typeof document === 'string' ? document : JSON.stringify(document);
      if (typeof text !== 'string') throw new TypeError('nothing to write');
    } catch {
      this.fail('load', ['load(doc) takes a scenario document: its JSON text or the object.']);
      throw new TypeError('handshake-sim load(doc): doc must be JSON text or a plain object');
    }
    this.lessons = null;
    if (!this.open(text, 'the document given to load()')) {
      throw new Error(`handshake-sim load(doc): ${this.problem?.lines.join(' ') ?? 'invalid'}`);
    }
    this.problem = null;
    this.openUrl = null;
    void this.shareUrl(load);
    this.opened();
  }

  /** A document is open: the seed asked for, then its run. */
  private opened(): void {
    if (this.options.seed !== null) this.app.seedText = String(this.options.seed);
    this.run();
  }

  private open(text: string, from: string): boolean {
    if (this.app.openText(text, from, from)) return true;
    const issues = this.app.problem?.issues ?? [];
    this.app.dismissProblem();
    this.fail('scenario', [
      `The scenario from ${from} cannot be used:`,
      ...issues.slice(0, 8).map((i) => `${i.path}: ${spoken(i, locale.language)}`),
      ...(issues.length > 8 ? [`… and ${issues.length - 8} more`] : []),
    ]);
    return false;
  }

  /** The app's link to this document, packed in the URL as a share link does. */
  private async shareUrl(load: number): Promise<void> {
    const { shareFragment } = await import('../viz/share/index.ts');
    const fragment = await shareFragment(this.app.documentText);
    if (load === this.loads) this.openUrl = `${this.appUrl.href}${fragment}`;
  }

  private fail(where: string, lines: string[]): void {
    this.app.player.pause();
    this.problem = { where, lines };
    this.loading = false;
    this.callbacks.error({ where, message: lines.join(' ') });
  }

  /** The open document's run failed: said in the box and told as hs-error; Run again may retry. */
  runFailed(message: string): void {
    this.fail('run', [t('run.failed', { reason: message })]);
  }

  /** Runs the open document with the seed in the field; plays it if autoplay and on screen. */
  run(): void {
    const app = this.app;
    if (!app.scenario) return;
    if (this.problem?.where === 'run') this.problem = null;
    app.start();
    if (app.seedError) return;
    if (this.options.speed !== null) app.player.setSpeed(this.options.speed);
    app.player.pause();
    this.told = { time: 0, at: -Infinity, complete: false };
    // Asked to play before (play() while loading), or autoplay where motion is welcome.
    this.playWhenVisible ||= this.options.autoplay && !app.player.reducedMotion;
    if (this.playWhenVisible && this.visible) this.play();
  }

  /** The run is recorded (EmbedApp sees it end): the host hears hs-ready, once a run. */
  recorded(live: LiveRun): void {
    if (!this.app.scenario || this.readyTold === live) return;
    this.readyTold = live;
    this.callbacks.ready({ name: this.app.scenario.name, duration: live.recorded });
  }

  /** Plays the run: at once when there is one on screen, else once there is. */
  play(): void {
    if (!this.app.live || !this.visible) {
      this.playWhenVisible = true;
      return;
    }
    this.playWhenVisible = false;
    this.app.player.play();
  }

  pause(): void {
    this.playWhenVisible = false;
    this.app.player.pause();
  }

  /** Moves to `t`: simulated seconds as a number, or a duration ("1.5ms"); paused there. */
  seek(t: unknown): void {
    let ns: number;
    if (typeof t === 'number' && Number.isFinite(t) && t >= 0) ns = Math.round(t * 1e9);
    else if (typeof t === 'string') {
      const parsed = parseDuration(t);
      if (!parsed.ok) throw new RangeError(`handshake-sim seek(t): ${parsed.error}`);
      ns = parsed.ns;
    } else
      throw new TypeError(
        'handshake-sim seek(t): t is simulated seconds (a number from 0) or a duration like "2ms"',
      );
    this.app.player.pause();
    this.app.player.seek(ns);
    this.moved(true);
  }

  /** The element came on screen or left it: playing stops off screen and goes on when back. */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    const player = this.app.player;
    if (!visible) {
      if (player.playback.playing) this.playWhenVisible = true;
      player.pause();
    } else if (this.playWhenVisible && this.app.live) {
      this.playWhenVisible = false;
      player.play();
    }
  }

  /**
   * The moment shown changed (EmbedApp calls this as it plays): hs-step at most every
   * STEP_EVENT_MS while playing, at once for a seek; hs-complete when it reaches the run's end.
   */
  moved(force = false): void {
    const live = this.app.live;
    const playback = this.app.player.playback;
    if (!live || playback.time === this.told.time) return;
    const now = performance.now();
    const end = live.status !== 'running' && playback.time >= live.recorded;
    if (force || end || !playback.playing || now - this.told.at >= STEP_EVENT_MS) {
      this.told.time = playback.time;
      this.told.at = now;
      this.callbacks.step({ time: playback.time, playing: playback.playing });
    }
    if (end && !this.told.complete) {
      this.told.complete = true;
      this.callbacks.complete({ time: playback.time, lesson: false });
    } else if (!end) this.told.complete = false;
  }

  /** The lesson's progress changed: hs-complete when it is now finished (once). */
  lessonProgressed(): void {
    const done = this.lessonDone?.() ?? false;
    if (done && !this.lessonTold)
      this.callbacks.complete({ time: this.app.player.playback.time, lesson: true });
    this.lessonTold = done;
  }

  dispose(): void {
    this.loads++;
    this.app.player.pause();
    this.app.player.dispose();
  }
}
