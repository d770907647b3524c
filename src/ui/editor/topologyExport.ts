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
  svgDocument,
  SVG_STYLE_PROPERTIES,
} from '../../viz/export/index.ts';

/** The topology svg on the page, or null when there is none. */
export function topologySvg(root: ParentNode = document): SVGSVGElement | null {
  return root.querySelector<SVGSVGElement>('svg[data-testid="topology"]');
}

function computedLook(element: Element): string {
  const style = getComputedStyle(element);
  const values: Record<string, string> = {};
  for (const property of SVG_STYLE_PROPERTIES) values[property] = style.getPropertyValue(property);
  return inlineStyle(values);
}

/** Copies the computed look of `from` and its descendants onto `to` (its clone), in order. */
function inlineLooks(from: Element, to: Element): void {
  const style = computedLook(from);
  for (const name of to.getAttributeNames()) {
    if (isPageOnlyAttribute(name)) to.removeAttribute(name);
  }
  if (style !== '') to.setAttribute('style', style);
  const a = from.children;
  const b = to.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineLooks(a[i] as Element, b[i] as Element);
}

/** The standalone SVG file's text for the topology `svg`, titled `title`. */
export function topologySvgFile(svg: SVGSVGElement, title: string): string {
  const drawing = svg.querySelector(':scope > g') as SVGGElement | null;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineLooks(svg, clone);
  // The selected card is outlined for the page only: draw it as an unselected one.
  const plain = svg.querySelector('[aria-pressed="false"] > .card');
  const selected = [...svg.querySelectorAll('[aria-pressed="true"] > .card')];
  if (plain) {
    const look = computedLook(plain);
    for (const card of selected) {
      const path = pathOf(svg, card);
      const twin = elementAt(clone, path);
      twin?.setAttribute('style', look);
    }
  }
  const inner = clone.querySelector(':scope > g');
  inner?.removeAttribute('transform'); // the zoom and pan
  const box = fitViewBox(drawing ? drawing.getBBox() : svg.viewBox.baseVal);
  const body = inner ? new XMLSerializer().serializeToString(inner) : '';
  const background = getComputedStyle(document.body).backgroundColor || '#ffffff';
  return svgDocument({ body, box, title, background });
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
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
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
  } finally {
    URL.revokeObjectURL(url);
  }
}
