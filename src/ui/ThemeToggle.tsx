import { runAction, systemDark } from '../runtime/actions';
import { useRuntime } from '../runtime/context';
import { useUi } from '../store/uiStore';

/** Light/dark switch; the default follows the system. */
export function ThemeToggle() {
  const rt = useRuntime();
  const theme = useUi(rt.ui, (s) => s.theme);
  const dark = theme === 'dark' || (theme === 'system' && systemDark());
  return (
    <button
      type="button"
      className="btn"
      aria-pressed={dark}
      onClick={() => runAction(rt, 'theme')}
      aria-keyshortcuts="t"
    >
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span> Dark theme
    </button>
  );
}
