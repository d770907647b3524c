// Vite builds the browser app (index.html), the iframe entry (embed.html) and the embed module
// (handshake-sim.js, next to index.html: src/embed/element.ts), with the example scenarios and
// lessons copied beside them for pages to load by URL; Vitest runs two projects: the simulation
// core and cross-cutting tests in Node, and the end-to-end tests that drive the built app in
// Debian's Chromium.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { copyExamples } from './build/copyExamples.ts';
import { embedDevModule } from './build/embedDevModule.ts';
import { lateGerman } from './build/lateGerman.ts';

/** The embed module's entry, built to a fixed name so course pages can link it. */
const EMBED_ENTRY = 'handshake-sim';

export default defineConfig({
  // Components inject their styles where they are mounted: into the document for the app, into
  // the element's shadow root for an embed (one build serves both).
  plugins: [
    svelte({ compilerOptions: { css: 'injected' } }),
    copyExamples(),
    lateGerman(),
    embedDevModule(),
  ],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      input: { index: 'index.html', embed: 'embed.html', [EMBED_ENTRY]: 'src/embed/element.ts' },
      output: {
        entryFileNames: (chunk) =>
          chunk.name === EMBED_ENTRY ? `${EMBED_ENTRY}.js` : 'assets/[name]-[hash].js',
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A real browser on a shared 2-core machine can miss a frame deadline now and then; one
          // retry keeps such a hiccup from failing CI, while a broken behaviour still fails twice.
          retry: 1,
        },
      },
    ],
  },
});
