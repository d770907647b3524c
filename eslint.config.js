// Lint rules, including the one-way import rule of docs/architecture.md:
//   embed, ui -> viz, editor, lessons -> sim -> machines -> net -> engine;  cli -> sim
// A layer may import only the layers to its right, and a viz topic only through its index.ts. The simulation core (engine, net, machines,
// sim) never imports Svelte, D3 or the DOM, and never reads real time or unseeded randomness.
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
];

/** Which layers each layer may import (besides itself). */
const ALLOWED = {
  engine: [],
  net: ['engine'],
  machines: ['net', 'engine'],
  sim: ['machines', 'net', 'engine'],
  viz: ['sim', 'machines', 'net', 'engine'],
  editor: ['sim', 'machines', 'net', 'engine'],
  lessons: ['sim', 'machines', 'net', 'engine'],
  ui: ['viz', 'editor', 'lessons', 'sim', 'machines', 'net', 'engine'],
  embed: ['ui', 'viz', 'editor', 'lessons', 'sim', 'machines', 'net', 'engine'],
  cli: ['sim', 'machines', 'net', 'engine'],
};
const CORE = ['engine', 'net', 'machines', 'sim'];

/**
 * src/viz is sorted by topic (trace/, packet/, log/, ...). Inside viz a file may import any file;
 * from anywhere else a topic is reached only through its index.ts, its public surface.
 */
const VIZ_INDEX_ONLY = {
  regex: '(^|/)viz/[^/]+/(?!index\\.ts$)[^/]',
  message: 'Outside src/viz, import a viz topic through its index.ts (src/viz/<topic>/index.ts).',
};

function layerRules(layer) {
  const forbidden = LAYERS.filter((other) => other !== layer && !ALLOWED[layer].includes(other));
  const patterns = [
    {
      group: forbidden.flatMap((other) => [`**/${other}`, `**/${other}/**`, `**/src/${other}/**`]),
      message: `src/${layer} may import only ${ALLOWED[layer].join(', ') || 'nothing outside itself'} (one-way layers, docs/architecture.md).`,
    },
  ];
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
    files: [`src/${layer}/**/*.ts`, `src/${layer}/**/*.svelte`],
    ignores: CORE.includes(layer) ? [`src/${layer}/**/*.test.ts`] : [],
    rules,
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-results/'] },
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
  ...LAYERS.map(layerRules),
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [VIZ_INDEX_ONLY] }] },
  },
);
