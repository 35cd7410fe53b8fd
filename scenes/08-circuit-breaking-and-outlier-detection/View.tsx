import { useCallback } from 'react';
import type { CastLayout } from '../../src/diagram/layout/castLayout';
import { TRAFFIC_LEGEND, XDS_LEGEND } from '../../src/diagram/mesh/legend';
import { MeshDiagram } from '../../src/diagram/mesh/MeshDiagram';
import { Legend } from '../../src/diagram/parts/Legend';
import type { MeshSource } from '../../src/engine/mesh/views';
import { outlierView } from '../../src/engine/mesh/views/graphOutlier';
import { jsonKey, useRuntime } from '../../src/runtime/context';
import { useUi } from '../../src/store/uiStore';
import { EventLog } from '../../src/ui/EventLog';
import { FortioResult } from '../../src/ui/graph/breakerFortio';
import { PoolState } from '../../src/ui/graph/breakerPool';
import { OutlierTimeline } from '../../src/ui/graph/outlierTimeline';
import { useCoarseSim } from '../../src/ui/useCoarse';
import { PAYMENTS } from './scene';

/** Where the limits and the detector live, in the diagram's words [1]. */
const regions = (l: CastLayout) => [
  {
    x: 12,
    y: (l.regions.rowsY[0] ?? 250) - 12,
    text: 'each caller’s sidecar keeps its own pools, limits and outlier detector',
  },
  {
    x: l.width - 12,
    y: l.regions.trafficY,
    text: 'calls: caller → the payments pod its load balancer picked',
    anchor: 'end' as const,
  },
];

/** Scene 8's view: the mesh, fortio's result, the selected caller's detector and its pool [2]. */
export function View() {
  const { ui } = useRuntime();
  const pod = useUi(ui, (s) => s.selected);
  const out = useCoarseSim(
    (sim: MeshSource) =>
      outlierView(sim, pod, PAYMENTS)
        .hosts.filter((h) => h.ejected)
        .map((h) => h.host),
    jsonKey,
  );
  // The hosts the selected caller has ejected, marked under their cards.
  const labels = useCallback(
    (l: CastLayout) => [
      ...regions(l),
      ...out.flatMap((host) => {
        const b = l.nodes[host];
        return b
          ? [
              {
                x: b.cx,
                y: b.y - 5,
                text: `ejected by ${pod}`,
                anchor: 'middle' as const,
                small: true,
              },
            ]
          : [];
      }),
    ],
    [out, pod],
  );
  return (
    <section className="scene-view" aria-label="Scene 8 diagram, fortio, outlier detector and pool">
      <div className="diagram-wrap">
        <p className="diagram-note">
          Each card shows the sidecar’s <strong>CDS</strong> version: the DestinationRule’s limits
          and outlier detection arrive there. Below: fortio’s result, then the selected caller’s
          outlier detector for payments; beside: its connection pool. Select a sidecar to see its
          own — every Envoy keeps its own counters.
        </p>
        <MeshDiagram
          title="Mesh diagram: Istiod, eight sidecars with their clusters, and the calls between them"
          labels={labels}
          rows={['CDS']}
        />
        <Legend items={[...XDS_LEGEND, ...TRAFFIC_LEGEND]} />
        <FortioResult cluster={PAYMENTS} />
        <OutlierTimeline cluster={PAYMENTS} service="payments" />
      </div>
      <div className="side-tables">
        <PoolState cluster={PAYMENTS} service="payments" />
        <EventLog />
      </div>
    </section>
  );
}

// [1] The words are this scene's; the positions come from the layout.
// [2] Numbers a learner can compare (fortio's codes, the limits against what they count, the
//     ejection times), never only arc thickness; the tables are also the text alternative.
