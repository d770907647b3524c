// The embed's theme in a shadow root: every page selector becomes the host's, nothing of the page.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shadowTheme } from './shadowStyles.ts';

const theme = readFileSync(new URL('../ui/theme.css', import.meta.url), 'utf8');

describe('the embed theme', () => {
  it('styles the host, not the page: no :root, no body, no html', () => {
    const css = shadowTheme(theme);
    expect(css).not.toMatch(/:root|(^|[\s,}])body\b|(^|[\s,}])html\b/);
    expect(css).toContain(':host {');
    // The dark scheme: chosen on the element, or the system's unless light is chosen.
    expect(css).toContain(":host([data-theme='dark'])");
    expect(css).toContain(":host(:not([data-theme='light']))");
    // The host page's inherited styles are reset before the theme sets its own.
    expect(css.indexOf('all: initial')).toBeLessThan(css.indexOf('--surface'));
  });

  it('turns the minified form the build hands it (attribute values unquoted)', () => {
    expect(
      shadowTheme(
        ':root{a:1}:root[data-theme=dark]{b:2}@media (prefers-color-scheme:dark){:root:not([data-theme=light]){c:3}}body{margin:0}p{d:4}',
      ),
    ).toContain(
      ":host{a:1}:host([data-theme='dark']){b:2}@media (prefers-color-scheme:dark){:host(:not([data-theme='light'])){c:3}}p{d:4}",
    );
  });

  it('turns each selector form it meets', () => {
    expect(
      shadowTheme(":root { a: 1 }\nbody {\n  margin: 0;\n}\n:root[data-theme='dark'] { b: 2 }"),
    ).toMatch(/:host \{ a: 1 \}\n+:host\(\[data-theme='dark'\]\) \{ b: 2 \}$/);
  });
});
