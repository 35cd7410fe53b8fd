import { useRuntime } from '../runtime/context';
import { dismissNotices, useUi, type UiStore } from '../store/uiStore';

/** Visible notices (e.g. invalid URL parameters that fell back to defaults). */
export function Notices({ store }: { store?: UiStore }) {
  const rt = useRuntime();
  const ui = store ?? rt.ui;
  const notices = useUi(ui, (s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notice" role="status" data-testid="notice">
      <ul>
        {notices.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <button type="button" className="btn" onClick={() => dismissNotices(ui)}>
        Dismiss
      </button>
    </div>
  );
}
