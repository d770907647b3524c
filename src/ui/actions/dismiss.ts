// A Svelte action for a <details> that opens over the page (run options, a scenario's
// description, the key list): it closes when the pointer goes down outside it, when Escape is
// pressed inside it (focus returns to its summary), and when a form around it is submitted;
// but never while a field inside it is marked invalid, so its message and the field stay shown.

export function dismissable(details: HTMLDetailsElement) {
  const close = () => {
    if (details.open && !details.querySelector('[aria-invalid="true"]')) details.open = false;
  };
  // After the submit handlers have run and marked any invalid field.
  const afterSubmit = () => setTimeout(close, 0);
  const onpointerdown = (event: PointerEvent) => {
    if (details.open && !details.contains(event.target as Node)) close();
  };
  const onkeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !details.open) return;
    close();
    details.querySelector('summary')?.focus();
    event.stopPropagation();
  };
  const form = details.closest('form');
  window.addEventListener('pointerdown', onpointerdown, true);
  details.addEventListener('keydown', onkeydown);
  form?.addEventListener('submit', afterSubmit);
  return {
    destroy() {
      window.removeEventListener('pointerdown', onpointerdown, true);
      details.removeEventListener('keydown', onkeydown);
      form?.removeEventListener('submit', afterSubmit);
    },
  };
}
