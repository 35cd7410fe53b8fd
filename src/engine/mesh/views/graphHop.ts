/**
 * How a sidecar sends calls to a service now, read from its ACTIVE routes and clusters (scenes
 * 6–7): the route's retry policy and timeout, the cluster's load-balancing policy and hash key.
 */
import { active } from '../blobs';
import { outboundRouteConfig, vhostFor } from '../../traffic/routing';
import { memoBySimWith, type MeshSource } from './memo';

/** How `pod`'s Envoy sends calls to `service` now (its ACTIVE routes and cluster, scenes 6–7). */
export interface HopPolicy {
  pod: string;
  service: string;
  /** The catch-all route's cluster (the first of weighted clusters), null without a route. */
  cluster: string | null;
  lbPolicy: string | null;
  /** The RING_HASH key's header (route hash_policy), else null. */
  hashHeader: string | null;
  /** The route timeout in ms (0: none, Istio's default). */
  timeoutMs: number;
  /** The route's retry policy (null: no retries). */
  retry: {
    retryOn: string;
    numRetries: number;
    perTryTimeoutMs: number;
    baseIntervalMs: number;
    previousHosts: boolean;
    retriableStatusCodes: number[];
  } | null;
}

/** `pod`'s route and cluster for `service` (null before its Envoy has routes for it). */
export const hopPolicy: (sim: MeshSource, pod: string, service: string) => HopPolicy | null =
  memoBySimWith(
    (pod: string, service: string) => `${pod}>${service}`,
    (sim, pod, service) => {
      const sc = sim.state.sidecars[pod];
      const out = sc ? outboundRouteConfig(sc) : null;
      const vh = out?.ok ? vhostFor(out.rc, `${service}:8080`) : undefined;
      const r = vh?.routes[vh.routes.length - 1]?.route;
      if (!sc || !r) return null;
      const cluster = r.cluster ?? r.weighted_clusters?.clusters[0]?.name ?? null;
      const rp = r.retry_policy;
      return {
        pod,
        service,
        cluster,
        lbPolicy: (cluster && active(sc, 'CDS', cluster)?.lb_policy) || null,
        hashHeader: r.hash_header ?? null,
        timeoutMs: r.timeout_ms,
        retry: rp
          ? {
              retryOn: rp.retry_on,
              numRetries: rp.num_retries,
              perTryTimeoutMs: rp.per_try_timeout_ms,
              baseIntervalMs: rp.base_interval_ms,
              previousHosts: rp.previous_hosts,
              retriableStatusCodes: [...rp.retriable_status_codes],
            }
          : null,
      };
    },
  );
