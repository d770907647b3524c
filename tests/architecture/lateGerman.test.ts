// German's catalogs load late in the built page (build/lateGerman.ts), which works only while
// every `*.de.ts` file exports nothing but `const` catalogs, plain objects the plugin can fill.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportedConsts, germanCatalogs } from '../../build/lateGerman.ts';

const SRC = join(import.meta.dirname, '../../src');

describe('German catalogs loaded late', () => {
  it('finds every catalog, each exporting only const objects', async () => {
    const files = germanCatalogs(SRC);
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((file) => file.endsWith('ui/i18n/messages.de.ts'))).toBe(true);
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      const exports = code.match(/^export\b.*$/gm) ?? [];
      const names = exportedConsts(code);
      // Every export is an `export const NAME`, none a function, class, let or re-export.
      expect(exports.length, file).toBe(names.length);
      const module = (await import(file)) as Record<string, unknown>;
      for (const name of names) {
        const value = module[name];
        expect(
          typeof value === 'object' && value !== null && !Array.isArray(value),
          `${file} ${name}`,
        ).toBe(true);
      }
    }
  });

  it('reads the names a catalog exports', () => {
    expect(
      exportedConsts('export const A_DE = {};\nconst x = 1;\nexport const de: T = {\n};'),
    ).toEqual(['A_DE', 'de']);
  });
});
