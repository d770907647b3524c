// The topology picture as a file of its own: which computed style properties carry its look
// (copied onto each element, since the page's stylesheet and CSS variables do not travel), which
// attributes only serve the page (roles, focus, test ids, classes), the view box that fits the
// drawing with a margin, and the standalone SVG document around it. No DOM here: the page's
// part (src/ui/editor/topologyExport.ts) walks the elements and calls these.

/** Style properties that change how an SVG element looks, copied from its computed style. */
export const SVG_STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'paint-order',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/** Attributes that only serve the page (and its tests), dropped from the file. */
export function isPageOnlyAttribute(name: string): boolean {
  return (
    name === 'role' ||
    name === 'tabindex' ||
    name === 'class' ||
    name.startsWith('aria-') ||
    name.startsWith('data-') ||
    name.startsWith('on')
  );
}

/** Properties an element does not take from its parent: always written when not the default. */
const NOT_INHERITED = new Set(['opacity', 'display']);

const DEFAULTS: Readonly<Record<string, string>> = {
  'fill-opacity': '1',
  'stroke-opacity': '1',
  opacity: '1',
  'stroke-dasharray': 'none',
  'font-style': 'normal',
  visibility: 'visible',
  'dominant-baseline': 'auto',
  'paint-order': 'normal',
  display: 'inline',
};

/**
 * `color(srgb 0.42 0.46 0.53)` (how Chromium computes `color-mix`) as `rgb(107, 118, 134)`, which
 * every SVG viewer reads; other values as they are.
 */
export function plainColor(value: string): string {
  return value.replace(
    /color\(srgb\s+([\d.e-]+)\s+([\d.e-]+)\s+([\d.e-]+)(?:\s*\/\s*([\d.e-]+))?\)/g,
    (_all, r: string, g: string, b: string, a: string | undefined) => {
      const channel = (c: string) => Math.round(Math.min(1, Math.max(0, Number(c))) * 255);
      const rgb = `${channel(r)}, ${channel(g)}, ${channel(b)}`;
      return a === undefined || Number(a) === 1 ? `rgb(${rgb})` : `rgba(${rgb}, ${Number(a)})`;
    },
  );
}

/**
 * One `property: value;` list from an element's computed values: what differs from its parent's
 * (the rest is inherited in the file too), never SVG's defaults for what is not inherited.
 */
export function inlineStyle(
  values: Readonly<Record<string, string>>,
  parent: Readonly<Record<string, string>> | null = null,
): string {
  return Object.entries(values)
    .filter(([k, v]) => {
      if (v === '') return false;
      if (NOT_INHERITED.has(k) || parent === null) return DEFAULTS[k] !== v;
      return parent[k] !== v;
    })
    .map(([k, v]) => `${k}: ${plainColor(v)};`)
    .join(' ');
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box around the drawing with `margin` on every side, in whole units. */
export function fitViewBox(drawing: Box, margin = 16): Box {
  const x = Math.floor(drawing.x - margin);
  const y = Math.floor(drawing.y - margin);
  return {
    x,
    y,
    width: Math.ceil(drawing.x + drawing.width + margin) - x,
    height: Math.ceil(drawing.y + drawing.height + margin) - y,
  };
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * A standalone SVG file: the XML declaration, the SVG namespace, a view box and size that fit
 * the drawing, a title (escaped: it is the scenario's name, which may be untrusted), a background
 * so the text stays readable in any viewer, then `body` (already serialized markup).
 */
export function svgDocument(options: {
  body: string;
  box: Box;
  title: string;
  background: string;
}): string {
  const { box, body, title, background } = options;
  const view = `${box.x} ${box.y} ${box.width} ${box.height}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="${view}" width="${box.width}" height="${box.height}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" fill="${escapeXml(background)}"/>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}

/** The size in pixels of a picture of `box` drawn at `scale` (2 for a sharp PNG). */
export function pixelSize(box: Box, scale: number): { width: number; height: number } {
  return {
    width: Math.max(1, Math.round(box.width * scale)),
    height: Math.max(1, Math.round(box.height * scale)),
  };
}

/** A file name from the scenario's name: `loading-a-web-page-topology.svg`. */
export function pictureFileName(name: string, extension: 'svg' | 'png'): string {
  const stem =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'scenario';
  return `${stem}-topology.${extension}`;
}
