import { useRuntime } from '../runtime/context';
import { useCoarseSelect } from '../ui/useCoarse';
import { useUi } from '../store/uiStore';
import { CodePanel } from './CodePanel';

/**
 * The "Implementation" section: each panel's highlight is its machine's state for the selected
 * actor, folded over the whole run (exact after a seek, a step back or a new selection).
 */
export function Implementation() {
  const { def, ui, idPrefix } = useRuntime();
  const selected = useUi(ui, (s) => s.selected);
  const pinned = useUi(ui, (s) => s.pinned);
  // Refreshed ~10 times per wall second while playing (every change while paused), and
  // re-rendered only when some panel's highlighted anchor changes.
  const anchors = useCoarseSelect(
    (p) => p.anchors(selected),
    (a) => `${selected}|${a.join('|')}`,
  );
  return (
    <section className="implementation" aria-labelledby={`${idPrefix}-impl`}>
      <h3 id={`${idPrefix}-impl`}>Implementation</h3>
      <div className="panels">
        {def.panels.map((p, i) => (
          <CodePanel
            key={p.id}
            panel={p}
            active={anchors[i] ?? null}
            pinned={pinned?.panel === p.id ? pinned.anchor : null}
            idPrefix={idPrefix}
            following={p.following(selected)}
          />
        ))}
      </div>
      {pinned && (
        <p className="hint" role="status">
          ◆ marks the line that sent {pinned.label}. Press Esc to unpin.
        </p>
      )}
    </section>
  );
}
