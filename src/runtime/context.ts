import { createContext, useContext, useSyncExternalStore } from 'react';
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
