// The standalone SVG's parts: the document parses as XML in the SVG namespace with its view box,
// an untrusted title is escaped, the box fits the drawing with its margin, page-only attributes go.
import { describe, expect, it } from 'vitest';
import {
  fitViewBox,
  inlineStyle,
  isPageOnlyAttribute,
  pictureFileName,
  pixelSize,
  plainColor,
  svgDocument,
} from './svgExport.ts';

describe('svgDocument', () => {
  it('is a standalone SVG: declaration, namespace, view box and size, escaped title', () => {
    const text = svgDocument({
      body: '<g><text x="0" y="0">Laptop</text></g>',
      box: { x: -10, y: -20, width: 300, height: 200 },
      title: 'A <b>"test"</b> & more',
      background: 'rgb(255, 255, 255)',
    });
    expect(
      text.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"',
      ),
    ).toBe(true);
    expect(text).toContain('viewBox="-10 -20 300 200" width="300" height="200"');
    expect(text).toContain('<title>A &lt;b&gt;&quot;test&quot;&lt;/b&gt; &amp; more</title>');
    expect(text).toContain(
      '<rect x="-10" y="-20" width="300" height="200" fill="rgb(255, 255, 255)"/>',
    );
    expect(text.trimEnd().endsWith('</svg>')).toBe(true);
  });
});

describe('fitViewBox', () => {
  it('adds the margin on every side and rounds outwards', () => {
    // x: 10.5 - 16 = -5.5 -> -6; right: 10.5 + 100.2 + 16 = 126.7 -> 127; width 127 - (-6) = 133.
    expect(fitViewBox({ x: 10.5, y: 0, width: 100.2, height: 50 })).toEqual({
      x: -6,
      y: -16,
      width: 133,
      height: 82,
    });
    expect(fitViewBox({ x: 0, y: 0, width: 10, height: 10 }, 0)).toEqual({
      x: 0,
      y: 0,
      width: 10,
      height: 10,
    });
  });
});

describe('the rest', () => {
  it('drops the attributes that only serve the page', () => {
    for (const name of ['role', 'tabindex', 'class', 'aria-pressed', 'data-node', 'onclick']) {
      expect(isPageOnlyAttribute(name), name).toBe(true);
    }
    for (const name of ['x', 'd', 'transform', 'text-anchor', 'rx']) {
      expect(isPageOnlyAttribute(name), name).toBe(false);
    }
  });

  it('inlines computed styles, leaving out empty values and SVG defaults', () => {
    expect(
      inlineStyle({ fill: 'rgb(1, 2, 3)', opacity: '1', stroke: '', 'font-size': '16px' }),
    ).toBe('fill: rgb(1, 2, 3); font-size: 16px;');
  });

  it('writes only what differs from the parent, and what is not inherited when not the default', () => {
    const parent = { fill: 'rgb(0, 0, 0)', 'font-size': '16px', opacity: '1', display: 'inline' };
    expect(
      inlineStyle(
        { fill: 'rgb(0, 0, 0)', 'font-size': '11px', opacity: '0.5', display: 'inline' },
        parent,
      ),
    ).toBe('font-size: 11px; opacity: 0.5;');
  });

  it('writes color(srgb ...) as rgb(), which every viewer reads', () => {
    // 0.419608 * 255 = 107.0, 0.462745 * 255 = 118.0, 0.52549 * 255 = 134.0.
    expect(plainColor('color(srgb 0.419608 0.462745 0.52549)')).toBe('rgb(107, 118, 134)');
    expect(plainColor('color(srgb 1 0 0 / 0.5)')).toBe('rgba(255, 0, 0, 0.5)');
    expect(plainColor('rgb(1, 2, 3)')).toBe('rgb(1, 2, 3)');
  });

  it('sizes the PNG at twice the view box, and names the files after the scenario', () => {
    expect(pixelSize({ x: 0, y: 0, width: 320.4, height: 100 }, 2)).toEqual({
      width: 641,
      height: 200,
    });
    expect(pictureFileName('Loading a web page!', 'svg')).toBe('loading-a-web-page-topology.svg');
    expect(pictureFileName('***', 'png')).toBe('scenario-topology.png');
  });
});
