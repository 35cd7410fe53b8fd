import { useEffect } from 'react';
import { createFrameDriver } from './frameDriver';
import { multiplier } from './speed';
import type { SceneRuntime } from './context';

/** Connects the one frame driver to the player: runs while playing, at the store's speed. */
export function useFrameDriver({ player, ui, def }: SceneRuntime): void {
  useEffect(() => {
    const driver = createFrameDriver({ onAdvance: (us, wallMs) => player.advance(us, wallMs) });
    const sync = () => {
      driver.speed = multiplier(def.setup.timeScale, ui.getState().speed);
      player.slowMotion = ui.getState().slowMotion;
      if (player.playing && !driver.running) driver.start();
      else if (!player.playing && driver.running) driver.stop();
    };
    sync();
    const offPlayer = player.subscribe(sync);
    const offUi = ui.subscribe(sync);
    return () => {
      offPlayer();
      offUi();
      driver.destroy();
    };
  }, [player, ui, def]);
}
