import { memo } from 'react';
import type { MeshLayout } from './layout/meshLayout';

/** The region labels of the reference page. */
export const RegionLabels = memo(function RegionLabels({ l }: { l: MeshLayout }) {
  const r = l.regions;
  return (
    <g className="region-labels">
      <text x={l.istiod.x + l.istiod.w + 16} y={l.istiod.y + 26} className="region">
        ↑ control plane — config issuer,
      </text>
      <text x={l.istiod.x + l.istiod.w + 16} y={l.istiod.y + 44} className="region">
        NOT on the request path
      </text>
      <text x={12} y={r.streamsY} className="region">
        long-lived streaming gRPC ↓
      </text>
      <text x={12} y={r.streamsY + 17} className="region small">
        one ADS stream per sidecar (Envoy → istio-agent → Istiod)
      </text>
      <text x={l.width - 12} y={r.dataY} className="region" textAnchor="end">
        ← data plane — sidecars handling traffic
      </text>
      <text x={l.width - 12} y={r.trafficY} className="region" textAnchor="end">
        data-plane traffic never pauses
      </text>
    </g>
  );
});
