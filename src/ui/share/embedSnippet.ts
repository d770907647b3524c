// The text the Share / Embed dialog (ShareDialog.svelte) writes for another page: the custom
// element `<handshake-sim>` with its module and the scenario inline as JSON, or an iframe of
// embed.html for hosts that allow no scripts; a built-in lesson is named by its key instead.
// Pure functions over strings (no Svelte, no DOM): the page's address, the document and the
// options come in, HTML text goes out. Attribute values are escaped; the inline JSON cannot end
// its <script> element (inlineJson).

/** Which picture the embedded simulator shows. */
export type EmbedView = 'topology' | 'ladder' | 'both';
export const EMBED_VIEWS: readonly EmbedView[] = ['topology', 'ladder', 'both'];

/** The options both snippets carry. */
export interface EmbedOptions {
  view: EmbedView;
  controls: boolean;
  autoplay: boolean;
  readonly: boolean;
  /** The height in CSS pixels, HEIGHT_MIN..HEIGHT_MAX. */
  height: number;
  /** A seed for the run, or null for the scenario's own. */
  seed: number | null;
}

export const HEIGHT_MIN = 200;
export const HEIGHT_MAX = 2000;

export const DEFAULT_EMBED: EmbedOptions = {
  view: 'both',
  controls: true,
  autoplay: false,
  readonly: false,
  height: 480,
  seed: null,
};

/**
 * What is embedded: the scenario document as it stands (its text inline for the element, its
 * share fragment `#s1.…` for the iframe, its name for the iframe's title), or a built-in lesson by
 * its key (the file name without .md) and title.
 */
export type EmbedSource =
  | { kind: 'scenario'; text: string; fragment: string; name: string }
  | { kind: 'lesson'; key: string; title: string };

/** `s` safe as an HTML attribute value in double (or single) quotes. */
export function escapeAttribute(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * JSON text made safe inside `<script type="application/json">`: no `<` (so no `</script` and no
 * `<!--`), `>` or `&`, and no U+2028/U+2029, each written as its \u escape. These characters can
 * only stand inside JSON strings, where the escape means the same character, so JSON.parse reads
 * the result back to the same value.
 */
export function inlineJson(text: string): string {
  return text
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** FNV-1a (32 bits) over the UTF-8 bytes of `text`, as 8 hex digits: short and stable. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The id of the inline scenario's <script> element: `hs-scenario-` and the text's hash. */
export function scenarioElementId(text: string): string {
  return `hs-scenario-${textHash(text)}`;
}

/**
 * The app's directory URL, ending in `/`, from the page's address: `https://x.org/hs/` for
 * `https://x.org/hs/index.html?lesson=a#s1.…` (no query, no fragment). handshake-sim.js and
 * embed.html are served there, next to index.html.
 */
export function appBase(href: string): string {
  const url = new URL('./', href);
  url.search = '';
  url.hash = '';
  return url.href;
}

/** The custom element's attributes after its source, in a fixed order. */
function elementAttributes(options: EmbedOptions): string {
  const parts = [`view="${options.view}"`];
  // Boolean attributes are written bare when on and left out when off, as HTML's own are.
  if (options.controls) parts.push('controls');
  if (options.autoplay) parts.push('autoplay');
  if (options.readonly) parts.push('readonly');
  parts.push(`height="${options.height}"`);
  if (options.seed !== null) parts.push(`seed="${options.seed}"`);
  return parts.join(' ');
}

/**
 * The snippet for pages that may load scripts: the module, the `<handshake-sim>` element, and
 * for a scenario its document inline in a `<script type="application/json">` the element names
 * by id (`scenario="#hs-scenario-HASH"`). `base` is appBase(location.href).
 */
export function elementSnippet(base: string, source: EmbedSource, options: EmbedOptions): string {
  const module = `<script type="module" src="${escapeAttribute(`${base}handshake-sim.js`)}"></script>`;
  const attributes = elementAttributes(options);
  if (source.kind === 'lesson') {
    return [
      module,
      `<handshake-sim lesson="${escapeAttribute(source.key)}" ${attributes}></handshake-sim>`,
    ].join('\n');
  }
  const id = scenarioElementId(source.text);
  return [
    module,
    `<handshake-sim scenario="#${id}" ${attributes}></handshake-sim>`,
    `<script type="application/json" id="${id}">${inlineJson(source.text.trimEnd())}</script>`,
  ].join('\n');
}

/**
 * embed.html's query for `options`: `lesson` first when there is one, then view, controls,
 * autoplay, readonly and seed. A switch that is on is `=1`. Off, autoplay and readonly are left
 * out (their default is off), but controls is written `controls=0`: embed.html shows the controls
 * unless told not to, so leaving it out would mean on. The height is the iframe's own attribute.
 */
export function embedQuery(options: EmbedOptions, lesson?: string): string {
  const query = new URLSearchParams();
  if (lesson !== undefined) query.set('lesson', lesson);
  query.set('view', options.view);
  query.set('controls', options.controls ? '1' : '0');
  if (options.autoplay) query.set('autoplay', '1');
  if (options.readonly) query.set('readonly', '1');
  if (options.seed !== null) query.set('seed', String(options.seed));
  return query.toString();
}

/**
 * The snippet for hosts that allow no scripts: an iframe of embed.html, the scenario in the
 * same fragment as the share link (`#s1.…`), or the lesson in the query with no fragment.
 */
export function iframeSnippet(base: string, source: EmbedSource, options: EmbedOptions): string {
  const src =
    source.kind === 'lesson'
      ? `${base}embed.html?${embedQuery(options, source.key)}`
      : `${base}embed.html?${embedQuery(options)}${source.fragment}`;
  const name = source.kind === 'lesson' ? source.title : source.name;
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(`Handshake: ${name}`)}"` +
    ` width="100%" height="${options.height}" style="border:0" loading="lazy"></iframe>`
  );
}

/** A field's reading: its value, or that the text is not one. */
export type Reading<T> = { ok: true; value: T } | { ok: false };

/** The height field: a whole number of pixels from HEIGHT_MIN to HEIGHT_MAX. */
export function readHeight(text: string): Reading<number> {
  const trimmed = text.trim();
  const value = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  return value >= HEIGHT_MIN && value <= HEIGHT_MAX ? { ok: true, value } : { ok: false };
}

/** The seed field: empty for the scenario's own seed (null), else a whole number from 0. */
export function readSeed(text: string): Reading<number | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const value = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false };
}
