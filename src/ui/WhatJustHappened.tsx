import { formatTime } from '../engine/core/time';
import { jsonKey, usePlayerSelect } from '../runtime/context';

/** After a single-event step (forward or back), says in words which event ran and what it did. */
export function WhatJustHappened() {
  const e = usePlayerSelect((p) => p.lastEvent, jsonKey);
  if (!e) return null;
  const what =
    e.lines.length > 0 ? e.lines.join(' · ') : 'an internal timer fired (no trace entry)';
  return (
    <p className="what-happened" role="status" data-testid="what-happened">
      {e.back
        ? `Undid event #${e.n} (at ${formatTime(e.t)}): `
        : `Event #${e.n} at ${formatTime(e.t)}: `}
      {what}
    </p>
  );
}
