// The service worker's decisions: which requests it answers from the cache first, which from the
// network first, which it leaves alone; the page a navigation falls back to; the caches it drops.
import { describe, expect, it } from 'vitest';
import { cacheName, fallbackPage, staleCaches, strategyFor } from './offlineRoutes.ts';

const SCOPE = 'https://school.example/handshake/';

function get(url: string, mode = 'cors') {
  return { method: 'GET', url, mode };
}

describe('strategyFor', () => {
  it('answers a page from the network first, wherever in the scope and whatever its query', () => {
    for (const url of [
      SCOPE,
      `${SCOPE}index.html`,
      `${SCOPE}?lesson=01-clients-and-servers`,
      `${SCOPE}embed.html?scenario=x#s1.abc`,
    ]) {
      expect(strategyFor(get(url, 'navigate'), SCOPE)).toBe('network-first');
    }
  });

  it("answers the app's files and other GETs in the scope from the cache first", () => {
    expect(strategyFor(get(`${SCOPE}assets/index-abc.js`), SCOPE)).toBe('cache-first');
    expect(strategyFor(get(`${SCOPE}assets/simWorker-abc.js`, 'same-origin'), SCOPE)).toBe(
      'cache-first',
    );
    expect(strategyFor(get(`${SCOPE}favicon.svg`, 'no-cors'), SCOPE)).toBe('cache-first');
    expect(strategyFor(get(`${SCOPE}scenario.schema.json`), SCOPE)).toBe('cache-first');
  });

  it('leaves alone what is not a GET, another origin, or outside its scope', () => {
    expect(strategyFor({ method: 'POST', url: `${SCOPE}x`, mode: 'cors' }, SCOPE)).toBe('pass');
    expect(strategyFor({ method: 'HEAD', url: `${SCOPE}x`, mode: 'cors' }, SCOPE)).toBe('pass');
    expect(strategyFor(get('https://cdn.example/handshake/a.js'), SCOPE)).toBe('pass');
    expect(strategyFor(get('http://school.example/handshake/a.js'), SCOPE)).toBe('pass');
    expect(strategyFor(get('https://school.example:8443/handshake/a.js'), SCOPE)).toBe('pass');
    expect(strategyFor(get('https://school.example/other/', 'navigate'), SCOPE)).toBe('pass');
    expect(strategyFor(get('https://school.example/handshake', 'navigate'), SCOPE)).toBe('pass');
  });
});

describe('fallbackPage', () => {
  it("is the page without its query or fragment, and a folder's index.html", () => {
    expect(fallbackPage(SCOPE)).toBe(`${SCOPE}index.html`);
    expect(fallbackPage(`${SCOPE}?lesson=02#s1.x`)).toBe(`${SCOPE}index.html`);
    expect(fallbackPage(`${SCOPE}index.html?lesson=02`)).toBe(`${SCOPE}index.html`);
    expect(fallbackPage(`${SCOPE}embed.html?scenario=a`)).toBe(`${SCOPE}embed.html`);
  });
});

describe('staleCaches', () => {
  it("names Handshake's caches of other versions, never this version's or another app's", () => {
    expect(cacheName('abc')).toBe('handshake-abc');
    expect(
      staleCaches(['handshake-old', 'handshake-abc', 'other-app', 'handshake-older'], 'abc'),
    ).toEqual(['handshake-old', 'handshake-older']);
    expect(staleCaches(['handshake-abc'], 'abc')).toEqual([]);
  });
});
