import { useSyncExternalStore } from 'react';
import { onUpdateReady, updateReady } from './offline';

/**
 * Says that a new version of the course was installed, and reloads only when asked: the address
 * keeps the run on screen, but the other runs kept in this page's memory would be gone.
 */
export function UpdateBanner() {
  const ready = useSyncExternalStore(onUpdateReady, updateReady, () => false);
  if (!ready) return null;
  return (
    <p className="notice update-banner" role="status" data-testid="update-banner">
      A new version of Mesh Scenes is installed.{' '}
      <button type="button" className="btn" onClick={() => location.reload()}>
        Reload to use it
      </button>{' '}
      (the run on screen is in the address; other runs you kept on this page are not).
    </p>
  );
}
