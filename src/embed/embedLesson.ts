// Opens the lesson an embed's `lesson` attribute names: a built-in lesson by its key, or a lesson
// file (Markdown, docs/lessons.md) from a URL or a script element. Its scenario is the `scenario`
// attribute's document when one is given, else the built-in example it names, else the file it
// names relative to the lesson's URL. The lesson player and the lessons are loaded only here, so
// an embed without a lesson never downloads them.

import { loadPanelTexts } from '../ui/i18n/panelTexts.ts';
import { lessonDone, readLesson } from '../lessons/index.ts';
import type { HandshakeApp } from '../ui/appState.svelte.ts';
import type { BuiltInLesson } from '../ui/builtinLessons.ts';
import { locale } from '../ui/i18n/locale.svelte.ts';
import type { LessonPlayer } from '../ui/lessonPlayer.svelte.ts';
import { loadDocument, type DocumentContext } from './embedDocuments.ts';
import { quoted, type EmbedOptions } from './embedOptions.ts';

export type OpenedLesson =
  | {
      ok: true;
      player: LessonPlayer;
      /** The app's link to the lesson, or null when the app has no link to it (a lesson file). */
      openUrl: (app: URL) => string | null;
      /** Whether the learner has finished it. */
      done: () => boolean;
    }
  | { ok: false; lines: string[] };

/** A short stable name for a lesson's text (its progress is kept under it): FNV-1a, 32 bits. */
export function textKey(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function scenarioName(text: string, fallback: string): string {
  try {
    const name = (JSON.parse(text) as { name?: unknown }).name;
    return typeof name === 'string' ? name : fallback;
  } catch {
    return fallback;
  }
}

/** Opens the lesson in `app`, with a player that offers only it; or says why it cannot. */
export async function openLesson(
  app: HandshakeApp,
  source: NonNullable<EmbedOptions['lesson']>,
  scenarioText: string | null,
  context: DocumentContext,
): Promise<OpenedLesson> {
  // The lesson's code, and the panels' English texts its player and panel speak.
  const [{ LessonPlayer }, { builtInLessons }, { BUILT_IN_SCENARIOS }] = await Promise.all([
    import('../ui/lessonPlayer.svelte.ts'),
    import('../ui/builtinLessons.ts'),
    import('../ui/builtinScenarios.ts'),
    loadPanelTexts(),
  ]);
  const withScenario = (lesson: BuiltInLesson & { ok: true }, text: string | null) =>
    text === null
      ? lesson
      : {
          ...lesson,
          scenario: { file: 'scenario.json', name: scenarioName(text, lesson.scenario.name), text },
        };

  let entry: BuiltInLesson & { ok: true };
  let openUrl: (app: URL) => string | null = () => null;
  if (source.kind === 'builtIn') {
    const all = builtInLessons(locale.language);
    const found = all.find((l) => l.key === source.key);
    if (!found)
      return {
        ok: false,
        lines: [
          `There is no built-in lesson ${quoted(source.key)}.`,
          `The lessons are: ${all.map((l) => l.key).join(', ')}.`,
        ],
      };
    if (!found.ok)
      return {
        ok: false,
        lines: [`The lesson ${quoted(source.key)} cannot be used: ${found.problem}.`],
      };
    entry = withScenario(found, scenarioText);
    if (scenarioText === null)
      openUrl = (app) => `${app.href}?lesson=${encodeURIComponent(source.key)}`;
  } else {
    const loaded = await loadDocument(source, 'the lesson', context);
    if (!loaded.ok) return { ok: false, lines: [loaded.message] };
    const read = readLesson(loaded.text);
    if (!read.ok)
      return {
        ok: false,
        lines: [
          `The lesson from ${loaded.from} cannot be used:`,
          ...read.problems.slice(0, 8).map((p) => `line ${p.line}: ${p.message}`),
        ],
      };
    const lesson = read.lesson;
    const file = lesson.scenario.slice(lesson.scenario.lastIndexOf('/') + 1);
    let text = scenarioText;
    text ??= BUILT_IN_SCENARIOS.find((s) => s.file === file)?.text ?? null;
    if (text === null) {
      if (!loaded.url)
        return {
          ok: false,
          lines: [
            `The lesson names its scenario ${quoted(lesson.scenario)}, which is no built-in example: give it with the scenario attribute.`,
          ],
        };
      const scenario = await loadDocument(
        { kind: 'url', url: new URL(lesson.scenario, loaded.url).href },
        "the lesson's scenario",
        context,
      );
      if (!scenario.ok) return { ok: false, lines: [scenario.message] };
      text = scenario.text;
    }
    entry = {
      key: `embedded-${textKey(loaded.text)}`,
      ok: true,
      lesson,
      scenario: { file, name: scenarioName(text, file), text },
    };
  }

  const player = new LessonPlayer(app, { remember: false, lessons: () => [entry] });
  player.start(entry.key);
  if (!app.scenario || app.problem) {
    const issues = app.problem?.issues ?? [];
    app.dismissProblem();
    return {
      ok: false,
      lines: [
        `The lesson's scenario cannot be used:`,
        ...issues.slice(0, 8).map((i) => `${i.path}: ${i.message}`),
      ],
    };
  }
  const done = () => player.progress !== null && lessonDone(player.progress);
  return { ok: true, player, openUrl, done };
}
