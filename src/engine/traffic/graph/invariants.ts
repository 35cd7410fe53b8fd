/**
 * Bookkeeping checks of the call-graph mode for tests: every counter of a sidecar's cluster
 * (active requests per host, pending, connections, active retries) equals what the requests in
 * flight and the pools hold. Returns the first broken rule, or null.
 */
import type { MeshSim } from '../../mesh/types';

/** The first inconsistency between the counters and the requests in flight, or null. */
export function poolProblem(sim: MeshSim): string | null {
  const s = sim.state;
  const reqs = Object.values(s.traffic.requests);
  for (const pod of s.order) {
    const clusters = s.sidecars[pod]?.traffic.clusters ?? {};
    for (const [cluster, rt] of Object.entries(clusters)) {
      if (!rt.pools) continue;
      const mine = reqs.filter((r) => r.from === pod && r.cluster === cluster);
      const attached = mine.filter((r) => r.host !== null && r.connId > 0);
      const where = `${pod} ${cluster}`;
      if (rt.active !== attached.length)
        return `${where}: active ${rt.active} ≠ ${attached.length}`;
      const held = mine.filter((r) => r.retryHeld).length;
      if (rt.activeRetries !== held) return `${where}: activeRetries ${rt.activeRetries} ≠ ${held}`;
      let pending = 0;
      let conns = 0;
      for (const [host, pool] of Object.entries(rt.pools)) {
        pending += pool.pending.length;
        conns += pool.conns.length;
        const onHost = attached.filter((r) => r.host === host);
        if ((rt.hostActive[host] ?? 0) !== onHost.length)
          return `${where}: hostActive[${host}] ${rt.hostActive[host] ?? 0} ≠ ${onHost.length}`;
        const busy = pool.conns.filter((c) => c.state === 'busy');
        if (busy.length !== onHost.length)
          return `${where}: ${busy.length} busy ≠ ${onHost.length}`;
        for (const c of busy) {
          const r = s.traffic.requests[c.rq];
          if (!r || r.connId !== c.id) return `${where}: busy connection ${c.id} has no request`;
        }
        for (const id of pool.pending) {
          const r = s.traffic.requests[id];
          if (!r || r.host !== host || r.queuedAt === undefined)
            return `${where}: pending ${id} is not waiting for ${host}`;
        }
      }
      if ((rt.pending ?? 0) !== pending) return `${where}: pending ${rt.pending ?? 0} ≠ ${pending}`;
      if ((rt.connections ?? 0) !== conns)
        return `${where}: connections ${rt.connections ?? 0} ≠ ${conns}`;
    }
  }
  return null;
}
