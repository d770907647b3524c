// No Svelte component in src/ui shows English of its own: every text node and every attribute
// people read goes through t() (untranslatedText.ts), apart from the names below that are the
// same in every language. Components not yet moved to the catalog are listed in PENDING; the
// list may only shrink (a listed file that is clean fails, so it is taken off).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { untranslatedText } from './untranslatedText.ts';

const UI = join(import.meta.dirname, '..');

/** Texts that are names, not English: the product, protocols, units, symbols. */
const ALLOWED = new Set<string>([
  'Handshake',
  'CSV:',
  'ms',
  'TTL',
  // DNS header fields by their RFC 1035 names.
  'ID',
  'RCODE',
  // The column heads of `ss -tuan`, which the socket table mirrors.
  'Netid',
  'State',
  'Local Address:Port',
  'Peer Address:Port',
]);

/**
 * Components whose texts are still English literals (docs/architecture.md, "Languages"): empty
 * now; a component added in plain English may wait here until its texts move to the catalog.
 */
const PENDING = new Set<string>([]);

function components(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return components(path);
    return entry.name.endsWith('.svelte') ? [relative(UI, path)] : [];
  });
}

describe('the components speak through the catalog', () => {
  const files = components(UI).sort();

  it.each(files.filter((f) => !PENDING.has(f)))('%s has no English literal', (file) => {
    const found = untranslatedText(readFileSync(join(UI, file), 'utf8'), ALLOWED);
    expect(found.map((f) => `${file}:${f.line}: ${f.text}`)).toEqual([]);
  });

  it.each([...PENDING])('%s is still pending (take it off the list once clean)', (file) => {
    expect(files).toContain(file);
    expect(untranslatedText(readFileSync(join(UI, file), 'utf8'), ALLOWED).length).toBeGreaterThan(
      0,
    );
  });
});

describe('the scanner', () => {
  it('finds text nodes, read attributes and literals shown, not t() calls or logic', () => {
    const found = untranslatedText(
      `<script>let a = 'Hidden';</script>
<p title="Tip {x}" class="big words" data-testid="some id">Hello {t('k.k')} {n} {ok ? 'Yes' : t('no')}</p>
{#if mode === 'network'}<Foo label="Name" kind="plain words" />{/if}
<span aria-label={\`\${n} items\`}>{x === 'abc'} Handshake · 3</span><code>ls -l</code>
<style>p { color: red; }</style>`,
      new Set(['Handshake · 3']),
    );
    expect(found.map((f) => [f.line, f.text])).toEqual([
      [2, 'Tip'],
      [2, 'Hello'],
      [2, 'Yes'],
      [3, 'Name'],
      [4, 'items'],
    ]);
  });
});
