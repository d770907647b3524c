// The service worker's decisions as plain functions, so they can be tested without a browser:
// which requests it answers and how (strategyFor), which cached page a navigation falls back to
// (fallbackPage), and which caches are old (staleCaches). src/offline/serviceWorker.ts uses them.

/** The service worker's cache names start with this; the rest is the build's version. */
export const CACHE_PREFIX = 'handshake-';

/** How long a navigation waits for the network before the cached page is served. */
export const NETWORK_TIMEOUT_MS = 3000;

/**
 * network-first: a page (a navigation), from the network, from the cache when the network fails
 * or is slow. cache-first: a file of the app, from the cache, from the network when not cached.
 * pass: not the worker's business (not a GET, another origin, outside its scope).
 */
export type Strategy = 'network-first' | 'cache-first' | 'pass';

/** What the decision reads of a request (a Request has all three). */
export interface RequestFacts {
  readonly method: string;
  readonly url: string;
  readonly mode: string;
}

/** How the worker whose scope is `scope` (a URL ending in "/") answers `request`. */
export function strategyFor(request: RequestFacts, scope: string): Strategy {
  if (request.method !== 'GET') return 'pass';
  const url = new URL(request.url);
  const base = new URL(scope);
  if (url.protocol !== base.protocol || url.origin !== base.origin) return 'pass';
  if (!url.pathname.startsWith(base.pathname)) return 'pass';
  return request.mode === 'navigate' ? 'network-first' : 'cache-first';
}

/**
 * The cached page for a navigation to `url`: the same page without its query and fragment
 * (`embed.html?scenario=…` is `embed.html`), and a folder's `index.html`.
 */
export function fallbackPage(url: string): string {
  const page = new URL(url);
  page.search = '';
  page.hash = '';
  if (page.pathname.endsWith('/')) page.pathname += 'index.html';
  return page.href;
}

/** The cache of the build whose version is `version`. */
export function cacheName(version: string): string {
  return `${CACHE_PREFIX}${version}`;
}

/** The caches an activated worker of `version` deletes: Handshake's, of other versions. */
export function staleCaches(names: readonly string[], version: string): string[] {
  return names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== cacheName(version));
}
