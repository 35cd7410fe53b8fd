/**
 * A pod died (call-graph mode): calls its app made end with DC; attempts it was serving are reset
 * (503 UC at the caller, retried on `reset`, `5xx` or `gateway-error`); the jobs it was running
 * are gone; callers' idle connections to it close (a connection being opened fails when it would
 * open: UF for every request pending on it).
 */
import type { MeshSim } from '../../mesh/types';
import { finishRequest } from '../finish';
import { dropJobs } from './app';
import { releaseGraphAttempt } from './pool';

/** Ends or resets every call involving `pod`. */
export function onPodDiedGraph(sim: MeshSim, pod: string): void {
  const s = sim.state;
  const t = s.traffic;
  for (const key of Object.keys(t.requests)) {
    const rq = t.requests[Number(key)];
    if (!rq) continue;
    if (rq.from === pod) {
      releaseGraphAttempt(sim, rq, true);
      finishRequest(sim, rq, 0, 'DC');
    } else if (rq.host === pod && rq.connId > 0 && !rq.outcome) {
      rq.outcome = { code: 503, flags: 'UC', retriable: 'reset' };
      sim.schedule(0, { type: 'rq.attemptEnd', id: rq.id, attempt: rq.attempt });
    }
  }
  for (const name of s.order) {
    const clusters = s.sidecars[name]?.traffic.clusters ?? {};
    for (const rt of Object.values(clusters)) {
      const pool = rt.pools?.[pod];
      if (!pool) continue;
      const idle = pool.conns.filter((c) => c.state === 'idle').length;
      pool.conns = pool.conns.filter((c) => c.state !== 'idle');
      rt.connections = Math.max(0, (rt.connections ?? 0) - idle);
    }
  }
  dropJobs(sim, pod);
  delete t.serving[pod];
}
