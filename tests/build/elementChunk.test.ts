// The embed build's grouping of the element's code (build/elementChunk.ts): the element's static
// imports, followed, go in one chunk; what it imports only dynamically, and the entry itself, do not.
import { describe, expect, it } from 'vitest';
import { elementChunkGroup, staticModules } from '../../build/elementChunk.ts';

/** A module graph by each module's static imports (dynamic ones are not in importedIds). */
const GRAPH: Record<string, string[]> = {
  entry: ['app', 'engine'],
  app: ['picture', 'engine'],
  picture: ['labels'],
  engine: [],
  labels: [],
  // Only dynamically imported by app: a panel, and what only it uses.
  panel: ['dissect', 'labels'],
  dissect: [],
};
const graph = {
  getModuleInfo: (id: string) => (id in GRAPH ? { importedIds: GRAPH[id] as string[] } : null),
};

describe('the element chunk', () => {
  it('holds the entry’s static imports, followed, and nothing only loaded later', () => {
    expect([...staticModules(graph, 'entry')].sort()).toEqual([
      'app',
      'engine',
      'entry',
      'labels',
      'picture',
    ]);
  });

  it('names those modules "element", leaving the entry and lazy modules to the bundler', () => {
    const group = elementChunkGroup('entry');
    const names = Object.keys(GRAPH).map((id) => [id, group.name(id, graph)]);
    expect(Object.fromEntries(names)).toEqual({
      entry: null,
      app: 'element',
      picture: 'element',
      engine: 'element',
      labels: 'element',
      panel: null,
      dissect: null,
    });
  });
});
