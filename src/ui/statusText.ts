import type { SidecarView, SyncStatus } from '../engine/mesh/contract';
import { formatTime } from '../engine/core/time';

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
  if (s.staleSince !== null) return { text: `STALE since ${formatTime(s.staleSince)}`, cls: 'st-stale', glyph: '⌛' };
  const all = Object.values(s.status);
  if (all.includes('ERROR')) return { text: 'ERROR (NACK)', cls: 'st-error', glyph: '✗' };
  if (all.includes('STALE')) return { text: 'STALE', cls: 'st-stale', glyph: '…' };
  if (all.every((x) => x === 'SYNCED')) return { text: 'SYNCED', cls: 'st-synced', glyph: '✓' };
  return { text: 'NOT SENT', cls: 'st-not-sent', glyph: '○' };
}

/** `2026-05-09T18:54:04Z/42` → `/42` (the counter part; the full value is in the title). */
export const shortVersion = (v: string | null): string => {
  if (!v) return '—';
  const i = v.lastIndexOf('/');
  return i >= 0 ? v.slice(i) : v.length > 8 ? `${v.slice(0, 7)}…` : v;
};
