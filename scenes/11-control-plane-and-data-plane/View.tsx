import type { SceneViewProps } from '../types';
import { Legend } from '../../src/diagram/Legend';
import { MeshDiagram } from '../../src/diagram/MeshDiagram';
import { Counters } from '../../src/ui/Counters';
import { EventLog } from '../../src/ui/EventLog';
import { ProxyStatusTable } from '../../src/ui/ProxyStatusTable';

/**
 * Scene 11's view: a sentence on how to read the diagram [1], the diagram with its region labels
 * [2], a legend and the request counters, and the two text views — proxy-status and the event
 * log [3].
 */
export function View({ def }: SceneViewProps) {
  return (
    <section className="scene-view" aria-label={`Scene ${def.number} diagram and status`}>
      <div className="diagram-wrap">
        <p className="diagram-note">
          Top: the <strong>control plane</strong> (Istiod) — one process that watches the cluster,
          computes config and is NOT on the request path. Bottom row: the <strong>data plane</strong>{' '}
          — eight sidecar Envoys, each with its cached config (LDS/RDS/CDS/EDS: listeners, routes,
          clusters, endpoints) and an istio-agent. Between them: one long-lived <strong>xDS</strong>{' '}
          gRPC stream per sidecar (ADS, every type on one connection). Below: request traffic,
          which never waits for the control plane.
        </p>
        <MeshDiagram />
        <Legend />
        <Counters />
      </div>
      <div className="side-tables">
        <ProxyStatusTable />
        <EventLog />
      </div>
    </section>
  );
}

// [1] The reference page explains the picture in words before showing it.
// [2] The diagram is drawn from the engine's view each frame; nothing in it is a static picture.
// [3] The tables say in words what the diagram shows, for readers who cannot see it.
