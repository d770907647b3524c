// Pan and zoom for the topology: d3-zoom wrapped in a framework-free function (attachZoom) and
// a Svelte action around it. Drag pans; Ctrl/⌘ + wheel or a pinch zooms, so the wheel alone
// still scrolls the page; the transform is reported in the element's CSS pixels.

import { select } from 'd3-selection';
import { zoom as d3Zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import 'd3-transition';
import type { ActionReturn } from 'svelte/action';

/** A pan and zoom: screen = (x * k + tx, y * k + ty) in the element's CSS pixels. */
export interface PanZoom {
  k: number;
  x: number;
  y: number;
}

export const IDENTITY: PanZoom = { k: 1, x: 0, y: 0 };
/** Zoom limits: from half size to eight times. */
export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 8;

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

/** Attaches d3-zoom to an element; the caller applies the transform it reports. */
export function attachZoom(element: HTMLElement, options: ZoomOptions): ZoomController {
  const selection = select<HTMLElement, unknown>(element);
  const behaviour: ZoomBehavior<HTMLElement, unknown> = d3Zoom<HTMLElement, unknown>()
    .scaleExtent([MIN_ZOOM, MAX_ZOOM])
    .filter((event: Event) => {
      if (event.type === 'wheel') {
        const wheel = event as WheelEvent;
        return wheel.ctrlKey || wheel.metaKey;
      }
      if (event.type === 'dblclick') return false;
      const button = (event as MouseEvent).button ?? 0;
      return !(event as MouseEvent).ctrlKey && button === 0;
    })
    .on('zoom', (event: { transform: ZoomTransform }) => {
      const { k, x, y } = event.transform;
      options.onChange({ k, x, y });
    });
  selection.call(behaviour);
  const target = () => {
    const animate = options.animate?.() ?? true;
    return animate ? selection.transition().duration(200) : selection;
  };
  return {
    zoomBy(factor) {
      // A transition and a selection both accept scaleBy/transform; d3's overloads differ.
      behaviour.scaleBy(target() as never, factor);
    },
    fit() {
      behaviour.transform(target() as never, zoomIdentity);
    },
    destroy() {
      selection.interrupt();
      selection.on('.zoom', null);
    },
  };
}

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
