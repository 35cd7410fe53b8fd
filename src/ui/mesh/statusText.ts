import type { SidecarView, SyncStatus } from '../../engine/mesh/contract';

/** A glyph per status, so status never relies on colour alone. */
export const STATUS_GLYPH: Record<SyncStatus, string> = {
  SYNCED: '✓',
  'NOT SENT': '○',
  STALE: '…',
  ERROR: '✗',
};

export const statusClass = (s: SyncStatus): string => `st-${s.replace(' ', '-').toLowerCase()}`;

/** The sidecar's one-word badge: what a learner should notice first. */
export function sidecarBadge(s: SidecarView): { text: string; cls: string; glyph: string } {
  if (!s.podUp) return { text: 'POD DOWN', cls: 'st-error', glyph: '✗' };
  // No stream to Istiod: it serves its cached config (STALE is a different thing: sent, not ACKed).
  if (s.staleSince !== null) return { text: 'DISCONNECTED', cls: 'st-stale', glyph: '◔' };
  const all = Object.values(s.status);
  if (all.includes('ERROR')) return { text: 'ERROR (NACK)', cls: 'st-error', glyph: '✗' };
  if (all.includes('STALE')) return { text: 'STALE', cls: 'st-stale', glyph: '…' };
  if (all.every((x) => x === 'SYNCED')) return { text: 'SYNCED', cls: 'st-synced', glyph: '✓' };
  return { text: 'NOT SENT', cls: 'st-not-sent', glyph: '○' };
}

/**
 * Istiod's version_info `2026-05-09T18:54:04Z/42` → `54:04/42` (minutes:seconds/counter; the
 * counter restarts each second, so the time part matters). Full value in titles and labels.
 */
export const shortVersion = (v: string | null): string => {
  if (!v) return '—';
  const m = /T\d\d:(\d\d:\d\d)(?:\.\d+)?Z\/(\d+)$/.exec(v);
  if (m) return `${m[1]}/${m[2]}`;
  return v.length > 9 ? `${v.slice(0, 8)}…` : v;
};

/** Seconds with one decimal: `58.0 s`. */
export const seconds = (us: number): string => `${(us / 1e6).toFixed(1)} s`;

/** A disconnected sidecar in words: "disconnected · serving cached config · 58.0 s (since 3.7 s)". */
export function disconnectedText(
  staleSince: number,
  now: number,
  nextRetryAt: number | null,
): string {
  const retry =
    nextRetryAt !== null && nextRetryAt > now
      ? ` · next retry in ${seconds(nextRetryAt - now)}`
      : '';
  return `disconnected · serving cached config · ${seconds(Math.max(0, now - staleSince))} (since ${seconds(staleSince)})${retry}`;
}
