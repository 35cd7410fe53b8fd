import type { TryThis } from '../scene/types';
import { pin, setHelp, setSpeed, setTheme } from '../store/uiStore';
import type { SceneRuntime } from './context';
import type { KeyBinding } from './keys';
import type { AnyPlayer } from './player';
import { nudgeSpeed } from './speed';

type AnyTry = TryThis<unknown, AnyPlayer['sim']>;

/** The system's colour scheme right now. */
export const systemDark = (): boolean =>
  typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

/** Whether a toggle is on in the current state. */
export const toggleOn = (rt: SceneRuntime, t: Extract<AnyTry, { kind: 'toggle' }>): boolean =>
  t.isOn(rt.player.sim);

/** Notes that the learner used a control in this page's life (the course map counts them). */
export function markTried(rt: SceneRuntime, id: string): void {
  rt.ui.setState((s) => (s.tried.includes(id) ? s : { tried: [...s.tried, id] }));
}

/**
 * Presses a "Try this" toggle or button (a command into the engine's input log), by click or by
 * its key, and notes that it was used.
 */
export function pressTry(rt: SceneRuntime, id: string): void {
  const t = rt.def.tryThis.find((x) => x.id === id);
  const selected = rt.ui.getState().selected;
  if (t?.kind === 'toggle') rt.player.command(toggleOn(rt, t) ? t.off : t.on(selected));
  else if (t?.kind === 'button') rt.player.command(t.command(selected));
  else return;
  markTried(rt, id);
}

/** A slider's value in force now: the last of its commands in the input log up to now. */
export function sliderValue(player: AnyPlayer, t: Extract<AnyTry, { kind: 'slider' }>): number {
  const read = t.value?.(player.sim);
  if (read !== undefined && read !== null) return read;
  const now = player.sim.now;
  const log = player.sim.inputLog;
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i];
    const v = e && e.at <= now ? t.fromCommand(e.command) : null;
    if (v !== null) return v;
  }
  return t.initial;
}

/** Runs one platform keyboard/button action. */
export function runAction(rt: SceneRuntime, action: KeyBinding['action']): void {
  const { player, ui, def } = rt;
  const scale = def.setup.timeScale;
  switch (action) {
    case 'toggle':
      return player.toggle();
    case 'next':
      return player.next();
    case 'prev':
      return player.prev();
    case 'eventFwd':
      return player.stepEvent();
    case 'eventBack':
      return player.backEvent();
    case 'faster':
      return setSpeed(ui, nudgeSpeed(scale, ui.getState().speed, 1));
    case 'slower':
      return setSpeed(ui, nudgeSpeed(scale, ui.getState().speed, -1));
    case 'reset':
      return player.reset();
    case 'help':
      return setHelp(ui, !ui.getState().helpOpen);
    case 'theme': {
      const t = ui.getState().theme;
      const dark = t === 'dark' || (t === 'system' && systemDark());
      return setTheme(ui, dark ? 'light' : 'dark');
    }
    case 'escape':
      setHelp(ui, false);
      return pin(ui, null);
  }
}
