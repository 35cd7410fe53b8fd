import type { MeshTrace } from '../../engine/mesh/contract';
import { jsonKey, usePlayerSelect, useRuntime } from '../../runtime/context';
import { useUi } from '../../store/uiStore';

type Pick = Extract<MeshTrace, { type: 'route.pick' }>;

/** The newest `route.pick` of a pod among recent trace entries (a display; counts come from the model). */
function lastPick(entries: readonly { type: string }[], pod: string): Pick | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i] as MeshTrace;
    if (e.type === 'route.pick' && e.pod === pod) return e;
  }
  return null;
}

/** The selected sidecar's last draw: the candidates with their weights, the number drawn, the cluster chosen. */
export function LastPick() {
  const { ui } = useRuntime();
  const pod = useUi(ui, (s) => s.selected);
  const p = usePlayerSelect((pl) => lastPick(pl.sim.trace.recent(512), pod), jsonKey);
  if (!p) return null;
  let lo = 0;
  const spans = p.candidates.map((c) => {
    const span = { cluster: c.cluster, from: lo, to: lo + c.weight };
    lo += c.weight;
    return span;
  });
  return (
    <p className="last-pick" aria-live="off" data-testid="last-pick">
      Last draw in {pod}’s sidecar (request #{p.id}): r = <strong>{p.drawn}</strong> of {p.total} →{' '}
      {spans.map((s) => (
        <span key={s.cluster} className={s.cluster === p.cluster ? 'chosen' : undefined}>
          [{s.from}, {s.to}) <code>{s.cluster.split('|')[2] ?? s.cluster}</code>{' '}
        </span>
      ))}
      → <code>{p.cluster}</code>
    </p>
  );
}
