// The pan and zoom arithmetic (panZoomMath.ts), each expected value worked out by hand from
// screen = picture * k + (x, y).
import { describe, expect, it } from 'vitest';
import {
  IDENTITY,
  MAX_ZOOM,
  MIN_ZOOM,
  anchor,
  clampScale,
  easeCubicInOut,
  follow,
  interpolate,
  invert,
  sameTransform,
  wheelFactor,
  zoomAbout,
} from './panZoomMath.ts';

describe('pan and zoom arithmetic', () => {
  it('keeps the scale from half size to eight times', () => {
    expect([MIN_ZOOM, MAX_ZOOM]).toEqual([0.5, 8]);
    expect(clampScale(0.25)).toBe(0.5);
    expect(clampScale(2)).toBe(2);
    expect(clampScale(10)).toBe(8);
  });

  it('finds the picture point under a screen point, and the transform that puts it there', () => {
    // (30 - 10) / 2 = 10, (6 - -4) / 2 = 5.
    expect(invert({ k: 2, x: 10, y: -4 }, [30, 6])).toEqual([10, 5]);
    // x = 30 - 10 * 2 = 10, y = 6 - 5 * 2 = -4.
    expect(anchor(2, [30, 6], [10, 5])).toEqual({ k: 2, x: 10, y: -4 });
  });

  it('zooms about a screen point, which keeps its picture point, within the limits', () => {
    // The picture point (100, 50) stays at (100, 50): 100 * 2 - 100 = 100, 50 * 2 - 50 = 50.
    expect(zoomAbout(IDENTITY, 2, [100, 50])).toEqual({ k: 2, x: -100, y: -50 });
    // 20 is clamped to 8; under (0, 0) is (50, 25): x = -50 * 8, y = -25 * 8.
    expect(zoomAbout({ k: 2, x: -100, y: -50 }, 20, [0, 0])).toEqual({ k: 8, x: -400, y: -200 });
    // 0.1 is clamped to 0.5; under (200, 100) is itself: x = 200 - 100, y = 100 - 50.
    expect(zoomAbout(IDENTITY, 0.1, [200, 100])).toEqual({ k: 0.5, x: 100, y: 50 });
  });

  it('turns a wheel delta into a factor as d3-zoom does', () => {
    // Pixels: 2^(500 * 0.002) = 2 for a wheel up of 500 px.
    expect(wheelFactor(-500, 0, false)).toBe(2);
    // Pixels with Ctrl (a trackpad pinch): ten times as fast, 2^-(50 * 0.002 * 10) = 1/2.
    expect(wheelFactor(50, 0, true)).toBe(0.5);
    // Lines: 2^(20 * 0.05) = 2.
    expect(wheelFactor(-20, 1, false)).toBe(2);
    // Pages: 2^-3.
    expect(wheelFactor(3, 2, false)).toBe(0.125);
    // 100 px down: 2^-0.2.
    expect(wheelFactor(100, 0, false)).toBeCloseTo(0.870551, 6);
  });

  it('pans with one grip, keeping its picture point under the pointer', () => {
    // x = 50 - 10 * 2 = 30, y = 60 - 20 * 2 = 20.
    const grip = { screen: [50, 60] as const, picture: [10, 20] as const };
    expect(follow(2, grip)).toEqual({ k: 2, x: 30, y: 20 });
  });

  it('pinches with two grips: the scale by their distance, the midpoint held', () => {
    const a = { screen: [100, 100] as const, picture: [10, 10] as const };
    // On screen 300, 400 apart (500), in the picture 60, 80 (100): k = 5. The midpoint (250, 300)
    // holds (40, 50): x = 250 - 200, y = 300 - 250. Both fingers stay on their points:
    // 10 * 5 + 50 = 100, 70 * 5 + 50 = 400, 90 * 5 + 50 = 500.
    const b = { screen: [400, 500] as const, picture: [70, 90] as const };
    expect(follow(1, a, b)).toEqual({ k: 5, x: 50, y: 50 });
    // 500 on screen over 10 in the picture is 50, clamped to 8; the midpoint holds (3, 4):
    // x = 250 - 3 * 8 = 226, y = 300 - 4 * 8 = 268.
    const near = { screen: [400, 500] as const, picture: [6, 8] as const };
    expect(follow(1, { ...a, picture: [0, 0] }, near)).toEqual({ k: 8, x: 226, y: 268 });
  });

  it('interpolates two transforms: the scale by equal ratios, the point under the centre in a line', () => {
    // A zoom about (100, 50) from 1 to 4: halfway the scale is 2 and (100, 50) stays put.
    const zoomIn = interpolate(IDENTITY, { k: 4, x: -300, y: -150 }, [100, 50]);
    expect(zoomIn(0)).toEqual(IDENTITY);
    expect(zoomIn(0.5)).toEqual({ k: 2, x: -100, y: -50 });
    expect(zoomIn(1)).toEqual({ k: 4, x: -300, y: -150 });
    // Back to the whole picture from k = 2 with no pan: under (100, 50) were (50, 25), at the end
    // (100, 50); halfway k = 2 * (1/2)^0.5 = √2 and the point is (75, 37.5):
    // x = 100 - 75√2 ≈ -6.066017, y = 50 - 37.5√2 ≈ -3.033009.
    const fit = interpolate({ k: 2, x: 0, y: 0 }, IDENTITY, [100, 50]);
    const half = fit(0.5);
    expect(half.k).toBeCloseTo(1.414214, 6);
    expect(half.x).toBeCloseTo(-6.066017, 6);
    expect(half.y).toBeCloseTo(-3.033009, 6);
    expect(fit(1)).toBe(IDENTITY);
  });

  it('eases in and out by cubes', () => {
    // 0.25: (0.5^3) / 2; 0.75: ((-0.5)^3 + 2) / 2.
    expect([0, 0.25, 0.5, 0.75, 1].map(easeCubicInOut)).toEqual([0, 0.0625, 0.5, 0.9375, 1]);
  });

  it('tells equal transforms apart from others', () => {
    expect(sameTransform({ k: 1, x: 2, y: 3 }, { k: 1, x: 2, y: 3 })).toBe(true);
    expect(sameTransform({ k: 1, x: 2, y: 3 }, { k: 1, x: 2, y: 4 })).toBe(false);
  });
});
