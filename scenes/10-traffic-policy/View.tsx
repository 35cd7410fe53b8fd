import { XDS_LEGEND, TRAFFIC_LEGEND } from '../../src/diagram/mesh/legend';
import { MeshDiagram } from '../../src/diagram/mesh/MeshDiagram';
import { Legend } from '../../src/diagram/parts/Legend';
import { EventLog } from '../../src/ui/EventLog';
import { PolicyEditor } from '../../src/ui/mesh/PolicyEditor';
import { PaymentsOutcomes, RouteChanges } from '../../src/ui/mesh/RouteChanges';

/** Scene 10's view: the operator's editor, the mesh, and what each change did to routes and traffic [1]. */
export function View() {
  return (
    <section className="scene-view" aria-label="Scene 10 editor, diagram and route changes">
      <div className="diagram-wrap">
        <MeshDiagram
          title="Mesh diagram: Istiod, eight sidecars with their routes and clusters, and the requests they route"
          rows={['RDS', 'CDS']}
        />
        <Legend items={[...XDS_LEGEND, ...TRAFFIC_LEGEND]} />
        <PolicyEditor />
      </div>
      <div className="side-tables">
        <RouteChanges />
        <PaymentsOutcomes />
        <EventLog />
      </div>
    </section>
  );
}

// [1] The editor sends `config.apply` like kubectl apply; the tables say in words what the
//     diagram shows: each sidecar's route change after its ACK, and what checkout-1's requests got.
