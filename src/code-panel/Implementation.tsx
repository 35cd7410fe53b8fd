import { useMemo } from 'react';
import type { MeshTrace } from '../engine/mesh/contract';
import { anchorOf, TraceFollower } from '../machines/traceFollower';
import { useRuntime } from '../runtime/context';
import { useCoarseSelect } from '../ui/useCoarse';
import { useUi } from '../store/uiStore';
import { CodePanel } from './CodePanel';

/** Entries about a pod (by `pod` or by request `from`), or about the whole mesh (neither). */
export function aboutPod(e: MeshTrace, pod: string): boolean {
  const r = e as { pod?: unknown; from?: unknown };
  if (r.pod !== undefined) return r.pod === pod;
  if (r.from !== undefined) return r.from === pod;
  return true;
}

/** The "Implementation" section: each panel's highlight follows its machine over the trace. */
export function Implementation() {
  const { def, ui, idPrefix } = useRuntime();
  const selected = useUi(ui, (s) => s.selected);
  const pinned = useUi(ui, (s) => s.pinned);
  const followers = useMemo(
    () => def.panels.map((p) => new TraceFollower<MeshTrace>(p.machine, p.followsSidecar ? aboutPod : () => true)),
    [def],
  );
  // Refreshed ~10 times per wall second while playing (every change while paused), and
  // re-rendered only when some panel's highlighted anchor changes.
  const anchors = useCoarseSelect(
    (p) =>
      def.panels.map((panel, i) =>
        anchorOf((followers[i] as TraceFollower<MeshTrace>).update(p.sim.trace, p.epoch, panel.followsSidecar ? selected : '*')),
      ),
    (a) => a.join('|'),
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
            following={p.followsSidecar ? `${selected}’s sidecar` : 'every sidecar’s stream'}
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
