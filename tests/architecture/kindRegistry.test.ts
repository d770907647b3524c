// The registry of kinds is the one list of what a scenario may contain: the scenario schema (and
// the JSON Schema editors get) offers exactly its app kinds and roles, every kind module in
// src/kinds/ is in it, and the view registry gives every kind and role a view.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACTION_KINDS,
  APP_KINDS,
  ROLE_KINDS,
  UPCOMING_ROLES,
} from '../../src/sim/kinds/kindRegistry.ts';
import { actionBehaviour } from '../../src/sim/kinds/kindBehaviours.ts';
import { scenarioJsonSchema } from '../../src/sim/scenario/scenarioSchema.ts';
import { ACTION_VIEWS, APP_VIEWS, ROLE_VIEWS } from '../../src/viz/kinds/index.ts';

const appTypes = APP_KINDS.map((k) => k.type);
const roles = ROLE_KINDS.map((r) => r.role);

/** The JSON Schema of a node, found in the scenario's. */
function nodeSchema(): { properties: Record<string, Record<string, unknown>> } {
  const scenario = scenarioJsonSchema() as {
    properties: { nodes: { items: { properties: Record<string, Record<string, unknown>> } } };
  };
  return scenario.properties.nodes.items;
}

/** Every `.ts` file under src/kinds/, with its text. */
function kindFiles(): { path: string; text: string }[] {
  const root = join(process.cwd(), 'src/kinds');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => ({ path: f, text: readFileSync(join(root, f), 'utf8') }));
}

describe('the registry of kinds', () => {
  it('is what the scenario schema offers: the same app types and roles, no more, no fewer', () => {
    const node = nodeSchema();
    const apps = (
      node.properties.apps as { items: { oneOf: { properties: { type: { const: string } } }[] } }
    ).items.oneOf;
    expect(apps.map((a) => a.properties.type.const)).toEqual(appTypes);
    expect((node.properties.role as { enum: string[] }).enum).toEqual(roles);
  });

  it('holds every kind module of src/kinds/ (an app type declared there is registered)', () => {
    const declared = new Set<string>();
    for (const { text } of kindFiles())
      for (const m of text.matchAll(/type:\s*literal\('([A-Za-z][A-Za-z0-9]*)'\)/g))
        declared.add(m[1] as string);
    const roleFiles = new Set<string>();
    for (const { text } of kindFiles())
      for (const m of text.matchAll(/\brole:\s*'([A-Za-z]+)'/g)) roleFiles.add(m[1] as string);
    // DNS record types (A, CNAME, MX) are literals of a zone, not app kinds.
    declared.delete('A');
    declared.delete('CNAME');
    declared.delete('MX');
    expect([...declared].sort()).toEqual([...appTypes].sort());
    expect([...roleFiles].sort()).toEqual([...roles].sort());
  });

  it('never offers a role that is still to come', () => {
    for (const role of Object.keys(UPCOMING_ROLES)) expect(roles).not.toContain(role);
  });

  it('has a view for every app kind and every role, and no view without a kind', () => {
    expect(APP_VIEWS.map((v) => v.type)).toEqual(appTypes);
    expect(ROLE_VIEWS.map((v) => v.role)).toEqual(roles);
    for (const view of ROLE_VIEWS) {
      expect(view.name()).not.toBe('');
      expect(view.icon).toMatch(/^M/);
    }
  });

  it('has a view for every action with figures of its own (attacks), and no other', () => {
    const withFigures = ACTION_KINDS.filter((k) => actionBehaviour(k).figures !== undefined);
    expect(ACTION_VIEWS.map((v) => v.type)).toEqual(withFigures.map((k) => k.type));
    // An action that runs as an app kind is told as that kind and has none.
    for (const kind of ACTION_KINDS)
      if ('runsAs' in kind && kind.runsAs !== undefined)
        expect(actionBehaviour(kind).figures).toBeUndefined();
  });

  it("names, for each client view, a server app kind that listens (the editor's new-client peer)", () => {
    const clients = APP_VIEWS.filter((v) => v.talksTo !== undefined);
    // Every kind whose apps name a target talks to some server kind.
    expect(clients.map((v) => v.type).sort()).toEqual(
      APP_KINDS.filter((k) => 'target' in k && k.target !== undefined)
        .map((k) => k.type)
        .sort(),
    );
    for (const view of clients) {
      const server = APP_KINDS.find((k) => k.type === view.talksTo);
      expect(server?.listens, `${view.type} talks to ${view.talksTo}`).toBeDefined();
    }
  });
});
