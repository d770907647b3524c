// Page-wide keyboard shortcuts must not steal keys from what has focus: typing in a field,
// arrows on a slider or a radio group, Space and Enter on a button. This decides.

const FIELDS = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
const PRESSABLE = 'button, a[href], summary, [role="button"], [role="tab"], [role="menuitem"]';

/** True when the key press is for the focused element, so a shortcut should leave it alone. */
export function keyBelongsToFocus(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target;
  if (!(target instanceof Element)) return false;
  if (target.closest(FIELDS)) return true;
  if ((event.key === ' ' || event.key === 'Enter') && target.closest(PRESSABLE)) return true;
  // Space scrolls a focused scrolling region (the event log).
  if (event.key === ' ' && target.closest('[role="log"], [tabindex="0"]')) return true;
  return target.closest('[role="tablist"]') !== null && event.key.startsWith('Arrow');
}
