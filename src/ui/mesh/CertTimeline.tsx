import './certTimeline.css';
import { certTimeline, type CertTimelineView, type MeshSource } from '../../engine/mesh/views';
import { jsonKey, useRuntime, useSimSelect } from '../../runtime/context';
import { useUi } from '../../store/uiStore';

const H = 3_600_000_000;
/** The chart shows 24 h back and 24 h ahead of now. */
const BACK = 24 * H;
const AHEAD = 24 * H;
const LABEL_W = 104;
const PLOT_W = 420;
const ROW_H = 22;
const TOP = 22;

const h = (us: number): string => `${(us / H).toFixed(1)} h`;
/** The colour class of a key: the first key, then the next, alternating. */
const tone = (v: CertTimelineView, key: string | null): string => {
  const keys = [...new Set(v.roots.map((r) => r.key))];
  return `cert-key-${key === null ? 0 : keys.indexOf(key) % 3}`;
};

/** A point on the chart's time axis (clamped to the plot). */
const xOf = (v: CertTimelineView, t: number): number =>
  LABEL_W + Math.max(0, Math.min(1, (t - (v.now - BACK)) / (BACK + AHEAD))) * PLOT_W;

/**
 * Each workload's current certificate on a timeline: issued, renew-at (the tick) and expiry,
 * coloured by the key that signed it; the dashed line is now [1]. A table below says the same.
 */
export function CertTimeline() {
  const { ui } = useRuntime();
  const selected = useUi(ui, (s) => s.selected);
  const v = useSimSelect((sim: MeshSource) => certTimeline(sim), jsonKey);
  const height = TOP + v.rows.length * ROW_H + 6;
  const nowX = xOf(v, v.now);
  const ticks = [-24, -12, 0, 12, 24];
  return (
    <figure className="cert-timeline" aria-labelledby="cert-timeline-caption">
      <figcaption id="cert-timeline-caption">
        Workload certificates, 24 h back to 24 h ahead (bar: issued → expiry; tick: renew-at)
      </figcaption>
      <svg viewBox={`0 0 ${LABEL_W + PLOT_W + 8} ${height}`} aria-hidden="true">
        {ticks.map((d) => (
          <g key={d}>
            <line
              x1={xOf(v, v.now + d * H)}
              x2={xOf(v, v.now + d * H)}
              y1={TOP - 4}
              y2={height}
              className={d === 0 ? 'cert-now' : 'cert-grid'}
            />
            <text
              x={xOf(v, v.now + d * H)}
              y={12}
              className="cert-axis"
              textAnchor={d === 24 ? 'end' : d === -24 ? 'start' : 'middle'}
            >
              {d === 0 ? 'now' : `${d > 0 ? '+' : '−'}${Math.abs(d)} h`}
            </text>
          </g>
        ))}
        {v.rows.map((r, i) => {
          const y = TOP + i * ROW_H;
          return (
            <g key={r.pod} className={r.pod === selected ? 'cert-row selected' : 'cert-row'}>
              <text x={4} y={y + 14} className="cert-pod">
                {r.pod}
              </text>
              {r.issuedAt !== null && r.expiresAt !== null && (
                <>
                  <rect
                    x={xOf(v, r.issuedAt)}
                    y={y + 3}
                    width={Math.max(1, xOf(v, r.expiresAt) - xOf(v, r.issuedAt))}
                    height={ROW_H - 8}
                    rx={3}
                    className={`cert-bar ${tone(v, r.key)}${r.expired ? ' expired' : ''}`}
                  />
                  {r.rotateAt !== null && (
                    <line
                      x1={xOf(v, r.rotateAt)}
                      x2={xOf(v, r.rotateAt)}
                      y1={y}
                      y2={y + ROW_H - 2}
                      className="cert-renew"
                    />
                  )}
                  {r.expiresAt > v.now - BACK && (
                    <text
                      x={Math.min(xOf(v, r.issuedAt) + 4, LABEL_W + PLOT_W - 60)}
                      y={y + 14}
                      className="cert-bar-label"
                    >
                      {`#${r.serial} ${r.rootId ?? ''}${r.expired ? ' expired' : ''}`}
                    </text>
                  )}
                </>
              )}
            </g>
          );
        })}
        <line x1={nowX} x2={nowX} y1={TOP - 4} y2={height} className="cert-now" />
      </svg>
      <CertTable v={v} selected={selected} />
    </figure>
  );
}

/** The timeline in words: each certificate's times relative to now, its root and key, its trust. */
function CertTable({ v, selected }: { v: CertTimelineView; selected: string | null }) {
  const rel = (t: number | null) =>
    t === null ? '—' : t >= v.now ? `in ${h(t - v.now)}` : `${h(v.now - t)} ago`;
  const signingKey = v.roots.find((r) => r.id === v.signingRootId)?.key;
  return (
    <>
      <p className="cert-ca">
        CA: signing root <strong>{v.signingRootId}</strong>
        {signingKey !== v.signingRootId && ` (${signingKey}’s key)`}; trust bundle
        (istio-ca-root-cert) <strong data-testid="ca-bundle">{v.bundle.join(' + ')}</strong>; Istiod{' '}
        {v.istiodUp ? 'up' : 'down (no certificate can be signed)'}
      </p>
      <div
        className="cert-table-wrap"
        role="region"
        aria-label="Certificates as a table"
        tabIndex={0}
      >
        <table className="cert-table" data-testid="cert-table">
          <caption>Each workload’s current certificate, times relative to now</caption>
          <thead>
            <tr>
              <th scope="col">pod</th>
              <th scope="col">cert</th>
              <th scope="col">issued</th>
              <th scope="col">renews</th>
              <th scope="col">expires</th>
              <th scope="col">signed by</th>
              <th scope="col">ROOTCA</th>
            </tr>
          </thead>
          <tbody>
            {v.rows.map((r) => (
              <tr key={r.pod} className={r.pod === selected ? 'selected' : undefined}>
                <th scope="row">{r.pod}</th>
                <td>{r.serial === null ? 'none yet' : `#${r.serial}`}</td>
                <td>{rel(r.issuedAt)}</td>
                <td>
                  {r.retrying ? 'retrying (CA unavailable)' : r.expired ? '—' : rel(r.rotateAt)}
                </td>
                <td className={r.expired ? 'cert-expired' : undefined}>
                  {r.expired ? `expired ${rel(r.expiresAt)}` : rel(r.expiresAt)}
                </td>
                <td>
                  {r.rootId === null
                    ? '—'
                    : r.key === r.rootId
                      ? r.rootId
                      : `${r.rootId} (${r.key}’s key)`}
                </td>
                <td>{r.trust.join(' + ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

// [1] Colour is never the only cue: each bar's label names its certificate and root, and the
//     table gives every time and key in words.
