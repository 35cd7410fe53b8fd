import { createContext, useContext, useRef, useSyncExternalStore } from 'react';
import type { AnySceneDef } from '../scene/types';
import type { UiStore } from '../store/uiStore';
import type { AnyPlayer } from './player';

/** What every part of a scene page reads: the player (engine), the UI store, ids scoped per instance. */
export interface SceneRuntime {
  def: AnySceneDef;
  player: AnyPlayer;
  ui: UiStore;
  /** Prefix for DOM ids, unique per scene instance (several embeds can share a page). */
  idPrefix: string;
}

export const SceneContext = createContext<SceneRuntime | null>(null);

export function useRuntime(): SceneRuntime {
  const rt = useContext(SceneContext);
  if (!rt) throw new Error('useRuntime: no SceneContext above this component');
  return rt;
}

/** Re-renders when the engine changes (keyed on sim.revision), returning the player. */
export function usePlayer(): AnyPlayer {
  const { player } = useRuntime();
  useSyncExternalStore(player.subscribe, player.getSnapshot, player.getSnapshot);
  return player;
}

/**
 * The running simulation as the scene's own model type `S`. The runtime holds scenes with their
 * types erased (one registry for every model); a scene's view is only ever mounted over its own
 * model, so reading the simulation back as `S` is sound [1].
 */
export function simOf<S>(player: AnyPlayer): S {
  return player.sim as unknown as S;
}

/**
 * A selector over the simulation, re-run on every engine change: for the parts of the diagram
 * that move every frame. Selectors are the model's own (memoised per revision).
 */
export function useSelect<S, V>(select: (sim: S) => V): V {
  return select(simOf<S>(usePlayer()));
}

/**
 * Subscribes to a slice of the engine state: the component re-renders only when the slice
 * changes (compared by `key`), not on every frame.
 */
export function usePlayerSelect<T>(select: (p: AnyPlayer) => T, key: (v: T) => string = String): T {
  const { player } = useRuntime();
  const cache = useRef<{ k: string; v: T } | null>(null);
  const get = (): T => {
    const v = select(player);
    const k = key(v);
    if (cache.current?.k === k) return cache.current.v;
    cache.current = { k, v };
    return v;
  };
  return useSyncExternalStore(player.subscribe, get, get);
}

/** `usePlayerSelect` over the scene's typed simulation. */
export function useSimSelect<S, V>(select: (sim: S) => V, key: (v: V) => string): V {
  return usePlayerSelect((p) => select(simOf<S>(p)), key);
}

/** A key for plain data slices. */
export const jsonKey = (v: unknown): string => JSON.stringify(v);

// [1] The only place the erased simulation is given back its type. Scenes never cast.
