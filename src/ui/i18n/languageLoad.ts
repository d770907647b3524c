// Loads what a language needs before the page or an embed speaks it: in the built page German's
// catalogs come in their own chunk (build/lateGerman.ts), so a page in English never downloads
// them. In dev and in tests the catalogs are already there.
import { late } from 'virtual:handshake-german-registry';
import type { Language } from './locale.svelte.ts';

let german: Promise<unknown> | null = null;
let germanLoaded = false;

/** Whether `language`'s texts are there now. */
export function languageReady(language: Language): boolean {
  return language !== 'de' || germanLoaded || !late;
}

/** Resolves once `language`'s texts are there (at once when they are). */
export function loadLanguage(language: Language): Promise<void> {
  if (languageReady(language)) return Promise.resolve();
  german ??= import('virtual:handshake-german').then(() => (germanLoaded = true));
  return german.then(() => undefined);
}
