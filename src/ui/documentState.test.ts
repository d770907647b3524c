// Whether the app's document has unsaved edits (what the New menu asks about), which built-in
// example is open (for its Download button), and starting from a template.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HandshakeApp } from './appState.svelte.ts';
import { ScenarioEdits } from './scenarioEdits.svelte.ts';
import { BUILT_IN_SCENARIOS } from './builtinScenarios.ts';
import { SCENARIO_TEMPLATES } from './scenarioTemplates.ts';

describe('the document state', () => {
  it('has unsaved edits after an edit, until it is saved, undone to nothing, or replaced', () => {
    const app = new HandshakeApp({ runner: () => () => {}, editor: ScenarioEdits });
    expect(app.unsaved).toBe(false);
    expect(app.edits.set(['links', 0, 'loss'], 0.5)).toEqual({ ok: true });
    expect(app.unsaved).toBe(true);
    app.markSaved();
    expect(app.unsaved).toBe(false);
    expect(app.edits.set(['links', 0, 'loss'], 0.25)).toEqual({ ok: true });
    expect(app.unsaved).toBe(true);
    app.edits.undo();
    expect(app.unsaved).toBe(false); // back to the text saved
    app.edits.set(['links', 0, 'loss'], 0.1);
    const template = SCENARIO_TEMPLATES.find((t) => t.file === '2-client-server.json')!;
    app.openTemplate(template.file, template.text);
    expect(app.unsaved).toBe(false);
    expect(app.edits.undoLabel).toBeNull();
    expect(app.scenario?.name).toBe('A client and a server');
    expect(app.source).toBe('a template');
  });

  it('counts an edit undone as no edit, whatever the layout of the file opened', () => {
    const app = new HandshakeApp({ runner: () => () => {}, editor: ScenarioEdits });
    const example = BUILT_IN_SCENARIOS.find((s) => s.file === 'dns-lookup.json')!;
    app.openBuiltIn(example.file, example.text);
    app.edits.set(['seed'], 9);
    expect(app.unsaved).toBe(true);
    app.edits.undo();
    // The text is laid out anew (two spaces, one value a line), the document is the file's.
    expect(app.documentText).not.toBe(example.text);
    expect(app.unsaved).toBe(false);
  });

  it('counts a restored session as unsaved', () => {
    const app = new HandshakeApp({ runner: () => () => {}, editor: ScenarioEdits });
    const example = BUILT_IN_SCENARIOS.find((s) => s.file === 'dns-lookup.json')!;
    app.restore({ text: example.text, name: 'x', source: 'built-in', savedAt: 0 });
    expect(app.unsaved).toBe(true);
  });

  it('lists the templates in file order, as the files say', () => {
    expect(SCENARIO_TEMPLATES.map((t) => t.file)).toEqual([
      '1-empty.json',
      '2-client-server.json',
      '3-client-router-server.json',
      '4-small-office.json',
      '5-web-farm.json',
    ]);
    for (const t of SCENARIO_TEMPLATES) {
      expect(t.text).toBe(readFileSync(`simulations/templates/${t.file}`, 'utf8'));
    }
  });

  it('names the open built-in example, and forgets it when another document opens', () => {
    const app = new HandshakeApp({ runner: () => () => {}, editor: ScenarioEdits });
    expect(app.builtInFile).toBe('ping-over-a-link.json');
    const example = BUILT_IN_SCENARIOS.find((s) => s.file === 'dns-lookup.json')!;
    app.openBuiltIn(example.file, example.text);
    expect(app.builtInFile).toBe('dns-lookup.json');
    app.edits.set(['seed'], 9);
    expect(app.builtInFile).toBe('dns-lookup.json'); // edited, still that example's file
    app.openTemplate(SCENARIO_TEMPLATES[0]!.file, SCENARIO_TEMPLATES[0]!.text);
    expect(app.builtInFile).toBeNull();
    app.openBuiltIn('broken.json', '{');
    expect(app.builtInFile).toBeNull();
  });
});
