import type { PodName, RequestView, SidecarView } from '../../engine/mesh/contract';
import {
  arcBetween,
  fadeAge,
  fadeLevel,
  onArc,
  TRAIL_US,
  type CastLayout,
} from '../layout/castLayout';
import { RequestDot, RequestFailed, RequestOk } from './marks';

/** Resolves a request's caller to a drawn pod. */
function podOf(name: PodName, sidecars: SidecarView[]): PodName | null {
  return sidecars.some((s) => s.pod === name) ? name : null;
}

interface Edge {
  from: PodName;
  to: PodName;
  ok: number;
  failed: number;
  /** Age of the newest finished request on this edge (quantized). */
  age: number;
}

const isFailure = (r: RequestView) => r.code !== undefined && (r.code >= 500 || r.code === 0);

/**
 * Request traffic under the sidecar row. A dot travels its caller→callee arc while a request is
 * in flight. Finished requests of the last second are summed per edge: one arc per caller/callee
 * pair, thicker for more requests, with a bare ✓ (all succeeded) or ✗ (some failed) at the
 * callee — errors are drawn by shape, not only by colour, and neither mark is a config message's
 * envelope (marks.tsx). One element per edge keeps the DOM still.
 */
export function TrafficLayer({
  l,
  requests,
  sidecars,
  now,
}: {
  l: CastLayout;
  requests: RequestView[];
  sidecars: SidecarView[];
  now: number;
}) {
  const edges = new Map<string, Edge>();
  const dots: { id: number; x: number; y: number }[] = [];
  for (const r of requests) {
    if (r.sentAt > now) continue;
    const from = podOf(r.from, sidecars);
    if (!from) continue;
    // A request that names its service, not a pod, has not left the caller's sidecar: it waits
    // there (an injected delay) or was answered there (UO, UH, NC, an injected abort). It is
    // drawn at the caller, never as an arc to a pod it did not reach.
    const to = podOf(r.to, sidecars) ?? from;
    // Unanswered: in the call-graph model the reply time is not known when a call leaves, so a
    // call whose network leg is over waits at the callee's end until it is answered.
    if (now < r.arriveAt || r.code === undefined) {
      const span = r.arriveAt - r.sentAt;
      const f = to === from ? 0 : span <= 0 ? 1 : Math.min(1, (now - r.sentAt) / span);
      const p = onArc(arcBetween(l, from, to), f);
      dots.push({ id: r.id, x: p.x, y: p.y });
      continue;
    }
    const age = fadeAge(now, r.arriveAt);
    if (age > TRAIL_US) continue;
    const key = `${from}>${to}`;
    const e = edges.get(key) ?? { from, to, ok: 0, failed: 0, age };
    if (isFailure(r)) e.failed++;
    else e.ok++;
    e.age = Math.min(e.age, age);
    edges.set(key, e);
  }
  return (
    <g className="traffic" aria-hidden="true">
      {[...edges.entries()].map(([key, e]) => {
        const arc = arcBetween(l, e.from, e.to);
        const o = fadeLevel(1 - e.age / TRAIL_US);
        const local = e.from === e.to;
        const end = local ? arc.p0 : arc.p1;
        const width = 1 + Math.min(4, Math.floor((e.ok + e.failed) / 2));
        return (
          <g key={key}>
            {!local && (
              <path
                d={`M${arc.p0.x},${arc.p0.y} Q${arc.c.x},${arc.c.y} ${arc.p1.x},${arc.p1.y}`}
                className={e.failed ? 'req-path failed' : 'req-path'}
                strokeWidth={width}
                opacity={o}
              />
            )}
            {e.failed > 0 ? (
              <RequestFailed x={end.x} y={end.y + 8} opacity={o} />
            ) : (
              <RequestOk x={end.x} y={end.y + 8} opacity={o} />
            )}
          </g>
        );
      })}
      {dots.map((d) => (
        <RequestDot key={d.id} x={d.x} y={d.y} />
      ))}
    </g>
  );
}
