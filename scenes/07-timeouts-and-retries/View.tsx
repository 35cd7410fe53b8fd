import { useCallback } from 'react';
import type { MeshTrace } from '../../src/engine/mesh/contract';
import { hopPolicy, type HopPolicy, type MeshSource } from '../../src/engine/mesh/views';
import type { CastLayout } from '../../src/diagram/layout/castLayout';
import { TRAFFIC_LEGEND, XDS_LEGEND } from '../../src/diagram/mesh/legend';
import { MeshDiagram } from '../../src/diagram/mesh/MeshDiagram';
import { Legend } from '../../src/diagram/parts/Legend';
import type { RegionLabel } from '../../src/diagram/parts/RegionLabels';
import { useSimSelect } from '../../src/runtime/context';
import { EventLog } from '../../src/ui/EventLog';
import { LastEntry } from '../../src/ui/graph/LastEntry';
import { LoadRuns } from '../../src/ui/graph/LoadRuns';
import { HopTable } from './HopTable';
import { expected, KNOBS, settingsOf, SLOW_POD, words } from './runs';

/** The route policy in a few words, as the caller's Envoy serves it. */
export function hopText(h: HopPolicy | null): string {
  if (!h) return 'no route yet';
  const r = h.retry;
  const parts = [
    !r
      ? 'no retries'
      : r.retryOn.split(',').includes('5xx')
        ? `retry 5xx ×${r.numRetries}`
        : `default retries ×${r.numRetries}`,
  ];
  if (r && r.perTryTimeoutMs > 0) parts.push(`per-try ${r.perTryTimeoutMs} ms`);
  if (h.timeoutMs > 0) parts.push(`timeout ${h.timeoutMs} ms`);
  return parts.join(', ');
}

/** What the diagram's labels depend on: each retrying hop's route, the faults. */
const labelKey = (sim: MeshSource): string =>
  [
    hopText(hopPolicy(sim, 'web-1', 'checkout')),
    hopText(hopPolicy(sim, 'checkout-1', 'payments')),
    Math.round((sim.state.traffic.serviceFail?.['payments'] ?? 0) * 100),
    (sim.state.pods[SLOW_POD]?.extraMs ?? 0) > 0 ? 'slow' : '',
  ].join('|');

function regions(l: CastLayout, key: string): RegionLabel[] {
  const [web, checkout, fail, slow] = key.split('|');
  const top = l.regions.rowsY[0] ?? 250;
  const faults = [
    fail && fail !== '0' ? `every payments pod fails ${fail}% of requests` : 'payments healthy',
    slow ? 'payments-v1-b: +200 ms per request' : '',
  ].filter((x) => x !== '');
  return [
    {
      x: 12,
      y: top - 48,
      text: 'each caller’s Envoy retries and times out as its route (RDS) says',
    },
    {
      x: 12,
      y: top - 30,
      text: `web-1 → checkout: ${web} · checkout-1 → payments: ${checkout}`,
      small: true,
    },
    { x: 12, y: top - 14, text: faults.join(' · '), small: true },
    {
      x: l.width - 12,
      y: l.regions.trafficY,
      text: 'calls: web-1 → cart, catalog, checkout; checkout-1 → inventory, payments',
      anchor: 'end',
    },
  ];
}

const isTry = (e: MeshTrace, pod: string) => e.type === 'attempt.done' && e.pod === pod;

/** Scene 7's view: the mesh, the last try in words, success and load per run [1]. */
export function View() {
  const key = useSimSelect(labelKey, String);
  const labels = useCallback((l: CastLayout) => regions(l, key), [key]);
  return (
    <section className="scene-view" aria-label="Scene 7 diagram, success rate and load per run">
      <div className="diagram-wrap">
        <p className="diagram-note">
          Each card shows the sidecar’s <strong>RDS</strong> version: retries and timeouts are part
          of the route. Above the row: the route web-1’s and checkout-1’s Envoys serve now for their
          next hop, and the faults in force. The plots compare the runs: the success rate users see,
          and the tries that reach payments per user request.
        </p>
        <MeshDiagram
          title="Mesh diagram: Istiod, eight sidecars with their routes, and the calls of the call graph"
          labels={labels}
          rows={['RDS']}
        />
        <Legend items={[...XDS_LEGEND, ...TRAFFIC_LEGEND]} />
        <LastEntry
          lead="Last try by this sidecar"
          none="none yet (select web-1 or checkout-1: they call other services)"
          match={isTry}
          testId="last-try"
        />
        <LoadRuns
          service="payments"
          knobs={KNOBS}
          words={words}
          expect={(s) => expected(settingsOf(s))}
          formula="Expected tries at payments per user request: (1 − pᴺ⁺¹)/(1 − p) × (1 − qᴹ⁺¹)/(1 − q), with p the share of payments tries that fail, N and M the retries on 5xx at checkout → payments and web → checkout, q = pᴺ⁺¹; users succeed 1 − qᴹ⁺¹. Not given when a timeout is set (the formula leaves timeouts out)."
        />
      </div>
      <div className="side-tables">
        <HopTable />
        <EventLog />
      </div>
    </section>
  );
}

// [1] The runs are statistics windows (traffic.mark); their settings are read back from the run's
//     input log (runs.ts), so each row says what it measured.
