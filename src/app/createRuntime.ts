import type { SceneModule } from '../../scenes/types';
import type { SceneRuntime } from '../runtime/context';
import { Player } from '../runtime/player';
import { addNotice, createUiStore, select } from '../store/uiStore';
import type { SceneParams } from './urlState';

/** Builds one scene instance from a URL's validated parameters: exactly the view it describes. */
export function createRuntime(mod: SceneModule, p: SceneParams, notices: string[], idPrefix: string): SceneRuntime {
  const { def } = mod;
  const ui = createUiStore({ speed: p.speed, selected: def.setup.select, embed: p.embed, ...(p.theme ? { theme: p.theme } : {}) });
  const player = new Player(def, mod.engine, p.seed);
  player.onStepEnter = (step) => {
    if (step.select) select(ui, step.select);
  };
  player.goToStep(p.step, p.seed);
  const up = player.view().istiod.up;
  if (p.istiod === 'down' && up) player.command({ kind: 'istiod.kill' });
  if (p.istiod === 'up' && !up) player.command({ kind: 'istiod.restore' });
  if (p.sidecar) select(ui, p.sidecar);
  for (const n of notices) addNotice(ui, n);
  return { def, player, ui, idPrefix };
}
