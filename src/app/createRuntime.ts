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
    // Hours per second: slow motion (half a second per xDS message) would hold the clock still.
    ...(p.slowMotion !== null
      ? { slowMotion: p.slowMotion }
      : def.setup.timeScale === 'hours'
        ? { slowMotion: false }
        : {}),
    autoplay: p.autoplay,
  });
  const player = createPlayer(def, p.seed);
  player.onStepEnter = (step) => {
    if (step.select) select(ui, step.select);
  };
  player.onRefused = (text) => addNotice(ui, text);
  const rt: SceneRuntime = { def, player, ui, idPrefix };
  if (p.log && openLinkedRun(rt, p, notices)) return finish(rt, p, notices);
  player.goToStep(p.step, p.seed);
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
  if (p.t !== null && p.t !== player.sim.now) player.seek(p.t);
  return finish(rt, p, notices);
}

/** A run from a link (seed + input log + time) [2]; false when the model cannot replay it. */
function openLinkedRun(rt: SceneRuntime, p: SceneParams, notices: string[]): boolean {
  const log = p.log ?? [];
  const at = p.t ?? log[log.length - 1]?.at ?? 0;
  try {
    rt.player.openRun(p.seed, log, at, p.step);
    return true;
  } catch (e) {
    notices.push(
      `The run in this link could not be replayed (${e instanceof Error ? e.message.slice(0, 80) : 'error'}): showing step ${p.step + 1} instead.`,
    );
    return false;
  }
}

/** The selection and the notices, once the run is built. */
function finish(rt: SceneRuntime, p: SceneParams, notices: string[]): SceneRuntime {
  const { def, player, ui } = rt;
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
// [2] A link with the learner's changes carries the whole run, so it reopens the exact moment.
