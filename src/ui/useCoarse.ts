import { useRef, useSyncExternalStore } from 'react';
import { simOf, usePlayerSelect, useRuntime } from '../runtime/context';
import type { AnyPlayer as Player } from '../runtime/player';
import { multiplier } from '../runtime/speed';
import { useUi } from '../store/uiStore';

/** Simulated microseconds per display refresh: about ten refreshes per wall second at any speed. */
function useQuantum(): number {
  const { ui, def } = useRuntime();
  const speed = useUi(ui, (s) => s.speed);
  return Math.max(1, Math.round(100_000 * multiplier(def.setup.timeScale, speed)));
}

/**
 * A simulated time for display, coarse while playing and exact while paused. Most frames then
 * change no DOM outside the diagram.
 */
export function useCoarse(read: (p: Player) => number): number {
  const q = useQuantum();
  return usePlayerSelect((p) => (p.playing ? Math.floor(read(p) / q) * q : read(p)));
}

/**
 * A slice of the engine state refreshed about ten times per wall second while playing (the
 * selector is not even run in between), and on every change while paused: for tables, counters
 * and code-panel highlights, which need not move every frame.
 */
export function useCoarseSelect<T>(select: (p: Player) => T, key: (v: T) => string): T {
  const { player } = useRuntime();
  const q = useQuantum();
  const cache = useRef<{ k: string; v: T } | null>(null);
  const get = (): T => {
    const bucket = player.playing ? `b${player.epoch}:${Math.floor(player.sim.now / q)}` : null;
    if (bucket !== null && cache.current?.k === bucket) return cache.current.v;
    const v = select(player);
    const k = bucket ?? `k${key(v)}`;
    if (cache.current !== null && bucket === null && cache.current.k === k) return cache.current.v;
    cache.current = { k, v };
    return v;
  };
  return useSyncExternalStore(player.subscribe, get, get);
}

/** `useCoarseSelect` over the scene's typed simulation (see `useSimSelect`). */
export function useCoarseSim<S, V>(select: (sim: S) => V, key: (v: V) => string): V {
  return useCoarseSelect((p) => select(simOf<S>(p)), key);
}
