/**
 * Consistent hashing: a DestinationRule `loadBalancer.consistentHash` makes the cluster RING_HASH
 * (clusters.ts) and puts the hash key on the routes that send to it (Istio's
 * `consistentHashToHashPolicy`, route.go). With a hash policy, Istio's default retry policy drops
 * the previous_hosts predicate ("we don't want to use other hosts during retries", retry.go).
 */
import { durationMs, protoDuration } from './duration';
import type { RouteAction } from './envoy';
import type { ConsistentHashLB } from './istio';
import { destinationRuleFor, mergePolicy } from './lookup';
import type { MeshConfig, MeshPod } from './mesh';

/** One `RouteAction.HashPolicy` entry. */
export type HashPolicy = NonNullable<RouteAction['hash_policy']>[number];

function toHashPolicy(ch: ConsistentHashLB): HashPolicy | undefined {
  if (ch.httpHeaderName !== undefined) return { header: { header_name: ch.httpHeaderName } };
  if (ch.httpCookie !== undefined)
    return {
      cookie: { name: ch.httpCookie.name, ttl: protoDuration(durationMs(ch.httpCookie.ttl)) },
    };
  if (ch.useSourceIp === true) return { connection_properties: { source_ip: true } };
  return undefined;
}

/** The hash policy for traffic from `proxy` to `host` (FQDN), subset `subset` ('' for none). */
export function hashPolicyFor(
  config: MeshConfig,
  proxy: MeshPod,
  host: string,
  subset: string,
): HashPolicy | undefined {
  const svc = config.services.find((s) => s.hostname === host);
  if (!svc) return undefined;
  const dr = destinationRuleFor(config, proxy, svc);
  if (!dr) return undefined;
  const sub = subset === '' ? undefined : dr.spec.subsets?.find((s) => s.name === subset);
  const ch = mergePolicy(dr.spec.trafficPolicy, sub?.trafficPolicy).loadBalancer?.consistentHash;
  return ch ? toHashPolicy(ch) : undefined;
}

/**
 * One hash policy for a route with these destinations: the common one if they all agree.
 * Simplified: Istio's handling of weighted routes whose destinations hash differently is reduced
 * to "no hash policy".
 */
export function commonHashPolicy(
  policies: readonly (HashPolicy | undefined)[],
): HashPolicy | undefined {
  const [first, ...rest] = policies;
  if (first === undefined) return undefined;
  const key = JSON.stringify(first);
  return rest.every((p) => JSON.stringify(p) === key) ? first : undefined;
}
