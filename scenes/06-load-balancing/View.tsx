import { useCallback } from 'react';
import type { MeshTrace } from '../../src/engine/mesh/contract';
import type { MeshSource } from '../../src/engine/mesh/views';
import type { CastLayout } from '../../src/diagram/layout/castLayout';
import { TRAFFIC_LEGEND, XDS_LEGEND } from '../../src/diagram/mesh/legend';
import { MeshDiagram } from '../../src/diagram/mesh/MeshDiagram';
import { Legend } from '../../src/diagram/parts/Legend';
import type { RegionLabel } from '../../src/diagram/parts/RegionLabels';
import { useSimSelect } from '../../src/runtime/context';
import { EventLog } from '../../src/ui/EventLog';
import { LastEntry } from '../../src/ui/graph/LastEntry';
import { LatencyRuns } from '../../src/ui/graph/LatencyRuns';
import type { PlotSeries } from '../../src/ui/graph/PlotBars';
import { InFlight } from './InFlight';
import { PAYMENTS_ALL } from './machines';
import { KNOBS, SLOW_POD } from './runs';
import { policyNow } from './scene';

const HOSTS: PlotSeries[] = [
  { key: 'payments-v1-a', name: 'payments-v1-a', tone: 'plot-tone-a' },
  { key: 'payments-v1-b', name: 'payments-v1-b', tone: 'plot-tone-c' },
  { key: 'payments-v2-a', name: 'payments-v2-a', tone: 'plot-tone-d' },
];

/** The pick of a payments pod by the selected sidecar. */
const isPick = (e: MeshTrace, pod: string) =>
  e.type === 'lb.pick' && e.pod === pod && e.cluster === PAYMENTS_ALL;

/** What the diagram's labels depend on: the policy in checkout-1's CDS, the slow pod. */
const labelKey = (sim: MeshSource): string =>
  `${policyNow(sim) ?? ''}|${(sim.state.pods[SLOW_POD]?.extraMs ?? 0) > 0 ? 'slow' : ''}`;

function regions(l: CastLayout, key: string): RegionLabel[] {
  const [policy, slow] = key.split('|');
  const top = l.regions.rowsY[0] ?? 250;
  return [
    {
      x: 12,
      y: top - 30,
      text: 'the caller’s Envoy picks a pod for every call: its cluster’s lb_policy, from CDS',
    },
    {
      x: 12,
      y: top - 12,
      text: `checkout-1 → payments: ${policy || 'no cluster yet'}${slow ? ' · payments-v1-b: +200 ms per request' : ''}`,
      small: true,
    },
    {
      x: l.width - 12,
      y: l.regions.trafficY,
      text: 'calls: web-1 → cart, catalog, checkout; checkout-1 → inventory, payments',
      anchor: 'end',
    },
  ];
}

/** Scene 6's view: the mesh, the last pick in words, the runs side by side [1]. */
export function View() {
  const key = useSimSelect(labelKey, String);
  const labels = useCallback((l: CastLayout) => regions(l, key), [key]);
  return (
    <section className="scene-view" aria-label="Scene 6 diagram and latency per run">
      <div className="diagram-wrap">
        <p className="diagram-note">
          Each card shows the sidecar’s <strong>CDS</strong> version: a DestinationRule’s
          loadBalancer arrives there. checkout-1 is the only caller of payments; its Envoy picks one
          of the three payments pods for each call. The plots compare the runs: latency of the calls
          to payments, and each pod’s share.
        </p>
        <MeshDiagram
          title="Mesh diagram: Istiod, eight sidecars with their clusters, and the calls of the call graph"
          labels={labels}
          rows={['CDS']}
        />
        <Legend items={[...XDS_LEGEND, ...TRAFFIC_LEGEND]} />
        <LastEntry
          lead="Last pick for payments"
          none="none yet by this sidecar (select checkout-1: it is the caller of payments)"
          match={isPick}
          testId="last-lb-pick"
        />
        <LatencyRuns service="payments" knobs={KNOBS} hosts={HOSTS} />
      </div>
      <div className="side-tables">
        <InFlight />
        <EventLog />
      </div>
    </section>
  );
}

// [1] The runs are statistics windows (traffic.mark); their settings are read back from the run's
//     input log, so a row says what it measured even after a seek or from a shared link.
