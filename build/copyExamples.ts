// A Vite build plugin: copies the example scenarios (simulations/*.json) and lessons
// (simulations/lessons/**/*.md) into the build under the same paths, so a course page can point
// an embed at one by URL (`scenario="…/simulations/web-page-load.json"`) and a lesson's relative
// `scenario: ../x.json` resolves there too.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

/** Every file under `dir` whose name passes `keep`, as paths relative to `root`. */
export function filesUnder(root: string, dir: string, keep: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const name of readdirSync(join(root, dir)).sort()) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) {
      if (path.startsWith('simulations/lessons')) found.push(...filesUnder(root, path, keep));
    } else if (keep(name)) found.push(relative(root, join(root, path)));
  }
  return found;
}

export function copyExamples(root = process.cwd()): Plugin {
  return {
    name: 'handshake-copy-examples',
    apply: 'build',
    generateBundle() {
      const files = [
        ...filesUnder(root, 'simulations', (name) => name.endsWith('.json')),
        ...filesUnder(root, 'simulations/lessons', (name) => name.endsWith('.md')),
      ];
      for (const fileName of new Set(files)) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(join(root, fileName)) });
      }
    },
  };
}
