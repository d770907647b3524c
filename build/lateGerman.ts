// A Vite build plugin: the German catalogs (src/**/*.de.ts, about a third of the page's text)
// load only when German is spoken. In the page's build each import of a `.de.ts` file gets a
// stand-in module whose catalogs are empty objects; `virtual:handshake-german` imports the real
// catalogs and copies them into those objects. Catalogs are read when a message is said, never
// copied when made (engine/language.ts), so once the module has loaded every phrasebook speaks
// German; before, it falls back to English. src/ui/i18n/languageLoad.ts loads the module before
// the page or an embed speaks German. In dev, tests and the worker the catalogs stay as they are
// and the virtual module does nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

export const GERMAN_MODULE = 'virtual:handshake-german';
const RESOLVED_GERMAN = `\0${GERMAN_MODULE}`;
const STAND_IN = '\0handshake-late-de:';
export const REGISTRY = 'virtual:handshake-german-registry';
const RESOLVED_REGISTRY = `\0${REGISTRY}`;

/** The names a catalog file exports: each `export const NAME`. */
export function exportedConsts(code: string): string[] {
  return [...code.matchAll(/^export const (\w+)/gm)].flatMap((m) => (m[1] ? [m[1]] : []));
}

/** Every German catalog under `dir` (tests aside), as absolute paths in a stable order. */
export function germanCatalogs(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.de.ts') && !file.includes('.test.'))
    .map((file) => join(dir, file))
    .sort();
}

export function lateGerman(root = process.cwd()): Plugin {
  let late = false;
  return {
    name: 'handshake-late-german',
    enforce: 'pre',
    configResolved(config) {
      late = config.command === 'build' && !config.build.ssr;
    },
    async resolveId(source, importer, options) {
      if (source === GERMAN_MODULE) return RESOLVED_GERMAN;
      if (source === REGISTRY) return RESOLVED_REGISTRY;
      if (!late || !importer || !source.endsWith('.de.ts')) return null;
      if (importer === RESOLVED_GERMAN) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved) return null;
      return `${STAND_IN}${resolved.id}`;
    },
    load(id) {
      if (id === RESOLVED_REGISTRY) {
        return [
          '/** Whether the German catalogs are stand-ins, filled when the German module loads. */',
          `export const late = ${String(late)};`,
          '/** The stand-in catalogs, by file and name, for the German module to fill. */',
          'export const standIns = new Map();',
          'export function standIn(file, name) {',
          '  const key = `${file}#${name}`;',
          '  let found = standIns.get(key);',
          '  if (!found) standIns.set(key, (found = {}));',
          '  return found;',
          '}',
        ].join('\n');
      }
      if (id.startsWith(STAND_IN)) {
        const file = id.slice(STAND_IN.length);
        const key = JSON.stringify(relative(root, file));
        const lines = [`import { standIn } from ${JSON.stringify(REGISTRY)};`];
        for (const name of exportedConsts(readFileSync(file, 'utf8')))
          lines.push(`export const ${name} = standIn(${key}, ${JSON.stringify(name)});`);
        return lines.join('\n');
      }
      if (id === RESOLVED_GERMAN) {
        if (!late) return 'export default true;';
        const files = germanCatalogs(join(root, 'src'));
        const lines = [`import { standIn } from ${JSON.stringify(REGISTRY)};`];
        files.forEach((file, i) => lines.push(`import * as m${i} from ${JSON.stringify(file)};`));
        files.forEach((file, i) => {
          const key = JSON.stringify(relative(root, file));
          for (const name of exportedConsts(readFileSync(file, 'utf8')))
            lines.push(`Object.assign(standIn(${key}, ${JSON.stringify(name)}), m${i}.${name});`);
        });
        lines.push('export default true;');
        return lines.join('\n');
      }
      return null;
    },
  };
}
