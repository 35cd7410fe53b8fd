import { createContext, useContext, useRef, useSyncExternalStore } from 'react';
import type { MeshView } from '../engine/mesh/contract';
import type { SceneDef } from '../../scenes/types';
import type { UiStore } from '../store/uiStore';
import type { Player } from './player';

/** What every part of a scene page reads: the player (engine), the UI store, ids scoped per instance. */
export interface SceneRuntime {
  def: SceneDef;
  player: Player;
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
export function usePlayer(): Player {
  const { player } = useRuntime();
  useSyncExternalStore(player.subscribe, player.getSnapshot, player.getSnapshot);
  return player;
}

/** The current mesh view (one per engine revision, shared by every reader). */
export function useMeshView(): MeshView {
  return usePlayer().view();
}

/**
 * Subscribes to a slice of the engine state: the component re-renders only when the slice
 * changes (compared by `key`), not on every frame. Tables and controls use this; the moving
 * parts of the diagram use `useMeshView`.
 */
export function usePlayerSelect<T>(select: (p: Player) => T, key: (v: T) => string = String): T {
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

/** A key for plain data slices. */
export const jsonKey = (v: unknown): string => JSON.stringify(v);
