/**
 * Registers the service worker that keeps the course working offline (vite.config.ts, `offline`).
 * Production builds only: the dev server and the unit tests never see a worker, and the e2e
 * suite blocks workers except in its offline spec (playwright.config.ts).
 *
 * Updates: a new build's worker takes control as soon as it is installed; the page then says so
 * (`UpdateBanner`) and reloads only when the learner asks: a reload keeps the run in the address
 * but not the other runs kept in memory, so it is never done behind the learner's back. The first
 * install (no worker before) says nothing.
 */
let updated = false;
const listeners = new Set<() => void>();

/** Whether a new version took over since this page loaded (for useSyncExternalStore). */
export const updateReady = (): boolean => updated;

/** Calls `on` when a new version takes over; returns the unsubscribe. */
export function onUpdateReady(on: () => void): () => void {
  listeners.add(on);
  return () => listeners.delete(on);
}

export function registerOffline(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator))
    return;
  const sw = navigator.serviceWorker;
  const hadController = sw.controller !== null;
  sw.addEventListener('controllerchange', () => {
    if (!hadController || updated) return;
    updated = true;
    for (const l of listeners) l();
  });
  const base = import.meta.env.BASE_URL;
  const register = () => {
    sw.register(`${base}sw.js`, { scope: base }).catch(() => {
      // Blocked (a test context, a private window, a file:// page): the app works online as before.
    });
  };
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
