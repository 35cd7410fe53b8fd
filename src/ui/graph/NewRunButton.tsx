import { useRuntime } from '../../runtime/context';

/**
 * "Start a new row": closes the statistics window being measured and opens a new one
 * (`traffic.mark`, recorded in the input log like any command), so the settings in force now get
 * a row of their own in the plots.
 */
export function NewRunButton() {
  const { player } = useRuntime();
  return (
    <button
      type="button"
      className="btn"
      data-testid="new-run"
      onClick={() => player.command({ kind: 'traffic.mark', label: '' })}
    >
      Start a new row (measure from now)
    </button>
  );
}
