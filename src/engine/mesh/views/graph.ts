/**
 * Selectors of the call-graph traffic model (scenes 6–8), all over the statistics window (since
 * the last `traffic.mark`, or the start) unless said otherwise: latency percentiles and shares per
 * host of a service, the success rate users see at web-1, the retry amplification (attempts that
 * reached a service's pods per user request), circuit-breaker overflows per limit, a sidecar's
 * connection pool, the load generator's run, and the closed windows for comparison. Each returns
 * null (or empty rows) when the mesh does not run the call-graph model.
 */
import type { SimTime } from '../../core/time';
import { active } from '../blobs';
import type { BreakerLimit } from '../contract';
import { percentilesMs } from '../../traffic/graph/stats';
import type { Histogram, StatsWindow } from '../../traffic/graph/types';
import { memoBySim, memoBySimWith, type MeshSource } from './memo';

/** p50 / p90 / p99 in ms (0 when there is no sample). */
export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
}

const pcts = (h: Histogram): Percentiles => {
  const [p50 = 0, p90 = 0, p99 = 0] = percentilesMs(h, [50, 90, 99]);
  return { p50, p90, p99 };
};

/** One host of a service: attempts it got, its share, successes and attempt latency. */
export interface HostLatencyRow extends Percentiles {
  host: string;
  attempts: number;
  /** attempts / all attempts to the service's pods. */
  share: number;
  ok: number;
}

/** Calls to a service as the calling apps saw them (retries included), and per host. */
export interface ServiceLatencyView {
  service: string;
  label: string;
  since: SimTime;
  calls: Percentiles & { done: number; ok: number };
  hosts: HostLatencyRow[];
}

/** The summary of one window for one service. */
export interface WindowSummary {
  label: string;
  since: SimTime;
  until: SimTime;
  seconds: number;
  users: Percentiles & { issued: number; done: number; ok: number; successRate: number | null };
  service: ServiceLatencyView;
  /** Attempts that reached the service's pods per user request (null before any user request). */
  amplification: number | null;
  attemptsPerSecond: number;
  userRequestsPerSecond: number;
  overflow: Record<BreakerLimit, number>;
}

function serviceView(w: StatsWindow, service: string): ServiceLatencyView {
  const c = w.calls[service];
  const total = w.attempts[service] ?? 0;
  const hosts = Object.keys(w.hosts)
    .filter((h) => w.hosts[h]?.service === service)
    .sort()
    .map((host): HostLatencyRow => {
      const x = w.hosts[host] as StatsWindow['hosts'][string];
      return {
        host,
        attempts: x.attempts,
        share: total > 0 ? x.attempts / total : 0,
        ok: x.ok,
        ...pcts(x.latency),
      };
    });
  return {
    service,
    label: w.label,
    since: w.since,
    calls: { done: c?.done ?? 0, ok: c?.ok ?? 0, ...pcts(c?.latency ?? {}) },
    hosts,
  };
}

/** A window summarised for `service`, up to `until`. */
export function summarize(w: StatsWindow, service: string, until: SimTime): WindowSummary {
  const seconds = Math.max(0, (until - w.since) / 1_000_000);
  const u = w.users;
  const attempts = w.attempts[service] ?? 0;
  return {
    label: w.label,
    since: w.since,
    until,
    seconds,
    users: {
      issued: u.issued,
      done: u.done,
      ok: u.ok,
      successRate: u.done > 0 ? u.ok / u.done : null,
      ...pcts(w.userLatency),
    },
    service: serviceView(w, service),
    amplification: u.issued > 0 ? attempts / u.issued : null,
    attemptsPerSecond: seconds > 0 ? attempts / seconds : 0,
    userRequestsPerSecond: seconds > 0 ? u.issued / seconds : 0,
    overflow: { ...w.overflow },
  };
}

/** Latency and share per host of `service`, and its calls, in the current window. */
export const serviceLatency: (sim: MeshSource, service: string) => ServiceLatencyView | null =
  memoBySimWith(
    (service: string) => service,
    (sim, service) => {
      const g = sim.state.traffic.graph;
      return g ? serviceView(g.window, service) : null;
    },
  );

/** The current window summarised for `service` (default payments): users, latency, amplification. */
export const windowSummary: (sim: MeshSource, service?: string) => WindowSummary | null =
  memoBySimWith(
    (service = 'payments') => service,
    (sim, service = 'payments') => {
      const g = sim.state.traffic.graph;
      return g ? summarize(g.window, service, sim.now) : null;
    },
  );

/** Closed windows (oldest first), then the current one, summarised for `service`. */
export const windowHistory: (sim: MeshSource, service?: string) => WindowSummary[] = memoBySimWith(
  (service = 'payments') => service,
  (sim, service = 'payments') => {
    const g = sim.state.traffic.graph;
    if (!g) return [];
    const all = [...g.history, g.window];
    return all.map((w, i) => summarize(w, service, all[i + 1]?.since ?? sim.now));
  },
);

/** One host's pool in a sidecar's cluster. */
export interface PoolHostRow {
  host: string;
  connecting: number;
  idle: number;
  busy: number;
  pending: number;
  /** Active requests this sidecar has on the host (what LEAST_REQUEST compares). */
  active: number;
}

/** A sidecar's connection pool and circuit breakers for one cluster, now. */
export interface PoolView {
  pod: string;
  cluster: string;
  limits: Record<BreakerLimit, number> | null;
  active: number;
  pending: number;
  connections: number;
  activeRetries: number;
  /** Envoy's overflow counters since the sidecar started. */
  overflow: Record<BreakerLimit, number>;
  hosts: PoolHostRow[];
}

/** `pod`'s pool for `cluster` (empty counts before its first request). */
export const poolView: (sim: MeshSource, pod: string, cluster: string) => PoolView = memoBySimWith(
  (pod: string, cluster: string) => `${pod} ${cluster}`,
  (sim, pod, cluster) => {
    const sc = sim.state.sidecars[pod];
    const rt = sc?.traffic.clusters[cluster];
    const cb = sc ? active(sc, 'CDS', cluster)?.circuit_breakers : undefined;
    const o = rt?.overflow ?? {};
    const hosts = Object.keys(rt?.pools ?? {})
      .sort()
      .map((host): PoolHostRow => {
        const p = rt?.pools?.[host];
        const n = (s: string): number => p?.conns.filter((c) => c.state === s).length ?? 0;
        return {
          host,
          connecting: n('connecting'),
          idle: n('idle'),
          busy: n('busy'),
          pending: p?.pending.length ?? 0,
          active: rt?.hostActive[host] ?? 0,
        };
      });
    return {
      pod,
      cluster,
      limits: cb ? { ...cb } : null,
      active: rt?.active ?? 0,
      pending: rt?.pending ?? 0,
      connections: rt?.connections ?? 0,
      activeRetries: rt?.activeRetries ?? 0,
      overflow: {
        max_connections: o.max_connections ?? 0,
        max_pending_requests: o.max_pending_requests ?? 0,
        max_requests: o.max_requests ?? 0,
        max_retries: o.max_retries ?? 0,
      },
      hosts,
    };
  },
);

/** The load generator's current (or last) run, fortio's numbers. */
export interface LoadView extends Percentiles {
  from: string;
  service: string;
  connections: number;
  qps: number;
  requests: number;
  sent: number;
  done: number;
  byCode: Record<string, number>;
  running: boolean;
  /** Calls finished per second of the run so far. */
  actualQps: number;
}

/** The load run (null before any). */
export const loadView: (sim: MeshSource) => LoadView | null = memoBySim((sim) => {
  const r = sim.state.traffic.graph?.load;
  if (!r) return null;
  const secs = ((r.end ?? sim.now) - r.start) / 1_000_000;
  return {
    from: r.from,
    service: r.service,
    connections: r.connections,
    qps: r.qps,
    requests: r.requests,
    sent: r.sent,
    done: r.done,
    byCode: { ...r.byCode },
    running: r.end === null,
    actualQps: secs > 0 ? Math.round((r.done / secs) * 10) / 10 : 0,
    ...pcts(r.latency),
  };
});
