/**
 * One request's life in the caller's sidecar: route, fault injection, the retry policy copied
 * from the route (Istio's default: 2 retries on connect-failure, refused-stream, unavailable,
 * cancelled; previous_hosts; 25 ms base backoff; 503 not retried), the route timeout (0 =
 * disabled in Istio; it spans all attempts; expiry → 504 UT).
 */
import { ms } from '../core/time';
import type { MeshSim } from '../mesh/types';
import { dispatchAttempt, releaseAttempt } from './attempt';
import { noteRouteTimeout } from './graph/attempt';
import { finishRequest, recordView } from './finish';
import { startPlaintext } from './plaintext';
import { retryOf } from './retryPolicy';
import { routeRequest } from './routing';
import type { Request } from './types';

/** Call-graph mode: who is calling (an app job or a load-generator loop) and its context. */
export interface CallContext {
  job?: number;
  /** `x-user` forwarded from the user request. */
  user?: string;
  traceId?: number | null;
  parentSpan?: number | null;
  load?: { run: number; loop: number };
}

/** The app of `from` calls `service`: the request enters `from`'s sidecar now. */
export function startRequest(sim: MeshSim, from: string, service: string, ctx?: CallContext): void {
  const s = sim.state;
  const t = s.traffic;
  const sc = s.sidecars[from];
  if (!sc) return;
  const id = t.nextId++;
  t.counters.issued++;
  const user = ctx?.user ?? `user-${sim.rng.int(100)}`;
  const rq: Request = {
    id,
    from,
    to: service,
    start: sim.now,
    cluster: '',
    attempt: 0,
    retry: null,
    triedHosts: [],
    host: null,
    connId: 0,
    outcome: null,
    attemptSentAt: sim.now,
    timeoutAt: null,
    timeoutTimer: null,
    attemptTimer: null,
    viewSlot: -1,
    user,
    hashKey: '',
    reached: false,
    extraFlags: '',
    traceId: null,
    // Client span 2k, its server span 2k+1.
    spanId: 2 * t.nextSpanId++,
    parentSpan: null,
  };
  if (ctx?.load) rq.load = ctx.load;
  const serving = t.serving[from];
  if (ctx?.job !== undefined) {
    // A call made while serving a request: with forwarded headers it joins that trace (and its
    // sampling decision); without them this hop samples on its own.
    rq.job = ctx.job;
    if (t.forwardHeaders) {
      rq.traceId = ctx.traceId ?? null;
      rq.parentSpan = ctx.parentSpan ?? null;
    } else if (t.samplingPercent > 0 && sim.rng.float() * 100 < t.samplingPercent) rq.traceId = id;
  } else if (t.forwardHeaders && serving && serving.until > sim.now) {
    rq.traceId = serving.traceId;
    rq.parentSpan = serving.spanId;
  } else if (t.samplingPercent > 0 && sim.rng.float() * 100 < t.samplingPercent) rq.traceId = id;
  t.requests[id] = rq;
  recordView(sim, rq, service);
  if (!s.pods[from]?.injected) {
    startPlaintext(sim, rq);
    return;
  }
  const r = routeRequest(sim, sc, service, '/', user, id);
  if (!r.ok) {
    finishRequest(sim, rq, r.code, r.flags);
    return;
  }
  rq.cluster = r.cluster;
  const a = r.route.route;
  // Requests carry `x-user` (also sent as the session cookie); the source IP is the pod's.
  if (a.hash_header === 'x-user' || a.hash_header === 'end-user' || a.hash_cookie !== undefined)
    rq.hashKey = user;
  else if (a.hash_source_ip) rq.hashKey = s.pods[from]?.ip ?? from;
  rq.retry = retryOf(a.retry_policy);
  if (a.timeout_ms > 0) {
    rq.timeoutAt = sim.now + ms(a.timeout_ms);
    rq.timeoutTimer = sim.schedule(ms(a.timeout_ms), { type: 'rq.timeout', id });
  }
  let delay = 0;
  const f = a.fault;
  if (f) {
    if (f.abort_status !== undefined && sim.rng.float() * 100 < (f.abort_percent ?? 100)) {
      finishRequest(sim, rq, f.abort_status, 'FI');
      return;
    }
    if (f.delay_ms !== undefined && sim.rng.float() * 100 < (f.delay_percent ?? 100)) {
      delay = ms(f.delay_ms);
      rq.extraFlags = 'DI';
    }
  }
  if (delay > 0) rq.attemptTimer = sim.schedule(delay, { type: 'rq.retry', id });
  else dispatchAttempt(sim, rq);
}

/** A retry's backoff (or a fault delay) is over: send the next attempt. */
export function onRetry(sim: MeshSim, id: number): void {
  const rq = sim.state.traffic.requests[id];
  if (!rq) return;
  rq.attemptTimer = null;
  dispatchAttempt(sim, rq);
}

/** The route timeout fired: the upstream request is reset, the caller gets 504 UT. */
export function onTimeout(sim: MeshSim, id: number): void {
  const rq = sim.state.traffic.requests[id];
  if (!rq) return;
  rq.timeoutTimer = null;
  if (rq.attemptTimer !== null) sim.cancel(rq.attemptTimer);
  if (sim.state.traffic.graph) noteRouteTimeout(sim, rq);
  releaseAttempt(sim, rq);
  finishRequest(sim, rq, 504, 'UT');
}
