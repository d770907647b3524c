// Adding and removing list items of the app's document through ScenarioEdits: the first candidate
// the validator accepts is added (a new web client's server is the node that runs a web server),
// a removal that would break the document is refused with the validator's reason, and undo gives
// back the document exactly.
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../sim/index.ts';
import {
  itemSchema,
  newItemCandidates,
  variantOf,
  type Json,
  type JsonSchema,
} from '../viz/editor/index.ts';
import { APP_VIEWS } from '../viz/kinds/index.ts';
import { HandshakeApp } from './appState.svelte.ts';
import { ScenarioEdits } from './scenarioEdits.svelte.ts';
import { SCENARIO_TEMPLATES } from './scenarioTemplates.ts';

const nodeSchema = ((scenarioJsonSchema() as JsonSchema).properties as Record<string, JsonSchema>)
  .nodes!.items as JsonSchema;
const listSchema = (key: string) =>
  itemSchema((nodeSchema.properties as Record<string, JsonSchema>)[key] as JsonSchema);
/** The app variant whose `type` is `type`. */
const appSchema = (type: string) => variantOf(listSchema('apps'), { type })!;

function appOn(file: string): HandshakeApp {
  const app = new HandshakeApp({ runner: () => () => {}, editor: ScenarioEdits });
  const t = SCENARIO_TEMPLATES.find((x) => x.file === file)!;
  app.openTemplate(t.file, t.text);
  return app;
}
const doc = (app: HandshakeApp) => JSON.parse(app.documentText) as Json;

describe('list items in the document', () => {
  it('adds a web client pointing at the node that runs the web server, and undoes it exactly', () => {
    const app = appOn('4-small-office.json');
    const before = app.documentText;
    // pc1 is node 0; web runs the web server its view talks to; then nodes with apps, then the rest.
    const talksTo = APP_VIEWS.find((v) => v.type === 'httpClient')?.talksTo;
    expect(talksTo).toBe('httpServer');
    const candidates = newItemCandidates(doc(app), ['nodes', 0, 'apps'], appSchema('httpClient'), {
      talksTo,
    });
    expect(candidates.map((c) => (c as { server: string }).server)).toEqual([
      'web',
      'pc2',
      'ns',
      'office',
      'router',
      'rack',
    ]);
    expect(app.edits.insert(['nodes', 0, 'apps'], candidates, 'application')).toEqual({ ok: true });
    expect(app.scenario!.nodes[0]!.apps!.at(-1)).toMatchObject({
      type: 'httpClient',
      server: 'web',
    });
    expect(app.edits.undoLabel).toBe('Add application 2');
    app.edits.undo();
    expect(JSON.stringify(doc(app))).toBe(JSON.stringify(JSON.parse(before)));
  });

  it('adds a route via the gateway and a router interface on a free subnet', () => {
    const app = appOn('3-client-router-server.json');
    const d = doc(app);
    expect(
      app.edits.insert(
        ['nodes', 0, 'routes'],
        newItemCandidates(d, ['nodes', 0, 'routes'], listSchema('routes')),
      ),
    ).toEqual({ ok: true });
    // 192.168.1.0/24 and 10.0.0.0/24 are taken; 10.1.0.0/24 is free; the laptop's gateway.
    expect((doc(app) as { nodes: { routes: Json }[] }).nodes[0]!.routes).toEqual([
      { to: '10.1.0.0/24', via: '192.168.1.1' },
    ]);
    const d2 = doc(app);
    expect(
      app.edits.insert(
        ['nodes', 1, 'interfaces'],
        newItemCandidates(d2, ['nodes', 1, 'interfaces'], listSchema('interfaces')),
      ),
    ).toEqual({ ok: true });
    expect(app.scenario!.nodes[1]!.interfaces!.at(-1)).toMatchObject({ name: 'eth2' });
  });

  it('refuses to remove an interface a link is plugged into, with the reason', () => {
    const app = appOn('3-client-router-server.json');
    const before = app.documentText;
    const result = app.edits.remove(['nodes', 1, 'interfaces'], 1, 'interface');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.message).toMatch(/eth1/);
    expect(JSON.stringify(doc(app))).toBe(JSON.stringify(JSON.parse(before)));
    expect(app.edits.undoLabel).toBeNull();
  });

  it('removes an app, and undo puts it back in its place', () => {
    const app = appOn('2-client-server.json');
    const before = app.documentText;
    expect(app.edits.remove(['nodes', 0, 'apps'], 0, 'application')).toEqual({ ok: true });
    expect(app.scenario!.nodes[0]!.apps).toEqual([]);
    app.edits.undo();
    expect(JSON.stringify(doc(app))).toBe(JSON.stringify(JSON.parse(before)));
    app.edits.redo();
    expect(app.scenario!.nodes[0]!.apps).toEqual([]);
  });
});
