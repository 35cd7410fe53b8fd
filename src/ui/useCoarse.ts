import { usePlayerSelect, useRuntime } from '../runtime/context';
import type { Player } from '../runtime/player';
import { multiplier } from '../runtime/speed';
import { useUi } from '../store/uiStore';

/**
 * A simulated time for display, coarse while playing (about ten updates per wall second at any
 * speed) and exact while paused. Most frames then change no DOM outside the diagram.
 */
export function useCoarse(read: (p: Player) => number): number {
  const { ui, def } = useRuntime();
  const speed = useUi(ui, (s) => s.speed);
  const q = Math.max(1, Math.round(100_000 * multiplier(def.setup.timeScale, speed)));
  return usePlayerSelect((p) => (p.playing ? Math.floor(read(p) / q) * q : read(p)));
}

/**
 * A slice of the engine state refreshed about ten times per wall second while playing (and on
 * every change while paused): for counters and text that need not move every frame.
 */
export function useCoarseSelect<T>(select: (p: Player) => T, key: (v: T) => string): T {
  const { ui, def } = useRuntime();
  const speed = useUi(ui, (s) => s.speed);
  const q = Math.max(1, Math.round(100_000 * multiplier(def.setup.timeScale, speed)));
  const slice = usePlayerSelect(
    (p) => ({ v: select(p), bucket: p.playing ? Math.floor(p.sim.now / q) : -1 }),
    (s) => (s.bucket >= 0 ? `b${s.bucket}` : `k${key(s.v)}`),
  );
  return slice.v;
}
