/**
 * Host selection inside one client sidecar's cluster (docs/fidelity.md §4.2): LEAST_REQUEST with two
 * random choices (Istio's default since 1.14), ROUND_ROBIN, RANDOM, RING_HASH on a header.
 * Ejected hosts are skipped (Istio sets the panic threshold to 0 with outlier detection). The
 * retry predicate `previous_hosts` re-picks up to `host_selection_retry_max_attempts` times to
 * avoid hosts already tried. Simplified: RING_HASH is modelled as rendezvous hashing (same
 * stickiness and minimal disruption), and LB state is per sidecar, not per worker thread.
 */
import { hashHex, hashString, newHash } from '../core/hash';
import type { EnvoyCluster, LbEndpoint } from '../mesh/envoy';
import type { MeshSim } from '../mesh/types';
import type { ClusterRuntime } from './types';

function healthy(endpoints: readonly LbEndpoint[], rt: ClusterRuntime): LbEndpoint[] {
  const out: LbEndpoint[] = [];
  for (const e of endpoints) {
    if (e.health_status !== 'HEALTHY') continue;
    if (rt.ejectedCount > 0 && rt.outlier[e.pod]?.ejected) continue;
    out.push(e);
  }
  return out;
}

/** What a pick did, for the `lb.pick` entry: LEAST_REQUEST's two random choices, re-picks. */
export interface PickInfo {
  hosts: readonly LbEndpoint[];
  sampled: string[];
  avoided: string[];
}

function pickOnce(
  sim: MeshSim,
  c: EnvoyCluster,
  hosts: readonly LbEndpoint[],
  rt: ClusterRuntime,
  key: string,
  info: PickInfo | null,
): LbEndpoint {
  const n = hosts.length;
  if (n === 1) return hosts[0] as LbEndpoint;
  switch (c.lb_policy) {
    case 'ROUND_ROBIN':
      return hosts[rt.rr++ % n] as LbEndpoint;
    case 'RANDOM':
      return hosts[sim.rng.int(n)] as LbEndpoint;
    case 'RING_HASH': {
      // No hash key (the header is absent): Envoy picks a random host.
      if (key === '') return hosts[sim.rng.int(n)] as LbEndpoint;
      let best = hosts[0] as LbEndpoint;
      let bestH = '';
      for (const h of hosts) {
        const s = newHash();
        hashString(s, key + '|' + h.address);
        const v = hashHex(s);
        if (v > bestH) {
          bestH = v;
          best = h;
        }
      }
      return best;
    }
    default: {
      const a = hosts[sim.rng.int(n)] as LbEndpoint;
      const b = hosts[sim.rng.int(n)] as LbEndpoint;
      if (info) info.sampled = [a.pod, b.pod];
      return (rt.hostActive[b.pod] ?? 0) < (rt.hostActive[a.pod] ?? 0) ? b : a;
    }
  }
}

/** Picks an upstream host, or null when none is healthy (503 UH). */
export function pickHost(
  sim: MeshSim,
  c: EnvoyCluster,
  endpoints: readonly LbEndpoint[],
  rt: ClusterRuntime,
  key: string,
  avoid: readonly string[] | null,
  maxAttempts: number,
  info: PickInfo | null = null,
): LbEndpoint | null {
  const hosts = healthy(endpoints, rt);
  if (info) info.hosts = hosts;
  if (hosts.length === 0) return null;
  let h = pickOnce(sim, c, hosts, rt, key, info);
  if (avoid && avoid.length) {
    for (let i = 1; i < maxAttempts && avoid.includes(h.pod); i++) {
      if (info) info.avoided.push(h.pod);
      h = pickOnce(sim, c, hosts, rt, key, info);
    }
  }
  return h;
}
