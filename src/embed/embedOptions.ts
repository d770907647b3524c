// What an embed is asked to show, read from the <handshake-sim> element's attributes or the
// iframe entry's URL parameters (the same names): where the scenario or lesson comes from, which
// view, whether there are time controls, autoplay, the speed, the seed, the height and read-only.
// A value that cannot be used is a problem that names the attribute and what it takes, shown in
// the element's box; nothing here touches the page.

import { SPEEDS, type Speed } from '../viz/trace/index.ts';

/** What the picture shows: the topology, the ladder diagram, or both side by side. */
export type EmbedView = 'topology' | 'ladder' | 'both';
export const EMBED_VIEWS: readonly EmbedView[] = ['topology', 'ladder', 'both'];

/** Where a document comes from: a URL (relative to the page), or a script element on the page. */
export type DocumentSource = { kind: 'url'; url: string } | { kind: 'inline'; id: string };

export interface EmbedOptions {
  scenario: DocumentSource | null;
  /** A built-in lesson's key (`01-clients-and-servers`), or a lesson file's source. */
  lesson: { kind: 'builtIn'; key: string } | DocumentSource | null;
  view: EmbedView;
  controls: boolean;
  autoplay: boolean;
  speed: Speed | null;
  /** The seed to run with; the scenario's own when null. */
  seed: number | null;
  /** The box's height in CSS pixels. */
  height: number;
  /** No seed field and no re-run: the learner watches and steps only. */
  readonly: boolean;
}

/** An attribute that cannot be used: which, and what it takes. */
export interface EmbedProblem {
  where: string;
  message: string;
}

export const DEFAULT_HEIGHT = 480;
export const MIN_HEIGHT = 200;
export const MAX_HEIGHT = 2000;
/** The longest attribute value shown back in a message. */
const SHOWN = 60;

/** The attribute names, in the order the docs list them. */
export const EMBED_ATTRIBUTES = [
  'scenario',
  'lesson',
  'view',
  'controls',
  'autoplay',
  'speed',
  'seed',
  'height',
  'readonly',
] as const;
export type EmbedAttribute = (typeof EMBED_ATTRIBUTES)[number];

/** Reads one attribute (null when absent), as element.getAttribute or URLSearchParams.get do. */
export type AttributeReader = (name: EmbedAttribute) => string | null;

/** An attribute value as a message quotes it: cut short, so a long one cannot flood the box. */
export function quoted(value: string): string {
  return `"${value.length > SHOWN ? `${value.slice(0, SHOWN)}…` : value}"`;
}

/** A boolean attribute: present is on, as in HTML, unless it says "false" or "0". */
function flag(value: string | null, absent: boolean): boolean {
  if (value === null) return absent;
  return !['false', '0', 'off', 'no'].includes(value.trim().toLowerCase());
}

function source(value: string): DocumentSource {
  const trimmed = value.trim();
  return trimmed.startsWith('#')
    ? { kind: 'inline', id: trimmed.slice(1) }
    : { kind: 'url', url: trimmed };
}

/** A built-in lesson's key: a file name without .md, as the lessons folder has them. */
const LESSON_KEY = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The options the attributes ask for, and a problem for each value that cannot be used.
 * `controlsByDefault` is what an absent `controls` means: off for the element (as on <video>),
 * on for the iframe entry, whose host cannot call play() itself.
 */
export function readEmbedOptions(
  read: AttributeReader,
  controlsByDefault = false,
): { options: EmbedOptions; problems: EmbedProblem[] } {
  const problems: EmbedProblem[] = [];
  const problem = (where: EmbedAttribute, message: string) => problems.push({ where, message });

  const scenarioText = read('scenario');
  const lessonText = read('lesson');
  let scenario: DocumentSource | null = null;
  if (scenarioText !== null) {
    if (scenarioText.trim() === '' || scenarioText.trim() === '#')
      problem('scenario', 'is empty: give a scenario file URL or #id of a script element');
    else scenario = source(scenarioText);
  }
  let lesson: EmbedOptions['lesson'] = null;
  if (lessonText !== null) {
    const trimmed = lessonText.trim();
    if (trimmed === '' || trimmed === '#')
      problem('lesson', 'is empty: give a lesson name, a lesson file URL or #id');
    else if (LESSON_KEY.test(trimmed)) lesson = { kind: 'builtIn', key: trimmed };
    else lesson = source(trimmed);
  }

  const viewText = read('view');
  let view: EmbedView = lesson ? 'topology' : 'both';
  if (viewText !== null) {
    const chosen = EMBED_VIEWS.find((v) => v === viewText.trim().toLowerCase());
    if (chosen) view = chosen;
    else problem('view', `${quoted(viewText)} is not one of ${EMBED_VIEWS.join(', ')}`);
  }

  const speedText = read('speed');
  let speed: Speed | null = null;
  if (speedText !== null) {
    const value = speedText.trim().toLowerCase();
    const chosen = SPEEDS.find((s) => String(s) === value || (s !== 'max' && Number(value) === s));
    if (chosen !== undefined && value !== '') speed = chosen;
    else problem('speed', `${quoted(speedText)} is not one of ${SPEEDS.join(', ')}`);
  }

  const seedText = read('seed');
  let seed: number | null = null;
  if (seedText !== null && seedText.trim() !== '') {
    const value = Number(seedText.trim());
    if (/^\d+$/.test(seedText.trim()) && Number.isSafeInteger(value)) seed = value;
    else problem('seed', `${quoted(seedText)} is not a whole number from 0 up`);
  }

  const heightText = read('height');
  let height = DEFAULT_HEIGHT;
  if (heightText !== null && heightText.trim() !== '') {
    const value = Number(heightText.trim().replace(/px$/i, ''));
    if (Number.isFinite(value) && value >= MIN_HEIGHT && value <= MAX_HEIGHT)
      height = Math.round(value);
    else
      problem(
        'height',
        `${quoted(heightText)} is not a height from ${MIN_HEIGHT} to ${MAX_HEIGHT} pixels`,
      );
  }

  return {
    options: {
      scenario,
      lesson,
      view,
      controls: flag(read('controls'), controlsByDefault),
      autoplay: flag(read('autoplay'), false),
      speed,
      seed,
      height,
      readonly: flag(read('readonly'), false),
    },
    problems,
  };
}
