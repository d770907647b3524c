// Page-wide keyboard shortcuts must not steal keys from what has focus: typing in a field,
// arrows on a slider or a radio group, Space and Enter on a button. This decides. In an embed the
// shortcuts are the embed's alone: they apply only to keys pressed inside it (setKeyScope), never
// to the course page around it, whose Space and arrows scroll the page.
import { getContext, setContext } from 'svelte';

const FIELDS = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
const PRESSABLE = 'button, a[href], summary, [role="button"], [role="tab"], [role="menuitem"]';

/** True when the key press is for the focused element, so a shortcut should leave it alone. */
export function keyBelongsToFocus(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  // Inside a shadow root the event reaches the window retargeted to its host: read the real one.
  const target = event.composedPath?.()[0] ?? event.target;
  if (!(target instanceof Element)) return false;
  if (target.closest(FIELDS)) return true;
  if ((event.key === ' ' || event.key === 'Enter') && target.closest(PRESSABLE)) return true;
  // Space scrolls a focused scrolling region (the event log).
  if (event.key === ' ' && target.closest('[role="log"], [tabindex="0"]')) return true;
  return target.closest('[role="tablist"]') !== null && event.key.startsWith('Arrow');
}

const SCOPE = Symbol('handshake.keyScope');

/** Limits the shortcuts of the components under this one to keys pressed inside `scope()`. */
export function setKeyScope(scope: () => Element | null): void {
  setContext(SCOPE, scope);
}

/**
 * Whether a key press is in the shortcuts' scope (call while a component is made): anywhere on
 * the app's own page, inside the embed in an embed.
 */
export function keyScope(): (event: KeyboardEvent) => boolean {
  const scope = getContext<(() => Element | null) | undefined>(SCOPE);
  return (event) => {
    if (!scope) return true;
    const element = scope();
    return element !== null && event.composedPath().includes(element);
  };
}

/**
 * Where a key moves the focus in a row of `count` tabs from tab `at` (WAI-ARIA tabs: the arrows
 * wrap around, Home and End go to the ends), or null when the key is not one of those.
 */
export function tabKeyTarget(key: string, at: number, count: number): number | null {
  if (count === 0) return null;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  const step = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
  return step === 0 ? null : (at + step + count) % count;
}
