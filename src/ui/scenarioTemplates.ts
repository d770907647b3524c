// The templates a new scenario starts from (simulations/templates/*.json, format
// handshake/scenario@1, each one tested like a built-in), bundled as text by Vite for the scenario
// bar's New menu, in the order of their file names (1-empty.json first).

import { nameOfDocument, type BuiltInScenario } from './builtinScenarios.ts';

const files = import.meta.glob<string>('../../simulations/templates/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Every template: file name, name (as written in the file) and text. */
export const SCENARIO_TEMPLATES: readonly BuiltInScenario[] = Object.entries(files)
  .map(([path, text]) => {
    const file = path.slice(path.lastIndexOf('/') + 1);
    return { file, name: nameOfDocument(text, file), text };
  })
  .sort((a, b) => a.file.localeCompare(b.file));
