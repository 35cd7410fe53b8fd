import { useEffect, useRef } from 'react';
import { KEYS, keyName, sceneKeys } from '../runtime/keys';
import { useRuntime } from '../runtime/context';
import { setHelp, useUi } from '../store/uiStore';

/** The `?` overlay: every keyboard shortcut, from the same list the handler uses. */
export function HelpOverlay() {
  const { ui, idPrefix, def } = useRuntime();
  const open = useUi(ui, (s) => s.helpOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    // Focus moves into the dialog and returns where it was when the dialog closes.
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => before?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby={`${idPrefix}-help`}
      onKeyDown={(e) => {
        // The only control inside is Close: Tab stays on it (a focus trap of one).
        if (e.key === 'Tab') {
          e.preventDefault();
          closeRef.current?.focus();
        }
      }}
    >
      <div className="overlay-card">
        <h2 id={`${idPrefix}-help`}>Keyboard shortcuts</h2>
        <table className="keys">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Does</th>
            </tr>
          </thead>
          <tbody>
            {KEYS.map((k) => (
              <tr key={k.action}>
                <td>
                  {k.keys.map((x) => (
                    <kbd key={x}>{keyName(x)}</kbd>
                  ))}
                </td>
                <td>{k.label}</td>
              </tr>
            ))}
            {sceneKeys(def).map((k) => (
              <tr key={`scene-${k.key}`}>
                <td>
                  <kbd>{keyName(k.key)}</kbd>
                </td>
                <td>{k.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeRef} type="button" className="btn" onClick={() => setHelp(ui, false)}>
          Close
        </button>
      </div>
    </div>
  );
}
