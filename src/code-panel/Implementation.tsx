import { useMemo } from 'react';
import type { MeshTrace } from '../engine/mesh/contract';
import { anchorOf, TraceFollower } from '../machines/traceFollower';
import { useRuntime, usePlayer } from '../runtime/context';
import { useUi } from '../store/uiStore';
import { CodePanel } from './CodePanel';

/** Entries about a pod (or about the whole mesh) that a sidecar-following panel reads. */
export function aboutPod(e: MeshTrace, pod: string): boolean {
  const p = (e as { pod?: unknown }).pod;
  return p === undefined || p === pod;
}

/** The "Implementation" section: each panel's highlight follows its machine over the trace. */
export function Implementation() {
  const { def, ui, idPrefix } = useRuntime();
  const player = usePlayer();
  const selected = useUi(ui, (s) => s.selected);
  const pinned = useUi(ui, (s) => s.pinned);
  const followers = useMemo(
    () =>
      def.panels.map(
        (p) => new TraceFollower<MeshTrace>(p.machine, p.followsSidecar ? aboutPod : () => true),
      ),
    [def],
  );
  return (
    <section className="implementation" aria-labelledby={`${idPrefix}-impl`}>
      <h3 id={`${idPrefix}-impl`}>Implementation</h3>
      <div className="panels">
        {def.panels.map((p, i) => {
          const f = followers[i] as TraceFollower<MeshTrace>;
          const snap = f.update(player.sim.trace, player.epoch, p.followsSidecar ? selected : '*');
          return (
            <CodePanel
              key={p.id}
              panel={p}
              active={anchorOf(snap)}
              pinned={pinned?.panel === p.id ? pinned.anchor : null}
              idPrefix={idPrefix}
              {...(p.followsSidecar ? { following: `${selected}’s sidecar` } : {})}
            />
          );
        })}
      </div>
      {pinned && (
        <p className="hint" role="status">
          ◆ marks the line that sent {pinned.label}. Press Esc to unpin.
        </p>
      )}
    </section>
  );
}
