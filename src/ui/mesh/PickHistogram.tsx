import { picks, type MeshSource } from '../../engine/mesh/views';
import { Histogram, type HistogramRow } from '../../diagram/parts/Histogram';
import { formatTime } from '../../engine/core/time';
import { jsonKey, useRuntime } from '../../runtime/context';
import { useUi } from '../../store/uiStore';
import { useCoarseSim } from '../useCoarse';

const TONE: Record<string, string> = { v1: 'blue', v2: 'green' };

/** The selected sidecar's weighted draws since its last send, per cluster, beside the weights it serves. */
export function PickHistogram() {
  const { ui, idPrefix } = useRuntime();
  const pod = useUi(ui, (s) => s.selected);
  const v = useCoarseSim((sim: MeshSource) => picks(sim, pod), jsonKey);
  const since = v.sinceSend;
  if (!since)
    return (
      <p className="hint">{pod} has sent no requests yet: use “Send 100 requests” in Try this.</p>
    );
  const totalWeight = since.rows.reduce((n, r) => n + (r.weight ?? 0), 0);
  const rows: HistogramRow[] = since.rows.map((r) => ({
    label: r.subset ?? r.cluster,
    count: r.count,
    expected: r.weight !== undefined && totalWeight > 0 ? (100 * r.weight) / totalWeight : null,
    tone: TONE[r.subset ?? ''] ?? '',
  }));
  return (
    <Histogram
      rows={rows}
      idPrefix={idPrefix}
      unit={`draws of ${since.requested.toLocaleString('en-US')} requested, since ${formatTime(since.at)}`}
      title={`${pod}’s picks for payments`}
    />
  );
}
