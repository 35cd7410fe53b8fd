/**
 * Scene 13's golden signals, read from the sidecars' metrics (traffic/graph/observe.ts) as a
 * Prometheus query would: per destination service and reporter, the request rate over the last
 * `windowS` seconds (`rate(istio_requests_total[…])`), the error share (status ≥ 400 or no
 * response) and p50/p90/p99 by `histogram_quantile` over Envoy's default buckets (linear
 * interpolation inside the bucket the rank falls in; the +Inf bucket answers its lower bound).
 * A per-second series (requests and errors) feeds the sparklines. docs/fidelity.md §5.
 */
import { SECOND } from '../../core/time';
import { ENVOY_BUCKETS_MS, type ObsBin, type ObsCell } from '../../traffic/graph/observe';
import { memoBySimWith, type MeshSource } from './memo';

export type Reporter = 'source' | 'destination';

/** One reporter's signals for one service. */
export interface ReporterSignals {
  requests: number;
  errors: number;
  /** Requests per second over the window. */
  rps: number;
  errorRate: number;
  p50Ms: number | null;
  p90Ms: number | null;
  p99Ms: number | null;
  /** Requests and errors per second, oldest first (`seriesS` points; the current second excluded). */
  series: { n: number; err: number }[];
}

export interface ServiceSignalsView {
  service: string;
  source: ReporterSignals;
  destination: ReporterSignals;
}

/** The services in call-graph order. */
export const OBSERVED_SERVICES = ['cart', 'catalog', 'checkout', 'inventory', 'payments'] as const;

/** Prometheus' histogram_quantile over one cumulative-able bucket list (counts per bucket). */
export function histogramQuantile(q: number, buckets: readonly number[]): number | null {
  const total = buckets.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = q * total;
  let acc = 0;
  for (let i = 0; i < buckets.length; i++) {
    const n = buckets[i] ?? 0;
    if (acc + n >= rank && n > 0) {
      const upper = ENVOY_BUCKETS_MS[i];
      const lower = i === 0 ? 0 : (ENVOY_BUCKETS_MS[i - 1] ?? 0);
      if (upper === undefined) return lower; // the +Inf bucket
      return lower + (upper - lower) * ((rank - acc) / n);
    }
    acc += n;
  }
  return null;
}

function sumCells(cells: (ObsCell | undefined)[]): ObsCell {
  const out = new Array<number>(ENVOY_BUCKETS_MS.length + 3).fill(0);
  for (const c of cells)
    if (c) for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) + (c[i] ?? 0);
  return out;
}

function signals(
  bins: readonly ObsBin[],
  reporter: Reporter,
  service: string,
  nowSec: number,
  windowS: number,
  seriesS: number,
): ReporterSignals {
  const bySec = new Map(bins.map((b) => [b.sec, b[reporter][service]]));
  const inWindow: (ObsCell | undefined)[] = [];
  for (let s = nowSec - windowS; s < nowSec; s++) inWindow.push(bySec.get(s));
  const sum = sumCells(inWindow);
  const requests = sum[0] ?? 0;
  const errors = sum[1] ?? 0;
  const buckets = sum.slice(2);
  const series: { n: number; err: number }[] = [];
  for (let s = nowSec - seriesS; s < nowSec; s++) {
    const c = bySec.get(s);
    series.push({ n: c?.[0] ?? 0, err: c?.[1] ?? 0 });
  }
  return {
    requests,
    errors,
    rps: requests / windowS,
    errorRate: requests > 0 ? errors / requests : 0,
    p50Ms: histogramQuantile(0.5, buckets),
    p90Ms: histogramQuantile(0.9, buckets),
    p99Ms: histogramQuantile(0.99, buckets),
    series,
  };
}

/** Golden signals per service over the last `windowS` whole seconds (both reporters). */
export const goldenSignalsByReporter = memoBySimWith(
  (windowS: number = 10, seriesS: number = 30) => `${windowS}/${seriesS}`,
  (sim: MeshSource, windowS: number = 10, seriesS: number = 30): ServiceSignalsView[] => {
    const bins = sim.state.traffic.graph?.observe?.bins ?? [];
    const nowSec = Math.floor(sim.now / SECOND);
    return OBSERVED_SERVICES.map((service) => ({
      service,
      source: signals(bins, 'source', service, nowSec, windowS, seriesS),
      destination: signals(bins, 'destination', service, nowSec, windowS, seriesS),
    }));
  },
);
