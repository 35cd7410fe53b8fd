/**
 * Envoy-side validation: what a sidecar rejects (NACKs) even though Istiod accepted the config.
 * Returns the text Envoy puts in the NACK's `error_detail.message`, or null if it accepts.
 *
 * Real cases modelled (both pass Istio's validateIstio):
 * 1. RE2 program size. Istio checks a regex with Go's regexp (syntax) and caps its length at 1024.
 *    Envoy compiles it with RE2 and rejects a program larger than `re2.max_program_size.error_level` (Envoy's default
 *    100; Istio's bootstrap sets 32768): "regex '…' RE2 program size of N > max program size of
 *    32768 set for the error level threshold. Increase configured max program size if necessary."
 *    (envoy source/common/common/regex.cc). N here is an estimate (see regex.ts).
 * 2. Weighted-cluster total above 2³²−1. Istio sums weights into an int32 that wraps, so three
 *    weights of 2147483647 pass its "total destination weight = 0" check; Envoy rejects "The sum
 *    of weights of all weighted clusters of route <name> exceeds 4294967295"
 *    (envoy source/common/router/config_impl.cc).
 * Also checked (never produced by Istiod, but real Envoy rules): total weight 0 and duplicate
 * domains across virtual hosts.
 */
import { MAX_UINT32, type EnvoyResource, type RouteConfiguration } from './envoy';
import { ISTIO_RE2_MAX_PROGRAM_SIZE, estimateRe2ProgramSize } from './regex';

function regexError(regex: string): string | null {
  const size = estimateRe2ProgramSize(regex);
  if (size <= ISTIO_RE2_MAX_PROGRAM_SIZE) return null;
  return (
    `regex '${regex}' RE2 program size of ${size} > max program size of ${ISTIO_RE2_MAX_PROGRAM_SIZE} ` +
    'set for the error level threshold. Increase configured max program size if necessary.'
  );
}

function routeConfigError(rc: RouteConfiguration): string | null {
  const seen = new Map<string, string>();
  for (const vh of rc.virtual_hosts) {
    for (const d of vh.domains) {
      const prev = seen.get(d);
      if (prev !== undefined)
        return `Only unique values for domains are permitted. Duplicate entry of domain ${d} in route ${rc.name}`;
      seen.set(d, vh.name);
    }
    for (const r of vh.routes) {
      const regexes = [
        r.match.safe_regex?.regex,
        ...(r.match.headers ?? []).map((h) => h.string_match.safe_regex?.regex),
      ];
      for (const re of regexes) {
        const err = re === undefined ? null : regexError(re);
        if (err) return err;
      }
      const wc = r.route.weighted_clusters;
      if (wc) {
        const total = wc.clusters.reduce((s, c) => s + c.weight, 0);
        if (total > MAX_UINT32)
          return `The sum of weights of all weighted clusters of route ${r.name ?? ''} exceeds ${MAX_UINT32}`;
        if (total === 0) return 'Sum of weights in the weighted_cluster must be greater than 0.';
      }
    }
  }
  return null;
}

/**
 * Envoy's verdict on one resource: null if accepted, else the rejection message. Clusters, load
 * assignments and listeners that Istiod builds are accepted; route configurations are checked.
 */
export function envoyRejects(resource: EnvoyResource): string | null {
  if ('virtual_hosts' in resource) return routeConfigError(resource);
  return null;
}

/** The first rejection among a batch (as one DiscoveryResponse of a type), or null. */
export function envoyRejectsAny(resources: readonly EnvoyResource[]): string | null {
  for (const r of resources) {
    const e = envoyRejects(r);
    if (e) return e;
  }
  return null;
}
