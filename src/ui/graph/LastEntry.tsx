import type { MeshTrace } from '../../engine/mesh/contract';
import { describeMeshEntry } from '../../engine/mesh/sceneModel';
import { useRuntime } from '../../runtime/context';
import { useUi } from '../../store/uiStore';
import { useCoarseSelect } from '../useCoarse';

/** The newest entry among recent trace entries that `match` accepts for `pod` (a display only). */
function newest(
  entries: readonly { type: string }[],
  pod: string,
  match: (e: MeshTrace, pod: string) => boolean,
): MeshTrace | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i] as MeshTrace;
    if (match(e, pod)) return e;
  }
  return null;
}

/**
 * One line under a diagram: the selected sidecar's newest entry of a kind (a load-balancer pick,
 * a try's outcome), in the model's own words, refreshed about ten times a second while playing
 * [1]. `lead` says what it is ("Last pick"); `none` is shown before there is one.
 */
export function LastEntry({
  lead,
  none,
  match,
  testId,
}: {
  lead: string;
  none: string;
  match: (e: MeshTrace, pod: string) => boolean;
  testId: string;
}) {
  const { ui } = useRuntime();
  const pod = useUi(ui, (s) => s.selected);
  const e = useCoarseSelect(
    (p) => newest(p.sim.trace.recent(1024), pod, match),
    (x) => (x ? `${x.t}:${x.type}:${'id' in x ? x.id : ''}` : ''),
  );
  return (
    <p className="last-pick" aria-live="off" data-testid={testId}>
      {lead}: {e ? describeMeshEntry(e) : none}
    </p>
  );
}

// [1] The trace keeps its last 4,096 entries; the newest matching one among the last 1,024 is
//     enough for a line that changes several times a second.
