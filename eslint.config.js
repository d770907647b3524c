// Lint rules, including the one-way import rule of docs/architecture.md:
//   embed, ui -> editor, lessons -> viz -> sim -> machines -> net -> engine;  cli -> viz, sim
//   embed, ui -> offline (the service worker and its registration, which import no other layer)
// A layer may import only the layers to its right, and a viz topic only through its index.ts.
// The simulation core (engine, net, machines, sim) never imports Svelte, D3 or the DOM, and never
// reads real time or unseeded randomness. A kind's folder (src/kinds/<kind>/) holds files of
// several layers; each file's layer comes from its name (KIND_FILE_LAYERS below).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

const LAYERS = [
  'engine',
  'net',
  'machines',
  'sim',
  'viz',
  'editor',
  'lessons',
  'ui',
  'embed',
  'cli',
  'offline',
];

/** Which layers each layer may import (besides itself). */
const ALLOWED = {
  engine: [],
  net: ['engine'],
  machines: ['net', 'engine'],
  sim: ['machines', 'net', 'engine'],
  viz: ['sim', 'machines', 'net', 'engine'],
  editor: ['viz', 'sim', 'machines', 'net', 'engine'],
  lessons: ['viz', 'sim', 'machines', 'net', 'engine'],
  ui: ['viz', 'editor', 'lessons', 'sim', 'machines', 'net', 'engine', 'offline'],
  embed: ['ui', 'viz', 'editor', 'lessons', 'sim', 'machines', 'net', 'engine', 'offline'],
  cli: ['viz', 'lessons', 'sim', 'machines', 'net', 'engine'],
  offline: [],
};
const CORE = ['engine', 'net', 'machines', 'sim'];

/**
 * The layer of each file in a kind's folder, by its name: its views (…View.ts, …Views.ts) are
 * viz; its schema, checks, build and figures (…Kind.ts, …Behaviour.ts, …Role.ts, …Roles.ts,
 * …Schemas.ts, …Feature.ts) are sim; everything else (…Machine.ts, protocol code, …Trace.ts) is machines.
 * The registries that list kinds live in their layer: src/sim/kinds/kindRegistry.ts and
 * src/viz/kinds/viewRegistry.ts.
 */
const KIND_FILE_LAYERS = {
  machines: ['src/kinds/**/*.ts'],
  sim: ['Kind', 'Behaviour', 'Role', 'Roles', 'Schemas', 'Feature'].map(
    (s) => `src/kinds/**/*${s}.ts`,
  ),
  viz: ['View', 'Views'].map((s) => `src/kinds/**/*${s}.ts`),
  ui: ['src/kinds/**/*.svelte'],
};
/** Kind files of each layer, by how an import path ends. */
const KIND_FILE_PATTERN = {
  sim: '(Kind|Behaviour|Role|Roles|Schemas|Feature)\\.ts$',
  viz: '(View|Views)\\.ts$',
  ui: '\\.svelte$',
};

/**
 * src/viz is sorted by topic (trace/, packet/, log/, ...). Inside viz a file may import any file;
 * from anywhere else a topic is reached only through its index.ts, its public surface.
 */
const VIZ_INDEX_ONLY = {
  regex: '(^|/)viz/[^/]+/(?!index\\.ts$)[^/]',
  message: 'Outside src/viz, import a viz topic through its index.ts (src/viz/<topic>/index.ts).',
};

/** The kind files (by name) a file of `layer` may not import: those of the layers above it. */
function kindPatterns(layer) {
  const above = Object.keys(KIND_FILE_PATTERN).filter(
    (kindLayer) => kindLayer !== layer && !ALLOWED[layer].includes(kindLayer),
  );
  if (above.length === 0) return [];
  return [
    {
      regex: `(${above.map((l) => KIND_FILE_PATTERN[l]).join('|')})`,
      message: `A ${layer} file may not import a kind's ${above.join(' or ')} files (a kind file's layer is in its name: eslint.config.js).`,
    },
  ];
}

function layerRules(
  layer,
  files = [`src/${layer}/**/*.ts`, `src/${layer}/**/*.svelte`],
  inKind = false,
) {
  const forbidden = LAYERS.filter((other) => other !== layer && !ALLOWED[layer].includes(other));
  const patterns = [
    {
      group: forbidden.flatMap((other) => [`**/${other}`, `**/${other}/**`, `**/src/${other}/**`]),
      message: `${inKind ? `A kind's ${layer} file` : `src/${layer}`} may import only ${ALLOWED[layer].join(', ') || 'nothing outside itself'} (one-way layers, docs/architecture.md).`,
    },
  ];
  if (['engine', 'net', 'machines'].includes(layer) && !inKind)
    patterns.push({
      regex: '(^|/)kinds/',
      message: `src/${layer} is below every kind: it may not import src/kinds/.`,
    });
  else patterns.push(...kindPatterns(layer));
  if (layer !== 'viz') patterns.push(VIZ_INDEX_ONLY);
  if (CORE.includes(layer)) {
    patterns.push({
      group: ['svelte', 'svelte/**', 'd3', 'd3-*', '@xstate/svelte'],
      message: 'The simulation core never imports the view (Svelte, D3).',
    });
  }
  const rules = { 'no-restricted-imports': ['error', { patterns }] };
  if (CORE.includes(layer)) {
    rules['no-restricted-globals'] = [
      'error',
      ...['window', 'document', 'setTimeout', 'setInterval', 'requestAnimationFrame'].map(
        (name) => ({
          name,
          message: 'The simulation core runs on simulated time with no DOM: use the engine.',
        }),
      ),
    ];
    rules['no-restricted-properties'] = [
      'error',
      {
        object: 'Math',
        property: 'random',
        message: 'Use a seeded stream: sim.random.stream(name).',
      },
      { object: 'Date', property: 'now', message: 'Use simulated time: sim.now().' },
      { object: 'performance', property: 'now', message: 'Use simulated time: sim.now().' },
    ];
  }
  return {
    files,
    ignores: CORE.includes(layer) ? ['**/*.test.ts'] : [],
    rules,
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-results/', '.prof/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
        svelteConfig,
      },
    },
  },
  ...LAYERS.map((layer) => layerRules(layer)),
  // Later entries win: a kind file is machines unless its name makes it sim, viz or ui.
  ...Object.entries(KIND_FILE_LAYERS).map(([layer, files]) => layerRules(layer, files, true)),
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [VIZ_INDEX_ONLY] }] },
  },
);
