import type { RequestView } from '../engine/mesh/contract';
import { onArc, trafficArc, type MeshLayout } from './layout/meshLayout';

/** Request dots between pods, below the sidecars. A failed request is drawn as a cross. */
export function TrafficLayer({ l, requests, now }: { l: MeshLayout; requests: RequestView[]; now: number }) {
  return (
    <g className="traffic" aria-hidden="true">
      {requests.map((r) => {
        const arc = trafficArc(l, r.from, r.to);
        const span = r.arriveAt - r.sentAt;
        const f = span <= 0 ? 1 : Math.min(1, Math.max(0, (now - r.sentAt) / span));
        const p = onArc(arc, f);
        const failed = r.code !== undefined && (r.code >= 500 || r.code === 0);
        return (
          <g key={r.id}>
            <path
              d={`M${arc.p0.x},${arc.p0.y} Q${arc.c.x},${arc.c.y} ${arc.p1.x},${arc.p1.y}`}
              className={failed ? 'req-path failed' : 'req-path'}
            />
            {failed ? (
              <path
                d={`M${p.x - 5},${p.y - 5} L${p.x + 5},${p.y + 5} M${p.x + 5},${p.y - 5} L${p.x - 5},${p.y + 5}`}
                className="req-fail"
              />
            ) : (
              <circle cx={p.x} cy={p.y} r={4} className="req-dot" />
            )}
          </g>
        );
      })}
    </g>
  );
}
