// The property panel in German: its phrasebook and the fields' help are whole translations, a
// field's help, hint and refusals are German when asked (expected sentences written by hand), and
// English stays the default.
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../engine/language.ts';
import { scenarioJsonSchema } from '../../sim/index.ts';
import { FIELD_EN } from './fieldPhrases.ts';
import { FIELD_DE } from './fieldPhrases.de.ts';
import { FIELD_HELP_DE } from './fieldHelp.de.ts';
import { fieldHelp, schemaDescriptions } from './fieldHelp.ts';
import { fieldsOf, InsertItem, itemNoun, readInput, RemoveItem, type JsonSchema } from './index.ts';

const root = scenarioJsonSchema() as JsonSchema;
const links = ((root.properties as Record<string, JsonSchema>).links!.items ?? {}) as JsonSchema;

describe('the property panel phrasebooks', () => {
  it('has a whole German translation of its sentences', () => {
    expect(translationProblems(FIELD_EN, FIELD_DE)).toEqual([]);
  });

  it('has German help for every description of the scenario schema, and no other', () => {
    expect(translationProblems(schemaDescriptions(root), FIELD_HELP_DE)).toEqual([]);
  });
});

describe('a field in German', () => {
  const fields = fieldsOf(links, { id: 'l', a: 'x', b: 'y' }, ['links', 0], 'de');
  const field = (key: string) => fields.find((f) => f.key === key)!;

  it('says its help and what to type', () => {
    expect(field('latency').help).toBe('Ausbreitungsverzögerung in eine Richtung.');
    expect(field('latency').hint).toBe('eine Dauer, etwa 20ms oder 1.5s');
    expect(field('bandwidth').hint).toBe('eine Rate, etwa 10Mbps oder 512kbps');
  });

  it('says why a typed value is refused', () => {
    expect(readInput(field('latency'), 'fast', 'de')).toEqual({
      ok: false,
      message: 'erwartet: eine Dauer, etwa 20ms oder 1.5s, gefunden: „fast“',
    });
    expect(readInput(field('latency'), '', 'de')).toEqual({
      ok: false,
      message: 'latency ist Pflicht',
    });
    expect(readInput(field('loss'), '1', 'de')).toEqual({
      ok: false,
      message: 'erwartet: unter 1, gefunden: 1',
    });
  });

  it('is English by default and in a language without a translation', () => {
    const english = fieldsOf(links, { id: 'l', a: 'x', b: 'y' }, ['links', 0]);
    expect(english.find((f) => f.key === 'latency')?.help).toBe('One-way propagation delay.');
    expect(fieldHelp('One-way propagation delay.', 'fr')).toBe('One-way propagation delay.');
    expect(fieldHelp('A help text no one translated.', 'de')).toBe(
      'A help text no one translated.',
    );
  });
});

describe('list items in German', () => {
  it('names an item of a list, and the undo history names adding and removing one', () => {
    expect(itemNoun('apps', 'de')).toBe('Anwendung');
    expect(itemNoun('interfaces', 'de')).toBe('Schnittstelle');
    expect(itemNoun('somethingElse', 'de')).toBe('Element');
    expect(itemNoun('apps')).toBe('application');
    const doc = { nodes: [{ id: 'a' }, { id: 'b' }] };
    expect(InsertItem.append(doc, ['nodes'], { id: 'c' }, 'Knoten', 'de').label).toBe(
      'Knoten 3 hinzufügen',
    );
    expect(RemoveItem.at(doc, ['nodes'], 1, undefined, 'de').label).toBe('Element 2 entfernen');
    expect(RemoveItem.at(doc, ['nodes'], 1, 'node').label).toBe('Remove node 2');
  });
});
