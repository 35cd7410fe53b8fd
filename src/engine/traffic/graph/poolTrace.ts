/** The pool's trace entries: `pool.overflow` (always) and `pool.admit` (call-graph detail). */
import type { BreakerLimit, MeshTraceOf } from '../../mesh/contract';
import type { MeshSim } from '../../mesh/types';
import type { ClusterRuntime, Request } from '../types';

/** Counts an overflow (Envoy's upstream_*_overflow) and traces it. */
export function overflowed(
  sim: MeshSim,
  rq: Request,
  rt: ClusterRuntime,
  host: string,
  limit: BreakerLimit,
  threshold: number,
  current: number,
  result: MeshTraceOf<'pool.overflow'>['result'],
): void {
  const o = (rt.overflow ??= {});
  o[limit] = (o[limit] ?? 0) + 1;
  const g = sim.state.traffic.graph;
  if (g) g.window.overflow[limit]++;
  sim.emit({
    t: sim.now,
    type: 'pool.overflow',
    pod: rq.from,
    id: rq.id,
    cluster: rq.cluster,
    host,
    limit,
    threshold,
    current,
    result,
  });
}

export function admitted(
  sim: MeshSim,
  rq: Request,
  rt: ClusterRuntime,
  host: string,
  decision: MeshTraceOf<'pool.admit'>['decision'],
  waitedUs?: number,
): void {
  if (!sim.state.traffic.graph?.detail) return;
  const e: MeshTraceOf<'pool.admit'> = {
    t: sim.now,
    type: 'pool.admit',
    pod: rq.from,
    id: rq.id,
    cluster: rq.cluster,
    host,
    decision,
    active: rt.active,
    pending: rt.pending ?? 0,
    connections: rt.connections ?? 0,
  };
  if (waitedUs !== undefined) e.waitedMs = waitedUs / 1000;
  sim.emit(e);
}
