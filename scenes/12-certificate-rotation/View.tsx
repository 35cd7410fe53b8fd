import { TRAFFIC_LEGEND } from '../../src/diagram/mesh/legend';
import { MeshDiagram } from '../../src/diagram/mesh/MeshDiagram';
import { Legend } from '../../src/diagram/parts/Legend';
import { EventLog } from '../../src/ui/EventLog';
import { CertTimeline } from '../../src/ui/mesh/CertTimeline';
import { Counters } from '../../src/ui/mesh/Counters';

/** Scene 12's view: the mesh, every workload's certificate on a timeline, and the log [1]. */
export function View() {
  return (
    <section className="scene-view" aria-label="Scene 12 diagram and certificates">
      <div className="diagram-wrap">
        <p className="diagram-note">
          Time runs at <strong>hours per second</strong>. Each sidecar’s istio-agent holds a 24-hour
          certificate from Istiod’s CA and renews it at about half its life. The chart shows every
          certificate: when it was issued, when it will be renewed (the tick) and when it expires;
          its colour is the key that signed it.
        </p>
        <MeshDiagram
          title="Mesh diagram: Istiod and its CA, eight sidecars with their certificates, and the requests between them"
          rows={['LDS', 'RDS']}
        />
        <Legend items={TRAFFIC_LEGEND} />
        <Counters />
      </div>
      <div className="side-tables">
        <CertTimeline />
        <EventLog />
      </div>
    </section>
  );
}

// [1] The table under the chart says in words what the bars show: times, roots, keys, trust.
