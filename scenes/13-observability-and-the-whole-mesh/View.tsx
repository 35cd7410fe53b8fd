import type { CastLayout } from '../../src/diagram/layout/castLayout';
import { TRAFFIC_LEGEND } from '../../src/diagram/mesh/legend';
import { MeshDiagram } from '../../src/diagram/mesh/MeshDiagram';
import { Legend } from '../../src/diagram/parts/Legend';
import { EventLog } from '../../src/ui/EventLog';
import { AccessLog } from '../../src/ui/observe/AccessLog';
import { ChaosPanel } from '../../src/ui/observe/ChaosPanel';
import { GoldenSignals } from '../../src/ui/observe/GoldenSignals';
import { Mystery } from '../../src/ui/observe/Mystery';
import { TraceView } from '../../src/ui/observe/TraceView';

const labels = (l: CastLayout) => [
  {
    x: 12,
    y: (l.regions.rowsY[0] ?? 250) - 12,
    text: 'every sidecar reports each call it sees: caller = source, callee = destination',
  },
];

/** Scene 13's view: the mesh, then what its sidecars report, the chaos panel and the exercise. */
export function View() {
  return (
    <section
      className="scene-view"
      aria-label="Scene 13 diagram, signals, trace, access log and chaos panel"
    >
      <div className="diagram-wrap">
        <p className="diagram-note">
          Below the mesh: the golden signals both reporters give, one user request’s trace, and the
          selected sidecar’s access log. Break things with the chaos panel, then find the cause of a
          mystery fault from those signals alone.{' '}
          <a href="#/scale">Zoom out: the whole mesh at 1,000 sidecars</a>
        </p>
        <MeshDiagram
          title="Mesh diagram: Istiod, eight sidecars and the calls between them"
          labels={labels}
          rows={[]}
        />
        <Legend items={TRAFFIC_LEGEND} />
        <GoldenSignals />
        <TraceView />
        <AccessLog />
        <ChaosPanel />
        <Mystery />
      </div>
      <div className="side-tables">
        <EventLog />
      </div>
    </section>
  );
}
