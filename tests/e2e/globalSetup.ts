// Builds the app into a temporary directory, serves it with `vite preview` on 127.0.0.1 at a free
// port, and hands the URL to the end-to-end tests (inject('baseUrl'); the folder, inject('buildDir')).
// Teardown stops the server.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { buildAll } from '../../build/buildAll.ts';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built app's URL, ending in "/". */
    baseUrl: string;
    /** The folder the app was built into and is served from (offline.test.ts deploys a new sw.js). */
    buildDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = project.config.root;
  // A private build directory, so the tests never race another build writing dist/.
  const outDir = await mkdtemp(join(tmpdir(), 'handshake-e2e-'));
  await buildAll({ root, outDir });
  let server: PreviewServer | undefined;
  try {
    server = await preview({
      root,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') {
    throw new Error(`vite preview is not listening on a TCP port (${String(address)})`);
  }
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  project.provide('buildDir', outDir);
  return async () => {
    await server?.close();
    await rm(outDir, { recursive: true, force: true });
  };
}
