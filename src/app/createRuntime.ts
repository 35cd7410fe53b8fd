import type { SceneRuntime } from '../runtime/context';
import { sliderValue, toggleOn } from '../runtime/actions';
import { createPlayer } from '../runtime/player';
import type { AnySceneDef } from '../scene/types';
import { addNotice, createUiStore, select } from '../store/uiStore';
import type { SceneParams } from './urlState';

/** Builds one scene instance from a URL's validated parameters: exactly the view it describes. */
export function createRuntime(
  def: AnySceneDef,
  p: SceneParams,
  notices: string[],
  idPrefix: string,
): SceneRuntime {
  const ui = createUiStore({
    speed: p.speed,
    selected: def.setup.select,
    embed: p.embed,
    ...(p.theme ? { theme: p.theme } : {}),
    ...(p.slowMotion !== null ? { slowMotion: p.slowMotion } : {}),
  });
  const player = createPlayer(def, p.seed);
  player.onStepEnter = (step) => {
    if (step.select) select(ui, step.select);
  };
  player.goToStep(p.step, p.seed);
  const rt: SceneRuntime = { def, player, ui, idPrefix };
  // [1] Controls the URL sets differently from the step's own state become commands, in the
  //     order the scene lists them (recorded in the input log like a learner's click).
  for (const t of def.tryThis) {
    if (t.kind === 'toggle' && t.id in p.toggles && p.toggles[t.id] !== toggleOn(rt, t))
      player.command(p.toggles[t.id] ? t.on(ui.getState().selected) : t.off);
    if (
      t.kind === 'slider' &&
      p.sliders[t.id] !== undefined &&
      p.sliders[t.id] !== sliderValue(player, t)
    )
      player.command(t.command(p.sliders[t.id] as number));
  }
  if (p.select !== null) {
    const actors = player.actors();
    if (actors.includes(p.select)) select(ui, p.select);
    else
      notices.push(
        `Ignored ${def.setup.selection.param}="${p.select.slice(0, 40)}": not a ${def.setup.selection.noun} of this scene (${actors.join(', ')}).`,
      );
  }
  for (const n of notices) addNotice(ui, n);
  return rt;
}

// [1] A shared link carries the toggles and sliders the scene declares as URL parameters.
