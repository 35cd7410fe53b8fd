/**
 * One attempt of a call in the call-graph mode, in the caller's sidecar (Envoy's router): the
 * load balancer picks a host (`lb.pick`), the host's connection pool takes the request
 * (pool.ts), and the attempt ends with the destination's reply, a per-try timeout (504 UT, the
 * stream is reset), a reset (503 UC) or a connect failure (503 UF). Then, as Envoy's
 * `RetryStateImpl::shouldRetry`: not retriable → the response goes to the app; no retries left →
 * URX; the cluster's max_retries reached → the response goes back with flag UO; else a retry
 * after a fully jittered backoff, on another host if previous_hosts is set. A scheduled retry
 * holds one of the cluster's active retries until its attempt ends.
 */
import { active } from '../../mesh/blobs';
import type { MeshTraceOf } from '../../mesh/contract';
import type { MeshSim } from '../../mesh/types';
import { finishRequest } from '../finish';
import { pickHost, type PickInfo } from '../loadBalancing';
import { recordOutcome } from '../outlier';
import { retriable, retryBackoff } from '../retryPolicy';
import type { Request } from '../types';
import { admit, releaseGraphAttempt } from './pool';
import { overflowed } from './poolTrace';
import { releaseRetryHold } from './retryHold';
import { poolRuntime } from './state';
import { record } from './stats';

const withFlag = (flags: string, add: string): string => (flags === '-' ? add : `${flags},${add}`);

/** Sends the next attempt of `rq`: pick a host, hand the request to its pool. */
export function dispatchGraphAttempt(sim: MeshSim, rq: Request): void {
  const s = sim.state;
  const sc = s.sidecars[rq.from];
  const c = sc ? active(sc, 'CDS', rq.cluster) : undefined;
  if (!sc || !c) {
    finishRequest(sim, rq, 503, 'NC');
    return;
  }
  const rt = poolRuntime(sc.traffic, rq.cluster);
  const eps = active(sc, 'EDS', rq.cluster)?.endpoints ?? [];
  const info: PickInfo | null = s.traffic.graph?.detail
    ? { hosts: [], sampled: [], avoided: [] }
    : null;
  const avoid = rq.retry?.previousHosts ? rq.triedHosts : null;
  const ep = pickHost(sim, c, eps, rt, rq.hashKey, avoid, 5, info);
  if (!ep) {
    finishRequest(sim, rq, 503, 'UH');
    return;
  }
  if (info) {
    const e: MeshTraceOf<'lb.pick'> = {
      t: sim.now,
      type: 'lb.pick',
      pod: rq.from,
      id: rq.id,
      attempt: rq.attempt,
      cluster: rq.cluster,
      policy: c.lb_policy,
      hosts: info.hosts.map((h) => ({ host: h.pod, active: rt.hostActive[h.pod] ?? 0 })),
      chosen: ep.pod,
    };
    if (info.sampled.length) e.sampled = info.sampled;
    if (c.lb_policy === 'RING_HASH' && rq.hashKey) e.key = rq.hashKey;
    if (info.avoided.length) e.avoided = info.avoided;
    sim.emit(e);
  }
  rq.host = ep.pod;
  rq.triedHosts.push(ep.pod);
  rq.outcome = null;
  rq.connId = 0;
  admit(sim, rq, rt, c);
}

function traceAttempt(
  sim: MeshSim,
  rq: Request,
  host: string,
  attempt: number,
  decision: MeshTraceOf<'attempt.done'>['decision'],
  code: number,
  flags: string,
  backoffUs?: number,
): void {
  if (!sim.state.traffic.graph?.detail) return;
  const e: MeshTraceOf<'attempt.done'> = {
    t: sim.now,
    type: 'attempt.done',
    pod: rq.from,
    id: rq.id,
    attempt,
    cluster: rq.cluster,
    host,
    code,
    flags,
    decision,
    retriesLeft: rq.retry?.left ?? 0,
  };
  if (backoffUs !== undefined) e.backoffMs = backoffUs / 1000;
  sim.emit(e);
}

/** The current attempt has its outcome: outlier detection, statistics, then retry or return. */
function endAttempt(sim: MeshSim, rq: Request, reset: boolean): void {
  const o = rq.outcome;
  const host = rq.host;
  if (!o || host === null) return;
  rq.attemptTimer = null;
  const sc = sim.state.sidecars[rq.from];
  const c = sc ? active(sc, 'CDS', rq.cluster) : undefined;
  const rt = sc ? poolRuntime(sc.traffic, rq.cluster) : null;
  if (sc && rt) {
    const n = active(sc, 'EDS', rq.cluster)?.endpoints.length ?? 1;
    recordOutcome(sim, rq.from, rq.cluster, rt, c?.outlier_detection, host, o.code, n);
  }
  const hs = sim.state.traffic.graph?.window.hosts[host];
  if (hs && rq.connId > 0) {
    record(hs.latency, sim.now - rq.attemptSentAt);
    if (o.code >= 200 && o.code < 400) hs.ok++;
  }
  releaseGraphAttempt(sim, rq, reset);
  // Envoy's resetRetry(): the retry this attempt was holds its max_retries slot until now.
  releaseRetryHold(sim, rq);
  const attempt = rq.attempt;
  const r = rq.retry;
  if (!r || !retriable(rq, true)) {
    traceAttempt(sim, rq, host, attempt, 'return', o.code, o.flags);
    finishRequest(sim, rq, o.code, o.flags);
    return;
  }
  if (r.left <= 0) {
    traceAttempt(sim, rq, host, attempt, 'exhausted', o.code, o.flags);
    finishRequest(sim, rq, o.code, withFlag(o.flags, 'URX'));
    return;
  }
  r.left--;
  const maxRetries = c?.circuit_breakers.max_retries ?? Infinity;
  if (rt && rt.activeRetries >= maxRetries) {
    overflowed(sim, rq, rt, host, 'max_retries', maxRetries, rt.activeRetries, 'not retried');
    traceAttempt(sim, rq, host, attempt, 'overflow', o.code, o.flags);
    finishRequest(sim, rq, o.code, withFlag(o.flags, 'UO'));
    return;
  }
  if (rt) {
    rt.activeRetries++;
    rq.retryHeld = true;
  }
  rq.attempt++;
  const wait = retryBackoff(sim, rq.attempt, r.baseMs);
  traceAttempt(sim, rq, host, attempt, 'retry', o.code, o.flags, wait);
  // A backoff past the route timeout just waits for the timeout (504 UT).
  if (rq.timeoutAt === null || sim.now + wait < rq.timeoutAt)
    rq.attemptTimer = sim.schedule(wait, { type: 'rq.retry', id: rq.id });
}

/** An outcome set elsewhere (a connect failure, a reset when the host died) is delivered. */
export function onGraphAttemptEnd(sim: MeshSim, id: number, attempt: number): void {
  const rq = sim.state.traffic.requests[id];
  if (!rq || rq.attempt !== attempt || !rq.outcome) return;
  // A plaintext call (no sidecar at the caller, plaintext.ts) has no host state to release.
  if (rq.host === null) finishRequest(sim, rq, rq.outcome.code, rq.outcome.flags);
  else endAttempt(sim, rq, rq.outcome.retriable === 'reset');
}

/** The destination's response reached the caller's sidecar (code 0: the stream was reset). */
export function onReply(sim: MeshSim, id: number, attempt: number, code: number): void {
  const rq = sim.state.traffic.requests[id];
  if (!rq || rq.attempt !== attempt || rq.connId === 0 || rq.outcome) return;
  rq.outcome =
    code === 0
      ? { code: 503, flags: 'UC', retriable: 'reset' }
      : { code, flags: '-', retriable: code >= 500 ? 'status' : null };
  endAttempt(sim, rq, code === 0);
}

/** The per-try timeout fired first: 504 UT, the stream is reset. */
export function onPerTry(sim: MeshSim, id: number, attempt: number): void {
  const rq = sim.state.traffic.requests[id];
  if (!rq || rq.attempt !== attempt || rq.connId === 0 || rq.outcome) return;
  rq.perTryTimer = null;
  rq.outcome = { code: 504, flags: 'UT', retriable: 'timeout' };
  endAttempt(sim, rq, true);
}

/** The route timeout fired: the attempt in flight (if any) counts as a timeout for its host. */
export function noteRouteTimeout(sim: MeshSim, rq: Request): void {
  const host = rq.host;
  if (host === null || rq.connId === 0) return;
  const sc = sim.state.sidecars[rq.from];
  if (sc) {
    const rt = poolRuntime(sc.traffic, rq.cluster);
    const n = active(sc, 'EDS', rq.cluster)?.endpoints.length ?? 1;
    const od = active(sc, 'CDS', rq.cluster)?.outlier_detection;
    recordOutcome(sim, rq.from, rq.cluster, rt, od, host, 504, n);
  }
  traceAttempt(sim, rq, host, rq.attempt, 'routeTimeout', 504, 'UT');
}
