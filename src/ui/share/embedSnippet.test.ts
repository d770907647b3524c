// The embed snippets: the inline JSON cannot close its <script> and reads back to the same value,
// attribute values are escaped, each option maps to its attribute and query parameter, the
// scenario's id is a stable hash of the text, and the height and seed fields read as they say.
import { describe, expect, it } from 'vitest';
import {
  appBase,
  DEFAULT_EMBED,
  elementSnippet,
  embedQuery,
  escapeAttribute,
  iframeSnippet,
  inlineJson,
  readHeight,
  readSeed,
  scenarioElementId,
  textHash,
  type EmbedOptions,
  type EmbedSource,
} from './embedSnippet.ts';

const BASE = 'https://example.org/hs/';
const HOSTILE = '</script><script>alert(1)</script>';

/** A scenario document whose node is named to break out of a script element. */
const doc = {
  $schema: 'https://example.org/hs/schema.json',
  name: `Ping ${HOSTILE} & <!-- "q" 'a' \u2028\u2029 >`,
  nodes: [{ id: 'c1', name: HOSTILE }],
};
const text = `${JSON.stringify(doc, null, 2)}\n`;
const scenario: EmbedSource = {
  kind: 'scenario',
  text,
  fragment: '#s1.eJxLz0nMS1EoLsksSgUAFnMD_Q',
  name: doc.name,
};
const lesson: EmbedSource = { kind: 'lesson', key: '01-clients-and-servers', title: 'Clients' };

/** The text between the inline <script type="application/json" …> and its closing tag. */
function inlinePart(snippet: string): string {
  const match = /<script type="application\/json" id="[^"]+">([\s\S]*)<\/script>$/.exec(snippet);
  if (!match) throw new Error(`no inline script in ${snippet}`);
  return match[1]!;
}

describe('inlineJson', () => {
  it('leaves no <, >, & or line separators, and JSON.parse reads back the same value', () => {
    const safe = inlineJson(text);
    expect(safe).not.toMatch(/[<>&\u2028\u2029]/);
    expect(safe).toContain('\\u003c/script\\u003e');
    expect(safe).toContain('\\u2028\\u2029');
    expect(JSON.parse(safe)).toEqual(doc);
  });

  it('keeps a backslash before a < as a backslash (an escaped backslash, then the character)', () => {
    const value = { s: '\\<\\\\>&' };
    expect(JSON.parse(inlineJson(JSON.stringify(value)))).toEqual(value);
  });
});

describe('elementSnippet', () => {
  it('writes the module, the element naming the inline scenario, and the inline JSON', () => {
    const snippet = elementSnippet(BASE, scenario, DEFAULT_EMBED);
    const id = scenarioElementId(text);
    expect(snippet.split('\n').slice(0, 2)).toEqual([
      '<script type="module" src="https://example.org/hs/handshake-sim.js"></script>',
      `<handshake-sim scenario="#${id}" view="both" controls height="480"></handshake-sim>`,
    ]);
    expect(snippet.split('\n')[2]).toMatch(
      new RegExp(`^<script type="application/json" id="${id}">`),
    );
  });

  it('cannot be closed early by a hostile name: the only </script are the real closing tags', () => {
    const snippet = elementSnippet(BASE, scenario, DEFAULT_EMBED);
    expect(snippet.match(/<\/script/gi)).toHaveLength(2);
    expect(snippet.match(/<script/gi)).toHaveLength(2);
    expect(snippet).not.toContain('<!--');
    expect(snippet.endsWith('</script>')).toBe(true);
    expect(JSON.parse(inlinePart(snippet))).toEqual(doc);
  });

  it('names a lesson by its key with no inline scenario', () => {
    expect(elementSnippet(BASE, lesson, DEFAULT_EMBED)).toBe(
      '<script type="module" src="https://example.org/hs/handshake-sim.js"></script>\n' +
        '<handshake-sim lesson="01-clients-and-servers" view="both" controls height="480"></handshake-sim>',
    );
  });

  it('maps every option to its attribute: booleans bare when on, left out when off', () => {
    const on: EmbedOptions = {
      view: 'ladder',
      controls: true,
      autoplay: true,
      readonly: true,
      height: 640,
      seed: 7,
    };
    expect(elementSnippet(BASE, lesson, on)).toContain(
      '<handshake-sim lesson="01-clients-and-servers" view="ladder" controls autoplay readonly height="640" seed="7">',
    );
    const off: EmbedOptions = {
      ...on,
      view: 'topology',
      controls: false,
      autoplay: false,
      readonly: false,
      seed: 0,
    };
    expect(elementSnippet(BASE, lesson, off)).toContain(
      '<handshake-sim lesson="01-clients-and-servers" view="topology" height="640" seed="0">',
    );
  });

  it('escapes attribute values it did not write itself (a lesson key, the base)', () => {
    const odd: EmbedSource = { kind: 'lesson', key: `a"b'<c>&d`, title: 't' };
    const snippet = elementSnippet('https://x.org/a&b"/', odd, DEFAULT_EMBED);
    expect(snippet).toContain('src="https://x.org/a&amp;b&quot;/handshake-sim.js"');
    expect(snippet).toContain('lesson="a&quot;b&#39;&lt;c&gt;&amp;d"');
  });
});

describe('iframeSnippet', () => {
  it("carries the share link's fragment, the options in the query (escaped) and the name", () => {
    expect(iframeSnippet(BASE, { ...scenario, name: 'Ping' }, DEFAULT_EMBED)).toBe(
      '<iframe src="https://example.org/hs/embed.html?view=both&amp;controls=1#s1.eJxLz0nMS1EoLsksSgUAFnMD_Q"' +
        ' title="Handshake: Ping" width="100%" height="480" style="border:0" loading="lazy"></iframe>',
    );
  });

  it('names a lesson in the query with no fragment, and escapes a hostile name in the title', () => {
    const snippet = iframeSnippet(BASE, lesson, { ...DEFAULT_EMBED, height: 900 });
    expect(snippet).toContain(
      'src="https://example.org/hs/embed.html?lesson=01-clients-and-servers&amp;view=both&amp;controls=1"',
    );
    expect(snippet).toContain('height="900"');
    expect(snippet).not.toContain('#');
    const hostile = iframeSnippet(BASE, scenario, DEFAULT_EMBED);
    expect(hostile).toContain(
      'title="Handshake: Ping &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!-- &quot;q&quot; &#39;a&#39;',
    );
    expect(hostile).not.toMatch(/<\/?script/);
    expect(hostile.match(/"/g)!.length).toBe(12); // six attributes, each in its own quotes
  });

  it('writes a switch that is on as =1; off, controls=0 and the others left out', () => {
    expect(embedQuery(DEFAULT_EMBED)).toBe('view=both&controls=1');
    expect(
      embedQuery({
        view: 'ladder',
        controls: false,
        autoplay: true,
        readonly: true,
        height: 300,
        seed: 12,
      }),
    ).toBe('view=ladder&controls=0&autoplay=1&readonly=1&seed=12');
    expect(embedQuery({ ...DEFAULT_EMBED, controls: false, view: 'topology' })).toBe(
      'view=topology&controls=0',
    );
    expect(embedQuery(DEFAULT_EMBED, 'a b&c')).toBe('lesson=a+b%26c&view=both&controls=1');
  });
});

describe('escapeAttribute', () => {
  it('escapes & < > " and \' (the ampersand first, so nothing is escaped twice)', () => {
    expect(escapeAttribute(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(escapeAttribute('&amp;')).toBe('&amp;amp;');
    expect(escapeAttribute('plain text 1/2')).toBe('plain text 1/2');
  });
});

describe('the scenario id and the base', () => {
  it('hashes with FNV-1a: the published 32-bit values, stable, and changed by any edit', () => {
    // Reference: FNV-1a 32-bit test vectors (Fowler, Noll, Vo): "" 811c9dc5, "a" e40c292c,
    // "foobar" bf9cf968.
    expect(textHash('')).toBe('811c9dc5');
    expect(textHash('a')).toBe('e40c292c');
    expect(textHash('foobar')).toBe('bf9cf968');
    expect(scenarioElementId(text)).toBe(scenarioElementId(`${text}`));
    expect(scenarioElementId(text)).toMatch(/^hs-scenario-[0-9a-f]{8}$/);
    expect(scenarioElementId(text.replace('c1', 'c2'))).not.toBe(scenarioElementId(text));
  });

  it("is the app's directory with no query or fragment, ending in /", () => {
    expect(appBase('https://x.org/hs/index.html?lesson=a#s1.abc')).toBe('https://x.org/hs/');
    expect(appBase('https://x.org/hs/?x=1')).toBe('https://x.org/hs/');
    expect(appBase('http://127.0.0.1:4173/')).toBe('http://127.0.0.1:4173/');
  });
});

describe('the height and seed fields', () => {
  it('reads a height from 200 to 2000 whole pixels, nothing else', () => {
    expect(readHeight(' 480 ')).toEqual({ ok: true, value: 480 });
    expect(readHeight('200')).toEqual({ ok: true, value: 200 });
    expect(readHeight('2000')).toEqual({ ok: true, value: 2000 });
    for (const bad of ['199', '2001', '', '4.5', '-300', '1e3', 'abc']) {
      expect(readHeight(bad)).toEqual({ ok: false });
    }
  });

  it('reads an empty seed as none, a whole number as itself, anything else as a problem', () => {
    expect(readSeed('  ')).toEqual({ ok: true, value: null });
    expect(readSeed('0')).toEqual({ ok: true, value: 0 });
    expect(readSeed(' 42 ')).toEqual({ ok: true, value: 42 });
    for (const bad of ['-1', '1.5', 'x', '9007199254740993']) {
      expect(readSeed(bad)).toEqual({ ok: false });
    }
  });
});
