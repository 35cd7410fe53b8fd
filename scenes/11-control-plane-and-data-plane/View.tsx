import type { SceneViewProps } from '../types';
import { MeshDiagram } from '../../src/diagram/MeshDiagram';
import { Counters } from '../../src/ui/Counters';
import { EventLog } from '../../src/ui/EventLog';
import { ProxyStatusTable } from '../../src/ui/ProxyStatusTable';

/**
 * Scene 11's view: the diagram with its region labels [1], the request counters, and the two
 * text views — proxy-status and the event log [2].
 */
export function View({ def }: SceneViewProps) {
  return (
    <section className="scene-view" aria-label={`Scene ${def.number} diagram and status`}>
      <div className="diagram-wrap">
        <MeshDiagram />
        <Counters />
      </div>
      <div className="side-tables">
        <ProxyStatusTable />
        <EventLog />
      </div>
    </section>
  );
}

// [1] The diagram is drawn from the engine's view each frame; nothing in it is a static picture.
// [2] The tables say in words what the diagram shows, for readers who cannot see it.
