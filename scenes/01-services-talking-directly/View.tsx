import type { CastLayout } from '../../src/diagram/layout/castLayout';
import { DirectDiagram } from '../../src/diagram/direct/DirectDiagram';
import { EventLog } from '../../src/ui/EventLog';
import { CallerTable } from '../../src/ui/direct/CallerTable';

/** The region labels: apps on top, the pods they call below [1]. */
const regions = (l: CastLayout) => [
  {
    x: 12,
    y: (l.regions.rowsY[0] ?? 40) - 14,
    text: 'apps — each with its own client library (no sidecars)',
  },
  {
    x: l.width - 12,
    y: (l.regions.rowsY[1] ?? 300) - 14,
    text: 'payments pods (namespace shop, port 8080)',
    anchor: 'end' as const,
  },
];

/** Scene 1's view: the apps and the pods they call, and the callers' counters in words [2]. */
export function View() {
  return (
    <section className="scene-view" aria-label="Scene 1 diagram and status">
      <div className="diagram-wrap">
        <p className="diagram-note">
          Top row: three apps that call <strong>payments</strong>, each card listing how its own
          library finds payments, retries, times out and does TLS. Bottom row: the payments pods. A
          dot is one attempt in flight; a dot parked near a pod is a dial nobody answers, and the
          lines under the pods say who is waiting and how long before each caller gives up.
        </p>
        <DirectDiagram
          title="Three apps calling the payments pods directly, each with its own client library"
          labels={regions}
        />
      </div>
      <div className="side-tables">
        <CallerTable />
        <EventLog />
      </div>
    </section>
  );
}

// [1] No control plane and no proxies: there is nothing between the apps and the pods.
// [2] The table says per caller what the cards show, for readers who cannot see the diagram.
