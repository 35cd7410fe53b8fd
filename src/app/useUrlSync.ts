import { useEffect } from 'react';
import type { SceneRuntime } from '../runtime/context';
import { sceneHash } from './urlState';

/** Keeps the address bar describing the current view (step, seed, speed, Istiod, sidecar). */
export function useUrlSync(rt: SceneRuntime, embed: boolean): void {
  useEffect(() => {
    let last = '';
    const write = () => {
      const { player, ui, def } = rt;
      const s = ui.getState();
      const hash = sceneHash(def, {
        step: player.stepIndex,
        seed: player.seed,
        speed: s.speed,
        istiodDown: !player.view().istiod.up,
        sidecar: s.selected,
        embed,
      });
      if (hash !== last && hash !== location.hash) history.replaceState(null, '', hash);
      last = hash;
    };
    let scheduled = false;
    const soon = () => {
      if (scheduled) return;
      scheduled = true;
      // At most a few writes a second while playing.
      setTimeout(() => {
        scheduled = false;
        write();
      }, 250);
    };
    soon();
    const offP = rt.player.subscribe(soon);
    const offU = rt.ui.subscribe(soon);
    return () => {
      offP();
      offU();
    };
  }, [rt, embed]);
}
