// The panels an embed shows under its picture, one at a time, and where each one's code comes
// from: each is its own chunk, loaded when first opened, and all are fetched while the page is
// idle once a run is shown (warmPanels), so a class whose connection drops later can still open
// them (a host page's service worker cannot cache another site's module).

import { loadEveryKind } from '../sim/documents.ts';
import { loadPanelTexts } from '../ui/i18n/panelTexts.ts';

export type PanelId = 'log' | 'packet' | 'ladder' | 'lesson' | 'edit';

/** A panel's code with the panels' English texts (panelTexts.ts), which it needs to show. */
const withTexts =
  <T>(load: () => Promise<T>) =>
  (): Promise<T> =>
    Promise.all([load(), loadPanelTexts()]).then(([code]) => code);

/** Each panel's component, loaded on demand. */
export const PANEL_CODE = {
  // The log comes with the narrator that tells a run as its sentences (HandshakeApp.useNarrator).
  log: withTexts(() =>
    Promise.all([import('../ui/EventLog.svelte'), import('../ui/narrateRun.ts')]).then(
      ([log, narrator]) => ({ default: log.default, narrateRun: narrator.narrateRun }),
    ),
  ),
  packet: withTexts(() => import('../ui/inspectors/PacketInspector.svelte')),
  ladder: withTexts(() => import('../ui/inspectors/LadderDiagram.svelte')),
  lesson: withTexts(() => import('../ui/LessonPanel.svelte')),
  // The Edit panel comes with the editor whose edits it applies (HandshakeApp.useEditor).
  edit: withTexts(() =>
    Promise.all([
      import('../ui/editor/PropertyPanel.svelte'),
      import('../ui/scenarioEdits.svelte.ts'),
    ]).then(([panel, editor]) => ({ default: panel.default, ScenarioEdits: editor.ScenarioEdits })),
  ),
};

let warmed = false;

/**
 * Fetches the code of the panels `ids` while the page is idle (once a page; again if a fetch
 * failed), and with `everyKind` every kind's behaviour too: a lesson's tasks may have the learner
 * add an app of a kind the scenario did not have, and that run must work offline as well.
 */
export function warmPanels(ids: readonly PanelId[], { everyKind = false } = {}): void {
  if (warmed) return;
  warmed = true;
  const idle = (work: () => void) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(work, { timeout: 3000 })
      : setTimeout(work, 500);
  idle(() => {
    for (const id of ids) PANEL_CODE[id]().catch(() => (warmed = false));
    if (everyKind) loadEveryKind().catch(() => (warmed = false));
  });
}
