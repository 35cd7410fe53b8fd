import { XDS_LEGEND, TRAFFIC_LEGEND } from '../../src/diagram/mesh/legend';
import { MeshDiagram } from '../../src/diagram/mesh/MeshDiagram';
import { Legend } from '../../src/diagram/parts/Legend';
import { EventLog } from '../../src/ui/EventLog';
import { IdentityTable, SecurityStatus } from '../../src/ui/mesh/IdentityTable';

/** Scene 9's view: the mesh, every workload's identity and certificate, and what web-1's calls get [1]. */
export function View() {
  return (
    <section className="scene-view" aria-label="Scene 9 diagram and identities">
      <div className="diagram-wrap">
        <p className="diagram-note">
          Each card is a sidecar with its <strong>identity</strong> (the pod’s service account as a
          SPIFFE ID) and its certificate from Istiod’s CA. Requests between sidecars travel over
          mTLS: each side proves its identity, and payments’ policies decide by it.
        </p>
        <MeshDiagram
          title="Mesh diagram: Istiod and its CA, eight sidecars with their certificates, and the requests between them"
          rows={['LDS', 'RDS']}
        />
        <Legend items={[...XDS_LEGEND, ...TRAFFIC_LEGEND]} />
        <SecurityStatus />
      </div>
      <div className="side-tables">
        <IdentityTable />
        <EventLog />
      </div>
    </section>
  );
}

// [1] The tables say in words what the cards show: identities, serials, expiry, the mTLS mode,
//     the policies, and what web-1's calls to payments got.
