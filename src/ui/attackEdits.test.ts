// Attacks added in the app's editor: a port scan read from its form with the topology's first
// values is an edit the document takes (two-subnets.json: the laptop scans the server), its run
// gives the scan's figures (the sink's port open, the others closed), undo takes it out and redo
// brings it back; a SYN flood after the run's end is refused by the validator, nothing changed.
import { describe, expect, it } from 'vitest';
import twoSubnets from '../../simulations/two-subnets.json';
import {
  AddEvent,
  attackDefaults,
  portScanFromForm,
  synFloodFromForm,
} from '../viz/editor/index.ts';
import { HandshakeApp } from './appState.svelte.ts';
import { ScenarioEdits } from './scenarioEdits.svelte.ts';
import { runHere } from './worker/simClient.ts';

describe('attacks added in the editor', () => {
  it('runs a port scan added at a moment, undone and redone like any edit', () => {
    const app = new HandshakeApp({
      runner: (options, listener) => (runHere(options, listener), () => {}),
      editor: ScenarioEdits,
    });
    app.openBuiltIn('two-subnets.json', JSON.stringify(twoSubnets));
    const before = app.documentText;
    const first = attackDefaults(app.scenario!);
    const scan = portScanFromForm({ ...first, at: '2s', rate: '100' });
    expect(scan.ok).toBe(true);
    if (!scan.ok) return;
    expect(app.edits.apply(new AddEvent(scan.event, 'port scan by laptop at 2s'))).toEqual({
      ok: true,
    });
    expect(app.edits.undoLabel).toBe('Add port scan by laptop at 2s');
    expect(app.scenario!.events).toEqual([
      expect.objectContaining({ type: 'portScan', node: 'laptop', target: 'server', at: 2e9 }),
    ]);

    app.start();
    const figures = app.run?.summary.actions?.portScan;
    expect(figures).toEqual([
      expect.objectContaining({
        node: 'laptop',
        total: 13,
        open: 1,
        closed: 12,
        filtered: 0,
        openPorts: '5001',
        finished: true,
      }),
    ]);

    expect(app.edits.undo()).toBe(true);
    expect(JSON.parse(app.documentText)).toEqual(JSON.parse(before));
    expect(app.scenario!.events).toBeUndefined();
    expect(app.edits.redo()).toBe(true);
    expect(app.scenario!.events).toHaveLength(1);

    // A flood at 12 s, after the run's end (10 s): the document's validator refuses it.
    const late = synFloodFromForm({
      ...first,
      at: '12s',
      rate: '100',
      duration: '1s',
      spoofFrom: '',
    });
    if (!late.ok) throw new Error(late.problem.message);
    const edited = app.documentText;
    const refused = app.edits.apply(new AddEvent(late.event, 'SYN flood'));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.issues[0]?.path).toBe('$.events[1].at');
    expect(app.documentText).toBe(edited);
  });
});
