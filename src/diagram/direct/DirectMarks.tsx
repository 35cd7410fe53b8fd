import type { InFlightView } from '../../engine/direct';
import { arcBetween, onArc, type CastLayout } from '../layout/castLayout';

export interface StalledGroup {
  key: string;
  from: string;
  pod: string;
  n: number;
  /** Time left before the first of them times out (null: the caller never gives up). */
  left: number | null;
}

/** Dials nobody answers, grouped per caller and pod (one mark each, with how many wait). */
export function stalledGroups(fly: readonly InFlightView[], now: number): StalledGroup[] {
  const out = new Map<string, StalledGroup>();
  for (const f of fly) {
    if (!f.stalled || !f.pod) continue;
    const key = `${f.from}>${f.pod}`;
    const g = out.get(key) ?? { key, from: f.from, pod: f.pod, n: 0, left: null };
    g.n++;
    if (f.timeoutAt !== null) g.left = Math.min(g.left ?? Infinity, Math.max(0, f.timeoutAt - now));
    out.set(key, g);
  }
  return [...out.values()];
}

/**
 * A parked dot on the arc, and words under the pods: who waits, how many, for how long (on two
 * lines in a narrow layout, whose canvas is too narrow for one).
 */
export function Stalled({ g, l, line }: { g: StalledGroup; l: CastLayout; line: number }) {
  const target = l.nodes[g.pod];
  if (!target || !l.nodes[g.from]) return null;
  const p = onArc(arcBetween(l, g.from, g.pod), 0.82);
  const who = `${g.from} → ${g.pod}: ${g.n} connect${g.n === 1 ? '' : 's'} unanswered`;
  const when =
    g.left !== null
      ? `next gives up in ${(g.left / 1e6).toFixed(1)} s`
      : 'no timeout: waits forever';
  const narrow = l.mode === 'columns';
  const y = l.trafficY + 18 + line * (narrow ? 28 : 15);
  return (
    <g className="call-dot stalled">
      <circle cx={p.x} cy={p.y} r={6} className="req-dot" />
      {narrow ? (
        <text x={12} y={y} className="tiny stalled-label">
          {who},
          <tspan x={24} dy={13}>
            {when}
          </tspan>
        </text>
      ) : (
        <text x={12} y={y} className="tiny stalled-label">
          {who}, {when}
        </text>
      )}
    </g>
  );
}

export function Dot({ f, l, now }: { f: InFlightView; l: CastLayout; now: number }) {
  if (!f.pod || !l.nodes[f.pod]) return null;
  const arc = arcBetween(l, f.from, f.pod);
  const span = f.arriveAt === null ? 0 : f.arriveAt - f.sentAt;
  const frac = f.arriveAt === null ? 0.5 : span <= 0 ? 1 : Math.min(1, (now - f.sentAt) / span);
  const p = onArc(arc, frac);
  return (
    <g transform={`translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`} className="call-dot">
      <circle r={5} className="req-dot" />
    </g>
  );
}
