// Vite builds the browser app; Vitest runs two projects: the simulation core and cross-cutting
// tests in Node, and the end-to-end tests that drive the built app in Debian's Chromium. The build
// also writes the service worker that keeps the app working offline (build/offlinePlugin.ts).
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { offlinePlugin } from './build/offlinePlugin.ts';

export default defineConfig({
  plugins: [svelte(), offlinePlugin()],
  base: './',
  build: { target: 'es2022', sourcemap: true },
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
