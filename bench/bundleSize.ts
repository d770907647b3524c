// Sizes of built bundles: a module and every module it imports statically (what a page downloads
// before it runs), and what it can load later by dynamic import, gzipped as a server sends them.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Static imports of a built ES module: `import … from "./x.js"` and `import "./x.js"`. */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
  for (const match of code.matchAll(pattern)) if (match[1]) found.push(match[1]);
  return found;
}

/** Dynamic imports of a built ES module: `import("./x.js")`. */
export function dynamicImports(code: string): string[] {
  return [...code.matchAll(/import\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].flatMap((m) =>
    m[1] ? [m[1]] : [],
  );
}

/** The files (under `dir`) a module needs before it runs: itself and its static imports. */
export function staticClosure(dir: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const spec of staticImports(code)) {
      if (!spec.startsWith('.')) continue;
      visit(normalize(join(dirname(file), spec)));
    }
  };
  visit(entry);
  return [...seen];
}

/** Every file a module may load, statically or later by dynamic import. */
export function fullClosure(dir: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const spec of [...staticImports(code), ...dynamicImports(code)]) {
      if (!spec.startsWith('.')) continue;
      visit(normalize(join(dirname(file), spec)));
    }
  };
  visit(entry);
  return [...seen];
}

/** Gzipped bytes of each file, summed (as separate downloads, each compressed on its own). */
export function gzippedBytes(dir: string, files: readonly string[]): number {
  return files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(dir, file)), { level: 9 }).length,
    0,
  );
}
