// Edits of the app's document: applied when the document stays valid (the run goes, the selected
// node stays), refused with the validator's reason otherwise (nothing changes), undone and redone.
import { describe, expect, it } from 'vitest';
import { HandshakeApp } from './appState.svelte.ts';
import { ScenarioEdits } from './scenarioEdits.svelte.ts';
import type { SavedSession } from './editor/sessionStore.ts';
import { runHere } from './worker/simClient.ts';

describe('ScenarioEdits', () => {
  it('applies a valid edit, refuses an invalid one, and undoes and redoes', () => {
    const app = new HandshakeApp({
      runner: (options, listener) => (runHere(options, listener), () => {}),
      editor: ScenarioEdits,
    });
    app.start();
    expect(app.run).not.toBeNull();
    const link = app.scenario!.links[0]!.id;
    app.select({ kind: 'link', link });
    const before = app.documentText;

    // Loss on the link: applied; the run of the old document goes, the link stays selected.
    expect(app.edits.set(['links', 0, 'loss'], 0.5)).toEqual({ ok: true });
    expect(app.scenario!.links[0]!.loss).toBe(0.5);
    expect(app.run).toBeNull();
    expect(app.edited).toBe(true);
    expect(app.selection).toEqual({ kind: 'link', link });

    // A loss of 2 is no probability: refused, with the path and the reason; nothing changed.
    const after = app.documentText;
    const refused = app.edits.set(['links', 0, 'loss'], 2);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.issues[0]?.path).toBe('$.links[0].loss');
    expect(app.documentText).toBe(after);
    expect(app.edits.undoLabel).toBe('Set loss to 0.5');

    expect(app.edits.undo()).toBe(true);
    expect(JSON.parse(app.documentText)).toEqual(JSON.parse(before));
    expect(app.edits.redoLabel).toBe('Set loss to 0.5');
    expect(app.edits.redo()).toBe(true);
    expect(app.scenario!.links[0]!.loss).toBe(0.5);
    expect(app.edits.redo()).toBe(false);

    // Opening another document starts its edits afresh.
    app.openBuiltIn('ping-over-a-link.json', before);
    expect(app.edits.undoLabel).toBeNull();
    expect(app.edited).toBe(false);
  });

  it('keeps a selected node across a new run, but not a packet of the old one', () => {
    const app = new HandshakeApp({
      runner: (options, listener) => (runHere(options, listener), () => {}),
    });
    const node = app.scenario!.nodes[0]!.id;
    app.select({ kind: 'node', node });
    app.start();
    expect(app.selection).toEqual({ kind: 'node', node });
    app.select({ kind: 'packet', pkt: 1, link: null });
    app.start();
    expect(app.selection).toBeNull();
  });

  it('edits only once the page gives the editor, and keeps its history when given again', () => {
    // An embed makes its app without the editor and gives it when its Edit panel opens.
    const app = new HandshakeApp({ runner: () => () => {} });
    expect(() => app.edits).toThrow(/no editor/);
    const before = app.scenario!.links[0]!.loss;
    app.useEditor(ScenarioEdits);
    expect(app.edits.set(['links', 0, 'loss'], 0.5)).toEqual({ ok: true });
    expect(app.scenario!.links[0]!.loss).toBe(0.5);
    // The panel opened again: the same edits, so undo still knows the change.
    app.useEditor(ScenarioEdits);
    expect(app.edits.undoLabel).toBe('Set loss to 0.5');
    expect(app.edits.undo()).toBe(true);
    expect(app.scenario!.links[0]!.loss).toBe(before);
  });

  it('keeps every edited document with the keeper it was given, and nowhere without one', () => {
    const kept: SavedSession[] = [];
    const app = new HandshakeApp({
      runner: () => () => {},
      editor: ScenarioEdits,
      keep: (session) => kept.push(session),
    });
    app.edits.set(['seed'], 9);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ name: app.scenario!.name, source: 'built-in' });
    expect(kept[0]!.text).toBe(app.documentText);
    // An embed gives no keeper: its edits stay in the page, and nothing is written.
    const embedded = new HandshakeApp({ runner: () => () => {}, editor: ScenarioEdits });
    expect(embedded.edits.set(['seed'], 9)).toEqual({ ok: true });
    expect(kept).toHaveLength(1);
  });
});
