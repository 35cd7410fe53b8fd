/**
 * A client sidecar's HTTP/1.1 connection pools (docs/fidelity.md §4.6), as Envoy's
 * `ConnPoolImplBase` runs them: one pool per upstream host of a cluster, one request per
 * connection at a time; the circuit breakers are the cluster's. A request takes an idle
 * connection (checking max_requests as it attaches: 503 UO); else it becomes pending — unless the
 * cluster already has max_pending_requests pending (503 UO) — and the pool opens a connection if
 * its pending requests outnumber its connecting ones and the cluster has fewer than
 * max_connections (else upstream_cx_overflow: the request waits for a connection to free up; a
 * host with no connection at all still gets one). Pending requests are served oldest first as
 * connections open or free up. A failed connect fails every pending request of that host (UF).
 * With `maxRequestsPerConnection`, a connection closes once it has carried that many requests.
 * Simplified: connections are never closed for idleness.
 */
import { active } from '../../mesh/blobs';
import type { MeshTraceOf } from '../../mesh/contract';
import type { EnvoyCluster } from '../../mesh/envoy';
import type { MeshSim } from '../../mesh/types';
import { finishRequest } from '../finish';
import { connectCheck } from '../inbound';
import type { ClusterRuntime, Request } from '../types';
import { admitted, overflowed } from './poolTrace';
import { sendAttempt } from './send';
import { hostPool, poolRuntime } from './state';
import type { HostPool } from './types';

type Thresholds = EnvoyCluster['circuit_breakers'];
const NO_LIMITS: Thresholds = {
  max_connections: Infinity,
  max_pending_requests: Infinity,
  max_requests: Infinity,
  max_retries: Infinity,
};

/** Puts `rq` on connection `connId` (max_requests checked here); false when it overflowed. */
function attach(
  sim: MeshSim,
  rq: Request,
  rt: ClusterRuntime,
  c: Pick<EnvoyCluster, 'circuit_breakers' | 'max_requests_per_connection'>,
  pool: HostPool,
  connId: number,
  decision: MeshTraceOf<'pool.admit'>['decision'],
  waitedUs?: number,
): boolean {
  const host = rq.host ?? '';
  const cb = c.circuit_breakers;
  if (rt.active >= cb.max_requests) {
    overflowed(sim, rq, rt, host, 'max_requests', cb.max_requests, rt.active, '503 UO');
    rq.host = null;
    finishRequest(sim, rq, 503, 'UO');
    return false;
  }
  const conn = pool.conns.find((x) => x.id === connId);
  if (!conn) return false;
  conn.state = 'busy';
  conn.rq = rq.id;
  // maxRequestsPerConnection: the connection drains (closes) after its last allowed request.
  const mrpc = c.max_requests_per_connection;
  if (mrpc !== undefined) conn.left = (conn.left ?? mrpc) - 1;
  rq.connId = connId;
  rt.active++;
  rt.hostActive[host] = (rt.hostActive[host] ?? 0) + 1;
  admitted(sim, rq, rt, host, decision, waitedUs);
  sendAttempt(sim, rq);
  return true;
}

/** Opens a connection if pending requests need one; returns whether it did. */
function tryConnect(
  sim: MeshSim,
  rq: Request,
  rt: ClusterRuntime,
  cb: Thresholds,
  pool: HostPool,
  host: string,
): boolean {
  const connecting = pool.conns.reduce((n, x) => n + (x.state === 'connecting' ? 1 : 0), 0);
  if (pool.pending.length <= connecting) return false;
  const can = (rt.connections ?? 0) < cb.max_connections;
  if (!can)
    overflowed(
      sim,
      rq,
      rt,
      host,
      'max_connections',
      cb.max_connections,
      rt.connections ?? 0,
      'queued',
    );
  if (!can && pool.conns.length > 0) return false;
  const t = sim.state.traffic;
  const id = t.nextConnId++;
  pool.conns.push({ id, state: 'connecting', rq: 0 });
  rt.connections = (rt.connections ?? 0) + 1;
  // TCP + mTLS handshake: connectMs on average, spread uniformly over ±50%.
  const mean = t.graph?.connectUs ?? 0;
  sim.schedule(mean > 0 ? Math.floor(mean / 2) + sim.rng.int(mean + 1) : 0, {
    type: 'pool.connected',
    pod: rq.from,
    cluster: rq.cluster,
    host,
    conn: id,
  });
  return true;
}

/** The pool takes attempt `rq` (its host already chosen). */
export function admit(sim: MeshSim, rq: Request, rt: ClusterRuntime, c: EnvoyCluster): void {
  const host = rq.host ?? '';
  const cb = c.circuit_breakers;
  const pool = hostPool(rt, host);
  const idle = pool.conns.find((x) => x.state === 'idle');
  if (idle) {
    attach(sim, rq, rt, c, pool, idle.id, 'reuse');
    return;
  }
  if ((rt.pending ?? 0) >= cb.max_pending_requests) {
    const pending = rt.pending ?? 0;
    overflowed(
      sim,
      rq,
      rt,
      host,
      'max_pending_requests',
      cb.max_pending_requests,
      pending,
      '503 UO',
    );
    rq.host = null;
    finishRequest(sim, rq, 503, 'UO');
    return;
  }
  pool.pending.push(rq.id);
  rt.pending = (rt.pending ?? 0) + 1;
  rq.queuedAt = sim.now;
  const opened = tryConnect(sim, rq, rt, cb, pool, host);
  admitted(sim, rq, rt, host, opened ? 'connect' : 'queue');
}

/** Serves pending requests of `host` while the pool has idle connections. */
function serveNext(sim: MeshSim, pod: string, cluster: string, host: string): void {
  const sc = sim.state.sidecars[pod];
  if (!sc) return;
  const rt = poolRuntime(sc.traffic, cluster);
  const c = active(sc, 'CDS', cluster) ?? { circuit_breakers: NO_LIMITS };
  const pool = hostPool(rt, host);
  for (;;) {
    const idle = pool.conns.find((x) => x.state === 'idle');
    const id = pool.pending[0];
    if (!idle || id === undefined) return;
    pool.pending.shift();
    rt.pending = Math.max(0, (rt.pending ?? 0) - 1);
    const rq = sim.state.traffic.requests[id];
    if (!rq) continue;
    const waited = sim.now - (rq.queuedAt ?? sim.now);
    delete rq.queuedAt;
    attach(sim, rq, rt, c, pool, idle.id, 'dequeue', waited);
  }
}

/** A connection finished opening (or failed to). */
export function onConnected(
  sim: MeshSim,
  pod: string,
  cluster: string,
  host: string,
  connId: number,
): void {
  const s = sim.state;
  const sc = s.sidecars[pod];
  const rt = sc?.traffic.clusters[cluster];
  const pool = rt?.pools?.[host];
  const conn = pool?.conns.find((x) => x.id === connId);
  if (!sc || !rt || !pool || !conn || conn.state !== 'connecting') return;
  const target = s.pods[host];
  const tsc = s.sidecars[host];
  const c = active(sc, 'CDS', cluster);
  let err: string | null;
  if (!target || !target.up || !tsc) err = 'connection refused';
  else if (target.injected && tsc.active.LDS['virtualInbound'] === undefined)
    err = 'connection refused (no inbound listener yet)';
  else err = connectCheck(sim, sc, tsc, host, c?.tls ?? 'ISTIO_MUTUAL', pod);
  if (err === null) {
    conn.state = 'idle';
    serveNext(sim, pod, cluster, host);
    return;
  }
  pool.conns.splice(pool.conns.indexOf(conn), 1);
  rt.connections = Math.max(0, (rt.connections ?? 0) - 1);
  // Envoy purges every pending request of the pool on a connect failure.
  const purged = pool.pending.splice(0);
  rt.pending = Math.max(0, (rt.pending ?? 0) - purged.length);
  for (const id of purged) {
    const rq = s.traffic.requests[id];
    if (!rq) continue;
    delete rq.queuedAt;
    rq.outcome = { code: 503, flags: 'UF', retriable: 'connect' };
    sim.schedule(0, { type: 'rq.attemptEnd', id, attempt: rq.attempt });
  }
}

/**
 * The current attempt of `rq` lets go of the pool: a pending request leaves the queue; an
 * attached one frees its connection (`close`: the stream was reset, so the HTTP/1.1 connection
 * closes) and the next pending request of that host takes it (or a new one).
 */
export function releaseGraphAttempt(sim: MeshSim, rq: Request, close: boolean): void {
  const host = rq.host;
  if (rq.perTryTimer !== undefined && rq.perTryTimer !== null) sim.cancel(rq.perTryTimer);
  rq.perTryTimer = null;
  if (host === null) return;
  rq.host = null;
  const sc = sim.state.sidecars[rq.from];
  const rt = sc?.traffic.clusters[rq.cluster];
  const pool = rt?.pools?.[host];
  if (!sc || !rt || !pool) return;
  if (rq.queuedAt !== undefined) {
    delete rq.queuedAt;
    const i = pool.pending.indexOf(rq.id);
    if (i >= 0) {
      pool.pending.splice(i, 1);
      rt.pending = Math.max(0, (rt.pending ?? 0) - 1);
    }
    return;
  }
  if (rq.connId === 0) return;
  rt.active = Math.max(0, rt.active - 1);
  rt.hostActive[host] = Math.max(0, (rt.hostActive[host] ?? 1) - 1);
  const conn = pool.conns.find((x) => x.id === rq.connId);
  rq.connId = 0;
  if (!conn) return;
  if (close || conn.left === 0) {
    pool.conns.splice(pool.conns.indexOf(conn), 1);
    rt.connections = Math.max(0, (rt.connections ?? 0) - 1);
    const next = sim.state.traffic.requests[pool.pending[0] ?? -1];
    const c = active(sc, 'CDS', rq.cluster);
    if (next && c) tryConnect(sim, next, rt, c.circuit_breakers, pool, host);
    return;
  }
  conn.state = 'idle';
  conn.rq = 0;
  serveNext(sim, rq.from, rq.cluster, host);
}
