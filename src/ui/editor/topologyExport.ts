// The topology picture on the page (the svg with data-testid="topology") as a standalone SVG file
// and as a PNG drawn from it at twice its size. The page's stylesheet and CSS variables do not
// travel with a file, so each element's computed look (fill, stroke, font...) is written onto it;
// what only serves the page goes: roles, focus, test ids, classes, the zoom and pan, the
// selection outline (the selected card is drawn like the others). Pure parts: src/viz/export.

import {
  fitViewBox,
  inlineStyle,
  isPageOnlyAttribute,
  pixelSize,
  plainColor,
  svgDocument,
  SVG_STYLE_PROPERTIES,
} from '../../viz/export/index.ts';

/** The topology svg on the page, or null when there is none. */
export function topologySvg(root: ParentNode = document): SVGSVGElement | null {
  return root.querySelector<SVGSVGElement>('svg[data-testid="topology"]');
}

function computedValues(element: Element): Record<string, string> {
  const style = getComputedStyle(element);
  const values: Record<string, string> = {};
  for (const property of SVG_STYLE_PROPERTIES) values[property] = style.getPropertyValue(property);
  return values;
}

/**
 * Copies the computed look of `from` and its descendants onto `to` (its clone), in order: each
 * element what differs from its parent; page-only attributes go.
 */
function inlineLooks(from: Element, to: Element, parent: Record<string, string> | null): void {
  const values = computedValues(from);
  for (const name of to.getAttributeNames()) {
    if (isPageOnlyAttribute(name) || name === 'style') to.removeAttribute(name);
  }
  const style = from.localName === 'title' ? '' : inlineStyle(values, parent);
  if (style !== '') to.setAttribute('style', style);
  const a = from.children;
  const b = to.children;
  for (let i = 0; i < a.length && i < b.length; i++) {
    inlineLooks(a[i] as Element, b[i] as Element, values);
  }
}

/** The colour behind the picture on the page: the first ancestor's that is not transparent. */
function backgroundOf(element: Element): string {
  for (let at: Element | null = element; at; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour && colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) {
      return plainColor(colour);
    }
  }
  return '#ffffff';
}

/** The standalone SVG file's text for the topology `svg`, titled `title`. */
export function topologySvgFile(svg: SVGSVGElement, title: string): string {
  const background = backgroundOf(svg);
  const drawing = svg.querySelector<SVGGElement>(':scope > g');
  if (!drawing) {
    return svgDocument({ body: '', box: fitViewBox(svg.viewBox.baseVal, 0), title, background });
  }
  // The drawing's group carries the whole look (fonts, colours) itself: the file has no page.
  const clone = drawing.cloneNode(true) as SVGGElement;
  inlineLooks(drawing, clone, null);
  clone.removeAttribute('transform'); // the zoom and pan
  // The selected card is outlined for the page only: draw it as an unselected one.
  const plain = drawing.querySelector('[aria-pressed="false"] > .card');
  if (plain) {
    for (const card of drawing.querySelectorAll('[aria-pressed="true"] > .card')) {
      const parent = card.parentElement ? computedValues(card.parentElement) : null;
      const twin = elementAt(clone, pathOf(drawing, card));
      twin?.setAttribute('style', inlineStyle(computedValues(plain), parent));
    }
  }
  const body = new XMLSerializer()
    .serializeToString(clone)
    .replace(' xmlns="http://www.w3.org/2000/svg"', '')
    .replace(/<!---->/g, '');
  return svgDocument({ body, box: fitViewBox(drawing.getBBox()), title, background });
}

/** The child indexes from `root` down to `element`. */
function pathOf(root: Element, element: Element): number[] {
  const path: number[] = [];
  for (let at: Element | null = element; at && at !== root; at = at.parentElement) {
    const parent: Element | null = at.parentElement;
    if (!parent) break;
    path.unshift([...parent.children].indexOf(at));
  }
  return path;
}

function elementAt(root: Element, path: readonly number[]): Element | null {
  let at: Element | null = root;
  for (const i of path) at = at?.children[i] ?? null;
  return at;
}

/** The PNG of an SVG file's text, drawn at `scale` times its size. */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const match = /viewBox="(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+)"/.exec(svgText);
  const box = match
    ? { x: 0, y: 0, width: Number(match[3]), height: Number(match[4]) }
    : { x: 0, y: 0, width: 300, height: 150 };
  const { width, height } = pixelSize(box, scale);
  // A data: URL, as the page's Content Security Policy allows images from there (not blob:).
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  const image = new Image();
  image.width = width;
  image.height = height;
  image.src = url;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.drawImage(image, 0, 0, width, height);
  return await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded'))),
      'image/png',
    ),
  );
}
