/**
 * The call-graph traffic model's part of the contract (contract.ts re-exports it): its options,
 * commands and trace entries (scenes 6–8). Pod names are plain strings (as `PodName` is).
 */
import type { SimTime } from '../core/time';

/** A circuit-breaker threshold of an Envoy cluster (DestinationRule connectionPool). */
export type BreakerLimit =
  'max_connections' | 'max_pending_requests' | 'max_requests' | 'max_retries';

/**
 * Traffic model. Absent: independent Poisson generators per edge (`perEdgeRps`). `graph`: a
 * dependent call graph (src/engine/traffic/graph): user requests arrive at web-1 at `userRps`
 * (default 10); each app waits for its downstream calls; failures propagate up. `detail` adds the
 * per-attempt, per-pick, per-pool and per-outlier-response entries (scenes 6–8); `connectMs` is
 * the mean time to open an upstream connection (TCP + mTLS, default 0.5 ms, each drawn uniformly
 * within ±50%); `workers`: each app does its own work for at most this many requests at once, the
 * others wait in line (default 0: no limit), so a slow pod also gets a queue under load.
 */
export interface GraphTrafficOptions {
  mode: 'graph';
  userRps?: number;
  detail?: boolean;
  connectMs?: number;
  workers?: number;
  /** Scene 13: per-reporter request metrics in one-second bins (traffic/graph/observe.ts). */
  observe?: boolean;
}

/** The call-graph model's commands. */
export type GraphCommand =
  /** Call-graph mode: every pod of `service` answers 503 to a share of requests (0 = healthy). */
  | { kind: 'service.fail'; service: string; share: number }
  /** Call-graph mode: user requests per second arriving at web-1 (Poisson). */
  | { kind: 'traffic.users'; rps: number }
  /**
   * Call-graph mode: a fortio-like closed-loop client in `from`'s app calls `service`:
   * `connections` loops (fortio `-c`), each sending its next request when the previous one has
   * finished, paced to `qps` in total (`-qps`; 0 = as fast as possible), `requests` in total
   * (`-n`; 0 = until `load.stop`). A new run replaces a running one.
   */
  | {
      kind: 'load.start';
      from: string;
      service: string;
      connections: number;
      qps: number;
      requests: number;
    }
  /** Stops the load generator (its loops send nothing more; calls in flight finish). */
  | { kind: 'load.stop' }
  /**
   * Call-graph mode: closes the statistics window (latency per host, attempts per service,
   * overflows) and opens a new one named `label`; the closed window is kept for comparison.
   */
  | { kind: 'traffic.mark'; label?: string };

/** The call-graph model's trace entries. */
export type GraphTrace =
  /**
   * Call-graph detail: `pod`'s outlier detector saw a response `code` from `host`: the
   * consecutive-5xx counter (`consecutive` of `threshold`) and what it decided: `reset` (a
   * success), `count`, `eject`, `maxEjectionPercent` (would eject, but the limit forbids it) or
   * `ejected` (the host is already out).
   */
  | {
      t: SimTime;
      type: 'outlier.response';
      pod: string;
      cluster: string;
      host: string;
      code: number;
      consecutive: number;
      threshold: number;
      decision: 'reset' | 'count' | 'eject' | 'maxEjectionPercent' | 'ejected';
    }
  /** An interval tick found `host` clean: Envoy lowers its ejection-time multiplier by one. */
  | {
      t: SimTime;
      type: 'outlier.decremented';
      pod: string;
      cluster: string;
      host: string;
      multiplier: number;
    }
  /**
   * Call-graph detail: `pod`'s load balancer chose `chosen` for attempt `attempt` of request
   * `id`: `hosts` are the healthy (not ejected) hosts with the active requests this sidecar has
   * on each; `sampled` the two random choices of LEAST_REQUEST; `key` the RING_HASH key;
   * `avoided` hosts re-picked away from by the retry predicate previous_hosts.
   */
  | {
      t: SimTime;
      type: 'lb.pick';
      pod: string;
      id: number;
      attempt: number;
      cluster: string;
      policy: string;
      hosts: { host: string; active: number }[];
      sampled?: string[];
      key?: string;
      avoided?: string[];
      chosen: string;
    }
  /**
   * Call-graph detail: `pod`'s connection pool for `host` in `cluster` took request `id`:
   * `reuse` (an idle connection), `connect` (pending while a new connection opens), `queue`
   * (pending until a connection frees up) or `dequeue` (a pending request got a connection after
   * `waitedMs`). Counts are the cluster's after the decision.
   */
  | {
      t: SimTime;
      type: 'pool.admit';
      pod: string;
      id: number;
      cluster: string;
      host: string;
      decision: 'reuse' | 'connect' | 'queue' | 'dequeue';
      active: number;
      pending: number;
      connections: number;
      waitedMs?: number;
    }
  /**
   * A circuit breaker of `pod`'s `cluster` overflowed for request `id`: `limit` at `threshold`.
   * `result`: the request failed with 503 UO, waits as pending (max_connections), or its retry
   * was not sent (max_retries: the response is returned with flag UO).
   */
  | {
      t: SimTime;
      type: 'pool.overflow';
      pod: string;
      id: number;
      cluster: string;
      host: string;
      limit: BreakerLimit;
      threshold: number;
      /** The limited count when it overflowed (pending, active requests, connections, retries). */
      current: number;
      result: '503 UO' | 'queued' | 'not retried';
    }
  /**
   * Call-graph detail: attempt `attempt` (0 = the first try) of request `id` from `pod` to
   * `host` ended with `code` and `flags`; `decision`: `retry` (after `backoffMs`), `return` (the
   * response goes to the app), `exhausted` (retriable, no retries left: URX), `overflow`
   * (retriable, max_retries reached: UO) or `routeTimeout` (the route timeout ended it).
   */
  | {
      t: SimTime;
      type: 'attempt.done';
      pod: string;
      id: number;
      attempt: number;
      cluster: string;
      host: string;
      code: number;
      flags: string;
      decision: 'retry' | 'return' | 'exhausted' | 'overflow' | 'routeTimeout';
      retriesLeft: number;
      backoffMs?: number;
    }
  /** The load generator's run from `pod` to `service` ended: fortio's summary. */
  | {
      t: SimTime;
      type: 'load.done';
      pod: string;
      service: string;
      requests: number;
      byCode: Record<string, number>;
      p50Ms: number;
      p90Ms: number;
      p99Ms: number;
      qps: number;
    };
