// Which groups of the property panel the learner opened or closed, by their path in the document,
// kept while the page lives: switching tabs, running or editing redraws the panel, and it must
// come back as the learner left it.

import { SvelteMap } from 'svelte/reactivity';

const toggled = new SvelteMap<string, boolean>();

/** Whether the group at `key` is open: as the learner left it, else `otherwise`. */
export function isOpen(key: string, otherwise: boolean): boolean {
  return toggled.get(key) ?? otherwise;
}

/** Remembers the group's state after a toggle. */
export function remember(key: string, open: boolean): void {
  if (toggled.get(key) !== open) toggled.set(key, open);
}
