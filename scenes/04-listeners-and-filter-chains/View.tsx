import { WalkDiagram } from '../../src/diagram/walk/WalkDiagram';
import { EventLog } from '../../src/ui/EventLog';
import { ListenerInspector } from '../../src/ui/mesh/ListenerInspector';
import { WalkHops } from '../../src/ui/mesh/WalkHops';

/** Scene 4's view: the connection's stages in two sidecars, and the selected sidecar's listeners [1]. */
export function View() {
  return (
    <section className="scene-view" aria-label="Scene 4 diagram and listeners">
      <div className="diagram-wrap">
        <p className="diagram-note">
          Inside each <strong>istio-proxy</strong>, the chips are Envoy’s stages: the listener that
          accepts, the <strong>filter chain</strong> chosen for the connection, the{' '}
          <strong>HTTP connection manager</strong> (HCM) and its HTTP filters, the router, and the
          cluster. The blue line is one connection; lit chips are the stages it has passed.
        </p>
        <WalkDiagram detail="stages" />
        <WalkHops />
      </div>
      <div className="side-tables">
        <ListenerInspector />
        <EventLog />
      </div>
    </section>
  );
}

// [1] The tree and the JSON are the sidecar’s ACTIVE listeners (LDS), as /config_dump has them.
