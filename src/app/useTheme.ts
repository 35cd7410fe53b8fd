import { useEffect, useSyncExternalStore } from 'react';
import type { UiStore } from '../store/uiStore';
import { useUi } from '../store/uiStore';

const query = '(prefers-color-scheme: dark)';
const subscribe = (cb: () => void) => {
  if (typeof matchMedia !== 'function') return () => {};
  const mq = matchMedia(query);
  mq.addEventListener('change', cb);
  return () => mq.removeEventListener('change', cb);
};
const snapshot = () => typeof matchMedia === 'function' && matchMedia(query).matches;

/** The resolved theme (the choice, or the system's when the choice is "system"). */
export function useResolvedTheme(ui: UiStore): 'light' | 'dark' {
  const choice = useUi(ui, (s) => s.theme);
  const sysDark = useSyncExternalStore(subscribe, snapshot, () => false);
  return choice === 'system' ? (sysDark ? 'dark' : 'light') : choice;
}

/** Applies the theme to the page background as well (the scene root carries it too). */
export function useDocumentTheme(theme: 'light' | 'dark'): void {
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
}
