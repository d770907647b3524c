// The scenarios shipped in simulations/ (format handshake/scenario@1), bundled as text by Vite so
// the scenario panel can offer them as built-in examples next to the file picker.

/** A built-in scenario: its file name, its name (as written in the file) and its text. */
export interface BuiltInScenario {
  file: string;
  name: string;
  text: string;
}

const files = import.meta.glob<string>('../../simulations/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The `name` a document declares, or its file name when it has none (shown as text only). */
export function nameOfDocument(text: string, file: string): string {
  try {
    const name = (JSON.parse(text) as { name?: unknown }).name;
    return typeof name === 'string' && name.trim() !== '' ? name : file;
  } catch {
    return file;
  }
}

/** Every built-in scenario, by name. */
export const BUILT_IN_SCENARIOS: readonly BuiltInScenario[] = Object.entries(files)
  .map(([path, text]) => {
    const file = path.slice(path.lastIndexOf('/') + 1);
    return { file, name: nameOfDocument(text, file), text };
  })
  .sort((a, b) => a.name.localeCompare(b.name));
