// Handshake's service worker, compiled by build/offlinePlugin.ts into dist/sw.js (a classic
// script) with the build's file list and version in its first lines (HANDSHAKE_OFFLINE). It keeps
// the app working offline after its first load (docs/architecture.md, "Offline"):
// - install: every file of the build into the cache `handshake-<version>`;
// - a page (navigation): network first, the cached page when the network fails or takes more
//   than NETWORK_TIMEOUT_MS; any other GET inside its scope: the cache first, else the network;
// - activate: deletes Handshake's caches of other versions and takes the open pages;
// - a new version waits until a page asks for it ({ type: 'skip-waiting' }, registerOffline.ts),
//   so a lesson in progress is never switched to new code under its feet.
import {
  NETWORK_TIMEOUT_MS,
  cacheName,
  fallbackPage,
  staleCaches,
  strategyFor,
} from './offlineRoutes.ts';

/**
 * What the build tells the worker, in the first lines of sw.js: its files, relative to sw.js, and
 * its version, a hash of their names and contents.
 */
declare const HANDSHAKE_OFFLINE: { readonly version: string; readonly files: readonly string[] };

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = cacheName(HANDSHAKE_OFFLINE.version);

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // `reload`: past the HTTP cache, so a stale copy of index.html never enters this version.
      cache.addAll(HANDSHAKE_OFFLINE.files.map((file) => new Request(file, { cache: 'reload' }))),
    ),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          staleCaches(names, HANDSHAKE_OFFLINE.version).map((name) => caches.delete(name)),
        ),
      )
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'skip-waiting'
  ) {
    void worker.skipWaiting();
  }
});

worker.addEventListener('fetch', (event) => {
  const strategy = strategyFor(event.request, worker.registration.scope);
  if (strategy === 'network-first') event.respondWith(networkFirst(event.request));
  else if (strategy === 'cache-first') event.respondWith(cacheFirst(event.request));
});

/**
 * Cached copies are matched by URL alone (ignoreVary): a server that says `Vary: Origin` (vite
 * preview does) would otherwise never match a module script's request, which carries an Origin
 * that the install's request did not.
 */
const MATCH: CacheQueryOptions = { ignoreVary: true };

/** A file of the app: this version's copy, else the network. */
async function cacheFirst(request: Request): Promise<Response> {
  const cached = await (await caches.open(CACHE)).match(request, MATCH);
  return cached ?? fetch(request);
}

/**
 * A page: the network's answer, unless it fails, or is not there within NETWORK_TIMEOUT_MS, or
 * is a server error, and this version has the page cached. A page fetched is not cached: the
 * cached page must stay the one that goes with the cached files.
 */
function networkFirst(request: Request): Promise<Response> {
  const cachedPage = async (): Promise<Response | undefined> =>
    (await caches.open(CACHE)).match(fallbackPage(request.url), MATCH);
  return new Promise<Response>((resolve, reject) => {
    let settled = false;
    const answer = (response: Response): void => {
      if (settled) return;
      settled = true;
      resolve(response);
    };
    const timer = setTimeout(() => {
      void cachedPage().then((cached) => {
        if (cached) answer(cached);
      });
    }, NETWORK_TIMEOUT_MS);
    fetch(request).then(
      async (response) => {
        clearTimeout(timer);
        const cached = response.status >= 500 ? await cachedPage() : undefined;
        answer(cached ?? response);
      },
      async (error: unknown) => {
        clearTimeout(timer);
        const cached = await cachedPage();
        if (cached) answer(cached);
        else if (!settled) {
          settled = true;
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
    );
  });
}
