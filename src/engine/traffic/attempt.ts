/**
 * One upstream attempt: circuit breakers (503 UO), host pick (503 UH), a pooled connection or a
 * new mTLS handshake (certificates checked at handshake only: existing connections survive cert
 * expiry), the destination sidecar (inbound listener present, PeerAuthentication, authz → 403),
 * the app (latency, `pod.fail` → 503). The outcome is decided at dispatch; `rq.attemptEnd`
 * delivers it. Simplified: HTTP/1.1 pooling with one request per connection at a time, idle
 * connections closed after 1 h (Istio's idleTimeout default); pending = active − max_connections.
 */
import { ms } from '../core/time';
import { active } from '../mesh/blobs';
import type { MeshSim } from '../mesh/types';
import { pickHost } from './loadBalancing';
import { handshake, inboundCheck } from './inbound';
import { finishRequest, updateView } from './finish';
import { recordOutcome } from './outlier';
import { retriable, retryBackoff } from './retryPolicy';
import { dispatchGraphAttempt, onGraphAttemptEnd } from './graph/attempt';
import { releaseGraphAttempt } from './graph/pool';
import { clusterRuntime } from './state';
import { failShare } from './failShare';
import type { Request } from './types';

const NET = ms(0.4);

/** Sends the next attempt of `rq`. */
export function dispatchAttempt(sim: MeshSim, rq: Request): void {
  const s = sim.state;
  if (s.traffic.graph) return dispatchGraphAttempt(sim, rq);
  const sc = s.sidecars[rq.from];
  const c = sc ? active(sc, 'CDS', rq.cluster) : undefined;
  if (!sc || !c) {
    finishRequest(sim, rq, 503, 'NC');
    return;
  }
  const rt = clusterRuntime(sc.traffic, rq.cluster);
  const cb = c.circuit_breakers;
  if (rt.active >= cb.max_requests || rt.active - cb.max_connections >= cb.max_pending_requests) {
    finishRequest(sim, rq, 503, 'UO');
    return;
  }
  if (rq.attempt > 0 && rt.activeRetries >= cb.max_retries) {
    finishRequest(sim, rq, 503, 'UO');
    return;
  }
  const eps = active(sc, 'EDS', rq.cluster)?.endpoints ?? [];
  const retry = rq.retry;
  const ep = pickHost(sim, c, eps, rt, rq.hashKey, retry?.previousHosts ? rq.triedHosts : null, 5);
  if (!ep) {
    finishRequest(sim, rq, 503, 'UH');
    return;
  }
  const host = ep.pod;
  rq.host = host;
  rq.triedHosts.push(host);
  rt.active++;
  rt.hostActive[host] = (rt.hostActive[host] ?? 0) + 1;
  if (rq.attempt > 0) rt.activeRetries++;
  rq.attemptSentAt = sim.now;
  rq.reached = false;
  let end: number;
  const target = s.pods[host];
  const tsc = s.sidecars[host];
  if (
    !target ||
    !target.up ||
    !tsc ||
    (target.injected && tsc.active.LDS['virtualInbound'] === undefined)
  ) {
    rq.outcome = { code: 503, flags: 'UF', retriable: 'connect' };
    end = sim.now + ms(1);
  } else {
    const hs = handshake(sim, sc, tsc, host, c.tls, rq);
    if (hs !== null) {
      rq.outcome = { code: 503, flags: 'UF', retriable: 'connect' };
      end = sim.now + ms(2);
    } else {
      rq.reached = target.injected;
      const inb = target.injected ? inboundCheck(sim, rq.from, tsc) : null;
      if (inb !== null) {
        rq.outcome = { code: inb, flags: '-', retriable: null };
        end = sim.now + 2 * NET;
      } else {
        const share = failShare(s.traffic, target);
        const fail = share > 0 && sim.rng.float() < share;
        rq.outcome = { code: fail ? 503 : 200, flags: '-', retriable: fail ? 'status' : null };
        end = sim.now + 2 * NET + sim.rng.exp(target.serviceTimeUs) + ms(target.extraMs);
        if (rq.traceId !== null)
          s.traffic.serving[host] = { traceId: rq.traceId, spanId: rq.spanId + 1, until: end };
      }
    }
  }
  const perTry = retry?.perTryMs ?? 0;
  if (perTry > 0 && end - sim.now > ms(perTry)) {
    end = sim.now + ms(perTry);
    rq.outcome = { code: 504, flags: 'UT', retriable: 'timeout' };
  }
  updateView(sim, rq, host, end);
  rq.attemptTimer = sim.scheduleAt(end, { type: 'rq.attemptEnd', id: rq.id, attempt: rq.attempt });
}

/** Releases the counters and the connection held by the current attempt. */
export function releaseAttempt(sim: MeshSim, rq: Request): void {
  // Call-graph mode: the stream is reset (its HTTP/1.1 connection closes).
  if (sim.state.traffic.graph) return releaseGraphAttempt(sim, rq, true);
  const host = rq.host;
  if (host === null) return;
  const sc = sim.state.sidecars[rq.from];
  if (sc) {
    const rt = clusterRuntime(sc.traffic, rq.cluster);
    rt.active = Math.max(0, rt.active - 1);
    rt.hostActive[host] = Math.max(0, (rt.hostActive[host] ?? 1) - 1);
    if (rq.attempt > 0) rt.activeRetries = Math.max(0, rt.activeRetries - 1);
    const pool = sc.traffic.conns[host];
    const conn = pool?.find((x) => x.id === rq.connId);
    if (conn) {
      conn.busy = false;
      conn.lastUsed = sim.now;
    }
  }
  rq.host = null;
  rq.connId = 0;
}

/** The current attempt finished: count it for outlier detection, then retry or complete. */
export function onAttemptEnd(sim: MeshSim, id: number, attempt: number): void {
  if (sim.state.traffic.graph) return onGraphAttemptEnd(sim, id, attempt);
  const rq = sim.state.traffic.requests[id];
  if (!rq || rq.attempt !== attempt || !rq.outcome) return;
  rq.attemptTimer = null;
  const o = rq.outcome;
  const sc = sim.state.sidecars[rq.from];
  const host = rq.host;
  const c = sc ? active(sc, 'CDS', rq.cluster) : undefined;
  if (sc && host !== null) {
    const rt = clusterRuntime(sc.traffic, rq.cluster);
    const n = active(sc, 'EDS', rq.cluster)?.endpoints.length ?? 1;
    recordOutcome(sim, rq.from, rq.cluster, rt, c?.outlier_detection, host, o.code, n);
  }
  releaseAttempt(sim, rq);
  if (retriable(rq) && rq.retry) {
    rq.retry.left--;
    rq.attempt++;
    const wait = retryBackoff(sim, rq.attempt, rq.retry.baseMs);
    // A backoff past the route timeout just waits for the timeout (504 UT).
    if (rq.timeoutAt === null || sim.now + wait < rq.timeoutAt)
      rq.attemptTimer = sim.schedule(wait, { type: 'rq.retry', id });
    return;
  }
  const exhausted = rq.retry !== null && rq.retry.left <= 0 && retriable(rq, true);
  const flags =
    exhausted && rq.attempt > 0 ? (o.flags === '-' ? 'URX' : `${o.flags},URX`) : o.flags;
  finishRequest(sim, rq, o.code, flags);
}
