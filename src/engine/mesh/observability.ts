/**
 * Scene 13's read-outs: golden signals per service from the sidecars' metrics
 * (`istio_requests_total` with reporter="source", `istio_request_duration_milliseconds`), and
 * access-log lines in Istio's default text format built from the trace.
 * Simplified: percentiles are bucket upper bounds (as Prometheus' histogram_quantile roughly
 * gives); byte counts, user agent, forwarded-for and the request id are not modelled ("-").
 */
import { LATENCY_BUCKETS_MS } from '../traffic/finish';
import { rfc3339Millis } from './format';
import type { MeshSim } from './types';

/** Golden signals of one destination service. */
export interface ServiceSignals {
  service: string;
  requests: number;
  errors: number;
  errorRate: number;
  p50Ms: number | null;
  p90Ms: number | null;
  p99Ms: number | null;
}

function quantileFromBuckets(h: readonly number[], q: number): number | null {
  const total = h.reduce((a, b) => a + b, 0);
  if (!total) return null;
  let acc = 0;
  for (let i = 0; i < h.length; i++) {
    acc += h[i] ?? 0;
    if (acc >= q * total) return LATENCY_BUCKETS_MS[i] ?? Infinity;
  }
  return null;
}

/** Requests, errors and latency percentiles per destination service (source reporter). */
export function goldenSignals(sim: MeshSim): ServiceSignals[] {
  const t = sim.state.traffic;
  const by = new Map<string, { requests: number; errors: number }>();
  for (const [key, n] of Object.entries(t.requestsTotal)) {
    const [reporter, , service = '', , code = '0'] = key.split('|');
    if (reporter !== 'source') continue;
    const e = by.get(service) ?? { requests: 0, errors: 0 };
    e.requests += n;
    if (Number(code) >= 500 || Number(code) === 0) e.errors += n;
    by.set(service, e);
  }
  return [...by.keys()].sort().map((service) => {
    const e = by.get(service) ?? { requests: 0, errors: 0 };
    const h = t.latency[service] ?? [];
    return {
      service,
      ...e,
      errorRate: e.requests ? e.errors / e.requests : 0,
      p50Ms: quantileFromBuckets(h, 0.5),
      p90Ms: quantileFromBuckets(h, 0.9),
      p99Ms: quantileFromBuckets(h, 0.99),
    };
  });
}

/** %RESPONSE_CODE_DETAILS% per (first) response flag, as Envoy writes them. */
const DETAILS: Record<string, string> = {
  '-': 'via_upstream',
  UH: 'no_healthy_upstream',
  UF: 'upstream_reset_before_response_started{connection_failure}',
  UO: 'upstream_reset_before_response_started{overflow}',
  UC: 'upstream_reset_before_response_started{connection_termination}',
  UT: 'response_timeout',
  NR: 'route_not_found',
  NC: 'cluster_not_found',
  FI: 'fault_filter_abort',
  DI: 'via_upstream',
  DC: 'downstream_remote_disconnect',
};

/** The last `n` access-log lines of `pod`'s sidecar (outbound requests it made), oldest first. */
export function accessLog(sim: MeshSim, pod: string, n = 20): string[] {
  const out: string[] = [];
  const entries = sim.trace.recent();
  for (let i = entries.length - 1; i >= 0 && out.length < n; i--) {
    const e = entries[i];
    if (e?.type !== 'request.done' || e.from !== pod) continue;
    const host = sim.state.pods[e.to];
    const upstream = host ? `${host.ip}:${host.port}` : '-';
    const dur = Math.round((e.t - e.start) / 1000);
    const details = DETAILS[e.flags.split(',')[0] ?? '-'] ?? '-';
    const svc = host?.service ?? e.to;
    out.push(
      `[${rfc3339Millis(e.start)}] "GET / HTTP/1.1" ${e.code} ${e.flags} ${details} - "-" 0 0 ${dur} ${dur} "-" "-" "req-${e.id}" "${svc}:8080" "${upstream}" ${e.cluster || '-'} - - - - ${e.cluster ? 'default' : '-'}`,
    );
  }
  return out.reverse();
}
