import { walkView, type MeshSource } from '../../engine/mesh/views';
import { jsonKey, useSimSelect } from '../../runtime/context';

const where = (pod: string | null, side: string): string =>
  pod === null
    ? 'network'
    : side === 'app'
      ? `${pod} app`
      : side === 'kernel'
        ? `${pod} kernel`
        : `${pod} Envoy`;

/**
 * The followed connection as a numbered list (the text alternative of the walk diagram): every
 * hop reached so far, where it happened and its title; the current hop with its full detail.
 */
export function WalkHops() {
  const v = useSimSelect((sim: MeshSource) => {
    const w = walkView(sim);
    return w
      ? {
          from: w.walk.from,
          to: w.walk.to,
          port: w.walk.port,
          total: w.walk.hops.length,
          done: w.done,
          outcome: w.walk.outcome,
          hops: w.shown.map((h) => ({
            n: h.n,
            at: h.at,
            pod: h.pod,
            side: h.side,
            title: h.title,
            detail: h.detail,
          })),
        }
      : null;
  }, jsonKey);
  if (!v)
    return (
      <p className="walk-empty" data-testid="walk-hops">
        No request followed yet: press Step ▶, or “Follow one request” below.
      </p>
    );
  const t0 = v.hops[0]?.at ?? 0;
  return (
    <section aria-label="Hops of the followed request" data-testid="walk-hops">
      <h3>
        {v.from} → {v.to === 'external' ? 'a host outside the mesh' : v.to}:{v.port} — hop{' '}
        {v.hops.length} of {v.total}
        {v.done ? `: ${v.outcome}` : ''}
      </h3>
      <ol className="walk-hops">
        {v.hops.map((h, i) => {
          const current = i === v.hops.length - 1;
          return (
            <li
              key={h.n}
              className={current ? 'current' : undefined}
              aria-current={current ? 'step' : undefined}
            >
              <span className="where">
                +{((h.at - t0) / 1000).toFixed(3)} ms · {where(h.pod, h.side)}
              </span>{' '}
              {h.title}
              {current && <span className="hop-detail">{h.detail}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
