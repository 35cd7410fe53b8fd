import { useEffect } from 'react';
import type { SceneRuntime } from '../runtime/context';
import { runAction } from './actions';
import { bindingFor } from './keys';

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Global shortcuts for one scene instance (ignored while typing in a form field). */
export function useKeyboard(rt: SceneRuntime): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (TYPING.has(t.tagName) || t.isContentEditable)) return;
      const b = bindingFor(e);
      if (!b) return;
      // Space and Enter on a focused button keep their native meaning.
      if (b.action === 'toggle' && (t?.tagName === 'BUTTON' || t?.getAttribute('role') === 'button')) return;
      e.preventDefault();
      runAction(rt, b.action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [rt]);
}
