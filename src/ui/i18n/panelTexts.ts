// Loads the panels' English texts (panelMessages.en.ts) before a panel shows: an embed's lazy
// panels, its lesson and its editor await this with their code, so its first view downloads only
// the texts it shows. The app's page adds them at once (main.ts); the Node tests in their setup.
import { addEnglish } from './locale.svelte.ts';

let loading: Promise<void> | null = null;

/** Resolves once the panels' English texts are there (loaded once a page; again after a failure). */
export function loadPanelTexts(): Promise<void> {
  loading ??= import('./panelMessages.en.ts').then(
    (module) => addEnglish(module.panelEn),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
