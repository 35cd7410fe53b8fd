import { WalkDiagram } from '../../src/diagram/walk/WalkDiagram';
import { EventLog } from '../../src/ui/EventLog';
import { WalkHops } from '../../src/ui/mesh/WalkHops';

/** Scene 2's view: two pods opened up (app, istio-proxy, kernel), one connection’s path through them [1]. */
export function View() {
  return (
    <section className="scene-view" aria-label="Scene 2 diagram and hops">
      <div className="diagram-wrap">
        <p className="diagram-note">
          Each pod is drawn opened up: the <strong>app</strong> container, the{' '}
          <strong>istio-proxy</strong> container (Envoy and the istio-agent, running as UID 1337),
          and the pod’s <strong>kernel</strong>, where istio-init’s nat rules decide which
          connections go to Envoy. The blue line is one connection, hop by hop.
        </p>
        <WalkDiagram detail="hops" />
      </div>
      <div className="side-tables">
        <WalkHops />
        <EventLog />
      </div>
    </section>
  );
}

// [1] The panel beside it prints the nat table as iptables-save does and lights the rule that
//     decided the latest hop; the list says every hop in words.
