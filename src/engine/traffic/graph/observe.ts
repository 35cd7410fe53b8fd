/**
 * Scene 13's sidecar metrics in the call-graph mode (`traffic.observe`): what each Envoy's Istio
 * stats filter records when a call finishes — `istio_requests_total` and
 * `istio_request_duration_milliseconds` once with `reporter="source"` (the caller's sidecar) and
 * once with `reporter="destination"` (the callee's sidecar, only if the call reached it) — kept
 * per destination service in one-second bins (the last 30), so a view can compute rates and
 * percentiles over a window as Prometheus' `rate()` and `histogram_quantile()` do.
 * Only present with the option, so the other scenes' state is unchanged. docs/fidelity.md §5.
 */
import { SECOND } from '../../core/time';
import type { MeshSim } from '../../mesh/types';
import type { Request } from '../types';
import type { GraphState } from './types';

/** Envoy's default histogram buckets (ms), which Istio's duration histogram uses. */
export const ENVOY_BUCKETS_MS = [
  0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000,
  1800000, 3600000,
] as const;

/** One reporter's numbers for one service in one bin: [requests, errors, ...buckets (+Inf last)]. */
export type ObsCell = number[];

/** One second of metrics: per destination service, the source and destination reporters. */
export interface ObsBin {
  sec: number;
  source: Record<string, ObsCell>;
  destination: Record<string, ObsCell>;
}

/** The recorder's state (in `GraphState.observe`). */
export interface ObserveState {
  bins: ObsBin[];
}

/** Bins kept (seconds). */
export const OBS_BINS = 30;

/** A fresh recorder. */
export const newObserve = (): ObserveState => ({ bins: [] });

function bucketIndex(msVal: number): number {
  for (let i = 0; i < ENVOY_BUCKETS_MS.length; i++)
    if (msVal <= (ENVOY_BUCKETS_MS[i] as number)) return i;
  return ENVOY_BUCKETS_MS.length;
}

function add(cells: Record<string, ObsCell>, service: string, error: boolean, us: number): void {
  let c = cells[service];
  if (!c) {
    c = new Array<number>(ENVOY_BUCKETS_MS.length + 3).fill(0);
    cells[service] = c;
  }
  c[0] = (c[0] ?? 0) + 1;
  if (error) c[1] = (c[1] ?? 0) + 1;
  const b = 2 + bucketIndex(us / 1000);
  c[b] = (c[b] ?? 0) + 1;
}

/** The bin of the current second (opened on demand; old bins dropped). */
function binNow(o: ObserveState, now: number): ObsBin {
  const sec = Math.floor(now / SECOND);
  const last = o.bins[o.bins.length - 1];
  if (last && last.sec === sec) return last;
  const bin: ObsBin = { sec, source: {}, destination: {} };
  o.bins.push(bin);
  while (o.bins.length > OBS_BINS) o.bins.shift();
  return bin;
}

/**
 * A call finished with `code`: the source sidecar (if the caller has one) counts it with its
 * whole duration; the destination sidecar counts it if the last attempt reached it, from the
 * moment that attempt arrived. An error is a status ≥ 400 or no response at all.
 */
export function recordObserved(sim: MeshSim, g: GraphState, rq: Request, code: number): void {
  const o = g.observe;
  if (!o) return;
  const bin = binNow(o, sim.now);
  const error = code === 0 || code >= 400;
  if (sim.state.pods[rq.from]?.injected) add(bin.source, rq.to, error, sim.now - rq.start);
  if (rq.reached) add(bin.destination, rq.to, error, sim.now - rq.attemptSentAt);
}
