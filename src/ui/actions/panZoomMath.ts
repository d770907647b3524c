// The arithmetic of the topology's pan and zoom, free of the DOM (zoom.ts wires it to events):
// a transform maps a picture point p to the screen point p * k + (x, y); zooming about a screen
// point keeps the picture point under it in place; the scale stays within MIN_ZOOM..MAX_ZOOM.

/** A pan and zoom: screen = (x * k + tx, y * k + ty) in the element's CSS pixels. */
export interface PanZoom {
  k: number;
  x: number;
  y: number;
}

/** A point [x, y]: on the screen (the element's CSS pixels) or in the picture. */
export type Point = readonly [number, number];

/** A pointer held down: where it is on the screen and the picture point it holds. */
export interface Grip {
  screen: Point;
  picture: Point;
}

export const IDENTITY: PanZoom = { k: 1, x: 0, y: 0 };
/** Zoom limits: from half size to eight times. */
export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 8;

export function clampScale(k: number): number {
  return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, k));
}

/** The picture point drawn at a screen point. */
export function invert(t: PanZoom, screen: Point): Point {
  return [(screen[0] - t.x) / t.k, (screen[1] - t.y) / t.k];
}

/** The transform of scale k that draws the picture point `picture` at the screen point `screen`. */
export function anchor(k: number, screen: Point, picture: Point): PanZoom {
  return { k, x: screen[0] - picture[0] * k, y: screen[1] - picture[1] * k };
}

/** Zooms to scale k (clamped) keeping the picture point under the screen point `about` still. */
export function zoomAbout(t: PanZoom, k: number, about: Point): PanZoom {
  return anchor(clampScale(k), about, invert(t, about));
}

/**
 * What a wheel step multiplies the scale by, as d3-zoom reckons it: 2 to the power of minus the
 * delta in lines (0.05 a line), pages (1 a page) or pixels (0.002 a pixel), ten times as much when
 * Ctrl is held (a trackpad's pinch arrives as a wheel with Ctrl, in small steps).
 */
export function wheelFactor(deltaY: number, deltaMode: number, ctrlKey: boolean): number {
  const perUnit = deltaMode === 1 ? 0.05 : deltaMode ? 1 : 0.002;
  return 2 ** (-deltaY * perUnit * (ctrlKey ? 10 : 1));
}

/**
 * The transform that follows one or two grips: one pans, keeping its picture point under it; two
 * scale by the distance between them (clamped) and keep their midpoint's picture point under the
 * midpoint on the screen.
 */
export function follow(k: number, a: Grip, b?: Grip): PanZoom {
  if (!b) return anchor(k, a.screen, a.picture);
  const onScreen = Math.hypot(b.screen[0] - a.screen[0], b.screen[1] - a.screen[1]);
  const inPicture = Math.hypot(b.picture[0] - a.picture[0], b.picture[1] - a.picture[1]);
  const scale = inPicture > 0 ? clampScale(onScreen / inPicture) : k;
  return anchor(scale, midpoint(a.screen, b.screen), midpoint(a.picture, b.picture));
}

function midpoint(a: Point, b: Point): Point {
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}

/**
 * The way from one transform to another at s in 0..1, seen about a screen point: the picture
 * point under it moves in a straight line while the scale changes by equal ratios (so a zoom about
 * that point keeps its picture point still all the way); at 1 exactly `to`.
 */
export function interpolate(from: PanZoom, to: PanZoom, about: Point): (s: number) => PanZoom {
  const [ax, ay] = invert(from, about);
  const [bx, by] = invert(to, about);
  return (s) => {
    if (s >= 1) return to;
    const k = from.k * (to.k / from.k) ** s;
    return anchor(k, about, [ax + (bx - ax) * s, ay + (by - ay) * s]);
  };
}

/** Cubic ease in and out (d3-transition's default), for t in 0..1. */
export function easeCubicInOut(t: number): number {
  const u = t * 2;
  return (u <= 1 ? u * u * u : (u - 2) ** 3 + 2) / 2;
}

export function sameTransform(a: PanZoom, b: PanZoom): boolean {
  return a.k === b.k && a.x === b.x && a.y === b.y;
}
