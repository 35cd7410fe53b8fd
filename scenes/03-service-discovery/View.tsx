import { useCallback } from 'react';
import { endpointSlice, type MeshSource } from '../../src/engine/mesh/views';
import type { CastLayout } from '../../src/diagram/layout/castLayout';
import { XDS_LEGEND } from '../../src/diagram/mesh/legend';
import { MeshDiagram } from '../../src/diagram/mesh/MeshDiagram';
import { useSimSelect } from '../../src/runtime/context';
import { Legend } from '../../src/diagram/parts/Legend';
import type { RegionLabel } from '../../src/diagram/parts/RegionLabels';
import { EventLog } from '../../src/ui/EventLog';
import { ClaList } from '../../src/ui/mesh/ClaList';
import { EdsTable } from '../../src/ui/mesh/EdsTable';
import { EndpointSliceTable } from '../../src/ui/mesh/EndpointSliceTable';

/** The payments pods the EndpointSlice lists as not ready. */
const notReadyPods = (sim: MeshSource): string =>
  endpointSlice(sim, 'payments')
    .endpoints.filter((e) => !e.ready)
    .map((e) => e.pod)
    .join(',');

/** The two rows in the diagram's words, and "not ready" under each such payments pod [1]. */
function regions(l: CastLayout, notReady: readonly string[]): RegionLabel[] {
  const out: RegionLabel[] = [
    {
      x: 12,
      y: (l.regions.rowsY[0] ?? 250) - 12,
      text: 'callers’ sidecars — each holds payments’ endpoints (EDS)',
    },
    {
      x: 12,
      y: (l.regions.rowsY[1] ?? 490) - 12,
      // Wide, only the first row's streams are drawn; stacked on a phone, every card's is.
      text:
        l.mode === 'rows'
          ? 'payments pods — the Service’s endpoints (their own ADS streams are not drawn)'
          : 'payments pods — the Service’s endpoints',
    },
  ];
  for (const pod of notReady) {
    const b = l.nodes[pod];
    if (b)
      out.push({ x: b.cx, y: b.y + b.h + 12, text: '✗ not ready', anchor: 'middle', small: true });
  }
  return out;
}

/** Scene 3's view: the mesh, the EndpointSlice, and what each caller's Envoy serves [2]. */
export function View() {
  const key = useSimSelect(notReadyPods, String);
  const labels = useCallback((l: CastLayout) => regions(l, key ? key.split(',') : []), [key]);
  return (
    <section className="scene-view" aria-label="Scene 3 diagram and endpoint tables">
      <div className="diagram-wrap">
        <p className="diagram-note">
          Top row: the callers. Bottom row: the <strong>payments</strong> pods — the Service’s
          endpoints. Each card shows the sidecar’s <strong>CDS</strong> (clusters) and{' '}
          <strong>EDS</strong> (endpoints). Change a payments pod and watch only EDS move: the
          EndpointSlice first, then, after Istiod’s 100 ms debounce, every caller’s list.
        </p>
        <MeshDiagram
          title="Mesh diagram: Istiod, five caller sidecars above the payments pods, and their ADS streams"
          labels={labels}
          rows={['CDS', 'EDS']}
        />
        <Legend items={XDS_LEGEND} />
        <EdsTable />
      </div>
      <div className="side-tables">
        <EndpointSliceTable />
        <ClaList />
        <EventLog />
      </div>
    </section>
  );
}

// [1] The words are this scene's; the positions come from the layout. The labels change only
//     when the set of not-ready pods does.
// [2] The tables say in words what the cards and messages show.
