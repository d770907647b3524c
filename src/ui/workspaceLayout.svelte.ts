// The sizes of the workspace's resizable panels (the inspector's width beside the picture, the
// event log's height under it), remembered in localStorage so the choice survives a reload.
// A stored value that is not a number in range is ignored, never trusted.

const KEY = 'handshake.workspace.v1';

/** Limits and defaults, in CSS pixels. */
export const SIDE = { min: 300, max: 1100, initial: 520 } as const;
export const LOG = { min: 96, max: 900, initial: 200 } as const;

function clamp(value: number, limits: { min: number; max: number }): number {
  return Math.min(limits.max, Math.max(limits.min, Math.round(value)));
}

function stored(): { side?: unknown; log?: unknown } {
  try {
    const text = globalThis.localStorage?.getItem(KEY);
    const value: unknown = text ? JSON.parse(text) : null;
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {};
  }
}

function valid(value: unknown, limits: { min: number; max: number }): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? clamp(value, limits) : null;
}

/** The panel sizes; setting one clamps it to its limits and remembers it. */
export class WorkspaceLayout {
  side = $state<number>(SIDE.initial);
  log = $state<number>(LOG.initial);

  constructor() {
    const saved = stored();
    this.side = valid(saved.side, SIDE) ?? SIDE.initial;
    this.log = valid(saved.log, LOG) ?? LOG.initial;
  }

  resizeSide(width: number): void {
    this.side = clamp(width, SIDE);
    this.save();
  }

  resizeLog(height: number): void {
    this.log = clamp(height, LOG);
    this.save();
  }

  private save(): void {
    try {
      globalThis.localStorage?.setItem(KEY, JSON.stringify({ side: this.side, log: this.log }));
    } catch {
      // Storage may be full or blocked (a sandboxed embed): the sizes still apply to this page.
    }
  }
}
