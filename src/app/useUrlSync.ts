import { useEffect } from 'react';
import { sliderValue, toggleOn } from '../runtime/actions';
import type { SceneRuntime } from '../runtime/context';
import { encodeRunLog } from './runLink';
import { sceneHash } from './urlState';

/** Keeps the address bar describing the current view (step, seed, speed, selection, the scene's controls). */
export function useUrlSync(rt: SceneRuntime, embed: boolean, hosts: readonly string[] = []): void {
  const host = hosts.join(',');
  useEffect(() => {
    let last = '';
    // The address as this view last left it (as the browser spells it): if it changed since, a
    // link or the back button navigated away and the hashchange is on its way — writing now
    // would replace the new address with this view's and swallow the navigation.
    let written = location.hash;
    const write = () => {
      if (location.hash !== written) return;
      const { player, ui, def } = rt;
      const s = ui.getState();
      const toggles: Record<string, boolean> = {};
      const sliders: Record<string, number> = {};
      for (const t of def.tryThis) {
        if (t.kind === 'toggle' && t.param) toggles[t.id] = toggleOn(rt, t);
        if (t.kind === 'slider' && t.param) sliders[t.id] = sliderValue(player, t);
      }
      const hash = sceneHash(def, {
        step: player.stepIndex,
        seed: player.seed,
        speed: s.speed,
        select: s.selected,
        toggles,
        sliders,
        theme: s.theme,
        embed,
        hosts: host ? host.split(',') : [],
        slowMotion: s.slowMotion,
        autoplay: s.autoplay,
        t: player.sim.now,
        log: player.learnerChanges > 0 ? encodeRunLog(player.sim.inputLog) : null,
      });
      if (hash !== last && hash !== location.hash) history.replaceState(null, '', hash);
      last = hash;
      written = location.hash;
    };
    let timer: ReturnType<typeof setTimeout> | null = null;
    const soon = () => {
      if (timer !== null) return;
      // At most a few writes a second while playing.
      timer = setTimeout(() => {
        timer = null;
        write();
      }, 250);
    };
    soon();
    const offP = rt.player.subscribe(soon);
    const offU = rt.ui.subscribe(soon);
    return () => {
      offP();
      offU();
      if (timer !== null) clearTimeout(timer);
    };
  }, [rt, embed, host]);
}
