// Registers Handshake's service worker (dist/sw.js, build/offlinePlugin.ts) so the page works
// offline after its first load, and tells the page when a new version is installed and waiting:
// the page shows a notice, and the new version takes over only when the learner asks (apply).
// Offline use is a bonus: anything that goes wrong here is a console warning, never a broken page.

/** Called when a new version waits; `apply` switches to it and reloads the page once. */
export type OnUpdate = (apply: () => void) => void;

/**
 * Registers ./sw.js (beside the page, scope "./") in a production build served over http(s) by a
 * browser with service workers; does nothing otherwise (the dev server has no sw.js).
 */
export function registerOffline(onUpdate: OnUpdate): void {
  try {
    if (!import.meta.env.PROD) return;
    if (!('serviceWorker' in navigator)) return;
    if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
    watchForUpdates(navigator.serviceWorker, onUpdate).catch(warn);
  } catch (error) {
    warn(error);
  }
}

function warn(error: unknown): void {
  console.warn('Handshake could not set up offline use:', error);
}

async function watchForUpdates(container: ServiceWorkerContainer, onUpdate: OnUpdate) {
  const registration = await container.register('./sw.js', { scope: './' });
  /** A worker installed while another controls the page is a new version, waiting. */
  const announce = (): void => {
    if (container.controller && registration.waiting)
      onUpdate(() => apply(container, registration));
  };
  announce();
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') announce();
    });
  });
}

/** Asks the waiting worker to take over, and reloads once when it has. */
function apply(container: ServiceWorkerContainer, registration: ServiceWorkerRegistration): void {
  const waiting = registration.waiting;
  // Another page of Handshake may have switched already: this page only needs a reload.
  if (!waiting) {
    location.reload();
    return;
  }
  let reloaded = false;
  container.addEventListener('controllerchange', () => {
    if (reloaded) return;
    reloaded = true;
    location.reload();
  });
  waiting.postMessage({ type: 'skip-waiting' });
}
