// Pan and zoom for the topology: a framework-free function (attachZoom) that turns pointer and
// wheel events on an element into a transform, and a Svelte action around it. A primary-button
// drag pans; Ctrl/⌘ + wheel or a two-finger pinch zooms, so the wheel alone still scrolls the
// page; a drag that moved is not also a click. The arithmetic is in panZoomMath.ts.

import type { ActionReturn } from 'svelte/action';
import {
  IDENTITY,
  clampScale,
  easeCubicInOut,
  follow,
  interpolate,
  invert,
  sameTransform,
  wheelFactor,
  zoomAbout,
  type Grip,
  type PanZoom,
  type Point,
} from './panZoomMath.ts';

export { IDENTITY, MAX_ZOOM, MIN_ZOOM, type PanZoom } from './panZoomMath.ts';

export interface ZoomController {
  /** Zooms by a factor about the element's centre. */
  zoomBy(factor: number): void;
  /** Back to the whole picture (no pan, no zoom). */
  fit(): void;
  destroy(): void;
}

export interface ZoomOptions {
  onChange: (transform: PanZoom) => void;
  /** Animate button and key zooms (false under prefers-reduced-motion). */
  animate?: () => boolean;
}

/** How long a button or key zoom takes, in ms. */
const DURATION = 200;
/** Wheel events this close together are one gesture (they keep the wheel from the page). */
const WHEEL_GESTURE = 150;

/** A pointer held down on the element: its grip and where it went down, in client pixels. */
interface Held extends Grip {
  downX: number;
  downY: number;
}

/** Attaches pan and zoom to an element; the caller applies the transform it reports. */
export function attachZoom(element: HTMLElement, options: ZoomOptions): ZoomController {
  let current: PanZoom = IDENTITY;
  /** The pointers panning or pinching (two at most; more are ignored). */
  const held = new Map<number, Held>();
  let moved = false;
  let frame = 0;
  /** Where the running animation ends (a further zoom step starts from there). */
  let heading: PanZoom | null = null;
  let wheelTimer: ReturnType<typeof setTimeout> | undefined;
  let clickTimer: ReturnType<typeof setTimeout> | undefined;
  const view = element.ownerDocument.defaultView ?? window;
  const capture = { capture: true } as const;

  function set(next: PanZoom, byPointers = false): void {
    if (sameTransform(next, current)) return;
    current = next;
    // A zoom from elsewhere (a key, a wheel) while pointers are down: they hold what is now
    // under them.
    if (!byPointers) for (const h of held.values()) h.picture = invert(current, h.screen);
    options.onChange(current);
  }

  /** A client position in the element's CSS pixels (inside its border). */
  function point(event: MouseEvent): Point {
    const rect = element.getBoundingClientRect();
    return [
      event.clientX - rect.left - element.clientLeft,
      event.clientY - rect.top - element.clientTop,
    ];
  }

  function stopAnimation(): void {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    heading = null;
  }

  function go(target: PanZoom): void {
    stopAnimation();
    if (!(options.animate?.() ?? true)) {
      set(target);
      return;
    }
    const path = interpolate(current, target, centre());
    heading = target;
    let start = -1;
    const step = (now: number) => {
      if (start < 0) start = now;
      const s = Math.min(1, (now - start) / DURATION);
      set(path(easeCubicInOut(s)));
      if (s < 1) frame = requestAnimationFrame(step);
      else stopAnimation();
    };
    frame = requestAnimationFrame(step);
  }

  function centre(): Point {
    return [element.clientWidth / 2, element.clientHeight / 2];
  }

  const preventDefault = (event: Event) => event.preventDefault();
  const swallow = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  function onPointerDown(event: PointerEvent): void {
    if (event.ctrlKey || event.button !== 0 || held.size >= 2 || held.has(event.pointerId)) return;
    stopAnimation();
    if (held.size === 0) {
      moved = false;
      view.addEventListener('pointermove', onPointerMove, capture);
      view.addEventListener('pointerup', onPointerUp, capture);
      view.addEventListener('pointercancel', onPointerUp, capture);
      // No text selection or native drag of an image while panning.
      view.addEventListener('selectstart', preventDefault, capture);
      view.addEventListener('dragstart', preventDefault, capture);
    }
    const screen = point(event);
    held.set(event.pointerId, {
      screen,
      picture: invert(current, screen),
      downX: event.clientX,
      downY: event.clientY,
    });
  }

  function onPointerMove(event: PointerEvent): void {
    const h = held.get(event.pointerId);
    if (!h) return;
    if (event.clientX !== h.downX || event.clientY !== h.downY) moved = true;
    h.screen = point(event);
    const [a, b] = [...held.values()] as [Held, Held | undefined];
    set(follow(current.k, a, b), true);
  }

  function onPointerUp(event: PointerEvent): void {
    if (!held.delete(event.pointerId)) return;
    // The one left pans on from where it is now.
    for (const h of held.values()) h.picture = invert(current, h.screen);
    if (held.size > 0) return;
    stopListening();
    // The click that ends a drag is not a click on what is under the pointer.
    if (moved && event.type === 'pointerup') {
      view.addEventListener('click', swallow, capture);
      clickTimer = setTimeout(stopSwallowing, 0);
    }
  }

  function stopSwallowing(): void {
    clearTimeout(clickTimer);
    view.removeEventListener('click', swallow, capture);
  }

  function stopListening(): void {
    view.removeEventListener('pointermove', onPointerMove, capture);
    view.removeEventListener('pointerup', onPointerUp, capture);
    view.removeEventListener('pointercancel', onPointerUp, capture);
    view.removeEventListener('selectstart', preventDefault, capture);
    view.removeEventListener('dragstart', preventDefault, capture);
  }

  function onWheel(event: WheelEvent): void {
    if (!event.ctrlKey && !event.metaKey) return; // the page scrolls
    const k = clampScale(current.k * wheelFactor(event.deltaY, event.deltaMode, event.ctrlKey));
    // As d3-zoom: a wheel that changes nothing, outside a wheel gesture, is left to the page.
    if (k === current.k && wheelTimer === undefined) return;
    swallow(event);
    if (wheelTimer === undefined) stopAnimation();
    clearTimeout(wheelTimer);
    wheelTimer = setTimeout(() => (wheelTimer = undefined), WHEEL_GESTURE);
    set(zoomAbout(current, k, point(event)));
  }

  const style = element.style;
  const before = { touchAction: style.touchAction, tap: style.getPropertyValue(TAP) };
  style.touchAction = 'none';
  style.setProperty(TAP, 'rgba(0,0,0,0)');
  element.addEventListener('pointerdown', onPointerDown);
  element.addEventListener('wheel', onWheel, { passive: false });

  return {
    zoomBy(factor) {
      const from = heading ?? current;
      go(zoomAbout(from, from.k * factor, centre()));
    },
    fit() {
      go(IDENTITY);
    },
    destroy() {
      stopAnimation();
      stopListening();
      stopSwallowing();
      clearTimeout(wheelTimer);
      held.clear();
      element.removeEventListener('pointerdown', onPointerDown);
      element.removeEventListener('wheel', onWheel);
      style.touchAction = before.touchAction;
      style.setProperty(TAP, before.tap);
    },
  };
}

const TAP = '-webkit-tap-highlight-color';

export interface ZoomActionParams extends ZoomOptions {
  /** Receives the controller, to wire zoom buttons and keys. */
  ready?: (controller: ZoomController) => void;
}

/** `use:zoom={{ onChange, ready }}` on the element that holds the picture. */
export function zoom(
  element: HTMLElement,
  params: ZoomActionParams,
): ActionReturn<ZoomActionParams> {
  let current = params;
  const controller = attachZoom(element, {
    onChange: (t) => current.onChange(t),
    animate: () => current.animate?.() ?? true,
  });
  params.ready?.(controller);
  return {
    update(next) {
      current = next;
    },
    destroy() {
      controller.destroy();
    },
  };
}
