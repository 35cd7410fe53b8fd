import { useEffect, type RefObject } from 'react';
import { pressTry, runAction } from '../runtime/actions';
import type { SceneRuntime } from '../runtime/context';
import { bindingFor, sceneBindingFor } from '../runtime/keys';

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * Shortcuts for one scene instance (ignored while typing in a form field): the platform's keys
 * and the keys the scene's "Try this" controls declare. With several scenes on a page, a key goes
 * to the scene that holds the focus, or to the first scene when nothing does.
 */
export function useKeyboard(rt: SceneRuntime, root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (TYPING.has(t.tagName) || t.isContentEditable)) return;
      const mine = root.current;
      const inside = !!(t && mine?.contains(t));
      const unfocused = !t || t === document.body || t === document.documentElement;
      if (!inside && !(unfocused && document.querySelector('.scene') === mine)) return;
      const b = bindingFor(e);
      if (b) {
        // Space and Enter on a focused button keep their native meaning.
        if (
          b.action === 'toggle' &&
          (t?.tagName === 'BUTTON' || t?.getAttribute('role') === 'button')
        )
          return;
        e.preventDefault();
        runAction(rt, b.action);
        return;
      }
      const own = sceneBindingFor(rt.def, e);
      if (own) {
        e.preventDefault();
        pressTry(rt, own.tryId);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [rt, root]);
}
