import type { SceneRuntime } from '../runtime/context';
import { nudgeSpeed } from '../runtime/speed';
import { pin, setHelp, setSpeed, setTheme } from '../store/uiStore';
import type { KeyBinding } from './keys';

/** The system's colour scheme right now. */
export const systemDark = (): boolean =>
  typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

/** The "k" control of a scene: its toggle bound to that key. */
export function toggleKeyed(rt: SceneRuntime, key: string): void {
  const t = rt.def.tryThis.find((x) => x.kind === 'toggle' && x.key === key);
  if (!t || t.kind !== 'toggle') return;
  const on = typeof t.on === 'function' ? t.on(rt.ui.getState().selected) : t.on;
  rt.player.command(t.isOn(rt.player.view()) ? t.off : on);
}

/** Runs one keyboard/button action. */
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
    case 'istiod':
      return toggleKeyed(rt, 'k');
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
