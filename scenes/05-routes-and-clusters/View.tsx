import type { CastLayout } from '../../src/diagram/layout/castLayout';
import { TRAFFIC_LEGEND, XDS_LEGEND } from '../../src/diagram/mesh/legend';
import { MeshDiagram } from '../../src/diagram/mesh/MeshDiagram';
import { Legend } from '../../src/diagram/parts/Legend';
import { EventLog } from '../../src/ui/EventLog';
import { LastPick } from '../../src/ui/mesh/LastPick';
import { PickHistogram } from '../../src/ui/mesh/PickHistogram';
import { RouteTable } from '../../src/ui/mesh/RouteTable';

/** Where the pick happens, in the diagram's words [1]. */
const regions = (l: CastLayout) => [
  {
    x: 12,
    y: (l.regions.rowsY[0] ?? 250) - 12,
    text: 'each caller’s sidecar routes and picks a cluster (RDS + CDS)',
  },
  {
    x: l.width - 12,
    y: l.regions.trafficY,
    text: 'requests: caller → the pod of the cluster it drew',
    anchor: 'end' as const,
  },
];

/** Scene 5's view: the mesh, the selected sidecar's route table, and its draws against the weights [2]. */
export function View() {
  return (
    <section className="scene-view" aria-label="Scene 5 diagram and route table">
      <div className="diagram-wrap">
        <p className="diagram-note">
          Each card shows the sidecar’s <strong>RDS</strong> (routes) and <strong>CDS</strong>{' '}
          (clusters) versions. Select a sidecar to see its route table; send requests from it and
          watch each one drawn to blue v1 or green v2, in the caller’s own sidecar.
        </p>
        <MeshDiagram
          title="Mesh diagram: Istiod, eight sidecars with their routes and clusters, and the requests they route"
          labels={regions}
          rows={['RDS', 'CDS']}
        />
        <Legend items={[...XDS_LEGEND, ...TRAFFIC_LEGEND]} />
        <PickHistogram />
        <LastPick />
      </div>
      <div className="side-tables">
        <RouteTable />
        <EventLog />
      </div>
    </section>
  );
}

// [1] The words are this scene's; the positions come from the layout.
// [2] The histogram and the table say in words what the bars and arcs show.
