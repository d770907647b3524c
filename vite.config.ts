// Vite builds the browser app (index.html) with the example scenarios and lessons copied beside
// it for pages to load by URL, and then, in a second build into the same folder (`--mode embed`,
// see build/buildAll.ts), the iframe entry (embed.html) and the embed module (handshake-sim.js,
// next to index.html: src/embed/element.ts). Two builds, so no chunk of the embed can ever pull
// in the app's page script or its global styles. Vitest runs two projects: the simulation core
// and cross-cutting tests in Node, and the end-to-end tests that drive the built app in Debian's
// Chromium. Each build ends by writing the service worker (sw.js) that keeps what the folder then
// holds working offline (build/offlinePlugin.ts).
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { copyExamples } from './build/copyExamples.ts';
import { embedDevModule } from './build/embedDevModule.ts';
import { lateGerman } from './build/lateGerman.ts';
import { offlinePlugin } from './build/offlinePlugin.ts';
import { EMBED_ENTRY, EMBED_MODE } from './build/buildAll.ts';
import { elementChunkGroup } from './build/elementChunk.ts';
import { resolve } from 'node:path';

export default defineConfig(({ command, mode }) => {
  const embed = mode === EMBED_MODE;
  return {
    plugins: [
      // The app's component styles go in its CSS file; an embed's are injected where it mounts,
      // into its shadow root (and, in dev, where each mounts).
      svelte(embed || command === 'serve' ? { compilerOptions: { css: 'injected' } } : {}),
      ...(embed ? [] : [copyExamples()]),
      lateGerman(),
      embedDevModule(),
      offlinePlugin(),
    ],
    base: './',
    build: {
      target: 'es2022',
      sourcemap: true,
      ...(embed
        ? {
            emptyOutDir: false,
            rollupOptions: {
              input: { embed: 'embed.html', [EMBED_ENTRY]: 'src/embed/element.ts' },
              output: {
                entryFileNames: (chunk: { name: string }) =>
                  chunk.name === EMBED_ENTRY ? `${EMBED_ENTRY}.js` : 'assets/[name]-[hash].js',
                codeSplitting: {
                  groups: [elementChunkGroup(resolve(import.meta.dirname, 'src/embed/element.ts'))],
                },
              },
            },
          }
        : {}),
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
            setupFiles: ['tests/setup/everyKind.ts', 'tests/setup/englishTexts.ts'],
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
            setupFiles: ['tests/setup/everyKind.ts', 'tests/setup/englishTexts.ts'],
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
  };
});
