import type { PodName, RequestView, SidecarView } from '../engine/mesh/contract';
import { fadeAge, fadeLevel, onArc, TRAIL_US, trafficArc, type MeshLayout } from './layout/meshLayout';

/** Resolves a request end to a drawn pod (a request that found no endpoint names its service). */
function podOf(name: PodName, sidecars: SidecarView[]): PodName | null {
  if (sidecars.some((s) => s.pod === name)) return name;
  return sidecars.find((s) => s.service === name)?.pod ?? null;
}

/**
 * Request traffic under the sidecar row: a dot travels the arc while the request is in flight;
 * afterwards its arc fades out with a ✓ (success) or ✗ (error) at the callee — errors are drawn
 * by shape, not only by colour.
 */
export function TrafficLayer({ l, requests, sidecars, now }: { l: MeshLayout; requests: RequestView[]; sidecars: SidecarView[]; now: number }) {
  return (
    <g className="traffic" aria-hidden="true">
      {requests.map((r) => {
        const inFlight = now < r.arriveAt;
        const age = fadeAge(now, r.arriveAt);
        if (r.sentAt > now || (!inFlight && age > TRAIL_US)) return null;
        const from = podOf(r.from, sidecars);
        const to = podOf(r.to, sidecars) ?? from;
        if (!from || !to) return null;
        const arc = trafficArc(l, from, to);
        const failed = r.code !== undefined && (r.code >= 500 || r.code === 0);
        const d = `M${arc.p0.x},${arc.p0.y} Q${arc.c.x},${arc.c.y} ${arc.p1.x},${arc.p1.y}`;
        if (inFlight) {
          const span = r.arriveAt - r.sentAt;
          const p = onArc(arc, span <= 0 ? 1 : (now - r.sentAt) / span);
          return (
            <g key={r.id}>
              <path d={d} className="req-path live" />
              <circle cx={p.x} cy={p.y} r={5} className="req-dot" />
            </g>
          );
        }
        const end = arc.p1;
        // Opacity per element, not per group: a group opacity costs an offscreen layer each.
        const o = fadeLevel(1 - age / TRAIL_US);
        return (
          <g key={r.id}>
            <path d={d} className={failed ? 'req-path failed' : 'req-path'} opacity={o} />
            {failed ? (
              <path d={`M${end.x - 4},${end.y + 4} l8,8 m0,-8 l-8,8`} className="req-fail" opacity={o} />
            ) : (
              <path d={`M${end.x - 4},${end.y + 8} l3,3 l5,-6`} className="req-ok" opacity={o} />
            )}
          </g>
        );
      })}
    </g>
  );
}
