// The narrator the app's page gives its HandshakeApp (and an embed once its log is opened): a
// run's records told as sentences by the event log's Narration (src/viz/log). Kept apart from
// appState.svelte.ts so a page that shows no log never loads the narration.
import type { Narrator } from './appState.svelte.ts';
import { Narration } from '../viz/log/index.ts';

export const narrateRun: Narrator = (records, names, language) =>
  new Narration(records, names, undefined, language);
