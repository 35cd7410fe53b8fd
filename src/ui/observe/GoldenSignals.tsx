import { Fragment } from 'react';
import { goldenSignalsByReporter, type ReporterSignals } from '../../engine/mesh/views/observe';
import type { MeshSource } from '../../engine/mesh/views';
import { jsonKey, useRuntime } from '../../runtime/context';
import { useCoarseSim } from '../useCoarse';
import './observe.css';

const ms = (x: number | null): string =>
  x === null ? '–' : x < 10 ? x.toFixed(1) : String(Math.round(x));

/** Requests (bars) and errors (red part) per second over the last 30 s. */
function Spark({ s }: { s: ReporterSignals }) {
  const max = Math.max(1, ...s.series.map((p) => p.n));
  const w = 3;
  return (
    <svg className="obs-spark" viewBox={`0 0 ${s.series.length * w} 20`} aria-hidden="true">
      {s.series.map((p, i) => {
        const h = (18 * p.n) / max;
        const e = (18 * p.err) / max;
        return (
          <g key={i}>
            <rect className="obs-spark-n" x={i * w} y={20 - h} width={w - 0.6} height={h} />
            {e > 0 && (
              <rect className="obs-spark-err" x={i * w} y={20 - e} width={w - 0.6} height={e} />
            )}
          </g>
        );
      })}
    </svg>
  );
}

function Cells({ s }: { s: ReporterSignals }) {
  const bad = s.errorRate >= 0.05;
  return (
    <>
      <td className="num">{s.rps.toFixed(1)}</td>
      <td className={`num${bad ? ' obs-bad' : ''}`}>{`${Math.round(s.errorRate * 100)}%`}</td>
      <td className="num">{ms(s.p50Ms)}</td>
      <td className="num">{ms(s.p90Ms)}</td>
      <td className="num">{ms(s.p99Ms)}</td>
      <td>
        <Spark s={s} />
      </td>
    </>
  );
}

/**
 * Golden signals per service and reporter [1]: the rate of istio_requests_total over the last
 * 10 s, the error share, and p50/p90/p99 from the duration histogram's buckets.
 */
export function GoldenSignals() {
  const { idPrefix } = useRuntime();
  const rows = useCoarseSim((sim: MeshSource) => goldenSignalsByReporter(sim, 10), jsonKey);
  const id = `${idPrefix}-golden`;
  return (
    <section className="obs-card" aria-labelledby={id} data-testid="golden-signals">
      <h3 id={id}>Golden signals, last 10 s</h3>
      <p className="hint">
        <code>rate(istio_requests_total[10s])</code> by <code>destination_service</code> and{' '}
        <code>reporter</code>; errors = status ≥ 400 or none; latency in ms by{' '}
        <code>histogram_quantile</code> over Envoy’s buckets (0.5, 1, 5, 10, 25, 50, 100, 250 …).
      </p>
      <div className="obs-scroll">
        <table className="obs-table">
          <thead>
            <tr>
              <th scope="col">service</th>
              <th scope="col">reporter</th>
              <th scope="col">req/s</th>
              <th scope="col">errors</th>
              <th scope="col">p50</th>
              <th scope="col">p90</th>
              <th scope="col">p99</th>
              <th scope="col">last 30 s</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Fragment key={r.service}>
                <tr data-service={r.service} data-reporter="source">
                  <th scope="row" rowSpan={2}>
                    {r.service}
                  </th>
                  <td>source</td>
                  <Cells s={r.source} />
                </tr>
                <tr data-service={r.service} data-reporter="destination">
                  <td>destination</td>
                  <Cells s={r.destination} />
                </tr>
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// [1] Each call is counted by both sidecars: the gap between the two rows is the evidence —
//     errors only at "source" were made by the caller's Envoy (FI, UH, UO, NR...), errors at both
//     came from the app; latency only at "source" was added before the call left (DI).
