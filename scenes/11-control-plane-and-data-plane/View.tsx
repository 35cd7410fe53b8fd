import type { XdsMessageView } from '../../src/engine/mesh/contract';
import type { CastLayout } from '../../src/diagram/layout/castLayout';
import { XDS_LEGEND, TRAFFIC_LEGEND } from '../../src/diagram/mesh/legend';
import { MeshDiagram } from '../../src/diagram/mesh/MeshDiagram';
import { Legend } from '../../src/diagram/parts/Legend';
import { useRuntime } from '../../src/runtime/context';
import { pin, select, useUi } from '../../src/store/uiStore';
import { EventLog } from '../../src/ui/EventLog';
import { Counters } from '../../src/ui/mesh/Counters';
import { ProxyStatusTable } from '../../src/ui/mesh/ProxyStatusTable';

/** The line that sends each kind of xDS message: clicking a token pins it [1]. */
const SENDERS: Partial<Record<XdsMessageView['kind'], { panel: string; anchor: string }>> = {
  DiscoveryResponse: { panel: 'control', anchor: 'send' },
  DiscoveryRequest: { panel: 'subscribe', anchor: 'subscribe' },
  ACK: { panel: 'subscribe', anchor: 'ack' },
  NACK: { panel: 'subscribe', anchor: 'nack' },
};

/** The reference page's region labels [2]. */
const regions = (l: CastLayout) => {
  const cp = l.controlPlane ?? { x: 0, y: 0, w: 0 };
  const right = { x: l.width - 12, anchor: 'end' as const };
  return [
    { x: cp.x + cp.w + 16, y: cp.y + 26, text: '↑ control plane — config issuer,' },
    { x: cp.x + cp.w + 16, y: cp.y + 44, text: 'NOT on the request path' },
    { x: 12, y: l.regions.streamsY, text: 'long-lived streaming gRPC ↓' },
    {
      x: 12,
      y: l.regions.streamsY + 17,
      text: 'one ADS stream per sidecar (Envoy → istio-agent → Istiod)',
      small: true,
    },
    {
      ...right,
      y: (l.regions.rowsY[0] ?? 0) - 12,
      text: '← data plane — sidecars handling traffic',
    },
    { ...right, y: l.regions.trafficY, text: 'data-plane traffic never pauses' },
  ];
};

/** Scene 11's view: how to read the picture [3], the diagram, and the text views beside it. */
export function View() {
  const { ui } = useRuntime();
  const embed = useUi(ui, (s) => s.embed);
  // The panels follow the message's sidecar; the line that sent it is pinned beside the running
  // one.
  const onPick = (msg: XdsMessageView) => {
    select(ui, msg.pod);
    const sender = SENDERS[msg.kind];
    const what =
      msg.direction === 'down'
        ? `Istiod’s ${msg.kind} of ${msg.xds} to ${msg.pod}`
        : `${msg.pod}’s ${msg.kind} of ${msg.xds}`;
    if (sender) pin(ui, { ...sender, label: `${what} (nonce ${msg.nonce || 'none'})` });
  };
  return (
    <section className="scene-view" aria-label="Scene 11 diagram and status">
      <div className="diagram-wrap">
        <p className="diagram-note">
          Top: the <strong>control plane</strong> (Istiod) — one process that watches the cluster,
          computes config and is NOT on the request path. Bottom row: the{' '}
          <strong>data plane</strong> — eight sidecar Envoys, each with its cached config
          (LDS/RDS/CDS/EDS: listeners, routes, clusters, endpoints) and an istio-agent. Between
          them: one long-lived <strong>xDS</strong> gRPC stream per sidecar (ADS, every type on one
          connection). Below: request traffic, which never waits for the control plane.{' '}
          <a href="#/analogies" {...(embed ? { target: '_blank', rel: 'noopener' } : {})}>
            The same split elsewhere
          </a>{' '}
          compares it with routers, Kubernetes, SDN, load balancers and storage.
        </p>
        <MeshDiagram
          title="Mesh diagram: Istiod, eight sidecars, their ADS streams and the request traffic"
          labels={regions}
          onPickMessage={onPick}
        />
        <Legend items={[...XDS_LEGEND, ...TRAFFIC_LEGEND]} />
        <Counters />
        <ProxyStatusTable />
        <p className="diagram-note">
          <a href="#/scale">Zoom out: the whole mesh at 1,000 sidecars</a> — the same push, fanned
          out through Istiod’s debounce, push throttle and stream admission.
        </p>
      </div>
      <div className="side-tables">
        <EventLog />
      </div>
    </section>
  );
}

// [1] Python Tutor's habit: point at a thing in the picture and see the code that made it.
// [2] Positions come from the layout; the words are this scene's.
// [3] The reference page explains the picture in words before showing it; the tables say in
//     words what the diagram shows, for readers who cannot see it.
